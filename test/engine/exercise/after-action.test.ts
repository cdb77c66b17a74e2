import { describe, expect, it } from 'vitest';
import {
  afterActionMarkdown,
  buildAfterActionReport,
  type ReportTranslator,
} from '../../../src/engine/exercise/after-action.ts';
import { createExercise, type ExerciseEvent } from '../../../src/engine/exercise/exercise-log.ts';
import { scenarioText } from '../../../src/engine/run/run-view.ts';
import type { ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import { createI18n, registerStrings } from '../../../src/i18n/i18n.ts';
import aarEn from '../../../src/i18n/locales/after-action/en.json';
import aarFr from '../../../src/i18n/locales/after-action/fr.json';
import { exerciseBundle, hm, startedLog } from './exercise-factories.ts';

const bundle = exerciseBundle();
const scenario = bundle.scenario;
const tick = (seconds: number): ExerciseEvent => ({ type: 'clock.ticked', seconds });

/** A played exercise: one action on time, one missed, one late, one still open; decisions, notes, ratings, hotwash. */
function played() {
  const x = createExercise(scenario);
  const log: ExerciseEvent[] = startedLog(
    tick(hm(0, 30)),
    // why: the option stands for act-posture (satisfiedBy), so recording it ticks the action.
    { type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] },
    tick(hm(0, 20)),
    { type: 'inject.released', inject: 'ev-attack' },
    {
      type: 'decision.recorded',
      role: 'hom',
      text: 'Order the camp closed to new arrivals.',
      tiers: ['II'],
      phases: ['response'],
      doctrine: ['15.4-dont-1', '15.4-do-8'],
    },
    { type: 'exercise.paused' },
    { type: 'note.recorded', role: 'fc', text: 'Asked for | a <b>map</b> *twice*' },
    { type: 'exercise.resumed' },
    tick(hm(0, 40)),
    { type: 'action.recorded', action: 'act-qrf', role: 'fc' },
    { type: 'exercise.ended' },
    { type: 'evaluation.rated', point: 'ep-warning', rating: 'some-challenges', comment: 'Brief came late.' },
    { type: 'evaluation.rated', point: 'ep-response', rating: 'major-challenges' },
    { type: 'hotwash.recorded', role: 'fc', kind: 'strength', text: 'Clear orders to the QRF.' },
    {
      type: 'hotwash.recorded',
      role: 'poc-adviser',
      kind: 'improvement',
      text: 'Pass community warnings up at once.',
    },
    {
      type: 'corrective.set',
      id: 'missed-act-brief',
      action: 'Add the POC Adviser to the JOC morning brief.',
      role: 'poc-adviser',
      due: '2025-09-30',
    },
  );
  for (const e of log) expect(x.send(e), JSON.stringify(e)).toBe(true);
  return x.state();
}

function translator(language: 'en' | 'fr', b: ScenarioBundle = bundle): ReportTranslator {
  registerStrings({ en: aarEn, fr: aarFr });
  const i18n = createI18n(language);
  return {
    t: (key, params) => i18n.t(key, params ?? {}),
    text: (key) => scenarioText(b, language, key),
    language,
  };
}

