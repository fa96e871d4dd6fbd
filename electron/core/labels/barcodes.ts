import { createRequire } from 'node:module';
import { encodeCode128 } from './code128.ts';
import { encodeQr } from './qr-encoder.ts';

/** The one bwip-js call the fallbacks use. */
interface Bwip {
  raw(bcid: string, text: string, options: string): unknown[];
}
let bwip: Bwip | undefined;

/** bwip-js, loaded on first need: the fast encoders cover every usual AWB and invoice. */
function bwipjs(): Bwip {
  bwip ??= createRequire(import.meta.url)('bwip-js/node') as Bwip;
  return bwip;
}
import type { BarsElement, MatrixElement } from './layout-model.ts';

/** Code 128 needs at least 10 modules of white on each side to scan. */
export const quietZoneModules = 10;

export class BarcodeError extends Error {
  override name = 'BarcodeError';
}

/** Bar and space widths (modules) of a Code 128 symbol, starting with a bar. */
export function code128Widths(text: string): number[] {
  const fast = encodeCode128(text);
  if (fast) return fast;
  try {
    const [symbol] = bwipjs().raw('code128', text, '') as { sbs: number[] }[];
    if (!symbol) throw new BarcodeError(`no Code 128 symbol for "${text}"`);
    return symbol.sbs;
  } catch (error) {
    if (error instanceof BarcodeError) throw error;
    throw new BarcodeError(`"${text}" cannot be drawn as Code 128: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export interface QrMatrix {
  columns: number;
  rows: number;
  cells: ArrayLike<number>;
}

/** A QR code of the text: the fast encoder for short texts, bwip-js for the rare long one. */
export function qrMatrix(text: string): QrMatrix {
  const fast = encodeQr(text, 'M');
  if (fast) return { columns: fast.size, rows: fast.size, cells: fast.cells };
  try {
    const [symbol] = bwipjs().raw('qrcode', text, 'eclevel=M') as { pixs: number[]; pixx: number; pixy: number }[];
    if (!symbol) throw new BarcodeError(`no QR code for "${text}"`);
    return { columns: symbol.pixx, rows: symbol.pixy, cells: symbol.pixs };
  } catch (error) {
    if (error instanceof BarcodeError) throw error;
    throw new BarcodeError(`"${text}" cannot be drawn as a QR code: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Narrower than this (10 mil), a thermal-printed bar code stops scanning reliably. */
export const minModuleMm = 0.25;

/** A 1-D symbol's box: the widest whole-dot module that fits, capped, quiet zones included. */
export interface BarsPlacement {
  /** Left edge of the box (the quiet zone starts here), in dots. */
  boxXDots: number;
  boxWidthDots: number;
  yDots: number;
  heightDots: number;
  maxModuleDots: number;
  /** The resolution, for the narrowest module allowed. */
  dpi: number;
}

/**
 * Places Code 128 bars centred in a box on the dot grid. Each module is a whole number of dots,
 * as wide as fits up to the cap, so the printer prints every bar at its true width; nothing is
 * scaled later. Null when even the narrowest reliable module does not fit the box.
 */
export function placeBars(widths: readonly number[], place: BarsPlacement): BarsElement | null {
  const modules = widths.reduce((sum, w) => sum + w, 0) + 2 * quietZoneModules;
  const minModuleDots = Math.max(1, Math.round((minModuleMm * place.dpi) / 25.4));
  const moduleDots = Math.min(place.maxModuleDots, Math.floor(place.boxWidthDots / modules));
  if (moduleDots < minModuleDots) return null;
  const symbolDots = (modules - 2 * quietZoneModules) * moduleDots;
  const xDots = place.boxXDots + Math.floor((place.boxWidthDots - symbolDots) / 2);
  return { kind: 'bars', xDots, yDots: place.yDots, heightDots: place.heightDots, moduleDots, widths };
}

/**
 * Places a QR matrix in a square of `sizeDots` on the dot grid, keeping a module of white on
 * each side inside the square; the label's margin and the section's padding add the rest of
 * the quiet zone. Bigger modules matter more on a 203-dpi printer than a wide quiet zone.
 */
export function placeMatrix(matrix: QrMatrix, xDots: number, yDots: number, sizeDots: number): MatrixElement {
  const moduleDots = Math.max(1, Math.floor(sizeDots / (matrix.columns + 2)));
  const offset = Math.floor((sizeDots - matrix.columns * moduleDots) / 2);
  return { kind: 'matrix', xDots: xDots + offset, yDots: yDots + offset, moduleDots, columns: matrix.columns, rows: matrix.rows, cells: matrix.cells };
}
