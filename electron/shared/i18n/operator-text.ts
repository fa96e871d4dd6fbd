import type { OperatorMessage } from '../operator-message.ts';
import { formatServerTime } from '../time-format.ts';
import en from './en.json';
import id from './id.json';

const catalogues: Record<'id' | 'en', Record<string, string>> = { id: id.codes, en: en.codes };
/** Parameters that are server timestamps: shown in the one time format, labelled WIB. */
const serverTimeParams = new Set(['batch', 'cutoff']);

export function catalogueFor(language: string): Record<string, string> {
  return language === 'en' ? catalogues.en : catalogues.id;
}

/**
 * An operator message in the operator's language: its catalogue entry with the parameters put
 * in. A code this build does not know (a newer core) falls back to the generic entry; its detail
 * still says what happened.
 */
export function operatorHeadline(text: OperatorMessage, language: string): string {
  const catalogue = catalogueFor(language);
  const template = catalogue[text.code] ?? catalogue['unexpected-error'] ?? text.code;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    return serverTimeParams.has(name) && typeof value === 'string' ? formatServerTime(value, language) : String(value);
  });
}
