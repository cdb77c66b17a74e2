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
  noDecisionConsequence: (stepId: string) => `steps.${stepId}.noDecision.consequence`,
  injectFrom: (id: string) => `injects.${id}.from`,
  injectText: (id: string) => `injects.${id}.text`,
  optionLabel: (id: string) => `options.${id}.label`,
  optionFeedback: (id: string) => `options.${id}.feedback`,
  optionConsequence: (id: string) => `options.${id}.consequence`,
  endingTitle: (id: string) => `endings.${id}.title`,
  endingText: (id: string) => `endings.${id}.text`,
  exerciseRole: (id: string) => `exercise.roles.${id}.name`,
  exerciseBriefing: () => 'exercise.briefing',
  exerciseObjective: (id: string) => `exercise.objectives.${id}.text`,
  exerciseModule: (id: string) => `exercise.modules.${id}.title`,
  exerciseQuestion: (id: string) => `exercise.questions.${id}.text`,
  mselFrom: (id: string) => `msel.${id}.from`,
  mselTitle: (id: string) => `msel.${id}.title`,
  mselText: (id: string) => `msel.${id}.text`,
  expectedAction: (id: string) => `expects.${id}.text`,
  expectedCorrective: (id: string) => `expects.${id}.corrective`,
  evaluationPoint: (id: string) => `evaluation.${id}.text`,
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
      if (o.consequence) add(textKey.optionConsequence(o.id), o.consequence, [...op, 'consequence']);
    });
    if (d.noDecision) {
      add(textKey.noDecisionFeedback(s.id), d.noDecision.feedback, [
        ...at,
        'decision',
        'noDecision',
        'feedback',
      ]);
      if (d.noDecision.consequence)
        add(textKey.noDecisionConsequence(s.id), d.noDecision.consequence, [
          ...at,
          'decision',
          'noDecision',
          'consequence',
        ]);
    }
  });
  scenario.endings.forEach((e, i) => {
    add(textKey.endingTitle(e.id), e.title, ['endings', i, 'title']);
    add(textKey.endingText(e.id), e.text, ['endings', i, 'text']);
  });
  const x = scenario.exercise;
  if (!x) return out;
  if (x.briefing !== undefined) add(textKey.exerciseBriefing(), x.briefing, ['exercise', 'briefing']);
  x.roles.forEach((r, i) => {
    add(textKey.exerciseRole(r.id), r.name, ['exercise', 'roles', i, 'name']);
  });
  x.objectives.forEach((o, i) => {
    add(textKey.exerciseObjective(o.id), o.text, ['exercise', 'objectives', i, 'text']);
  });
  x.modules.forEach((m, i) => {
    add(textKey.exerciseModule(m.id), m.title, ['exercise', 'modules', i, 'title']);
    m.questions.forEach((q, qi) => {
      add(textKey.exerciseQuestion(q.id), q.text, ['exercise', 'modules', i, 'questions', qi, 'text']);
    });
  });
  x.msel.forEach((item, i) => {
    const at = ['exercise', 'msel', i];
    add(textKey.mselFrom(item.id), item.from, [...at, 'from']);
    add(textKey.mselTitle(item.id), item.title, [...at, 'title']);
    add(textKey.mselText(item.id), item.text, [...at, 'text']);
    item.expects.forEach((a, ai) => {
      add(textKey.expectedAction(a.id), a.text, [...at, 'expects', ai, 'text']);
      if (a.corrective !== undefined)
        add(textKey.expectedCorrective(a.id), a.corrective, [...at, 'expects', ai, 'corrective']);
    });
  });
  x.evaluation.forEach((p, i) => {
    add(textKey.evaluationPoint(p.id), p.text, ['exercise', 'evaluation', i, 'text']);
  });
  return out;
}
