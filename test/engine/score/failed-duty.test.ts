import { describe, expect, it } from 'vitest';
import { formatDebriefText } from '../../../src/cli/debrief-text.ts';
import { createCatalogue, DOCTRINE } from '../../../src/engine/doctrine/catalogue.ts';
import type { Severity } from '../../../src/engine/doctrine/doctrine-entry.ts';
import { buildCohort } from '../../../src/engine/results/cohort.ts';
import { createRunFile } from '../../../src/engine/results/run-file.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { loadScenario } from '../../../src/engine/scenario/load-scenario.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { buildLessons } from '../../../src/engine/score/lessons.ts';
import { buildReportModel } from '../../../src/engine/score/report-model.ts';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { createStatementBuilder } from '../../../src/lms/cmi5-statements.ts';
import { POCSIM_EXTENSIONS } from '../../../src/lms/xapi-vocabulary.ts';
import '../../../src/ui/debrief/debrief-strings.ts';
import { decisionsCsv } from '../../../src/ui/debrief/exports.ts';
import { createReportContext } from '../../../src/ui/debrief/report-text.ts';
import { miniWith } from '../factories.ts';

// why: the shipped catalogue's duty marks are content that changes; these tests give two Do's a
// duty of their own so the machinery is tested whatever the catalogue says.
const DUTIES: Record<string, Severity> = { '15.1-do-12': 'major', '15.1-do-5': 'critical' };
const catalogue = createCatalogue(DOCTRINE.map((e) => (DUTIES[e.id] ? { ...e, duty: DUTIES[e.id] } : e)));

const choose = (...ids: string[]): RunEvent => ({ type: 'decision.chosen', optionIds: ids });

/** The mini fixture where staying in at night fails the night-patrol duty, and letting the gate decision run out fails the CLA duty. */
function dutyMini(edit: (s: Record<string, any>) => void = () => {}) {
  const text = miniWith((s) => {
    s.steps[1].decision.options.push({
      id: 'night-stay',
      label: 'Stay inside the base',
      feedback: 'Nobody patrolled.',
      tiers: ['II'],
      fails: ['15.1-do-12'],
    });
    s.steps[0].decision.noDecision.fails = ['15.1-do-5'];
    edit(s);
  });
  return { text, result: loadScenario({ path: 'scenario.yaml', text }, [], catalogue) };
}

