import type { FontWeight, LabelFont, LabelFonts } from './label-fonts.ts';

/** One block of text in a box: it wraps at spaces and keeps its own line breaks (`\r\n`). */
export interface Paragraph {
  text: string;
  weight: FontWeight;
  /** Size relative to the box's current size (a name a little larger than its address). */
  scale?: number;
  /** When the box overflows at the floor size, elastic paragraphs lose lines first. */
  elastic?: boolean;
  /** At most this many lines, the last ellipsized. */
  maxLines?: number;
}

export interface FittedLine {
  text: string;
  weight: FontWeight;
  sizePt: number;
  widthMm: number;
  heightMm: number;
}

export interface FitSizes {
  startPt: number;
  /** The smallest size still legible on a thermal label; below it, text is ellipsized. */
  floorPt: number;
  /** Line advance as a multiple of the size. */
  lineHeight: number;
}

const ellipsis = '\u2026';
const ptToMm = 25.4 / 72;
const sizeStepPt = 0.5;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export const lineHeightMm = (sizePt: number, lineHeight: number): number => sizePt * lineHeight * ptToMm;

/** The longest prefix of `text` that fits `widthMm` with an ellipsis after it. */
export function ellipsize(font: LabelFont, text: string, sizePt: number, widthMm: number): string {
  if (font.widthMm(text, sizePt) <= widthMm) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = parts.slice(0, mid).join('').trimEnd() + ellipsis;
    if (font.widthMm(candidate, sizePt) <= widthMm) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? (font.widthMm(ellipsis, sizePt) <= widthMm ? ellipsis : '') : parts.slice(0, low).join('').trimEnd() + ellipsis;
}

/** Splits a word wider than the box into pieces that fit, at character boundaries. */
function breakWord(font: LabelFont, word: string, sizePt: number, widthMm: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(word)) {
    if (current !== '' && font.widthMm(current + segment, sizePt) > widthMm) {
      pieces.push(current);
      current = '';
    }
    current += segment;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Greedy word wrap of one line of text (no line breaks in it). */
export function wrapText(font: LabelFont, text: string, sizePt: number, widthMm: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (font.widthMm(candidate, sizePt) <= widthMm) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    if (font.widthMm(word, sizePt) <= widthMm) {
      current = word;
    } else {
      const pieces = breakWord(font, word, sizePt, widthMm);
      current = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

interface ParagraphLines {
  paragraph: Paragraph;
  lines: FittedLine[];
  /** Lines were dropped: the last one ends in an ellipsis. */
  cut: boolean;
}

function layParagraph(fonts: LabelFonts, paragraph: Paragraph, sizePt: number, floorPt: number, widthMm: number, lineHeight: number): ParagraphLines {
  const font = fonts[paragraph.weight];
  // A heading is smaller than its body, but never below the legible floor.
  const size = Math.max(Math.min(sizePt, floorPt), sizePt * (paragraph.scale ?? 1));
  const texts = paragraph.text
    .split(/\r\n|\r|\n/)
    .map((line) => font.drawable(line).trim())
    .filter((line) => line !== '')
    .flatMap((line) => wrapText(font, line, size, widthMm));
  const limit = paragraph.maxLines ?? Infinity;
  const kept = texts.slice(0, limit);
  const lines = kept.map((text) => ({ text, weight: paragraph.weight, sizePt: size, widthMm: font.widthMm(text, size), heightMm: lineHeightMm(size, lineHeight) }));
  const result = { paragraph, lines, cut: false };
  if (texts.length > kept.length) markCut(fonts, result, widthMm);
  return result;
}

function markCut(fonts: LabelFonts, laid: ParagraphLines, widthMm: number): void {
  laid.cut = true;
  const last = laid.lines.at(-1);
  if (!last) return;
  const font = fonts[last.weight];
  const text = ellipsize(font, last.text.endsWith(ellipsis) ? last.text : `${last.text}${ellipsis}`, last.sizePt, widthMm);
  laid.lines[laid.lines.length - 1] = { ...last, text, widthMm: font.widthMm(text, last.sizePt) };
}

const totalHeight = (laid: ParagraphLines[]): number => laid.reduce((sum, p) => sum + p.lines.reduce((s, l) => s + l.heightMm, 0), 0);

/**
 * Fits paragraphs in a box: wrap at the start size, shrink step by step down to the floor, then
 * drop lines (elastic paragraphs first, from their end) and ellipsize. The result never exceeds
 * the box; a box of infinite height takes the text at its start size.
 */
export function fitParagraphs(fonts: LabelFonts, paragraphs: Paragraph[], widthMm: number, heightMm: number, sizes: FitSizes): FittedLine[] {
  const present = paragraphs.filter((p) => p.text.trim() !== '');
  let size = sizes.startPt;
  for (;;) {
    const laid = present.map((p) => layParagraph(fonts, p, size, sizes.floorPt, widthMm, sizes.lineHeight));
    if (totalHeight(laid) <= heightMm + 1e-9) return laid.flatMap((p) => p.lines);
    if (size <= sizes.floorPt) return truncate(fonts, laid, widthMm, heightMm);
    size = Math.max(sizes.floorPt, size - sizeStepPt);
  }
}

function truncate(fonts: LabelFonts, laid: ParagraphLines[], widthMm: number, heightMm: number): FittedLine[] {
  while (totalHeight(laid) > heightMm + 1e-9) {
    const victim = laid.findLast((p) => p.paragraph.elastic === true && p.lines.length > 0) ?? laid.findLast((p) => p.lines.length > 0);
    if (!victim) break;
    victim.lines.pop();
    if (victim.lines.length > 0) markCut(fonts, victim, widthMm);
  }
  return laid.flatMap((p) => p.lines);
}