describe('the after-action report', () => {
  const report = buildAfterActionReport(scenario, played());

  it('reports objectives against tiers and phases with the weakest rating of their points', () => {
    expect(report.objectives).toEqual([
      {
        id: 'obj-warning',
        textKey: 'exercise.objectives.obj-warning.text',
        tiers: ['I', 'II'],
        phases: ['pre-emption'],
        points: [{ point: 'ep-warning', textKey: 'evaluation.ep-warning.text', rating: 'some-challenges' }],
        rating: 'some-challenges',
      },
      {
        id: 'obj-response',
        textKey: 'exercise.objectives.obj-response.text',
        tiers: ['II'],
        phases: ['response'],
        points: [
          { point: 'ep-response', textKey: 'evaluation.ep-response.text', rating: 'major-challenges' },
        ],
        rating: 'major-challenges',
      },
    ]);
    expect(report.evaluation[0]).toMatchObject({
      point: 'ep-warning',
      comment: 'Brief came late.',
      roles: ['fc', 'poc-adviser'],
    });
  });

  it('lists expected actions taken, late, missed and open, with role and lateness', () => {
    expect(report.expectedActions.map((a) => [a.action, a.status, a.takenBy, a.late, a.fired])).toEqual([
      ['act-posture', 'taken', 'fc', undefined, undefined],
      ['act-brief', 'missed', undefined, undefined, undefined],
      ['act-qrf', 'late', 'fc', hm(0, 10), undefined],
      ['act-statement', 'open', undefined, undefined, undefined],
    ]);
    expect(report.expectedActions[0]!.follows.map((d) => d.id)).toEqual(['15.4-do-6']);
    expect(report.summary).toEqual({
      released: 3,
      scheduled: 2,
      byHand: 1,
      contingencies: 0,
      skipped: 0,
      expected: 4,
      taken: 1,
      late: 1,
      missed: 1,
      open: 1,
      decisions: 2,
    });
  });

  it('counts objectives, actions and decisions per tier and phase', () => {
    expect(report.coverage.byTier.II).toEqual({
      objectives: ['obj-warning', 'obj-response'],
      expected: 2,
      taken: 1,
      late: 1,
      missed: 0,
      decisions: 2,
    });
    expect(report.coverage.byPhase.prevention).toEqual({
      objectives: [],
      expected: 0,
      taken: 0,
      late: 0,
      missed: 0,
      decisions: 0,
    });
  });

  it('puts releases, actions, misses, decisions and notes on one timeline in time order', () => {
    expect(report.timeline.map((e) => [e.kind, e.at])).toEqual([
      ['inject', hm(0, 10)],
      ['inject', hm(0, 20)],
      // at equal times: misses, then releases, then actions, decisions and notes
      ['action', hm(0, 30)],
      ['decision', hm(0, 30)],
      ['missed', hm(0, 35)],
      ['inject', hm(0, 50)],
      ['decision', hm(0, 50)],
      ['note', hm(0, 50)],
      ['missed', hm(1, 20)],
      ['action', hm(1, 30)],
    ]);
    expect(report.timeline[5]).toMatchObject({ inject: 'ev-attack', how: 'facilitator', to: ['hom', 'fc'] });
  });

  it('gives each role its decisions with the doctrine followed and broken, and its hotwash', () => {
    const [hom, fc, adviser] = report.byRole;
    expect(fc!.decisions[0]).toMatchObject({
      step: 'posture',
      options: [{ id: 'raise-posture', labelKey: 'options.raise-posture.label' }],
      tiers: ['I', 'II'],
      phases: ['pre-emption'],
    });
    expect(fc!.decisions[0]!.followed.map((d) => d.id)).toEqual(['15.4-do-1', '15.4-do-6']);
    expect(hom!.decisions[0]!.followed.map((d) => d.id)).toEqual(['15.4-do-8']);
    expect(hom!.decisions[0]!.broken).toEqual([
      expect.objectContaining({ id: '15.4-dont-1', section: '15.4', kind: 'dont', severity: 'critical' }),
    ]);
    expect(fc!.strengths).toEqual(['Clear orders to the QRF.']);
    expect(adviser!.improvements).toEqual(['Pass community warnings up at once.']);
  });

  it('drafts the improvement plan from improvements and missed actions, as the facilitator edited it', () => {
    expect(report.corrective.map((c) => [c.id, c.source, c.action || c.actionKey, c.role, c.due])).toEqual([
      ['hw-2', 'improvement', 'Pass community warnings up at once.', 'poc-adviser', ''],
      [
        'missed-act-brief',
        'missed',
        'Add the POC Adviser to the JOC morning brief.',
        'poc-adviser',
        '2025-09-30',
      ],
    ]);
  });

  it('renders as Markdown in English (golden file) and in French, with every string found', async () => {
    const en = afterActionMarkdown(report, translator('en'));
    await expect(en).toMatchFileSnapshot('__golden__/exercise-mini.aar.en.md');
    const fr = afterActionMarkdown(report, translator('fr'));
    await expect(fr).toMatchFileSnapshot('__golden__/exercise-mini.aar.fr.md');
    for (const doc of [en, fr]) expect(doc).not.toMatch(/\baar\.|doctrine\.|msel\.|expects\./);
    expect(fr).toContain('# Rapport après action : Mini exercice sur table');
    expect(fr).toContain('Réalisé avec des difficultés majeures (M)');
  });

  it('keeps facilitator text as text: Markdown and HTML characters are escaped, table cells stay on one line', () => {
    const en = afterActionMarkdown(report, translator('en'));
    expect(en).toContain('Asked for \\| a \\<b\\>map\\</b\\> \\*twice\\*');
    expect(en).not.toContain('<b>');
    const x = createExercise(scenario, startedLog({ type: 'exercise.ended' }));
    x.send({ type: 'corrective.set', id: 'ca-1', action: 'Two\nlines | here', role: 'hom', due: 'soon' });
    const doc = afterActionMarkdown(buildAfterActionReport(scenario, x.state()), translator('en'));
    expect(doc).toContain('| 1 | Two lines \\| here | - | Head of Mission | soon | Open |');
  });

  it('renders an exercise that has not started without failing, saying nothing was recorded', () => {
    const empty = buildAfterActionReport(scenario, createExercise(scenario).state());
    const doc = afterActionMarkdown(empty, translator('en'));
    expect(doc).toContain('exercise not started');
    expect(doc).toContain('None recorded.');
    expect(doc).not.toMatch(/\baar\./);
  });
});
