import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';

export type FontWeight = 'regular' | 'bold';

/** The embedded fonts: condensed DejaVu fits more of an address on a narrow label. */
const fontFiles: Record<FontWeight, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
};

export const defaultFontDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** Shown in place of a character the font cannot draw, so a line never breaks or crashes. */
export const missingGlyph = '\u25A1';

/** Code points that only modify the previous one (joiners, variation selectors, skin tones). */
function isModifier(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Word widths are cached, bounded, as pdfkit lays text out word by word too. */
const wordCacheLimit = 20_000;

/**
 * One embedded TTF: its bytes (for pdfkit and the canvas) and its metrics (for the layout).
 * Text is measured with fontkit, the engine pdfkit draws with, so the PDF matches the layout.
 */
export class LabelFont {
  readonly unitsPerEm: number;
  /** Ascent and descent as fractions of the font size (descent negative). */
  readonly ascent: number;
  readonly descent: number;
  private readonly font: Font;
  private readonly coverage = new Map<number, boolean>();
  private readonly wordWidths = new Map<string, number>();

  constructor(
    readonly weight: FontWeight,
    readonly path: string,
    readonly bytes: Buffer,
  ) {
    const created = create(bytes);
    if ('fonts' in created) throw new Error(`${path} is a font collection; the label engine needs a single TTF`);
    this.font = created;
    this.unitsPerEm = created.unitsPerEm;
    this.ascent = created.ascent / created.unitsPerEm;
    this.descent = created.descent / created.unitsPerEm;
  }

  has(codePoint: number): boolean {
    let known = this.coverage.get(codePoint);
    if (known === undefined) {
      known = this.font.hasGlyphForCodePoint(codePoint);
      this.coverage.set(codePoint, known);
    }
    return known;
  }

  /** Width in font units per 1 pt of size, of text already passed through `drawable`. */
  private unitsOf(text: string): number {
    let total = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === ' ') {
        const word = text.slice(start, i + 1);
        if (word.length > 0) total += this.wordUnits(word);
        start = i + 1;
      }
    }
    return total;
  }

  private wordUnits(word: string): number {
    let width = this.wordWidths.get(word);
    if (width === undefined) {
      width = this.font.layout(word).advanceWidth;
      if (this.wordWidths.size >= wordCacheLimit) this.wordWidths.clear();
      this.wordWidths.set(word, width);
    }
    return width;
  }

  /** Width in mm of `text` drawn at `sizePt`. */
  widthMm(text: string, sizePt: number): number {
    return (this.unitsOf(text) / this.unitsPerEm) * sizePt * (25.4 / 72);
  }

  /**
   * The text as this font can draw it: line breaks and tabs become spaces, every character the
   * font lacks (a whole emoji sequence, a CJK ideograph) becomes one `missingGlyph`.
   */
  drawable(text: string): string {
    const flat = text.replace(/[\t\r\n\v\f]+/g, ' ');
    let plain = true;
    for (const char of flat) {
      const cp = char.codePointAt(0) ?? 0;
      if (cp < 0x20 || !this.has(cp) || isModifier(cp)) {
        plain = false;
        break;
      }
    }
    if (plain) return flat;
    let out = '';
    for (const { segment } of graphemes.segment(flat)) {
      const points = [...segment].filter((c) => {
        const cp = c.codePointAt(0) ?? 0;
        return cp >= 0x20 && !isModifier(cp);
      });
      if (points.length === 0) continue;
      out += points.every((c) => this.has(c.codePointAt(0) ?? 0)) ? points.join('') : missingGlyph;
    }
    return out;
  }
}

export interface LabelFonts {
  regular: LabelFont;
  bold: LabelFont;
}

const loaded = new Map<string, LabelFonts>();

/** Loads the label fonts once per folder; every render reuses them. */
export function loadLabelFonts(fontDir: string = defaultFontDir): LabelFonts {
  let fonts = loaded.get(fontDir);
  if (!fonts) {
    const load = (weight: FontWeight): LabelFont => {
      const path = join(fontDir, fontFiles[weight]);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        throw new Error(`label font missing: ${path} (${error instanceof Error ? error.message : String(error)}); reinstall the app`, { cause: error });
      }
      return new LabelFont(weight, path, bytes);
    };
    fonts = { regular: load('regular'), bold: load('bold') };
    loaded.set(fontDir, fonts);
  }
  return fonts;
}
