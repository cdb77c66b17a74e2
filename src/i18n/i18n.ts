import i18next, { type FormatterModule, type i18n } from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import { pseudoMode, pseudoTable } from './pseudo.ts';

/** Languages the UI ships, with their own names for the language switch. */
export const UI_LANGUAGES = { en: 'English', fr: 'Français' } as const;
export type UiLanguage = keyof typeof UI_LANGUAGES;

/** Whether a value is one of the languages the UI ships. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && Object.hasOwn(UI_LANGUAGES, value);
}

/** Writing direction of each UI language; a right-to-left one (Arabic) would say 'rtl'. */
export const LANGUAGE_DIRECTIONS: Record<UiLanguage, 'ltr' | 'rtl'> = { en: 'ltr', fr: 'ltr' };

/** The direction to lay the page out in for a language (the pseudo-locale may ask for right to left). */
export function directionOf(language: UiLanguage): 'ltr' | 'rtl' {
  return pseudoMode()?.dir ?? LANGUAGE_DIRECTIONS[language];
}

// why: every number a string shows ({{count}}, a score, a percentage) is written the way the
// language writes numbers (12,345.5 in English, 12 345,5 in French) without each caller formatting it.
// Chapter sections read "§15.1", annexes "Annex V" ("Annexe V" in French), so the section sign
// belongs to the value's formatting (`{{section, handbookSection}}`), not to the sentence around it.
const numbersFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value, format, lng) => {
    if (format === 'handbookSection') return formatHandbookSection(String(value), lng);
    return typeof value === 'number' && (!format || format === 'number')
      ? new Intl.NumberFormat(lng).format(value)
      : value;
  },
};

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
    const table = lang === 'en' && pseudoMode() ? pseudoTable(tables[lang]) : tables[lang];
    instance.addResourceBundle(lang, 'translation', table, true, false);
  }
}

/** Creates an i18next instance for one language, ready to use (resources are bundled, so init is synchronous). */
export function createI18n(language: string): i18n {
  const instance = i18next.createInstance();
  instance.use(numbersFormatter);
  // why: a deep copy, since added tables merge into the instance's store and must not touch the imports.
  const resources = pseudoMode()
    ? { ...structuredClone(RESOURCES), en: { translation: pseudoTable(RESOURCES.en.translation) } }
    : structuredClone(RESOURCES);
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    // why: scenario texts and names are shown as text nodes by Preact, never as HTML.
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  for (const tables of extraTables) addTables(instance, tables);
  live.add(instance);
  return instance;
}

/** A handbook section as cited in running text: "§15.1", "Annex V", "Annexe V" in French. */
export function formatHandbookSection(section: string, lng: string | undefined): string {
  return section
    .split(/,\s*§?/)
    .map((part) => {
      const s = part.trim().replace(/^§/, '');
      if (/^\d/.test(s)) return `§${s}`;
      return lng?.startsWith('fr') ? s.replace(/^Annex\b/, 'Annexe') : s;
    })
    .join(', ');
}
