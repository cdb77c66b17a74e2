import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** Languages the UI ships, with their own names for the language switch. */
export const UI_LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type UiLanguage = keyof typeof UI_LANGUAGES;

/** A string table in every UI language, keyed the same way in each. */
export type StringTables = Record<UiLanguage, Record<string, unknown>>;

/** UI string tables by language; scenario texts are added per scenario as their own namespace. */
export const RESOURCES = { en: { translation: en }, fr: { translation: fr } } as const;

// why: screens that load lazily (cohort, facilitator console, ...) bring their own string tables,
// so their words do not weigh on the first load; they register them when their module loads.
const extraTables: StringTables[] = [];
const live = new Set<i18n>();

/** Adds a lazily loaded module's string tables to every i18next instance, present and future. */
export function registerStrings(tables: StringTables): void {
  if (extraTables.includes(tables)) return;
  extraTables.push(tables);
  for (const instance of live) addTables(instance, tables);
}

function addTables(instance: i18n, tables: StringTables): void {
  for (const lang of Object.keys(UI_LANGUAGES) as UiLanguage[]) {
    instance.addResourceBundle(lang, 'translation', tables[lang], true, false);
  }
}

/** Creates an i18next instance for one language, ready to use (resources are bundled, so init is synchronous). */
export function createI18n(language: string): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    // why: a deep copy, since added tables merge into the instance's store and must not touch the imports.
    resources: structuredClone(RESOURCES),
    initAsync: false,
    // why: scenario texts and names are shown as text nodes by Preact, never as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  for (const tables of extraTables) addTables(instance, tables);
  live.add(instance);
  return instance;
}
