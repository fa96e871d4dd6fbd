import type { RawLanguage } from '../../shared/printer-profile.ts';

/**
 * Which raw language a printer likely speaks, from its make and model as the OS names it. A
 * guess: a TSC "-EZ" model can emulate ZPL, some Xprinter receipt models speak ESC/POS. The
 * test page settles it.
 */
const families: readonly { language: RawLanguage; pattern: RegExp }[] = [
  { language: 'zpl', pattern: /zebra|zdesigner|\bz[dtm]\d{3}|\bg[kx]4\d\d|\blp ?28\d\d/i },
  { language: 'escpos', pattern: /epson|\btm-?[tmpu]\d|blueprint|\bbp-|iware|receipt|\bpos[- ]?(58|80)|escpos|esc\/pos|\b(58|80) ?mm\b|xp-?(58|80|q|t)\d*/i },
  { language: 'tspl', pattern: /xprinter|\bxp-?\d{3}b|\btsc\b|\btt?p-?\d{3}|\bte2\d\d|\btdp-|gprinter|\bgp-\d{4}|tspl|label printer/i },
];

export function guessPrinterLanguage(makeAndModel: string | null | undefined): RawLanguage | null {
  if (!makeAndModel) return null;
  return families.find((family) => family.pattern.test(makeAndModel))?.language ?? null;
}

/** The URIs a known OS queue can be added as: the guessed raw kind first, then the PDF kind, then the other raw kinds. */
export function suggestedQueueUris(queue: string, guess: RawLanguage | null): string[] {
  const raw: RawLanguage[] = guess ? [guess] : [];
  const others = (['tspl', 'zpl', 'escpos'] as const).filter((language) => language !== guess);
  return [...raw.map((language) => `${language}+system:${queue}`), `system:${queue}`, ...others.map((language) => `${language}+system:${queue}`)];
}
