import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Font, Glyph } from 'fontkit';
import { labelFontDir } from './font-dir.ts';
import { fontkitLibrary } from './lazy-libraries.ts';
import { graphemesOf } from './graphemes.ts';

export type FontWeight = 'regular' | 'bold';

/** The embedded fonts: condensed DejaVu fits more of an address on a narrow label. */
const fontFiles: Record<FontWeight, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
};

/** Shown in place of a character the font cannot draw, so a line never breaks or crashes. */
export const missingGlyph = '\u25A1';

/** Code points that only modify the previous one (joiners, variation selectors, skin tones). */
function isModifier(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

/**
 * One embedded TTF: its bytes (for pdfkit and the canvas) and its metrics (for the layout).
 * Text is set with plain glyph advances, no kerning or ligatures: label text needs no shaping,
 * and OpenType shaping was most of the render time. The PDF painter draws with exactly these
 * glyphs and advances (`glyphRun`), so what was measured is what is drawn.
 */
export class LabelFont {
  readonly unitsPerEm: number;
  /** Ascent and descent as fractions of the font size (descent negative). */
  readonly ascent: number;
  readonly descent: number;
  readonly font: Font;
  private readonly glyphs = new Map<number, Glyph | null>();
  /** Advance per BMP code unit in font units, -1 for a glyph the font lacks, NaN until looked up. */
  private readonly advances = new Float64Array(0x10000).fill(NaN);

  constructor(
    readonly weight: FontWeight,
    readonly path: string,
    readonly bytes: Buffer,
  ) {
    const created = fontkitLibrary().create(bytes);
    if ('fonts' in created) throw new Error(`${path} is a font collection; the label engine needs a single TTF`);
    this.font = created;
    this.unitsPerEm = created.unitsPerEm;
    this.ascent = created.ascent / created.unitsPerEm;
    this.descent = created.descent / created.unitsPerEm;
  }

  /** The glyph for a code point, or null when the font has none (bounded: one entry per glyph). */
  glyph(codePoint: number): Glyph | null {
    let glyph = this.glyphs.get(codePoint);
    if (glyph === undefined) {
      glyph = this.font.hasGlyphForCodePoint(codePoint) ? this.font.glyphForCodePoint(codePoint) : null;
      this.glyphs.set(codePoint, glyph);
    }
    return glyph;
  }

  /** Advance of a BMP code unit in font units, -1 when the font has no glyph for it. */
  private advance(unit: number): number {
    let advance = this.advances[unit] ?? NaN;
    if (Number.isNaN(advance)) {
      advance = this.glyph(unit)?.advanceWidth ?? -1;
      this.advances[unit] = advance;
    }
    return advance;
  }

  has(codePoint: number): boolean {
    return codePoint < 0x10000 ? this.advance(codePoint) >= 0 : this.glyph(codePoint) !== null;
  }

  /** The glyphs of drawable text, one per code point, with their advances in font units. */
  glyphRun(text: string): Glyph[] {
    const run: Glyph[] = [];
    for (const char of text) {
      const glyph = this.glyph(char.codePointAt(0) ?? 0);
      if (glyph) run.push(glyph);
    }
    return run;
  }

  /** Width in mm of `text` drawn at `sizePt`. */
  widthMm(text: string, sizePt: number): number {
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        // A surrogate pair: the rare astral glyph (an emoji the font has).
        units += this.glyph(text.codePointAt(i) ?? 0)?.advanceWidth ?? 0;
        i++;
      } else {
        units += Math.max(0, this.advance(unit));
      }
    }
    return (units / this.unitsPerEm) * sizePt * (25.4 / 72);
  }

  /**
   * The text as this font can draw it: line breaks and tabs become spaces, every character the
   * font lacks (a whole emoji sequence, a CJK ideograph) becomes one `missingGlyph`.
   */
  drawable(text: string): string {
    const flat = text.replace(/[\t\r\n\v\f]+/g, ' ');
    let plain = true;
    for (let i = 0; i < flat.length; i++) {
      const unit = flat.charCodeAt(i);
      if (unit < 0x20 || (unit >= 0xd800 && unit <= 0xdfff) || isModifier(unit) || this.advance(unit) < 0) {
        plain = false;
        break;
      }
    }
    if (plain) return flat;
    let out = '';
    for (const segment of graphemesOf(flat)) {
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
export function loadLabelFonts(fontDir: string = labelFontDir()): LabelFonts {
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
