import { describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../../electron/core/labels/label-types.ts';
import { encodeEscPosLabel, escposInit, parseEscPosStatus } from '../../../electron/core/printers/raw/escpos-encoder.ts';
import { encodeTsplLabel, parseTsplStatus } from '../../../electron/core/printers/raw/tspl-encoder.ts';
import { encodeZplLabel, parseZplStatus } from '../../../electron/core/printers/raw/zpl-encoder.ts';
import { decodeEscPos, decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';

/** A label-like bitmap: blank margins, repeated rows, and noise, with a width that is not whole bytes. */
function sampleBitmap(width: number, height: number, seed: number): MonoBitmap {
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  let s = seed;
  for (let y = 10; y < height - 10; y++) {
    for (let x = 0; x < rowBytes; x++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      data[y * rowBytes + x] = y % 7 < 3 ? (s >> 8) & 0xff : x % 3 === 0 ? 0xf0 : 0;
    }
    const spare = rowBytes * 8 - width;
    data[y * rowBytes + rowBytes - 1] = (data[y * rowBytes + rowBytes - 1] ?? 0) & ((0xff << spare) & 0xff);
  }
  return { width, height, rowBytes, data };
}

const label = sampleBitmap(797, 600, 7);
const second = sampleBitmap(797, 600, 99);

describe('raw printer languages carry the label bitmap dot for dot', () => {
  it('ESC/POS: raster bands and a cut per label', () => {
    const bytes = Buffer.concat([escposInit, encodeEscPosLabel(label), encodeEscPosLabel(second)]);
    const decoded = decodeEscPos(bytes);
    expect(decoded.map((b) => Buffer.from(b.data))).toEqual([Buffer.from(label.data), Buffer.from(second.data)]);
  });

  it('TSPL: BITMAP with 0 = black, the inverse of the label bitmap', () => {
    const bytes = encodeTsplLabel(label, { dpi: 203, darkness: 8 });
    expect(bytes.toString('latin1', 0, 80)).toContain('SIZE 99.7 mm,75.1 mm\r\nGAP 2 mm,0 mm\r\nDENSITY 8\r\n');
    const dataStart = bytes.indexOf(`BITMAP 0,0,${label.rowBytes},${label.height},0,`) + `BITMAP 0,0,100,600,0,`.length;
    expect(bytes[dataStart]).toBe(0xff);
    const [decoded] = decodeTspl(Buffer.concat([bytes]));
    expect(Buffer.from(decoded?.data ?? [])).toEqual(Buffer.from(label.data));
  });

  it('ZPL: ^GFA hex with row compression, darkness as ~SD', () => {
    const bytes = encodeZplLabel(label, 15);
    const text = bytes.toString('latin1');
    expect(text.startsWith('~SD30^XA^PW797^LL600')).toBe(true);
    expect(text).toContain(':');
    expect(bytes.length).toBeLessThan(label.data.length * 2);
    const decoded = decodeZpl(Buffer.concat([bytes, encodeZplLabel(second, null)]));
    expect(decoded.map((b) => Buffer.from(b.data))).toEqual([Buffer.from(label.data), Buffer.from(second.data)]);
  });
});

describe('printer status answers', () => {
  it('ESC/POS DLE EOT: paper end and cover open are read from their bits', () => {
    expect(parseEscPosStatus(Buffer.from([0x12, 0x12]))).toBeUndefined();
    expect(parseEscPosStatus(Buffer.from([0x12, 0x12, 0x12]))).toEqual({ offline: false, coverOpen: false, paperOut: false, error: false });
    expect(parseEscPosStatus(Buffer.from([0x1a, 0x32, 0x72]))).toEqual({ offline: true, coverOpen: false, paperOut: true, error: false });
    expect(parseEscPosStatus(Buffer.from([0x12, 0x16, 0x12]))?.coverOpen).toBe(true);
  });

  it('TSPL <ESC>!?: one byte, "printing" is not a problem', () => {
    expect(parseTsplStatus(Buffer.alloc(0))).toBeUndefined();
    expect(Object.values(parseTsplStatus(Buffer.from([0x20])) ?? {}).some(Boolean)).toBe(false);
    expect(parseTsplStatus(Buffer.from([0x05]))).toMatchObject({ headOpen: true, paperOut: true, paused: false });
    expect(parseTsplStatus(Buffer.from([0x10]))?.paused).toBe(true);
  });

  it('ZPL ~HS: paper out, pause and head open flags', () => {
    const answer = (paper: string, pause: string, head: string): Buffer =>
      Buffer.from(`\x02030,${paper},${pause},1218,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,${head},0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`, 'latin1');
    expect(parseZplStatus(Buffer.from('\x02030,0,0,1218', 'latin1'))).toBeUndefined();
    expect(parseZplStatus(answer('0', '0', '0'))).toEqual({ paperOut: false, paused: false, headOpen: false, ribbonOut: false });
    expect(parseZplStatus(answer('1', '1', '1'))).toEqual({ paperOut: true, paused: true, headOpen: true, ribbonOut: false });
  });
});
