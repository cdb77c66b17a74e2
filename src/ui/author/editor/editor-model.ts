import { DOCTRINE } from '../../../engine/doctrine/catalogue.ts';
import { type LoadResult, loadScenario } from '../../../engine/scenario/load-scenario.ts';
import type { Scenario } from '../../../engine/scenario/scenario.schema.ts';
import { collectTexts, textKey } from '../../../engine/scenario/text-keys.ts';
import type { EditorFiles } from './editor-session.ts';
import {
  addItem,
  insertItem,
  moveItem,
  readYaml,
  removeValue,
  renameKeys,
  setMarkedValue,
  setValue,
  type YamlPath,
} from './yaml-edit.ts';

// why: forms edit the scenario as the trainer wrote it, even while it is invalid, so they read the
// raw parsed data (`ScenarioData`), never the checked scenario; every change goes through a text edit.

/** The marker the translation loader reads as "still the source text, not translated yet". */
export const UNTRANSLATED = 'untranslated';

/** A scenario's raw data as parsed, loosely typed (it may be invalid while the trainer edits). */
// biome-ignore lint/suspicious/noExplicitAny: the raw data is whatever the trainer wrote; forms guard each read
export type ScenarioData = Record<string, any>;

/** The raw data of the scenario file, or undefined when its YAML does not parse. */
export function scenarioData(files: EditorFiles): ScenarioData | undefined {
  const data = readYaml(files.scenario);
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as ScenarioData) : undefined;
}

/** Validates the files as `pocsim validate` does: the same loader, the same messages. */
export function checkFiles(files: EditorFiles): LoadResult {
  const translations = Object.entries(files.translations).map(([lang, text]) => ({
    path: `${lang}.yaml`,
    text,
  }));
  return loadScenario({ path: 'scenario.yaml', text: files.scenario }, translations);
}

/** Ids used anywhere in the scenario (steps, endings, options, injects), to make new ones unique. */
function usedIds(data: ScenarioData): Set<string> {
  const ids = new Set<string>();
  for (const s of list(data.steps)) {
    ids.add(String(s.id));
    for (const o of list(s.decision?.options)) ids.add(String(o.id));
    for (const i of list(s.injects)) ids.add(String(i.id));
  }
  for (const e of list(data.endings)) ids.add(String(e.id));
  return ids;
}

