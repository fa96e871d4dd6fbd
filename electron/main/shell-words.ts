import i18next, { type TFunction } from 'i18next';
import en from '../shared/i18n/en.json';
import id from '../shared/i18n/id.json';

/**
 * The shell's own words (tray questions), from the same catalogues and plural rules as the
 * window, so a question reads the same wherever it is asked.
 */
export function shellWords(language: 'id' | 'en'): TFunction {
  const instance = i18next.createInstance();
  // The resources are in memory: initialising synchronously keeps the caller synchronous too.
  void instance.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: language, fallbackLng: 'id', initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}
