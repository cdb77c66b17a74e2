import { facilitatedMinutes } from '../exercise/exercise-timing.ts';
import type { ScenarioBundle } from './load-scenario.ts';
import type { ContentTopic, ExerciseFormat, Language, Scenario } from './scenario.schema.ts';
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
  /** Doctrine ids the scenario's options (and time-outs) follow, break or fail, in catalogue order. */
  doctrine: string[];
  /** Whether it can be run as a facilitated exercise (it has an `exercise:` section). */
  facilitated: boolean;
  /** For a facilitated exercise: its format and how many roles sit at the table. */
  exercise?: { format: ExerciseFormat; roles: number; minutes: number };
  /** The content note the file asks for (a trainer may turn it on or off in the app). */
  contentNote?: { topics: ContentTopic[] };
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
  const ids = new Set<string>();
  for (const step of s.steps) {
    for (const o of step.decision?.options ?? [])
      for (const id of [...o.follows, ...o.breaks, ...o.fails]) ids.add(id);
    const nd = step.decision?.noDecision;
    for (const id of [...(nd?.breaks ?? []), ...(nd?.fails ?? [])]) ids.add(id);
  }
  return {
    id: s.id,
    version: s.version,
    situation: s.situation,
    minutes: s.minutes,
    audience: s.audience,
    language: s.language,
    texts,
    doctrine: [...ids].sort(byCatalogueOrder),
    facilitated: s.exercise !== undefined,
    ...(s.exercise
      ? {
          exercise: {
            format: s.exercise.format,
            roles: s.exercise.roles.length,
            minutes: facilitatedMinutes(s),
          },
        }
      : {}),
    ...(s.contentNote ? { contentNote: { topics: [...s.contentNote.topics] } } : {}),
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

// why: ids like 15.1-do-10 must sort after 15.1-do-9, and Do's before Don'ts within a section.
function byCatalogueOrder(a: string, b: string): number {
  const parse = (id: string) => {
    const m = /^(\d+)\.(\d+)-(do|dont|principle)-(\d+)$/.exec(id);
    return m ? [Number(m[1]), Number(m[2]), m[3] === 'do' ? 0 : 1, Number(m[4])] : [0, 0, 0, 0];
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return a.localeCompare(b);
}