/** A fresh id from a stem: `stem`, else `stem-2`, `stem-3`… */
export function freshId(data: ScenarioData, stem: string): string {
  const ids = usedIds(data);
  if (!ids.has(stem)) return stem;
  for (let n = 2; ; n++) if (!ids.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

// biome-ignore lint/suspicious/noExplicitAny: see ScenarioData
export function list(v: unknown): Record<string, any>[] {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [];
}

type Edit = (files: EditorFiles) => EditorFiles;

/** Sets a field of the scenario file. */
export const setField =
  (path: YamlPath, value: unknown): Edit =>
  (files) => ({ ...files, scenario: setValue(files.scenario, path, value) });

/** Removes a field or list item of the scenario file. */
export const removeField =
  (path: YamlPath): Edit =>
  (files) => ({ ...files, scenario: removeValue(files.scenario, path) });

/** Adds the source texts of new elements to every translation, marked untranslated. */
function addToTranslations(files: EditorFiles, texts: Record<string, string>): EditorFiles {
  const translations: Record<string, string> = {};
  for (const [lang, text] of Object.entries(files.translations)) {
    let out = text;
    for (const [key, value] of Object.entries(texts)) {
      try {
        out = setMarkedValue(out, ['texts', key], value, UNTRANSLATED);
      } catch {
        // why: a translation file with a YAML error is left for the trainer to mend; nothing is lost
      }
    }
    translations[lang] = out;
  }
  return { ...files, translations };
}

/** Removes the translations of texts that no longer exist in the scenario. */
function dropFromTranslations(files: EditorFiles, keys: readonly string[]): EditorFiles {
  const translations: Record<string, string> = {};
  for (const [lang, text] of Object.entries(files.translations)) {
    let out = text;
    for (const key of keys) {
      try {
        out = removeValue(out, ['texts', key]);
      } catch {
        // left as it is; validate then names the stale key
      }
    }
    translations[lang] = out;
  }
  return { ...files, translations };
}

/** The text keys of a step (title, narration, prompt, options, injects, time-out feedback). */
function stepKeys(step: ScenarioData): string[] {
  const id = String(step.id);
  return [
    textKey.stepTitle(id),
    textKey.narration(id),
    ...(step.decision ? [textKey.prompt(id)] : []),
    ...(step.decision?.noDecision ? [textKey.noDecisionFeedback(id)] : []),
    ...list(step.injects).flatMap((i) => [
      textKey.injectFrom(String(i.id)),
      textKey.injectText(String(i.id)),
    ]),
    ...list(step.decision?.options).flatMap((o) => optionKeys(o)),
  ];
}

function optionKeys(option: ScenarioData): string[] {
  return [textKey.optionLabel(String(option.id)), textKey.optionFeedback(String(option.id))];
}

/** Where a new option or step leads until the trainer connects it: the first ending. */
function defaultTarget(data: ScenarioData): string {
  return String(list(data.endings)[0]?.id ?? data.start ?? 'end');
}

/** Adds a decision step with two options after step `after` (or at the end). */
export function addStep(
  data: ScenarioData,
  labels: NewStepTexts,
  after?: number,
): { edit: Edit; id: string } {
  const steps = list(data.steps);
  const id = freshId(data, 'step');
  const o1 = freshId({ ...data, steps: [...steps, { id }] }, `${id}-a`);
  const o2 = freshId({ ...data, steps: [...steps, { id, decision: { options: [{ id: o1 }] } }] }, `${id}-b`);
  const target = defaultTarget(data);
  const phase = steps[after ?? steps.length - 1]?.phase ?? 'prevention';
  const option = (oid: string, label: string) => ({
    id: oid,
    label,
    feedback: labels.feedback,
    tiers: ['II'],
    next: target,
  });
  const step = {
    id,
    phase,
    title: labels.title,
    narration: labels.narration,
    decision: { prompt: labels.prompt, options: [option(o1, labels.option1), option(o2, labels.option2)] },
  };
  const texts = {
    [textKey.stepTitle(id)]: labels.title,
    [textKey.narration(id)]: labels.narration,
    [textKey.prompt(id)]: labels.prompt,
    [textKey.optionLabel(o1)]: labels.option1,
    [textKey.optionFeedback(o1)]: labels.feedback,
    [textKey.optionLabel(o2)]: labels.option2,
    [textKey.optionFeedback(o2)]: labels.feedback,
  };
  const index = after === undefined ? steps.length : after + 1;
  return {
    id,
    edit: (files) =>
      addToTranslations(
        {
          ...files,
          scenario:
            index >= steps.length
              ? addItem(files.scenario, ['steps'], step)
              : insertItem(files.scenario, ['steps'], index, step),
        },
        texts,
      ),
  };
}

/** Texts of a new step, to be rewritten by the trainer. */
export interface NewStepTexts {
  title: string;
  narration: string;
  prompt: string;
  option1: string;
  option2: string;
  feedback: string;
}

// why: new elements get texts in the scenario's own language (English, the source of every
// translation), whatever language the editor's interface is in; the French side starts from them.
/** Starting texts of new elements, in the scenario's source language. */
export const NEW_TEXTS = {
  step: {
    title: 'New step',
    narration: 'What the trainee sees and hears.',
    prompt: 'What do you do?',
    option1: 'First option',
    option2: 'Second option',
    feedback: 'Why this was right or wrong, citing the handbook section.',
  },
  option: 'New option',
  endingTitle: 'New ending',
  endingText: 'How it ended.',
  objective: 'What the trainee should be able to do at the end.',
} as const;

/** Removes step `index` with its texts in every translation. */
export function removeStep(data: ScenarioData, index: number): Edit {
  const step = list(data.steps)[index];
  return (files) => dropFromTranslations(removeField(['steps', index])(files), step ? stepKeys(step) : []);
}

/** Moves step `from` to position `to`; the order of steps is the order of the file. */
export const moveStep =
  (from: number, to: number): Edit =>
  (files) => ({ ...files, scenario: moveItem(files.scenario, ['steps'], from, to) });

/** Adds an option to the decision of step `index`. */
export function addOption(
  data: ScenarioData,
  index: number,
  label: string,
  feedback: string,
): { edit: Edit; id: string } {
  const step = list(data.steps)[index] ?? {};
  const id = freshId(
    data,
    `${step.id ?? 'option'}-${String.fromCharCode(97 + list(step.decision?.options).length)}`,
  );
  const option = { id, label, feedback, tiers: ['II'], next: defaultTarget(data) };
  return {
    id,
    edit: (files) =>
      addToTranslations(
        { ...files, scenario: addItem(files.scenario, ['steps', index, 'decision', 'options'], option) },
        { [textKey.optionLabel(id)]: label, [textKey.optionFeedback(id)]: feedback },
      ),
  };
}

/** Removes option `option` of step `index`, with its texts. */
export function removeOption(data: ScenarioData, index: number, option: number): Edit {
  const o = list(list(data.steps)[index]?.decision?.options)[option];
  return (files) =>
    dropFromTranslations(
      removeField(['steps', index, 'decision', 'options', option])(files),
      o ? optionKeys(o) : [],
    );
}

/** Adds an ending. */
export function addEnding(data: ScenarioData, title: string, text: string): { edit: Edit; id: string } {
  const id = freshId(data, 'end');
  const ending = { id, title, text, outcome: 'partial' };
  return {
    id,
    edit: (files) =>
      addToTranslations(
        { ...files, scenario: addItem(files.scenario, ['endings'], ending) },
        { [textKey.endingTitle(id)]: title, [textKey.endingText(id)]: text },
      ),
  };
}

/** Removes ending `index`, with its texts. */
export function removeEnding(data: ScenarioData, index: number): Edit {
  const e = list(data.endings)[index];
  return (files) =>
    dropFromTranslations(
      removeField(['endings', index])(files),
      e ? [textKey.endingTitle(String(e.id)), textKey.endingText(String(e.id))] : [],
    );
}

/** Points an exit (an option or a time-out) at a step or ending, replacing any routes it had. */
export function connect(exitPath: YamlPath, target: string, hasRoutes: boolean): Edit {
  return (files) => {
    let scenario = setValue(files.scenario, [...exitPath, 'next'], target);
    if (hasRoutes) scenario = removeValue(scenario, [...exitPath, 'routes']);
    return { ...files, scenario };
  };
}

/** Sets a text of the scenario, and the same text's translation when it is still untranslated. */
export const setText =
  (path: YamlPath, value: string): Edit =>
  (files) => ({ ...files, scenario: setValue(files.scenario, path, value) });

/** Sets (or, with `translated`, marks done) the translation of one text key. */
export const setTranslation =
  (lang: string, key: string, value: string, untranslated: boolean): Edit =>
  (files) => ({
    ...files,
    translations: {
      ...files.translations,
      [lang]: setMarkedValue(
        files.translations[lang] ?? '',
        ['texts', key],
        value,
        untranslated ? UNTRANSLATED : null,
      ),
    },
  });

/** Adds every source text missing from a translation, marked untranslated. */
export function fillTranslation(
  lang: string,
  source: Record<string, string>,
  present: ReadonlySet<string>,
): Edit {
  return (files) => {
    const missing = Object.fromEntries(Object.entries(source).filter(([k]) => !present.has(k)));
    const only = { ...files, translations: { [lang]: files.translations[lang] ?? '' } };
    const filled = addToTranslations(only, missing);
    return { ...files, translations: { ...files.translations, ...filled.translations } };
  };
}

/** The texts of the scenario by key, from its raw data (empty when it cannot be read yet). */
export function sourceTexts(data: ScenarioData | undefined): Record<string, string> {
  if (!data) return {};
  try {
    return Object.fromEntries(collectTexts(lenientScenario(data)).map((t) => [t.key, t.text]));
  } catch {
    return {};
  }
}

/**
 * A scenario shaped enough to draw and to list texts from raw data that may be invalid: missing
 * lists become empty, steps and endings without an id are left out.
 */
export function lenientScenario(data: ScenarioData): Scenario {
  const str = (v: unknown, fallback = '') =>
    typeof v === 'string' ? v : v === undefined ? fallback : String(v);
  const withId = (xs: ScenarioData[]) =>
    xs.filter((x) => typeof x.id === 'string' || typeof x.id === 'number');
  const exit = (o: ScenarioData) => ({
    ...o,
    id: str(o.id),
    label: str(o.label),
    feedback: str(o.feedback),
    follows: Array.isArray(o.follows) ? o.follows : [],
    breaks: Array.isArray(o.breaks) ? o.breaks : [],
    tiers: Array.isArray(o.tiers) ? o.tiers : [],
    ...(Array.isArray(o.routes) ? { routes: list(o.routes).map((r) => ({ ...r, next: str(r.next) })) } : {}),
  });
  const steps = withId(list(data.steps)).map((s) => {
    const d = s.decision && typeof s.decision === 'object' ? s.decision : undefined;
    return {
      ...s,
      id: str(s.id),
      phase: str(s.phase, 'prevention'),
      title: str(s.title),
      narration: str(s.narration),
      injects: withId(list(s.injects)).map((i) => ({
        ...i,
        id: str(i.id),
        from: str(i.from),
        text: str(i.text),
      })),
      ...(d
        ? {
            decision: {
              ...d,
              prompt: str(d.prompt),
              mode: d.mode === 'multi' ? 'multi' : 'single',
              options: withId(list(d.options)).map(exit),
              ...(d.noDecision && typeof d.noDecision === 'object' ? { noDecision: exit(d.noDecision) } : {}),
            },
          }
        : {}),
    };
  });
  const setting = data.setting && typeof data.setting === 'object' ? data.setting : {};
  return {
    ...data,
    id: str(data.id),
    language: data.language === 'fr' ? 'fr' : 'en',
    title: str(data.title),
    summary: str(data.summary),
    briefing: str(data.briefing),
    objectives: Array.isArray(data.objectives) ? data.objectives.map((o: unknown) => str(o)) : [],
    start: str(data.start, steps[0]?.id ?? ''),
    setting: {
      ...setting,
      place: str(setting.place),
      locations: withId(list(setting.locations)).map((l) => ({ ...l, id: str(l.id), name: str(l.name) })),
      roads: list(setting.roads),
      actors: withId(list(setting.actors)).map((l) => ({ ...l, id: str(l.id), name: str(l.name) })),
      units: withId(list(setting.units)).map((l) => ({ ...l, id: str(l.id), name: str(l.name) })),
    },
    variables: withId(list(data.variables)).map((v) => ({ ...v, id: str(v.id), name: str(v.name) })),
    steps,
    endings: withId(list(data.endings)).map((e) => ({
      ...e,
      id: str(e.id),
      title: str(e.title),
      text: str(e.text),
      outcome: ['protected', 'partial', 'harmed'].includes(e.outcome) ? e.outcome : 'partial',
    })),
  } as unknown as Scenario;
}

/** Every doctrine id, to tell a known one from a typo in the forms. */
export const DOCTRINE_IDS: ReadonlySet<string> = new Set(DOCTRINE.map((e) => e.id));

/** Marks every text of a fresh translation untranslated (a starter's translation is the English source). */
export function markAllUntranslated(text: string): string {
  const data = readYaml(text) as { texts?: Record<string, unknown> } | undefined;
  let out = text;
  for (const [key, value] of Object.entries(data?.texts ?? {}))
    if (typeof value === 'string') out = setMarkedValue(out, ['texts', key], value, UNTRANSLATED);
  return out;
}

/** What an id names in the scenario: a step, an option or an ending; undefined when none. */
export function idKind(data: ScenarioData, id: string): 'step' | 'option' | 'ending' | undefined {
  for (const s of list(data.steps)) {
    if (s.id === id) return 'step';
    if (list(s.decision?.options).some((o) => o.id === id)) return 'option';
  }
  return list(data.endings).some((e) => e.id === id) ? 'ending' : undefined;
}

/** Why `next` cannot be the new name of `old`: `badId`, `taken`, or undefined when it can. */
export function renameProblem(data: ScenarioData, old: string, next: string): 'badId' | 'taken' | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(next)) return 'badId';
  if (next !== old && (usedIds(data).has(next) || idKind(data, next))) return 'taken';
  return undefined;
}

