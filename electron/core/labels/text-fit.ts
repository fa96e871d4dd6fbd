import { graphemesOf } from './graphemes.ts';
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

export const lineHeightMm = (sizePt: number, lineHeight: number): number => sizePt * lineHeight * ptToMm;

const clusterRanges: readonly [number, number][] = [
  [0xd800, 0xdfff], // surrogates
  [0x0300, 0x036f], // combining diacritics
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200c, 0x200d], // joiners
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f],
];

/** Whether plain code units could split a user-perceived character of the text. */
function clustered(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x0300 && clusterRanges.some(([low, high]) => unit >= low && unit <= high)) return true;
  }
  return false;
}

/** The user-perceived characters of a text; the segmenter only when plain code units would split one. */
const characters = (text: string): string[] => (clustered(text) ? graphemesOf(text) : text.split(''));

/** The longest prefix of `text` that fits `widthMm` with an ellipsis after it. */
export function ellipsize(font: LabelFont, text: string, sizePt: number, widthMm: number): string {
  if (font.widthMm(text, sizePt) <= widthMm) return text;
  const room = widthMm - font.widthMm(ellipsis, sizePt);
  if (room < 0) return '';
  // Widths add up (plain advances), so one pass finds the cut.
  let used = 0;
  let cut = 0;
  const parts = characters(text);
  for (const part of parts) {
    used += font.widthMm(part, sizePt);
    if (used > room + 1e-9) break;
    cut++;
  }
  return parts.slice(0, cut).join('').trimEnd() + ellipsis;
}

/** Splits a word wider than the box into pieces that fit, at character boundaries. */
function breakWord(font: LabelFont, word: string, sizePt: number, widthMm: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentMm = 0;
  for (const part of characters(word)) {
    const partMm = font.widthMm(part, sizePt);
    if (current !== '' && currentMm + partMm > widthMm + 1e-9) {
      pieces.push(current);
      current = '';
      currentMm = 0;
    }
    current += part;
    currentMm += partMm;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** A line of text split into words, each measured once at 1 pt (widths scale with the size). */
interface MeasuredLine {
  words: string[];
  widthsAt1Pt: number[];
}

function measureLine(font: LabelFont, text: string): MeasuredLine {
  const words = text.split(' ').filter((w) => w !== '');
  return { words, widthsAt1Pt: words.map((w) => font.widthMm(w, 1)) };
}

/** Greedy word wrap; widths add up exactly because glyphs are set with plain advances. */
function wrapMeasured(font: LabelFont, line: MeasuredLine, sizePt: number, widthMm: number): string[] {
  const space = font.widthMm(' ', sizePt);
  const lines: string[] = [];
  let current = '';
  let currentMm = 0;
  const start = (word: string, wordMm: number): void => {
    if (wordMm <= widthMm) {
      current = word;
      currentMm = wordMm;
      return;
    }
    const pieces = breakWord(font, word, sizePt, widthMm);
    current = pieces.pop() ?? '';
    currentMm = font.widthMm(current, sizePt);
    lines.push(...pieces);
  };
  line.words.forEach((word, i) => {
    const wordMm = (line.widthsAt1Pt[i] ?? 0) * sizePt;
    if (current === '') start(word, wordMm);
    else if (currentMm + space + wordMm <= widthMm + 1e-9) {
      current += ` ${word}`;
      currentMm += space + wordMm;
    } else {
      lines.push(current);
      start(word, wordMm);
    }
  });
  if (current !== '') lines.push(current);
  return lines;
}

/** Greedy word wrap of one line of text (no line breaks in it). */
export function wrapText(font: LabelFont, text: string, sizePt: number, widthMm: number): string[] {
  return wrapMeasured(font, measureLine(font, text), sizePt, widthMm);
}

interface ParagraphLines {
  paragraph: Paragraph;
  lines: FittedLine[];
  /** Lines were dropped: the last one ends in an ellipsis. */
  cut: boolean;
}

/** A paragraph ready to wrap at any size: drawable text, hard lines, words measured once. */
interface PreparedParagraph {
  paragraph: Paragraph;
  lines: MeasuredLine[];
}

function prepare(fonts: LabelFonts, paragraph: Paragraph): PreparedParagraph {
  const font = fonts[paragraph.weight];
  const lines = paragraph.text
    .split(/\r\n|\r|\n/)
    .map((line) => font.drawable(line).trim())
    .filter((line) => line !== '')
    .map((line) => measureLine(font, line));
  return { paragraph, lines };
}

function layParagraph(fonts: LabelFonts, prepared: PreparedParagraph, sizePt: number, floorPt: number, widthMm: number, lineHeight: number): ParagraphLines {
  const { paragraph } = prepared;
  const font = fonts[paragraph.weight];
  // A heading is smaller than its body, but never below the legible floor.
  const size = Math.max(Math.min(sizePt, floorPt), sizePt * (paragraph.scale ?? 1));
  const texts = prepared.lines.flatMap((line) => wrapMeasured(font, line, size, widthMm));
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
  const present = paragraphs.filter((p) => p.text.trim() !== '').map((p) => prepare(fonts, p));
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
