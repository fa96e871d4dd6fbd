import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { drawA4Sheet, drawMarketplaceLabel, type MarketplaceLabel, type Pen } from './marketplace-label.ts';

const ptPerMm = 72 / 25.4;
const fontDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

export type LabelShape = 'portrait' | 'landscape' | 'a4-4up' | 'a4-single';

const pageMm = (shape: LabelShape): [number, number] => (shape === 'landscape' ? [150, 100] : shape === 'portrait' ? [100, 150] : [210, 297]);

function draw(pen: Pen, shape: LabelShape, labels: readonly (MarketplaceLabel | null)[]): void {
  if (shape === 'a4-4up') drawA4Sheet(pen, labels);
  else if (shape === 'a4-single') drawA4Sheet(pen, [labels[0] ?? null]);
  else if (labels[0]) drawMarketplaceLabel(pen, labels[0], 0, 0, shape === 'landscape' ? { w: 150, h: 100 } : undefined);
}

/**
 * A PDF as marketplaces hand them out: one page per entry of `pages`, vector bars, text in an
 * unembedded standard font (Helvetica), as Shopee's and TikTok's are.
 */
export async function marketplacePdf(shape: LabelShape, pages: readonly (readonly (MarketplaceLabel | null)[])[]): Promise<Buffer> {
  const [w, h] = pageMm(shape);
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: 'Shipping label', Producer: 'Marketplace simulator' } });
  const pen: Pen = {
    rect: (x, y, rw, rh) => void doc.rect(x * ptPerMm, y * ptPerMm, rw * ptPerMm, rh * ptPerMm).fill('black'),
    frame: (x, y, rw, rh, line) => void doc.lineWidth(line * ptPerMm).rect(x * ptPerMm, y * ptPerMm, rw * ptPerMm, rh * ptPerMm).stroke('black'),
    text: (text, x, y, size, bold) => void doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size * ptPerMm * 1.4).fillColor('black').text(text, x * ptPerMm, y * ptPerMm, { lineBreak: false }),
    dashedLine: (x0, y0, x1, y1) => void doc.lineWidth(0.5).dash(4, { space: 3 }).moveTo(x0 * ptPerMm, y0 * ptPerMm).lineTo(x1 * ptPerMm, y1 * ptPerMm).stroke('black').undash(),
  };
  const out = buffer(doc);
  for (const labels of pages) {
    doc.addPage({ size: [w * ptPerMm, h * ptPerMm], margin: 0 });
    draw(pen, shape, labels);
  }
  doc.end();
  return out;
}

let canvasModule: typeof Canvas | undefined;
function canvas(): typeof Canvas {
  if (!canvasModule) {
    canvasModule = createRequire(import.meta.url)('@napi-rs/canvas') as typeof Canvas;
    canvasModule.GlobalFonts.registerFromPath(`${fontDir}DejaVuSans.ttf`, 'MarketplaceSans');
    canvasModule.GlobalFonts.registerFromPath(`${fontDir}DejaVuSans-Bold.ttf`, 'MarketplaceSansBold');
  }
  return canvasModule;
}

/** The same label as a picture: PNG, or JPEG (lossy, as phone screenshots are), at `pxPerMm`. */
export function marketplaceImage(shape: LabelShape, labels: readonly (MarketplaceLabel | null)[], format: 'png' | 'jpeg', pxPerMm = 8): Buffer {
  const [w, h] = pageMm(shape);
  const surface = canvas().createCanvas(Math.round(w * pxPerMm), Math.round(h * pxPerMm));
  const ctx = surface.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, surface.width, surface.height);
  ctx.fillStyle = 'black';
  ctx.strokeStyle = 'black';
  const px = (mm: number): number => Math.round(mm * pxPerMm);
  const pen: Pen = {
    rect: (x, y, rw, rh) => ctx.fillRect(px(x), px(y), px(x + rw) - px(x), px(y + rh) - px(y)),
    frame: (x, y, rw, rh, line) => {
      ctx.lineWidth = Math.max(1, px(line));
      ctx.strokeRect(px(x), px(y), px(rw), px(rh));
    },
    text: (text, x, y, size, bold) => {
      ctx.font = `${px(size * 1.4)}px ${bold ? 'MarketplaceSansBold' : 'MarketplaceSans'}`;
      ctx.textBaseline = 'top';
      ctx.fillText(text, px(x), px(y));
    },
    dashedLine: (x0, y0, x1, y1) => {
      ctx.setLineDash([px(1.5), px(1)]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(px(x0), px(y0));
      ctx.lineTo(px(x1), px(y1));
      ctx.stroke();
      ctx.setLineDash([]);
    },
  };
  draw(pen, shape, labels);
  return format === 'png' ? surface.toBuffer('image/png') : surface.toBuffer('image/jpeg', 85);
}