// why: ids are unique in the whole scenario, so a value equal to the old id in one of these fields
// can only be a reference to it: `start`, `next` and an inject's `step` name steps and endings,
// `chose`/`notChose` and `satisfiedBy` name options
const REFERENCE_KEYS = new Set(['start', 'next', 'step', 'chose', 'notChose']);

/** Paths of every field of the scenario that refers to `id`. */
function referencesTo(data: unknown, id: string, at: YamlPath = []): YamlPath[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => referencesTo(v, id, [...at, i]));
  if (!data || typeof data !== 'object') return [];
  const out: YamlPath[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (REFERENCE_KEYS.has(k) && v === id) out.push([...at, k]);
    else if (k === 'satisfiedBy' && Array.isArray(v))
      v.forEach((x, i) => {
        if (x === id) out.push([...at, k, i]);
      });
    else out.push(...referencesTo(v, id, [...at, k]));
  }
  return out;
}

/** Where the id of a step, option or ending sits in the file. */
function idPath(data: ScenarioData, id: string): YamlPath | undefined {
  for (const [i, s] of list(data.steps).entries()) {
    if (s.id === id) return ['steps', i, 'id'];
    const k = list(s.decision?.options).findIndex((o) => o.id === id);
    if (k >= 0) return ['steps', i, 'decision', 'options', k, 'id'];
  }
  const e = list(data.endings).findIndex((x) => x.id === id);
  return e >= 0 ? ['endings', e, 'id'] : undefined;
}

const KEY_PREFIX = { step: 'steps', option: 'options', ending: 'endings' } as const;

/**
 * Renames a step, option or ending: its id, every field that refers to it (start, next, routes,
 * conditions, injects) and its text keys in every translation, so nothing translated is lost.
 */
export function renameId(data: ScenarioData, old: string, next: string): Edit {
  const kind = idKind(data, old);
  const at = idPath(data, old);
  if (!kind || !at || renameProblem(data, old, next)) return (files) => files;
  const refs = referencesTo(data, old);
  const from = `${KEY_PREFIX[kind]}.${old}.`;
  const to = `${KEY_PREFIX[kind]}.${next}.`;
  return (files) => {
    let scenario = setValue(files.scenario, at, next);
    for (const path of refs) scenario = setValue(scenario, path, next);
    const translations: Record<string, string> = {};
    for (const [lang, text] of Object.entries(files.translations)) {
      try {
        translations[lang] = renameKeys(text, ['texts'], (key) =>
          key.startsWith(from) ? to + key.slice(from.length) : undefined,
        );
      } catch {
        // why: a translation with a YAML error is left as it is; validate then names its stale keys
        translations[lang] = text;
      }
    }
    return { ...files, scenario, translations };
  };
}
