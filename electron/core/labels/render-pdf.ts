import { Readable } from 'node:stream';
import type PDFDocument from 'pdfkit';
import { pdfDocumentClass } from './lazy-libraries.ts';
import type { LabelToRender, RenderOptions } from './label-types.ts';
import { paintPdf, ptPerMm } from './pdf-painter.ts';
import { embedLabelFonts, type PdfLabelFonts } from './pdf-fonts.ts';
import { LabelRenderError, renderContext, type RenderContext } from './render-context.ts';
import type { SheetSpec } from './label-templates.ts';
import { artworkPng } from './supplied/supplied-raster.ts';

type Doc = InstanceType<typeof PDFDocument>;

function createDocument(ctx: RenderContext, title: string): { doc: Doc; fonts: PdfLabelFonts } {
  const doc = new (pdfDocumentClass())({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    info: { Title: title, Creator: 'Label Station' },
  });
  return { doc, fonts: embedLabelFonts(doc, ctx.fonts) };
}

const dotsToPt = (dots: number, dpi: number): number => (dots * 72) / dpi;

/** A page size in pt rounded to whole dots, so the dot grid lines up from every corner of the page. */
export const pageSizePt = (widthMm: number, heightMm: number, dpi: number): [number, number] => [
  dotsToPt(Math.round((widthMm * dpi) / 25.4), dpi),
  dotsToPt(Math.round((heightMm * dpi) / 25.4), dpi),
];

/**
 * Starts a page. pdfkit keeps each finished page's dictionary, and through it the page's
 * resources and content objects, until the document ends, only to write "N 0 R" in the page
 * index; once the page is written (adding the next one writes it), its contents are dropped so
 * memory stays flat over a long batch.
 */
function addPage(doc: Doc, size: [number, number]): void {
  const page: unknown = Reflect.get(doc, 'page');
  const finished: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, 'dictionary') : undefined;
  doc.addPage({ size, margin: 0 });
  if (typeof finished === 'object' && finished !== null && 'data' in finished) Reflect.set(finished, 'data', {});
}

/** Marks where to cut between the labels of a sheet, kept outside every label's margin. */
function cutMarks(doc: Doc, sheet: SheetSpec): void {
  const cellW = sheet.widthMm / sheet.columns;
  const cellH = sheet.heightMm / sheet.rows;
  const half = sheet.cutMarkMm / 2;
  for (let c = 1; c < sheet.columns; c++) {
    for (let r = 0; r <= sheet.rows; r++) {
      const y = r * cellH;
      doc.moveTo(c * cellW * ptPerMm, Math.max(0, y - half) * ptPerMm).lineTo(c * cellW * ptPerMm, Math.min(sheet.heightMm, y + half) * ptPerMm);
    }
  }
  for (let r = 1; r < sheet.rows; r++) {
    for (let c = 0; c <= sheet.columns; c++) {
      const x = c * cellW;
      doc.moveTo(Math.max(0, x - half) * ptPerMm, r * cellH * ptPerMm).lineTo(Math.min(sheet.widthMm, x + half) * ptPerMm, r * cellH * ptPerMm);
    }
  }
  doc.lineWidth(0.4).stroke('black');
}

/** Draws one label: on its own page, or in its cell of a sheet (a new sheet every N labels). */
function drawLabel(doc: Doc, fonts: PdfLabelFonts, ctx: RenderContext, label: LabelToRender, position: number): void {
  const art = label.supplied;
  const layout = art ? undefined : ctx.layout(label);
  // A supplied label is a lossless picture of the whole label, fitted to the medium when it was prepared.
  const paint = (xPt: number, yPt: number): void => {
    if (layout) paintPdf(doc, layout, xPt, yPt, fonts);
    else if (art) doc.image(artworkPng(art), xPt, yPt, { width: dotsToPt(art.width, art.dpi), height: dotsToPt(art.height, art.dpi) });
  };
  const { sheet } = ctx.template;
  if (!sheet) {
    const size = layout ? pageSizePt(layout.widthMm, layout.heightMm, ctx.dpi) : pageSizePt(ctx.template.widthMm, ((art?.height ?? 0) * 25.4) / (art?.dpi ?? 1), ctx.dpi);
    addPage(doc, size);
    paint(dotsToPt(ctx.offsetXDots, ctx.dpi), dotsToPt(ctx.offsetYDots, ctx.dpi));
    return;
  }
  const perSheet = sheet.columns * sheet.rows;
  const cell = position % perSheet;
  if (cell === 0) {
    addPage(doc, pageSizePt(sheet.widthMm, sheet.heightMm, ctx.dpi));
    cutMarks(doc, sheet);
  }
  // Cell corners snapped to whole dots, so each label's barcodes stay on the grid.
  const xDots = Math.round(((cell % sheet.columns) * (sheet.widthMm / sheet.columns) * ctx.dpi) / 25.4) + ctx.offsetXDots;
  const yDots = Math.round((Math.floor(cell / sheet.columns) * (sheet.heightMm / sheet.rows) * ctx.dpi) / 25.4) + ctx.offsetYDots;
  paint(dotsToPt(xDots, ctx.dpi), dotsToPt(yDots, ctx.dpi));
}

/**
 * Renders a batch as one PDF, one page per label (four per A4 sheet for `a4-4up`), streamed:
 * labels are pulled from the iterable only as fast as the reader consumes the bytes, so memory
 * does not grow with the batch and the first pages flow before the last label is drawn.
 */
export function renderPdf(labels: Iterable<LabelToRender> | AsyncIterable<LabelToRender>, options: RenderOptions): Readable {
  const ctx = renderContext(options);
  const { doc, fonts } = createDocument(ctx, `Labels ${ctx.template.id}`);
  const iterator: Iterator<LabelToRender> | AsyncIterator<LabelToRender> =
    Symbol.asyncIterator in labels ? labels[Symbol.asyncIterator]() : labels[Symbol.iterator]();
  let wanted = false;
  let pumping = false;
  let done = false;
  let count = 0;

  const out = new Readable({
    read() {
      wanted = true;
      void pump();
    },
    destroy(error, callback) {
      done = true;
      void iterator.return?.();
      callback(error);
    },
  });
  // pdfkit's own stream is read synchronously after each label: its 'data' events would only
  // fire once this loop yields to the event loop, buffering the whole batch in memory meanwhile.
  const forward = (): void => {
    for (let chunk: unknown = doc.read(); chunk !== null; chunk = doc.read()) {
      if (!out.push(chunk)) wanted = false;
    }
  };
  doc.on('error', (error: Error) => out.destroy(error));

  async function pump(): Promise<void> {
    if (pumping || done) return;
    pumping = true;
    try {
      while (wanted && !done) {
        const next = await iterator.next();
        if (done) return;
        if (next.done === true) {
          done = true;
          if (count === 0) throw new LabelRenderError('no labels to render: the batch is empty');
          doc.end();
          forward();
          out.push(null);
          return;
        }
        drawLabel(doc, fonts, ctx, next.value, count);
        count += 1;
        forward();
      }
    } catch (error) {
      done = true;
      out.destroy(error instanceof Error ? error : new LabelRenderError(String(error)));
    } finally {
      pumping = false;
    }
  }
  return out;
}
