/** The slice of fontkit (pdfkit's font engine) the label engine measures text with. */
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer): Font | { fonts: Font[] };
}
