/** Both catalogues, as the caller loads them (Playwright's loader takes no JSON modules, jsdom no file URLs). */
export interface Catalogues {
  en: unknown;
  id: unknown;
}

/**
 * What must not be on an Indonesian screen: every English catalogue entry that reads differently
 * in Indonesian, cut at its placeholders into pieces long enough to mean something.
 */
export function englishCataloguePhrases(catalogues: Catalogues): string[] {
  const pieces = new Set<string>();
  const walk = (english: unknown, indonesian: unknown): void => {
    if (typeof english === 'string') {
      if (english === indonesian) return;
      for (const piece of english.split(/\{\{[^}]+\}\}/)) if (piece.trim().length >= 8) pieces.add(piece.trim());
      return;
    }
    if (english && typeof english === 'object') {
      for (const [key, value] of Object.entries(english)) walk(value, (indonesian as Record<string, unknown> | undefined)?.[key]);
    }
  };
  walk(catalogues.en, catalogues.id);
  return [...pieces];
}

/** Technical words that belong behind a Detail toggle, never in what the operator reads. */
export const technicalOnScreen = [/ECONN[A-Z]+/, /Internal Server Error/, /Unauthenticated/, /\/public\//, /\d{4}-\d{2}-\d{2}T\d{2}:/, /Printer Printer/, /print_order|processed_list/];

/** The English pieces and technical words found in `text`; empty when it is all the operator's language. */
export function englishIn(text: string, catalogues: Catalogues, alsoForbidden: readonly (string | RegExp)[] = []): string[] {
  const found = englishCataloguePhrases(catalogues).filter((phrase) => text.includes(phrase));
  for (const pattern of [...technicalOnScreen, ...alsoForbidden]) {
    const hit = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    if (hit) found.push(String(pattern));
  }
  return found;
}
