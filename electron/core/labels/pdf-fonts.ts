import type PDFDocument from 'pdfkit';
import type { Glyph } from 'fontkit';
import type { LabelFont, LabelFonts } from './label-fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** Font names the painter registers the label fonts under in a document. */
export const pdfFontName = { regular: 'label-regular', bold: 'label-bold' } as const;

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface PdfkitEmbeddedFont {
  /** pdfkit's glyph units per font unit (it works in 1000ths of an em). */
  scale: number;
  layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[]; advanceWidth: number };
}

function isEmbeddedFont(value: unknown): value is PdfkitEmbeddedFont {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'layout') === 'function' && typeof Reflect.get(value, 'scale') === 'number';
}

/**
 * Registers the label fonts in a document and makes pdfkit set their text with the layout's
 * own metrics (one glyph per code point, plain advances). pdfkit otherwise runs fontkit's
 * OpenType shaper on every string (most of the render time) and caches every distinct word
 * for the document's life (memory growing with the batch). pdfkit has no public hook for
 * this, so its font object's `layout` is replaced; the check below fails loudly if a pdfkit
 * upgrade moves it.
 */
export function registerLabelFonts(doc: Doc, fonts: LabelFonts): void {
  for (const weight of ['regular', 'bold'] as const) {
    doc.registerFont(pdfFontName[weight], fonts[weight].bytes);
    doc.font(pdfFontName[weight]);
    const embedded: unknown = Reflect.get(doc, '_font');
    if (!isEmbeddedFont(embedded)) throw new Error('this pdfkit version keeps its fonts differently: the label engine must be updated');
    embedded.layout = simpleLayout(fonts[weight], embedded.scale);
  }
}

function simpleLayout(font: LabelFont, scale: number): PdfkitEmbeddedFont['layout'] {
  return (text) => {
    const glyphs = font.glyphRun(text);
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      const advance = glyph.advanceWidth * scale;
      advanceWidth += advance;
      return { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance };
    });
    return { glyphs, positions, advanceWidth };
  };
}
