import en from '../i18n/locales/en.json';
import fr from '../i18n/locales/fr.json';

// why: the map draws a few words of its own (legend, location states, moods). They live in the UI
// locale files like every other UI string; the map reads them from there when its `label` answers
// with the key itself, so a map never shows a raw key.

/** The UI string tables, by language, as the map reads them. */
export const MAP_TEXTS = { en, fr } as const;

/** Looks up a dotted `map.*` key in one of the tables above; undefined when absent. */
export function mapText(language: keyof typeof MAP_TEXTS, key: string): string | undefined {
  let node: unknown = MAP_TEXTS[language];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
