import type PDFDocument from 'pdfkit';
import type { BarsElement, LabelLayout, MatrixElement } from './layout-model.ts';
import type { PdfLabelFonts } from './pdf-fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const ptPerMm = 72 / 25.4;

/** A number as PDF content wants it: short, and exact enough (1/1000 pt). */
const num = (value: number): string => String(Math.round(value * 1000) / 1000);

function bars(ops: string[], el: BarsElement, dotPt: number): void {
  let x = el.xDots;
  el.widths.forEach((w, i) => {
    if (i % 2 === 0) ops.push(`${num(x * dotPt)} ${num(el.yDots * dotPt)} ${num(w * el.moduleDots * dotPt)} ${num(el.heightDots * dotPt)} re`);
    x += w * el.moduleDots;
  });
}

/** Dark modules of a row are merged into one rectangle per run. */
function matrix(ops: string[], el: MatrixElement, dotPt: number): void {
  const size = el.moduleDots * dotPt;
  for (let row = 0; row < el.rows; row++) {
    let run = -1;
    for (let col = 0; col <= el.columns; col++) {
      const dark = col < el.columns && el.cells[row * el.columns + col] === 1;
      if (dark && run < 0) run = col;
      if (!dark && run >= 0) {
        ops.push(`${num(el.xDots * dotPt + run * size)} ${num(el.yDots * dotPt + row * size)} ${num((col - run) * size)} ${num(size)} re`);
        run = -1;
      }
    }
  }
}

/**
 * Paints a layout on the current page with its top-left corner at (`xPt`, `yPt`), as one block
 * of content operators. Barcodes are vector rectangles whose edges fall on the layout's dot grid,
 * so a printer at that dpi (or pdftoppm at it) lands every module on whole dots. Text is set
 * glyph by glyph with the advances the layout measured.
 */
export function paintPdf(doc: Doc, layout: LabelLayout, xPt: number, yPt: number, fonts: PdfLabelFonts): void {
  const dotPt = 72 / layout.dpi;
  // pdfkit's page space has y pointing down; the text matrix flips glyphs back upright.
  const ops: string[] = ['q', `1 0 0 1 ${num(xPt)} ${num(yPt)} cm`, '0 g'];
  for (const el of layout.elements) {
    if (el.kind === 'rect') ops.push(`${num(el.xMm * ptPerMm)} ${num(el.yMm * ptPerMm)} ${num(el.widthMm * ptPerMm)} ${num(el.heightMm * ptPerMm)} re`);
    else if (el.kind === 'bars') bars(ops, el, dotPt);
    else if (el.kind === 'matrix') matrix(ops, el, dotPt);
  }
  ops.push('f', 'BT');
  let font = '';
  let color = '0 g';
  for (const el of layout.elements) {
    if (el.kind !== 'text') continue;
    const face = fonts[el.weight];
    const selected = `/${face.id} ${num(el.sizePt)} Tf`;
    if (selected !== font) ops.push((font = selected));
    const fill = el.inverse === true ? '1 g' : '0 g';
    if (fill !== color) ops.push((color = fill));
    ops.push(`1 0 0 -1 ${num(el.xMm * ptPerMm)} ${num(el.baselineMm * ptPerMm)} Tm`, `<${face.hex(el.text)}> Tj`);
  }
  ops.push('ET', 'Q');
  fonts.regular.useOnPage(doc);
  fonts.bold.useOnPage(doc);
  doc.addContent(ops.join('\n'));
}
