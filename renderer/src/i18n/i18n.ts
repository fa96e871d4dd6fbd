import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../electron/shared/i18n/en.json';
import id from '../../../electron/shared/i18n/id.json';

export const resources = { id: { translation: id }, en: { translation: en } } as const;

/** Bahasa Indonesia first: the packing stations are in Indonesia. */
export async function createI18n(language: 'id' | 'en' = 'id'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'id',
    // React escapes text itself; i18next escaping would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
