import type { LabelFonts } from './label-fonts.ts';
import type { LabelTemplate } from './label-templates.ts';
import type { LayoutElement, TextElement } from './layout-model.ts';
import { fitParagraphs, type FitSizes, type FittedLine, type Paragraph } from './text-fit.ts';

/** Where a section draws: mm from the label's top-left; `heightMm` is Infinity on a roll. */
export interface Box {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export interface SectionResult {
  elements: LayoutElement[];
  /** Height used: the box's own when it is fixed, the content's on a roll. */
  heightMm: number;
}

export type Align = 'left' | 'center' | 'right';

/** Turns fitted lines into text elements stacked from the box's top, each vertically centred in its line. */
export function placeLines(fonts: LabelFonts, lines: FittedLine[], box: Box, align: Align, inverse = false): { elements: TextElement[]; heightMm: number } {
  const ptToMm = 25.4 / 72;
  let top = box.yMm;
  const elements = lines.map((line): TextElement => {
    const font = fonts[line.weight];
    const sizeMm = line.sizePt * ptToMm;
    const baselineMm = top + (line.heightMm - (font.ascent - font.descent) * sizeMm) / 2 + font.ascent * sizeMm;
    const slack = box.widthMm - line.widthMm;
    const xMm = box.xMm + (align === 'left' ? 0 : align === 'center' ? slack / 2 : slack);
    top += line.heightMm;
    return { kind: 'text', xMm, baselineMm, sizePt: line.sizePt, weight: line.weight, text: line.text, ...(inverse ? { inverse } : {}) };
  });
  return { elements, heightMm: top - box.yMm };
}

/** Fits paragraphs in the box and places them: the usual body of a section. */
export function textBlock(fonts: LabelFonts, paragraphs: Paragraph[], box: Box, sizes: FitSizes, align: Align = 'left'): { elements: TextElement[]; heightMm: number } {
  return placeLines(fonts, fitParagraphs(fonts, paragraphs, box.widthMm, box.heightMm, sizes), box, align);
}

export const bodySizes = (template: LabelTemplate): FitSizes => ({
  startPt: template.fonts.bodyPt,
  floorPt: template.fonts.floorPt,
  lineHeight: template.fonts.lineHeight,
});

/** The box less the section's padding above and below. */
export const inset = (box: Box, paddingMm: number): Box => ({
  xMm: box.xMm,
  yMm: box.yMm + paddingMm,
  widthMm: box.widthMm,
  heightMm: box.heightMm - 2 * paddingMm,
});
