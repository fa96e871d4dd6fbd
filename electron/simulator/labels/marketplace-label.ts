import { code128Widths } from '../../core/labels/barcodes.ts';

/** What a marketplace prints on its own label; the AWB is the platform's, not the order's. */
export interface MarketplaceLabel {
  platform: string;
  awb: string;
  sortCode: string;
  service: string;
  cod: number | null;
  recipient: string;
  city: string;
  invoice: string;
}

/** Drawing primitives in mm from the label's top-left; one implementation per output format. */
export interface Pen {
  rect(x: number, y: number, w: number, h: number): void;
  frame(x: number, y: number, w: number, h: number, lineMm: number): void;
  text(text: string, x: number, y: number, sizeMm: number, bold?: boolean): void;
  dashedLine(x0: number, y0: number, x1: number, y1: number): void;
}

/** The module width of the AWB bars: wide enough to scan when a 4×6 label shrinks a little. */
const moduleMm = 0.38;

function bars(pen: Pen, text: string, x: number, y: number, heightMm: number): number {
  let at = x + 10 * moduleMm;
  code128Widths(text).forEach((w, i) => {
    if (i % 2 === 0) pen.rect(at, y, w * moduleMm, heightMm);
    at += w * moduleMm;
  });
  return at + 10 * moduleMm - x;
}

/**
 * A marketplace-style label, 100 × 150 mm unless told (150 × 100 is landscape), at (x, y):
 * a frame, the platform and service, a large sort code, the platform's AWB as Code 128 with its
 * text, a COD banner, the recipient.
 */
export function drawMarketplaceLabel(pen: Pen, label: MarketplaceLabel, x: number, y: number, size: { w: number; h: number } = { w: 100, h: 150 }): void {
  const { w, h } = size;
  const landscape = w > h;
  pen.frame(x + 1, y + 1, w - 2, h - 2, 0.6);
  pen.text(label.platform, x + 4, y + 4, 6, true);
  pen.text(label.service, x + w - 30, y + 8, 3.2, true);
  pen.rect(x + 1, y + 13, w - 2, 0.6);
  pen.text(label.sortCode, x + 4, y + 16, 9, true);
  const barsTop = y + 30;
  bars(pen, label.awb, x + 4, barsTop, 20);
  pen.text(label.awb, x + 14, barsTop + 22, 4, true);
  const infoTop = landscape ? y + 60 : y + 62;
  if (label.cod !== null) {
    pen.frame(x + 4, infoTop, 40, 9, 0.8);
    pen.text('COD', x + 6, infoTop + 1.5, 6, true);
    pen.text(`Rp ${label.cod.toLocaleString('id-ID')}`, x + 48, infoTop + 2, 4.5, true);
  } else {
    pen.text('NON-COD', x + 4, infoTop + 1, 6, true);
  }
  pen.text(`Penerima: ${label.recipient}`, x + 4, infoTop + 14, 4);
  pen.text(label.city, x + 4, infoTop + 20, 4);
  pen.text(`No. Pesanan ${label.invoice}`, x + 4, infoTop + 26, 3.2);
}

/** Where the four 95 × 138 mm labels of an A4 sheet sit, clear of the cut lines. */
export const a4Cells = [
  [4, 4],
  [109, 4],
  [4, 152.5],
  [109, 152.5],
] as const;
export const a4LabelSize = { w: 95, h: 138 };

/** An A4 sheet (210 × 297 mm) of up to four labels in a 2 × 2 grid with dashed cut lines; null leaves a cell blank. */
export function drawA4Sheet(pen: Pen, labels: readonly (MarketplaceLabel | null)[]): void {
  labels.slice(0, 4).forEach((label, i) => {
    const [cx, cy] = a4Cells[i] ?? [0, 0];
    if (label) drawMarketplaceLabel(pen, label, cx, cy, a4LabelSize);
  });
  pen.dashedLine(105, 0, 105, 297);
  pen.dashedLine(0, 148.5, 210, 148.5);
}
