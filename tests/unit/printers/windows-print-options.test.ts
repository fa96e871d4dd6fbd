import { describe, expect, it } from 'vitest';
import { windowsPrintOptions } from '../../../electron/core/printers/windows/windows-print-options.ts';

describe('Windows printing through SumatraPDF', () => {
  it('prints silently at 100 %, portrait, black and white, on the named printer', () => {
    expect(windowsPrintOptions('XP-420B', '100x150')).toEqual({
      printer: 'XP-420B', scale: 'noscale', orientation: 'portrait', monochrome: true, silent: true, printDialog: false, copies: 1,
    });
  });

  it('names the paper only where Windows has a standard one', () => {
    expect(windowsPrintOptions('HP', 'a4-4up').paperSize).toBe('A4');
    expect(windowsPrintOptions('HP', 'a6').paperSize).toBe('A6');
    expect(windowsPrintOptions('XP-420B', '100x100')).not.toHaveProperty('paperSize');
  });
});
