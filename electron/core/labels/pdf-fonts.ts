import type PDFDocument from 'pdfkit';
import type { Glyph } from 'fontkit';
import type { FontWeight, LabelFont, LabelFonts } from './label-fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The parts of pdfkit's embedded font object the painter uses (pdfkit has no public API for them). */
interface PdfkitEmbeddedFont {
  /** The font's resource name in page dictionaries, e.g. `F1`. */
  id: string;
  /** pdfkit's glyph units per font unit (it works in 1000ths of an em). */
  scale: number;
  layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[]; advanceWidth: number };
  /** Adds the text's glyphs to the subset; returns their hex codes in the subset. */
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

function isEmbeddedFont(value: unknown): value is PdfkitEmbeddedFont {
  if (typeof value !== 'object' || value === null) return false;
  const has = (key: string, type: string): boolean => typeof Reflect.get(value, key) === type;
  return has('id', 'string') && has('scale', 'number') && has('layout', 'function') && has('encode', 'function') && has('ref', 'function');
}

/** The label fonts as embedded in one document: what the painter writes text with. */
export interface PdfLabelFont {
  /** Resource name, e.g. `F1`. */
  id: string;
  /** The text as a PDF hex string of subset glyph ids, its glyphs added to the subset. */
  hex(text: string): string;
  /** Declares the font in the current page's resources. */
  useOnPage(doc: Doc): void;
}

export type PdfLabelFonts = Record<FontWeight, PdfLabelFont>;

/**
 * Embeds the label fonts in a document. pdfkit's own text path runs fontkit's OpenType shaper
 * on every string, caches every distinct word for the document's life, and writes a dozen
 * operators per line; most of the render time. The painter writes text operators itself from
 * glyphs set with the layout's own metrics (one glyph per code point, plain advances), and uses
 * pdfkit only to subset and embed the font. pdfkit exposes no API for that, so this reaches into
 * its font object; the shape check fails loudly if a pdfkit upgrade moves it.
 */
export function embedLabelFonts(doc: Doc, fonts: LabelFonts): PdfLabelFonts {
  const embed = (weight: FontWeight): PdfLabelFont => {
    doc.registerFont(`label-${weight}`, fonts[weight].bytes);
    doc.font(`label-${weight}`);
    const embedded: unknown = Reflect.get(doc, '_font');
    if (!isEmbeddedFont(embedded)) throw new Error('this pdfkit version keeps its fonts differently: the label engine must be updated');
    embedded.layout = simpleLayout(fonts[weight], embedded.scale);
    return {
      id: embedded.id,
      hex: (text) => embedded.encode(text)[0].join(''),
      useOnPage: (d) => {
        const pageFonts: unknown = d.page.fonts;
        if (typeof pageFonts === 'object' && pageFonts !== null) Reflect.set(pageFonts, embedded.id, embedded.ref());
      },
    };
  };
  return { regular: embed('regular'), bold: embed('bold') };
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
