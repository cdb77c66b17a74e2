import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** Languages the UI ships, with their own names for the language switch. */
export const UI_LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type UiLanguage = keyof typeof UI_LANGUAGES;

/** UI string tables by language; scenario texts are added per scenario as their own namespace. */
export const RESOURCES = { en: { translation: en }, fr: { translation: fr } } as const;

/** Creates an i18next instance for one language, ready to use (resources are bundled, so init is synchronous). */
export function createI18n(language: string): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: RESOURCES,
    initAsync: false,
    // why: scenario texts and names are shown as text nodes by Preact, never as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
