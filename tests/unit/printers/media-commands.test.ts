import { describe, expect, it } from 'vitest';
import { calibrationCommands } from '../../../electron/core/printers/raw/raw-calibration.ts';
import { encodeTsplLabel, tsplMediaCommands } from '../../../electron/core/printers/raw/tspl-encoder.ts';
import { encodeZplLabel } from '../../../electron/core/printers/raw/zpl-encoder.ts';
import { PrinterConfigError } from '../../../electron/core/printers/printer-errors.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';

const bitmap = { width: 16, height: 2, rowBytes: 2, data: new Uint8Array([0xff, 0x00, 0x0f, 0xf0]) };
const profile: PrinterProfile = { id: 'p', name: 'Desk', uri: 'tspl+system:Desk', template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 6, labelsPerJob: 5 };

describe('the medium in the raw languages', () => {
  it('TSPL: GAP for die-cut labels, BLINE for black marks, GAP 0,0 for a continuous roll, SPEED when set', () => {
    expect(tsplMediaCommands()).toEqual(['GAP 2 mm,0 mm']);
    expect(tsplMediaCommands({ sensor: 'gap', gapMm: 3, offsetMm: 0.5, speedIps: 4 })).toEqual(['GAP 3 mm,0.5 mm', 'SPEED 4']);
    expect(tsplMediaCommands({ sensor: 'mark', gapMm: 2.5, offsetMm: 1, speedIps: null })).toEqual(['BLINE 2.5 mm,1 mm']);
    expect(tsplMediaCommands({ sensor: 'continuous', gapMm: 3, offsetMm: 0, speedIps: 2 })).toEqual(['GAP 0,0', 'SPEED 2']);
    const bytes = encodeTsplLabel(bitmap, { dpi: 203, darkness: 6, media: { sensor: 'mark', gapMm: 3, offsetMm: 0, speedIps: 3 } });
    expect(bytes.toString('latin1')).toMatch(/^SIZE [\d.]+ mm,[\d.]+ mm\r\nBLINE 3 mm,0 mm\r\nSPEED 3\r\nDENSITY 6\r\n/);
    expect(decodeTspl(bytes)[0]?.data).toEqual(bitmap.data);
  });

  it('ZPL: ^MN sensing (mark offset in dots), ^PR speed, nothing when no medium is set', () => {
    expect(encodeZplLabel(bitmap, null).toString('latin1')).toMatch(/^\^XA\^PW16\^LL2/);
    const mark = encodeZplLabel(bitmap, 5, { media: { sensor: 'mark', gapMm: 3, offsetMm: 2.5, speedIps: 4 }, dpi: 203 }).toString('latin1');
    expect(mark.startsWith('~SD10^XA^MNM,20^PR4^PW16^LL2')).toBe(true);
    expect(encodeZplLabel(bitmap, null, { media: { sensor: 'continuous', gapMm: 0, offsetMm: 0, speedIps: null } }).toString('latin1')).toContain('^XA^MNN^PW');
    expect(decodeZpl(Buffer.from(mark, 'latin1'))[0]?.data).toEqual(bitmap.data);
  });

  it('calibration: GAPDETECT / BLINEDETECT in TSPL, ~JC in ZPL, refused for ESC/POS with what to do instead', () => {
    expect(calibrationCommands('tspl', profile, 'Desk').toString('latin1')).toBe('GAP 2 mm,0 mm\r\nGAPDETECT\r\n');
    expect(calibrationCommands('tspl', { ...profile, media: { sensor: 'mark', gapMm: 3, offsetMm: 0, speedIps: null } }, 'Desk').toString('latin1')).toBe('BLINE 3 mm,0 mm\r\nBLINEDETECT\r\n');
    expect(calibrationCommands('tspl', { ...profile, media: { sensor: 'continuous', gapMm: 0, offsetMm: 0, speedIps: null } }, 'Desk').toString('latin1')).toBe('GAP 0,0\r\n');
    expect(calibrationCommands('zpl', profile, 'Desk').toString('latin1')).toBe('^XA^MNY^XZ~JC');
    expect(() => calibrationCommands('escpos', profile, 'Desk')).toThrow(PrinterConfigError);
  });
});
