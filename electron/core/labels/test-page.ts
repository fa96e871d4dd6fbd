import { pdfDocumentClass } from './lazy-libraries.ts';
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
const rollTestLengthMm = 130;

/** A hairline frame exactly on the label's edge: where it is cut off or doubled shows the offset to set. */
function frame(widthMm: number, heightMm: number): LayoutElement[] {
  const line = 0.3;
  return [
    { kind: 'rect', xMm: 0, yMm: 0, widthMm, heightMm: line },
    { kind: 'rect', xMm: 0, yMm: heightMm - line, widthMm, heightMm: line },
    { kind: 'rect', xMm: 0, yMm: 0, widthMm: line, heightMm },
    { kind: 'rect', xMm: widthMm - line, yMm: 0, widthMm: line, heightMm },
  ];
}

/**
 * Code 128 at module widths of exactly 1 to 4 dots, each labelled: the thinnest one that still
 * scans tells the operator whether the darkness is right. Placed by hand, not fitted: a
 * 1-dot module is below what labels use, on purpose.
 */
function moduleLadder(ctx: RenderContext, topMm: number, widthMm: number, heightMm: number): LayoutElement[] {
  const { dpi, fonts } = ctx;
  const elements: LayoutElement[] = [];
  const rowMm = 9;
  for (let dots = 1; dots <= 4; dots++) {
    const yMm = topMm + (dots - 1) * (rowMm + 1.5);
    if (yMm + rowMm > heightMm - 2) break;
    const caption = fitParagraphs(fonts, [{ text: `${dots} dot${dots > 1 ? 's' : ''}`, weight: 'regular' }], 12, rowMm, { startPt: 7, floorPt: 6, lineHeight: 1.1 });
    elements.push(...placeLines(fonts, caption, { xMm: 12, yMm: yMm + rowMm / 2 - 1.5, widthMm: 12, heightMm: rowMm }, 'left').elements);
    const widths = code128Widths(`${dpi}-${dots}`);
    const left = Math.ceil(mmToDots(25, dpi));
    const symbolDots = widths.reduce((sum, w) => sum + w, 0) * dots;
    if (left + symbolDots > mmToDots(widthMm - 3, dpi)) break;
    elements.push({ kind: 'bars', xDots: left, yDots: Math.ceil(mmToDots(yMm, dpi)), heightDots: Math.round(mmToDots(rowMm, dpi)), moduleDots: dots, widths });
  }
  return elements;
}

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
  const elements = [...frame(widthMm, heightMm), ...rulers(widthMm, heightMm)];
  const numbers: LayoutElement[] = [];
  for (let mm = 10; mm < widthMm - 3; mm += 10) numbers.push(...placeLines(fonts, fitParagraphs(fonts, [{ text: String(mm), weight: 'regular' }], 8, 4, { startPt: 6, floorPt: 6, lineHeight: 1.1 }), { xMm: mm + 0.5, yMm: 3, widthMm: 8, heightMm: 4 }, 'left').elements);
  for (let mm = 10; mm < heightMm - 3; mm += 10) numbers.push(...placeLines(fonts, fitParagraphs(fonts, [{ text: String(mm), weight: 'regular' }], 8, 4, { startPt: 6, floorPt: 6, lineHeight: 1.1 }), { xMm: 4.5, yMm: mm - 1.2, widthMm: 8, heightMm: 4 }, 'left').elements);
  const text = { xMm: 12, yMm: 12, widthMm: widthMm - 20, heightMm: Math.min(30, heightMm / 3) };
  const lines = fitParagraphs(fonts, [
    { text: 'Label Station test page', weight: 'bold' },
    { text: `${dpi} dpi \u00B7 template ${ctx.template.id} \u00B7 ${widthMm} \u00D7 ${heightMm} mm`, weight: 'regular' },
    { text: `offset x ${(options.offsetXmm ?? 0).toFixed(1)} mm, y ${(options.offsetYmm ?? 0).toFixed(1)} mm`, weight: 'regular' },
    { text: 'The frame is the label\u2019s edge; ruler ticks are 1 mm apart.', weight: 'regular' },
    { text: 'Shift X + \u2192 moves the print right, Shift Y + \u2193 moves it down (negative: left, up).', weight: 'regular' },
    { text: 'Raise darkness until the thinnest barcode below scans.', weight: 'regular' },
  ], text.widthMm, text.heightMm, { startPt: 10, floorPt: 6, lineHeight: 1.25 });
  const placed = placeLines(fonts, lines, text, 'left');
  const barTop = text.yMm + placed.heightMm + 3;
  const left = Math.ceil(mmToDots(text.xMm, dpi));
  const bars = placeBars(code128Widths(`TEST-${dpi}DPI`), {
    boxXDots: left,
    boxWidthDots: Math.floor(mmToDots(Math.min(text.xMm + text.widthMm, text.xMm + 70), dpi)) - left,
    yDots: Math.ceil(mmToDots(barTop, dpi)),
    heightDots: Math.round(mmToDots(Math.min(12, heightMm - barTop - 2), dpi)),
    maxModuleDots: Math.max(1, Math.floor(mmToDots(0.5, dpi))),
    dpi,
  });
  if (!bars) throw new Error('the test page barcode does not fit its page');
  const ladder = moduleLadder(ctx, barTop + Math.min(12, heightMm - barTop - 2) + 3, widthMm, heightMm);
  return { widthMm, heightMm, dpi, elements: [...elements, ...numbers, ...placed.elements, bars, ...ladder] };
}

/**
 * The calibration sheet as PDF: a frame on the label's edge, mm rulers along the top and left,
 * which way the offsets move the print, a Code 128 barcode and the same at 1–4 dot modules.
 */
export function renderTestPagePdf(options: RenderOptions): Buffer {
  const ctx = renderContext(options);
  const layout = testPageLayout(ctx, options);
  const doc = new (pdfDocumentClass())({ autoFirstPage: false, margin: 0, compress: true, info: { Title: 'Label Station test page', Creator: 'Label Station' } });
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
