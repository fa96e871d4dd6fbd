import PDFDocument from 'pdfkit';
import type { MonoBitmap, RenderOptions } from './label-types.ts';
import { code128Widths, placeBars } from './barcodes.ts';
import { templateSize } from './label-templates.ts';
import { mmToDots, type LabelLayout, type LayoutElement } from './layout-model.ts';
import { paintPdf } from './pdf-painter.ts';
import { embedLabelFonts } from './pdf-fonts.ts';
import { pageSizePt } from './render-pdf.ts';
import { paintRaster } from './raster-painter.ts';
import { renderContext, type RenderContext } from './render-context.ts';
import { placeLines } from './section-kit.ts';
import { fitParagraphs } from './text-fit.ts';

/** A roll has no fixed length: its test page is this long. */
const rollTestLengthMm = 100;

/** Ticks every mm, longer every 5 and 10, numbered every 10, along the top and left edges. */
function rulers(widthMm: number, heightMm: number): LayoutElement[] {
  const ticks: LayoutElement[] = [];
  const tick = (n: number): number => (n % 10 === 0 ? 4 : n % 5 === 0 ? 2.5 : 1.2);
  for (let x = 0; x <= Math.floor(widthMm); x++) ticks.push({ kind: 'rect', xMm: x === 0 ? 0 : x - 0.1, yMm: 0, widthMm: 0.2, heightMm: tick(x) });
  for (let y = 0; y <= Math.floor(heightMm); y++) ticks.push({ kind: 'rect', xMm: 0, yMm: y === 0 ? 0 : y - 0.1, widthMm: tick(y), heightMm: 0.2 });
  return ticks;
}

function testPageLayout(ctx: RenderContext, options: RenderOptions): LabelLayout {
  const size = templateSize(ctx.template.id);
  const widthMm = size.widthMm;
  const heightMm = size.heightMm === 'auto' ? rollTestLengthMm : size.heightMm;
  const { dpi, fonts } = ctx;
  const elements = rulers(widthMm, heightMm);
  const numbers: LayoutElement[] = [];
  for (let mm = 10; mm < widthMm - 3; mm += 10) numbers.push(...placeLines(fonts, fitParagraphs(fonts, [{ text: String(mm), weight: 'regular' }], 8, 4, { startPt: 6, floorPt: 6, lineHeight: 1.1 }), { xMm: mm + 0.5, yMm: 3, widthMm: 8, heightMm: 4 }, 'left').elements);
  for (let mm = 10; mm < heightMm - 3; mm += 10) numbers.push(...placeLines(fonts, fitParagraphs(fonts, [{ text: String(mm), weight: 'regular' }], 8, 4, { startPt: 6, floorPt: 6, lineHeight: 1.1 }), { xMm: 4.5, yMm: mm - 1.2, widthMm: 8, heightMm: 4 }, 'left').elements);
  const text = { xMm: 12, yMm: 12, widthMm: widthMm - 20, heightMm: Math.min(30, heightMm / 3) };
  const lines = fitParagraphs(fonts, [
    { text: 'Label Station test page', weight: 'bold' },
    { text: `${dpi} dpi \u00B7 template ${ctx.template.id} \u00B7 ${widthMm} \u00D7 ${heightMm} mm`, weight: 'regular' },
    { text: `offset x ${(options.offsetXmm ?? 0).toFixed(1)} mm, y ${(options.offsetYmm ?? 0).toFixed(1)} mm`, weight: 'regular' },
    { text: 'The ruler ticks are 1 mm apart; the barcode below must scan.', weight: 'regular' },
  ], text.widthMm, text.heightMm, { startPt: 10, floorPt: 6, lineHeight: 1.25 });
  const placed = placeLines(fonts, lines, text, 'left');
  const barTop = text.yMm + placed.heightMm + 3;
  const left = Math.ceil(mmToDots(text.xMm, dpi));
  const bars = placeBars(code128Widths(`TEST-${dpi}DPI`), {
    boxXDots: left,
    boxWidthDots: Math.floor(mmToDots(Math.min(text.xMm + text.widthMm, text.xMm + 70), dpi)) - left,
    yDots: Math.ceil(mmToDots(barTop, dpi)),
    heightDots: Math.round(mmToDots(Math.min(15, heightMm - barTop - 2), dpi)),
    maxModuleDots: Math.max(1, Math.floor(mmToDots(0.5, dpi))),
    dpi,
  });
  if (!bars) throw new Error('the test page barcode does not fit its page');
  return { widthMm, heightMm, dpi, elements: [...elements, ...numbers, ...placed.elements, bars] };
}

/** The calibration page as PDF: mm rulers on the edges, the dpi, a Code 128 barcode. */
export function renderTestPagePdf(options: RenderOptions): Buffer {
  const ctx = renderContext(options);
  const layout = testPageLayout(ctx, options);
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, info: { Title: 'Label Station test page', Creator: 'Label Station' } });
  const fonts = embedLabelFonts(doc, ctx.fonts);
  doc.addPage({ size: pageSizePt(layout.widthMm, layout.heightMm, ctx.dpi), margin: 0 });
  paintPdf(doc, layout, (ctx.offsetXDots * 72) / ctx.dpi, (ctx.offsetYDots * 72) / ctx.dpi, fonts);
  // pdfkit writes the whole document into its stream buffer on end(); read it out at once.
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk: unknown = doc.read(); chunk !== null; chunk = doc.read()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The calibration page as the 1-bit bitmap a thermal printer takes. */
export function renderTestPageRaster(options: RenderOptions): MonoBitmap {
  const ctx = renderContext(options);
  return paintRaster(testPageLayout(ctx, options), ctx.fonts, ctx.offsetXDots, ctx.offsetYDots);
}
