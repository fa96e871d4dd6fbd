import type { SuppliedMediaType } from './supplied-source.ts';

/**
 * A PNG's or JPEG's pixel size read from its header, before anything decodes it: a 5 MB file can
 * declare a picture of gigabytes. Undefined when the header cannot be read.
 */
export function imageSize(bytes: Buffer, mediaType: SuppliedMediaType): { width: number; height: number } | undefined {
  if (mediaType === 'image/png') {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (mediaType === 'image/jpeg') {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] ?? 0;
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      const length = bytes.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 and CC (DAC) are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}
