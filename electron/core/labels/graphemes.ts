let segmenter: Intl.Segmenter | undefined;

/**
 * The text's user-perceived characters. The segmenter is made on first use, not at load: its
 * ICU break data costs a process about 1 MB, and plain label text never needs it.
 */
export function graphemesOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
