import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonoBitmap } from '../../electron/core/labels/label-types.ts';
import { monoBitmapToPngBuffer } from './mono-bitmap-png.ts';
import { decodeEscPos } from './printer-decoders.ts';
import { zbarDecode } from './system-tools.ts';

/** The codes zbar reads on each label bitmap, in order: what a scanner reads off the paper. */
export function scanLabels(labels: MonoBitmap[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    return labels.map((bitmap, i) => {
      const file = join(dir, `label-${i}.png`);
      writeFileSync(file, monoBitmapToPngBuffer(bitmap));
      return zbarDecode(file);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cutCommand = Buffer.from([0x1d, 0x56]);

/**
 * The labels of one ESC/POS connection that came out whole and cut. A connection dropped in the
 * middle of a label (the printer was switched off) still put the labels before it on paper, but
 * `decodeEscPos` rejects the whole connection; so this decodes the longest prefix that ends with a
 * cut. A `GS V` inside raster data is no such prefix: its raster block runs past the end and throws.
 */
export function wholeEscPosLabels(bytes: Buffer): MonoBitmap[] {
  try {
    return decodeEscPos(bytes);
  } catch {
    for (let at = bytes.lastIndexOf(cutCommand); at >= 0; at = at > 0 ? bytes.lastIndexOf(cutCommand, at - 1) : -1) {
      const length = bytes[at + 2] === 0x41 || bytes[at + 2] === 0x42 ? 4 : 3;
      try {
        return decodeEscPos(bytes.subarray(0, at + length));
      } catch {
        // Not a command boundary: look further back.
      }
    }
    return [];
  }
}
