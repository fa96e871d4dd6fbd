import { describe, expect, it } from 'vitest';
import { formatRupiah, formatWib } from '../../../electron/core/labels/label-format.ts';

describe('label formats', () => {
  it('writes rupiah as Indonesian couriers do', () => {
    expect(formatRupiah(50_000)).toBe('Rp 50.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(987_654_321)).toBe('Rp 987.654.321');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(-15_000)).toBe('-Rp 15.000');
  });

  it('writes times in WIB (UTC+7) whatever the machine zone', () => {
    expect(formatWib(new Date('2026-11-29T01:43:00Z'))).toBe('2026-11-29 08:43 WIB');
    expect(formatWib(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01 03:00 WIB');
  });
});
