import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';

type Language = keyof ScenarioBundle['texts'];

/**
 * A bundled scenario fetched in parts: its structure, and one text table per language.
 * why: a trainee reads one language, and the texts are most of a scenario's bytes (structure
 * 4.6 KiB, English 16 KiB, French 19 KiB gzipped for the largest), so the first decision waits
 * for one table; the other comes only when the trainee switches language.
 */
export interface LazyScenario {
  structure(): Promise<ScenarioBundle>;
  /** The scenario's own language, used when the trainee's is not one it was translated into. */
  source: Language;
  texts: Partial<Record<Language, () => Promise<Record<string, string>>>>;
}

let current: string = 'en';
/** Bundles fetched so far with the loaders of their other languages (a few per session). */
const fetched = new Map<ScenarioBundle, LazyScenario>();

async function ensure(
  bundle: Pick<ScenarioBundle, 'texts'>,
  from: LazyScenario,
  language: string,
): Promise<void> {
  const lang = (language in from.texts ? language : from.source) as Language;
  if (bundle.texts[lang]) return;
  try {
    // why: the text tables are shared by every copy of the bundle (a run from a later step copies
    // the structure only), so filling the table in place reaches them all.
    bundle.texts[lang] = await from.texts[lang]!();
  } catch {
    // why: offline without that table, scenario texts fall back to the language already there.
  }
}

/** A bundled scenario's `load`: its structure and the texts of the language in use. */
export function lazyScenarioLoader(from: LazyScenario): () => Promise<ScenarioBundle> {
  return async () => {
    const lang = current;
    const texts: ScenarioBundle['texts'] = {};
    // why: both on their way at once, so opening a scenario costs one round trip, not two.
    const [structure] = await Promise.all([from.structure(), ensure({ texts }, from, lang)]);
    const bundle: ScenarioBundle = { scenario: structure.scenario, texts };
    if (!Object.keys(bundle.texts).length) throw new Error(`no texts for ${bundle.scenario.id}`);
    fetched.set(bundle, from);
    // why: the trainee may have switched language while the scenario was on its way.
    if (current !== lang) await ensure(bundle, from, current);
    return bundle;
  };
}

/**
 * Sets the language scenarios are fetched in, and fetches it for the scenarios already open.
 * Returns null when nothing had to be fetched (the change can be shown at once), else a promise
 * that resolves once every open scenario can be read in that language.
 */
export function setScenarioLanguage(language: string): Promise<void> | null {
  current = language;
  const missing = [...fetched].filter(([bundle, from]) => {
    const lang = (language in from.texts ? language : from.source) as Language;
    return !bundle.texts[lang];
  });
  if (!missing.length) return null;
  return Promise.all(missing.map(([bundle, from]) => ensure(bundle, from, language))).then(() => undefined);
}

/**
 * Switches scenarios to `language` and calls `show` once the open ones can be read in it (at once
 * when nothing had to be fetched). Returns a cancel, for a screen that changes its mind first.
 */
export function showInScenarioLanguage(language: string, show: () => void): () => void {
  let live = true;
  const fetching = setScenarioLanguage(language);
  if (!fetching) show();
  else
    void fetching.then(() => {
      if (live) show();
    });
  return () => {
    live = false;
  };
}
