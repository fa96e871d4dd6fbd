import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonoBitmap } from '../../electron/core/labels/label-types.ts';
import { monoBitmapToPngBuffer } from './mono-bitmap-png.ts';
import { decodeEscPos } from './printer-decoders.ts';
import { zbarDecode, zbarDecodeAsync } from './system-tools.ts';

/** Each label as a PNG in a fresh folder, and a way to remove them. */
function labelPngs(labels: MonoBitmap[]): { files: string[]; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  const files = labels.map((bitmap, i) => {
    const file = join(dir, `label-${i}.png`);
    writeFileSync(file, monoBitmapToPngBuffer(bitmap));
    return file;
  });
  return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The codes zbar reads on each label bitmap, in order: what a scanner reads off the paper. */
export function scanLabels(labels: MonoBitmap[]): string[][] {
  const pngs = labelPngs(labels);
  try {
    return pngs.files.map(zbarDecode);
  } finally {
    pngs.remove();
  }
}

/** As `scanLabels`, one label at a time without blocking the event loop. */
export async function scanLabelsAsync(labels: MonoBitmap[]): Promise<string[][]> {
  const pngs = labelPngs(labels);
  try {
    const codes: string[][] = [];
    for (const file of pngs.files) codes.push(await zbarDecodeAsync(file));
    return codes;
  } finally {
    pngs.remove();
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
