import type { ScenarioBundle } from './load-scenario.ts';
import type { Language, Scenario } from './scenario.schema.ts';
import { collectTexts, textKey } from './text-keys.ts';

/** What the scenario menu needs of a scenario before loading the whole of it. */
export interface ScenarioListing {
  id: string;
  version: string;
  situation: string;
  minutes: number;
  audience: Scenario['audience'];
  language: Language;
  /** Title and summary by language, keyed like the full text tables. */
  texts: ScenarioBundle['texts'];
}

/** The menu entry of a checked scenario. */
export function buildListing(bundle: ScenarioBundle): ScenarioListing {
  const s = bundle.scenario;
  const texts: ScenarioBundle['texts'] = {};
  for (const [lang, table] of Object.entries(bundle.texts) as [Language, Record<string, string>][]) {
    texts[lang] = {
      [textKey.title()]: table[textKey.title()] ?? '',
      [textKey.summary()]: table[textKey.summary()] ?? '',
    };
  }
  return {
    id: s.id,
    version: s.version,
    situation: s.situation,
    minutes: s.minutes,
    audience: s.audience,
    language: s.language,
    texts,
  };
}

// why: every source text is also in the source-language table, which is what the UI reads; empty
// strings in the scenario itself halve what a trainee downloads.
/** A copy of a bundle whose scenario carries no text of its own, only the text tables do. */
export function stripSourceTexts(bundle: ScenarioBundle): ScenarioBundle {
  const scenario: Scenario = JSON.parse(JSON.stringify(bundle.scenario));
  for (const { path } of collectTexts(bundle.scenario)) {
    let node: Record<PropertyKey, unknown> = scenario as unknown as Record<PropertyKey, unknown>;
    for (const part of path.slice(0, -1)) node = node[part] as Record<PropertyKey, unknown>;
    node[path[path.length - 1]!] = '';
  }
  return { scenario, texts: bundle.texts };
}
