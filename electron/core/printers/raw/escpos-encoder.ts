import type { MonoBitmap } from '../../labels/label-types.ts';

/** ESC @: reset the printer to its defaults before a job. */
export const escposInit = Buffer.from([0x1b, 0x40]);

/** DLE EOT 1, 2 and 4: printer, offline-cause and paper-sensor status, one byte answered for each. */
export const escposStatusQuery = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);

/** Rows per `GS v 0` block: small enough for the receive buffer of cheap printers. */
const bandRows = 256;

/**
 * One label as `GS v 0` raster blocks (1 = black, MSB first, as the bitmap already is), then
 * `GS V 65 0`: feed to the cutter and cut, so each label comes out on its own.
 */
export function encodeEscPosLabel(bitmap: MonoBitmap): Buffer {
  const parts: Buffer[] = [];
  for (let top = 0; top < bitmap.height; top += bandRows) {
    const rows = Math.min(bandRows, bitmap.height - top);
    const header = Buffer.from([
      0x1d, 0x76, 0x30, 0x00,
      bitmap.rowBytes & 0xff, bitmap.rowBytes >> 8,
      rows & 0xff, rows >> 8,
    ]);
    parts.push(header, Buffer.from(bitmap.data.subarray(top * bitmap.rowBytes, (top + rows) * bitmap.rowBytes)));
  }
  parts.push(Buffer.from([0x1d, 0x56, 0x41, 0x00]));
  return Buffer.concat(parts);
}

export interface EscPosStatus {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  error: boolean;
}

/** Reads the three status bytes `escposStatusQuery` asks for; undefined until all have arrived. */
export function parseEscPosStatus(answer: Buffer): EscPosStatus | undefined {
  if (answer.length < 3) return undefined;
  const [printer = 0, offlineCause = 0, paper = 0] = answer;
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) !== 0,
    error: (offlineCause & 0x40) !== 0,
  };
}
