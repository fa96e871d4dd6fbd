import { describe, expect, it } from 'vitest';
import { loadLabelFonts, missingGlyph } from '../../../electron/core/labels/label-fonts.ts';
import { fitParagraphs, lineHeightMm, wrapText } from '../../../electron/core/labels/text-fit.ts';

const fonts = loadLabelFonts();
const sizes = { startPt: 10, floorPt: 6, lineHeight: 1.2 };

describe('fitting text in a box', () => {
  it('wraps at spaces and keeps the address line breaks (\\r\\n)', () => {
    const lines = fitParagraphs(fonts, [{ text: 'Jl. Mawar 5\r\nRT 01 RW 02\r\nBelakang masjid', weight: 'regular' }], 80, 100, sizes);
    expect(lines.map((l) => l.text)).toEqual(['Jl. Mawar 5', 'RT 01 RW 02', 'Belakang masjid']);
    expect(lines.every((l) => l.sizePt === 10)).toBe(true);
  });

  it('shrinks before it cuts, and never below the floor', () => {
    const text = 'Perumahan Griya Asri Blok C nomor 12, dekat pos ronda '.repeat(3);
    const roomy = fitParagraphs(fonts, [{ text, weight: 'regular' }], 60, 100, sizes);
    const shrunk = fitParagraphs(fonts, [{ text, weight: 'regular' }], 60, 12, sizes);
    expect(roomy[0]?.sizePt).toBe(10);
    expect(shrunk[0]?.sizePt).toBeLessThan(10);
    expect(shrunk.map((l) => l.text).join(' ')).toBe(text.trim());
    const tight = fitParagraphs(fonts, [{ text, weight: 'regular' }], 60, 6, sizes);
    expect(tight[0]?.sizePt).toBe(6);
    // What is shown is the start of the text, in order, cut at the end with an ellipsis.
    const shown = tight.map((l) => l.text).join(' ');
    expect(shown.endsWith('\u2026')).toBe(true);
    expect(text.trim().startsWith(shown.slice(0, -1))).toBe(true);
    expect(tight.reduce((h, l) => h + l.heightMm, 0)).toBeLessThanOrEqual(6);
  });

  it('at the floor, cuts the elastic paragraph and ellipsizes it, keeping the others whole', () => {
    const paragraphs = [
      { text: 'Siti Rahmawati', weight: 'bold' as const },
      { text: 'Jalan panjang sekali '.repeat(40), weight: 'regular' as const, elastic: true },
      { text: 'Kota Bandung', weight: 'bold' as const },
    ];
    const lines = fitParagraphs(fonts, paragraphs, 50, 20, sizes);
    const texts = lines.map((l) => l.text);
    expect(texts[0]).toBe('Siti Rahmawati');
    expect(texts.at(-1)).toBe('Kota Bandung');
    expect(texts.at(-2)?.endsWith('\u2026')).toBe(true);
    expect(lines.reduce((h, l) => h + l.heightMm, 0)).toBeLessThanOrEqual(20);
  });

  it('never lets a line run out of its box, even a word longer than the box', () => {
    const lines = fitParagraphs(fonts, [{ text: `INV${'9'.repeat(80)} ${'A'.repeat(60)}`, weight: 'bold' }], 30, 40, sizes);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(fonts.bold.widthMm(line.text, line.sizePt)).toBeLessThanOrEqual(30 + 1e-9);
  });

  it('stops at maxLines with an ellipsis', () => {
    const lines = fitParagraphs(fonts, [{ text: 'kata '.repeat(100), weight: 'regular', maxLines: 2 }], 40, 100, sizes);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.text.endsWith('\u2026')).toBe(true);
  });

  it('takes text at its start size in a box without a bottom', () => {
    const lines = fitParagraphs(fonts, [{ text: 'baris '.repeat(200), weight: 'regular' }], 70, Infinity, sizes);
    expect(lines.every((l) => l.sizePt === 10)).toBe(true);
    expect(lines.reduce((h, l) => h + l.heightMm, 0)).toBeCloseTo(lines.length * lineHeightMm(10, 1.2));
  });
});

describe('characters the font lacks', () => {
  it('become one box per character or emoji sequence, without breaking the line', () => {
    expect(fonts.regular.drawable('王小明')).toBe(missingGlyph.repeat(3));
    // A family emoji is one grapheme of seven code points: one box.
    expect(fonts.regular.drawable('Ibu \u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} ok')).toBe(`Ibu ${missingGlyph} ok`);
    expect(fonts.regular.drawable('a\tb\r\nc')).toBe('a b c');
    expect(fonts.regular.drawable('José Đặng Ñúñez')).toBe('José Đặng Ñúñez');
  });

  it('keep the emoji the font has, without their variation selectors or skin tones', () => {
    expect(fonts.regular.drawable('\u{1F600}\uFE0F')).toBe('\u{1F600}');
    expect(fonts.regular.drawable('\u{1F44D}\u{1F3FD}')).toBe(fonts.regular.has(0x1f44d) ? '\u{1F44D}' : missingGlyph);
  });

  it('wrap like any other character', () => {
    const lines = wrapText(fonts.regular, fonts.regular.drawable('商品 '.repeat(40)), 9, 30);
    for (const line of lines) expect(fonts.regular.widthMm(line, 9)).toBeLessThanOrEqual(30);
  });
});
