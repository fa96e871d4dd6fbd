import type { FontWeight } from './label-fonts.ts';

/**
 * A label laid out once, painted many ways. Text and rules are in mm from the label's top-left
 * corner; barcodes are in whole printer dots so both painters put every module on the dot grid.
 */
export interface TextElement {
  kind: 'text';
  xMm: number;
  /** The alphabetic baseline. */
  baselineMm: number;
  sizePt: number;
  weight: FontWeight;
  /** Already drawable with the font (see `LabelFont.drawable`), measured to fit its box. */
  text: string;
  /** White text, drawn over a black `rect`. */
  inverse?: boolean;
}

export interface RectElement {
  kind: 'rect';
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** A 1-D barcode: alternating bar and space widths in modules, starting with a bar. */
export interface BarsElement {
  kind: 'bars';
  xDots: number;
  yDots: number;
  heightDots: number;
  moduleDots: number;
  widths: readonly number[];
}

/** A 2-D barcode: `cells[row * columns + column]` is 1 for a dark module. */
export interface MatrixElement {
  kind: 'matrix';
  xDots: number;
  yDots: number;
  moduleDots: number;
  columns: number;
  rows: number;
  cells: ArrayLike<number>;
}

export type LayoutElement = TextElement | RectElement | BarsElement | MatrixElement;

export interface LabelLayout {
  widthMm: number;
  heightMm: number;
  /** The dot grid the barcodes sit on. */
  dpi: number;
  elements: LayoutElement[];
}

export const mmPerInch = 25.4;
export const dotsToMm = (dots: number, dpi: number): number => (dots * mmPerInch) / dpi;
export const mmToDots = (mm: number, dpi: number): number => (mm * dpi) / mmPerInch;
