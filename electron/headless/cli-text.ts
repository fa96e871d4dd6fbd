import { explain, isExplained } from '../shared/operator-message.ts';
import { operatorHeadline } from '../shared/i18n/operator-text.ts';

/** The terminal's language: `LABEL_STATION_LANGUAGE` (id or en), else the locale (`id_ID.UTF-8` is Indonesian), else English. */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'id' | 'en' {
  const chosen = env.LABEL_STATION_LANGUAGE?.trim().toLowerCase();
  if (chosen === 'id' || chosen === 'en') return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^id([_.-]|$)/i.test(locale) ? 'id' : 'en';
}

/**
 * An error as the CLI prints it, on one line. In Indonesian: the catalogue's words for its code,
 * with the technical detail in brackets (an error without a code: the generic words, its own as
 * the detail). In English: the core's own sentence, which already names
 * the file, the path or the command that fixes it.
 */
export function cliErrorLine(error: unknown, language: 'id' | 'en'): string {
  const english = error instanceof Error || isExplained(error) ? error.message : String(error);
  if (language === 'en') return english;
  const text = explain(error);
  const detail = text.detail?.replace(/\s+/g, ' ').trim();
  return `${operatorHeadline(text, language)}${detail ? ` (${detail})` : ''}`;
}
