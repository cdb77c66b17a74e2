import type { Scenario } from './scenario.schema.ts';

// why: every text of a scenario is addressed by a key built from element ids, so a translation
// file never depends on the order of the source and a reworded sentence never breaks a save.

/** Text keys of a scenario's elements; the engine emits these and the UI translates them. */
export const textKey = {
  title: () => 'title',
  summary: () => 'summary',
  briefing: () => 'briefing',
  objective: (index: number) => `objectives.${index}`,
  place: () => 'setting.place',
  location: (id: string) => `locations.${id}.name`,
  actor: (id: string) => `actors.${id}.name`,
  unit: (id: string) => `units.${id}.name`,
  variable: (id: string) => `variables.${id}.name`,
  stepTitle: (id: string) => `steps.${id}.title`,
  narration: (id: string) => `steps.${id}.narration`,
  prompt: (id: string) => `steps.${id}.prompt`,
  noDecisionFeedback: (stepId: string) => `steps.${stepId}.noDecision.feedback`,
  injectFrom: (id: string) => `injects.${id}.from`,
  injectText: (id: string) => `injects.${id}.text`,
  optionLabel: (id: string) => `options.${id}.label`,
  optionFeedback: (id: string) => `options.${id}.feedback`,
  endingTitle: (id: string) => `endings.${id}.title`,
  endingText: (id: string) => `endings.${id}.text`,
} as const;

/** Source-language texts of a scenario with the path of the field each came from. */
export interface SourceText {
  key: string;
  text: string;
  path: (string | number)[];
}

/** Lists every text of a scenario under its stable key, in file order. */
export function collectTexts(scenario: Scenario): SourceText[] {
  const out: SourceText[] = [];
  const add = (key: string, value: string, path: (string | number)[]) => {
    out.push({ key, text: value, path });
  };
  add(textKey.title(), scenario.title, ['title']);
  add(textKey.summary(), scenario.summary, ['summary']);
  add(textKey.briefing(), scenario.briefing, ['briefing']);
  scenario.objectives.forEach((o, i) => {
    add(textKey.objective(i), o, ['objectives', i]);
  });
  add(textKey.place(), scenario.setting.place, ['setting', 'place']);
  scenario.setting.locations.forEach((l, i) => {
    add(textKey.location(l.id), l.name, ['setting', 'locations', i, 'name']);
  });
  scenario.setting.actors.forEach((a, i) => {
    add(textKey.actor(a.id), a.name, ['setting', 'actors', i, 'name']);
  });
  scenario.setting.units.forEach((u, i) => {
    add(textKey.unit(u.id), u.name, ['setting', 'units', i, 'name']);
  });
  scenario.variables.forEach((v, i) => {
    add(textKey.variable(v.id), v.name, ['variables', i, 'name']);
  });
  scenario.steps.forEach((s, si) => {
    const at = ['steps', si];
    add(textKey.stepTitle(s.id), s.title, [...at, 'title']);
    add(textKey.narration(s.id), s.narration, [...at, 'narration']);
    s.injects?.forEach((inj, ii) => {
      add(textKey.injectFrom(inj.id), inj.from, [...at, 'injects', ii, 'from']);
      add(textKey.injectText(inj.id), inj.text, [...at, 'injects', ii, 'text']);
    });
    const d = s.decision;
    if (!d) return;
    add(textKey.prompt(s.id), d.prompt, [...at, 'decision', 'prompt']);
    d.options.forEach((o, oi) => {
      const op = [...at, 'decision', 'options', oi];
      add(textKey.optionLabel(o.id), o.label, [...op, 'label']);
      add(textKey.optionFeedback(o.id), o.feedback, [...op, 'feedback']);
    });
    if (d.noDecision) {
      add(textKey.noDecisionFeedback(s.id), d.noDecision.feedback, [
        ...at,
        'decision',
        'noDecision',
        'feedback',
      ]);
    }
  });
  scenario.endings.forEach((e, i) => {
    add(textKey.endingTitle(e.id), e.title, ['endings', i, 'title']);
    add(textKey.endingText(e.id), e.text, ['endings', i, 'text']);
  });
  return out;
}
