import { crc32, deflateSync } from 'node:zlib';
import type { MonoBitmap } from './label-types.ts';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A greyscale PNG from its filtered rows (each row starts with its filter byte). */
export function greyscalePng(width: number, height: number, bitDepth: 1 | 8, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bitDepth, 8);
  header.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1-bit greyscale PNG of the bitmap (PNG's 0 is black, the bitmap's 1 is black: inverted). */
export function monoBitmapToPng(bitmap: MonoBitmap): Buffer {
  const raw = Buffer.alloc((bitmap.rowBytes + 1) * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    const row = y * (bitmap.rowBytes + 1);
    raw[row] = 0; // filter: none
    for (let i = 0; i < bitmap.rowBytes; i++) raw[row + 1 + i] = ~bitmap.data[y * bitmap.rowBytes + i] & 0xff;
  }
  return greyscalePng(bitmap.width, bitmap.height, 1, raw);
}
