import type PDFDocument from 'pdfkit';
import type { BarsElement, LabelLayout, MatrixElement } from './layout-model.ts';
import { pdfFontName } from './pdf-fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const ptPerMm = 72 / 25.4;


function bars(doc: Doc, el: BarsElement, dotPt: number): void {
  let x = el.xDots;
  el.widths.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(x * dotPt, el.yDots * dotPt, w * el.moduleDots * dotPt, el.heightDots * dotPt);
    x += w * el.moduleDots;
  });
}

/** Dark modules of a row are merged into one rectangle per run. */
function matrix(doc: Doc, el: MatrixElement, dotPt: number): void {
  const size = el.moduleDots * dotPt;
  for (let row = 0; row < el.rows; row++) {
    let run = -1;
    for (let col = 0; col <= el.columns; col++) {
      const dark = col < el.columns && el.cells[row * el.columns + col] === 1;
      if (dark && run < 0) run = col;
      if (!dark && run >= 0) {
        doc.rect(el.xDots * dotPt + run * size, el.yDots * dotPt + row * size, (col - run) * size, size);
        run = -1;
      }
    }
  }
}

/**
 * Paints a layout on the current page with its top-left corner at (`xPt`, `yPt`). Barcodes are
 * vector rectangles whose edges fall on the layout's dot grid, so a printer at that dpi (or
 * pdftoppm at it) lands every module on whole dots.
 */
export function paintPdf(doc: Doc, layout: LabelLayout, xPt: number, yPt: number): void {
  const dotPt = 72 / layout.dpi;
  doc.save();
  doc.translate(xPt, yPt);
  for (const el of layout.elements) {
    if (el.kind === 'rect') doc.rect(el.xMm * ptPerMm, el.yMm * ptPerMm, el.widthMm * ptPerMm, el.heightMm * ptPerMm);
    else if (el.kind === 'bars') bars(doc, el, dotPt);
    else if (el.kind === 'matrix') matrix(doc, el, dotPt);
  }
  doc.fill('black');
  for (const el of layout.elements) {
    if (el.kind !== 'text') continue;
    doc
      .font(pdfFontName[el.weight])
      .fontSize(el.sizePt)
      .fillColor(el.inverse === true ? 'white' : 'black')
      .text(el.text, el.xMm * ptPerMm, el.baselineMm * ptPerMm, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.restore();
}