describe('failing a duty', () => {
  it('lets only Do entries of the shipped catalogue carry a duty', () => {
    for (const e of DOCTRINE) if (e.duty !== undefined) expect(e.kind, e.id).toBe('do');
  });

  it('loads a scenario whose option and noDecision fail duties', () => {
    const { result } = dutyMini();
    expect(result.diagnostics).toEqual([]);
    const night = result.bundle!.scenario.steps[1]!.decision!;
    expect(night.options.find((o) => o.id === 'night-stay')!.fails).toEqual(['15.1-do-12']);
    expect(night.options[0]!.fails).toEqual([]);
  });

  it.each([
    ['a Do without a duty', ['15.1-do-3'], /15\.1-do-3" carries no duty/],
    ["a Don't", ['15.1-dont-2'], /"15\.1-dont-2" is a Don't; list it under breaks/],
    ['an unknown id', ['15.1-do-99'], /unknown doctrine id "15\.1-do-99"/],
  ])('rejects fails naming %s, at its file:line:col', (_, fails, message) => {
    const { text, result } = dutyMini((s) => {
      s.steps[1].decision.options[3].fails = fails;
    });
    expect(result.bundle).toBeUndefined();
    const d = result.diagnostics.find((x) => message.test(x.message))!;
    expect(d.field).toBe('steps[1].decision.options[3].fails[0]');
    expect(text.split('\n')[d.line - 1]!.slice(d.col - 1)).toContain(fails[0]!);
  });

  it('rejects an option that follows and fails the same Do', () => {
    const { result } = dutyMini((s) => {
      s.steps[1].decision.options[0].fails = ['15.1-do-12'];
    });
    expect(result.diagnostics.map((d) => `${d.field}: ${d.message}`)).toContain(
      'steps[1].decision.options[0].fails[0]: "15.1-do-12" is also under follows: a choice cannot follow and fail the same Do',
    );
  });

  it('points a Do with a duty listed under breaks to fails', () => {
    const { result } = dutyMini((s) => {
      s.steps[1].decision.options[3].fails = [];
      s.steps[1].decision.options[3].breaks = ['15.1-do-12'];
    });
    expect(result.diagnostics.map((d) => d.message)).toContain(
      '"15.1-do-12" is a Do that carries a duty; list it under fails when the choice fails it',
    );
  });

  it('weighs a failed duty exactly like a broken Don’t of the same severity', () => {
    const { result } = dutyMini();
    const failing = buildDebrief(result.bundle!.scenario, [choose('open'), choose('night-stay')], catalogue);
    // the same option, breaking a major Don't instead of failing a major duty
    const breaking = dutyMini((s) => {
      s.steps[1].decision.options[3].fails = [];
      s.steps[1].decision.options[3].breaks = ['15.1-dont-4'];
    }).result.bundle!.scenario;
    const broke = buildDebrief(breaking, [choose('open'), choose('night-stay')], catalogue);
    expect(failing.decisions[1]!.score).toBe(broke.decisions[1]!.score);
    expect(failing.decisions[1]!.broken).toEqual([{ doctrine: '15.1-do-12', severity: 'major', duty: true }]);
    expect(failing.violations).toEqual([
      { doctrine: '15.1-do-12', severity: 'major', duty: true, step: 'night', option: 'night-stay' },
    ]);
    expect(failing.score.criticalBreach).toBe(false);
  });

  it('fails the run when a critical duty is failed, here by letting time run out', () => {
    const { result } = dutyMini();
    const d = buildDebrief(
      result.bundle!.scenario,
      [{ type: 'clock.ticked', seconds: 60 }, choose('night-patrol', 'cla'), { type: 'step.continued' }],
      catalogue,
    );
    expect(d.violations[0]).toEqual({
      doctrine: '15.1-do-5',
      severity: 'critical',
      duty: true,
      step: 'arrival',
      option: null,
    });
    expect(d.score.criticalBreach).toBe(true);
    expect(d.score.passed).toBe(false);
    const lessons = buildLessons(result.bundle!.scenario, d, catalogue);
    expect(lessons.improvements[0]).toMatchObject({ key: 'criticalFailed', params: { step: 'arrival' } });
  });

  it('shows a failed duty as failed, not broken, in the CLI text, the CSV, the report, the LMS statement and the cohort', () => {
    const { result } = dutyMini();
    const bundle = result.bundle!;
    const log: RunEvent[] = [choose('open'), choose('night-stay'), { type: 'step.continued' }];
    const d = buildDebrief(bundle.scenario, log, catalogue);

    const text = formatDebriefText(bundle, d, 'en');
    expect(text).toContain('FAILED A DUTY 15.1-do-12 (major, Handbook §15.1)');
    expect(text).not.toContain('BROKE 15.1-do-12');
    expect(formatDebriefText(bundle, d, 'fr')).toContain('DEVOIR MANQUÉ 15.1-do-12');

    const model = buildReportModel(bundle.scenario, d, catalogue);
    expect(model.decisions[1]!.broken).toMatchObject([{ id: '15.1-do-12', severity: 'major', duty: true }]);
    expect(model.lessons.improvements[0]).toMatchObject({ key: 'dutyFailed', params: { severity: 'major' } });
    const i18n = createI18n('en');
    const ctx = createReportContext(i18n.t.bind(i18n), 'en', bundle);
    const rows = decisionsCsv(model, ctx).split('\r\n');
    expect(rows[0]).toContain('Doctrine broken,Duties failed');
    expect(rows[2]).toContain(',,15.1-do-12,');

    const statement = createStatementBuilder(
      {
        actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.test', name: 'u7' } },
        registration: '0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d6e',
        activityId: 'https://lms.example.test/activities/au-3',
        launchData: { contextTemplate: {}, launchMode: 'Normal', masteryScore: 0.7 },
        scenario: { id: bundle.scenario.id, version: bundle.scenario.version },
      },
      { now: () => 1_000, newId: () => '0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d00' },
    ).answered({ bundle, step: bundle.scenario.steps[1]!, decision: d.decisions[1]! });
    const ext = (statement as any).context.extensions;
    expect(ext[POCSIM_EXTENSIONS.doctrineFailed]).toEqual([{ doctrine: '15.1-do-12', severity: 'major' }]);
    expect(ext[POCSIM_EXTENSIONS.doctrineBroken]).toEqual([]);

    const runFile = createRunFile({
      scenario: { id: bundle.scenario.id, version: bundle.scenario.version },
      language: 'en',
      log,
    });
    // why: a headless log has no clock, which the cohort flags as implausible; the trainer accepts it here
    const cohort = buildCohort(
      [{ name: 'a.json', text: JSON.stringify(runFile) }],
      [bundle.scenario],
      catalogue,
      { accepted: new Set(['a.json']) },
    );
    const most = cohort.groups[0]!.mostBroken;
    expect(most).toMatchObject([{ doctrine: '15.1-do-12', kind: 'do', severity: 'major', runs: 1 }]);
  });
});
