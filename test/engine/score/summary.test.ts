import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { buildReportModel } from '../../../src/engine/score/report-model.ts';
import { loadText, miniBundle, miniWith } from '../factories.ts';

const choose = (...optionIds: string[]): RunEvent => ({ type: 'decision.chosen', optionIds });
const modelOf = (log: RunEvent[], scenario: Scenario = miniBundle().scenario) =>
  buildReportModel(scenario, buildDebrief(scenario, log), CATALOGUE);

describe('the debrief summary’s things to remember', () => {
  it('puts the critical Don’t first, then the weakest tier or phase with its handbook sections', () => {
    const m = modelOf([choose('push-back')]);
    expect(m.remember[0]).toEqual({
      kind: 'broken',
      doctrine: '15.1-dont-1',
      section: '15.1',
      severity: 'critical',
      step: 'arrival',
      decision: 1,
      options: ['push-back'],
    });
    expect(m.remember[1]!.kind).toMatch(/^weak(Tier|Phase)$/);
    expect(m.remember[1]).toHaveProperty('sections', ['15.1']);
    expect(m.remember.length).toBeLessThanOrEqual(3);
  });

  it('names each critical Don’t once, and never more than three things', () => {
    const s = loadText(
      miniWith((d) => {
        const push = d.steps[0].decision.options.find((o: { id: string }) => o.id === 'push-back');
        push.breaks = ['15.1-dont-1', '15.1-dont-2', '15.1-dont-3', '15.1-dont-4'];
      }),
    ).bundle!.scenario;
    const m = modelOf([choose('push-back')], s);
    expect(m.remember).toHaveLength(3);
    const critical = m.remember.filter((r) => r.kind === 'broken' && r.severity === 'critical');
    const ids = critical.map((r) => (r.kind === 'broken' ? r.doctrine : ''));
    expect(new Set(ids).size).toBe(ids.length);
    // criticals come before anything else
    const firstOther = m.remember.findIndex((r) => !(r.kind === 'broken' && r.severity === 'critical'));
    expect(firstOther === -1 || firstOther >= critical.length).toBe(true);
  });

  it('without a critical Don’t, leads with the weakest area, then the major Don’t broken', () => {
    const m = modelOf([choose('open'), choose('cla', 'rally')]);
    // why: a tier or a phase, whichever scored lowest (a miss counts toward what was at stake in it)
    expect(m.remember.map((r) => r.kind)).toEqual([
      expect.stringMatching(/^weak(Tier|Phase)$/),
      'broken',
      'kept',
    ]);
    const scores = [...Object.values(m.score.byTier), ...Object.values(m.score.byPhase)].filter(
      (v): v is number => v !== null,
    );
    expect(m.remember[0]).toMatchObject({ score: Math.min(...scores) });
    expect(m.remember[1]).toMatchObject({ doctrine: '15.1-dont-2', severity: 'major', decision: 2 });
    // the third is a Do kept where a tempting option broke a critical Don't
    expect(m.remember[2]).toMatchObject({
      kind: 'kept',
      step: 'arrival',
      decision: 1,
      doctrine: '15.1-do-3',
    });
  });

  it('tries again from the first decision that was not doctrine’s best, where the path verdict says the run left it', () => {
    const m = modelOf([choose('open'), choose('cla', 'rally')]);
    expect(m.tryAgainFrom).toEqual({ decision: 2, step: 'night', replayLength: 1 });
    expect(m.paths.firstMiss).toEqual({ decision: 2, step: 'night' });
    const best = modelOf([choose('open'), choose('night-patrol', 'cla'), { type: 'step.continued' }]);
    expect(best.tryAgainFrom).toBeNull();
    expect(best.paths.firstMiss).toBeNull();
  });
});

describe('scenario days', () => {
  const dated = (day: number) =>
    loadText(
      miniWith((d) => {
        d.steps[1].day = day;
      }),
    ).bundle!.scenario;

  it('moves the clock across whole days to a dated step, so the duration and the timeline count days', () => {
    const m = modelOf([choose('open'), choose('night-patrol', 'cla'), { type: 'step.continued' }], dated(3));
    // 05:30 on day 1 to 19:00 on day 3
    expect(m.duration).toBe(2 * 86_400 + (19 * 60 - (5 * 60 + 30)) * 60);
    expect(m.lastDay).toBe(3);
    const night = m.timeline.find((i) => i.kind === 'step' && i.step === 'night')!;
    expect(night).toMatchObject({ day: 3, clock: '19:00' });
    expect(m.timeline[0]).toMatchObject({ day: 1, clock: '05:30' });
  });

  it('keeps a step without a day within 24 hours of the one before', () => {
    const m = modelOf([choose('open'), choose('night-patrol', 'cla'), { type: 'step.continued' }]);
    expect(m.lastDay).toBe(1);
    expect(m.duration).toBe((19 * 60 - (5 * 60 + 30)) * 60);
  });

  it('refuses a day without a time of day', () => {
    const r = loadText(
      miniWith((d) => {
        d.steps[2].day = 2;
        delete d.steps[2].clock;
      }),
    );
    expect(r.bundle).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/`day` also needs `clock`/);
  });
});
