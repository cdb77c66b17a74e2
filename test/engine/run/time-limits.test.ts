import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { createRun, initialLog, replay } from '../../../src/engine/run/run.ts';
import { buildRunView } from '../../../src/engine/run/run-view.ts';
import { effectiveLimit } from '../../../src/engine/run/time-limits.ts';
import { scoreRun } from '../../../src/engine/score/score-run.ts';
import { miniBundle } from '../factories.ts';

const scenario = miniBundle().scenario;

describe('time limits a run can extend or switch off', () => {
  it('scales a limit and drops it when off', () => {
    expect(effectiveLimit(60, 'standard')).toBe(60);
    expect(effectiveLimit(45, 'x1.5')).toBe(68);
    expect(effectiveLimit(60, 'x2')).toBe(120);
    expect(effectiveLimit(60, 'off')).toBeUndefined();
    expect(effectiveLimit(undefined, 'x2')).toBeUndefined();
  });

  it('doubles the countdown and times out at the doubled limit, and replays the same from its log', () => {
    const run = createRun(scenario, initialLog('x2'));
    expect(buildRunView(scenario, run.context()).decision).toMatchObject({ timeLimit: 120, remaining: 120 });
    run.send({ type: 'clock.ticked', seconds: 75 });
    expect(run.context().step).toBe('arrival');
    run.send({ type: 'clock.ticked', seconds: 50 });
    expect(run.context().history).toContainEqual({
      type: 'decision.timedOut',
      step: 'arrival',
      at: 120,
      latency: 120,
    });
    expect(replay(scenario, run.log)).toEqual(run.context());
    expect(run.log[0]).toEqual({ type: 'run.configured', timeLimits: 'x2' });
  });

  it('never times out when limits are off, and shows no countdown', () => {
    const run = createRun(scenario, initialLog('off'));
    run.send({ type: 'clock.ticked', seconds: 10_000 });
    const view = buildRunView(scenario, run.context());
    expect(view.step?.id).toBe('arrival');
    expect(view.decision).toMatchObject({ timeLimit: null, remaining: null, timedInScenario: true });
    expect(view.timeLimits).toBe('off');
  });

  it('accepts the setting only as the first event', () => {
    const run = createRun(scenario);
    run.send({ type: 'clock.ticked', seconds: 1 });
    expect(run.send({ type: 'run.configured', timeLimits: 'off' })).toBe(false);
    expect(run.context().timeLimits).toBe('standard');
  });

  it('judges lateness against the extended limit', () => {
    const late = (setting: 'standard' | 'x2') => {
      const run = createRun(scenario, initialLog(setting));
      run.send({ type: 'clock.ticked', seconds: 55 });
      run.send({ type: 'decision.chosen', optionIds: ['open'] });
      return scoreRun(scenario, run.context().history, CATALOGUE).decisions[0]!;
    };
    expect(late('standard').timeliness).toBeLessThan(1);
    expect(late('x2')).toMatchObject({ timeliness: 1, timeLimit: 120 });
  });
});

describe('progress through a run', () => {
  it('counts the open decision and estimates the rest from the graph', () => {
    const run = createRun(scenario);
    const first = buildRunView(scenario, run.context()).progress;
    expect(first.current).toBe(1);
    expect(first.taken).toBe(0);
    expect(first.about).toBeGreaterThanOrEqual(1);
    run.send({ type: 'decision.chosen', optionIds: ['open'] });
    const second = buildRunView(scenario, run.context()).progress;
    expect(second.taken).toBe(1);
    expect(second.about).toBeGreaterThanOrEqual(second.current ?? second.taken);
  });
});
