import { describe, expect, it } from 'vitest';
import { createRun, ReplayError, replay } from '../../src/engine/run/run.ts';
import { buildRunView } from '../../src/engine/run/run-view.ts';
import { compileMachineConfig } from '../../src/engine/run/scenario-machine.ts';
import { miniBundle } from './factories.ts';

const scenario = miniBundle().scenario;

describe('a run', () => {
  it('opens the start step with its map changes and first inject', () => {
    const run = createRun(scenario);
    const view = buildRunView(scenario, run.context());
    expect(view.step?.id).toBe('arrival');
    expect(view.clock.timeOfDay).toBe('05:30');
    expect(view.map.actors.crowd).toMatchObject({ at: 'gate', size: 300, mood: 'panicked' });
    expect(view.injects.map((i) => i.id)).toEqual(['radio-1']);
    expect(view.decision).toMatchObject({ timeLimit: 60, remaining: 60 });
  });

  it('releases a later inject when the clock reaches it', () => {
    const run = createRun(scenario);
    for (let i = 0; i < 29; i++) run.send({ type: 'clock.ticked', seconds: 1 });
    expect(buildRunView(scenario, run.context()).injects).toHaveLength(1);
    run.send({ type: 'clock.ticked', seconds: 1 });
    const view = buildRunView(scenario, run.context());
    expect(view.injects.map((i) => i.id)).toEqual(['radio-1', 'radio-2']);
    expect(view.decision?.remaining).toBe(30);
  });

  it('takes the no-decision branch when time runs out, and guards read the world after effects', () => {
    const run = createRun(scenario);
    run.send({ type: 'clock.ticked', seconds: 75 });
    const c = run.context();
    expect(c.history).toContainEqual({ type: 'decision.timedOut', step: 'arrival', at: 60, latency: 60 });
    // harm rises by 3 on time-out, which opens the route to the night step
    expect(c.vars.harm).toBe(3);
    expect(c.step).toBe('night');
  });

  it('moves the clock forward to a step clock', () => {
    const run = createRun(scenario);
    run.send({ type: 'clock.ticked', seconds: 10 });
    run.send({ type: 'decision.chosen', optionIds: ['open'] });
    expect(buildRunView(scenario, run.context()).clock.timeOfDay).toBe('19:00');
  });

  it('refuses choices the step does not offer, and logs nothing for them', () => {
    const run = createRun(scenario);
    expect(run.send({ type: 'decision.chosen', optionIds: ['cla'] })).toBe(false);
    expect(run.send({ type: 'decision.chosen', optionIds: ['open', 'push-back'] })).toBe(false);
    expect(run.send({ type: 'step.continued' })).toBe(false);
    expect(run.log).toEqual([]);
    run.send({ type: 'decision.chosen', optionIds: ['open'] });
    expect(run.send({ type: 'decision.chosen', optionIds: ['night-patrol', 'cla', 'rally'] })).toBe(false);
    expect(run.send({ type: 'decision.chosen', optionIds: ['cla', 'cla'] })).toBe(false);
    expect(run.send({ type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] })).toBe(true);
  });

  it('routes by earlier choices and variables, and clamps variables to their bounds', () => {
    const good = createRun(scenario);
    good.send({ type: 'decision.chosen', optionIds: ['open'] });
    good.send({ type: 'decision.chosen', optionIds: ['cla'] });
    expect(good.context().step).toBe('wrap-up');
    good.send({ type: 'step.continued' });
    expect(good.finished()).toBe(true);
    expect(good.context().ending).toBe('end-good');

    const rally = createRun(scenario);
    rally.send({ type: 'decision.chosen', optionIds: ['open'] });
    rally.send({ type: 'decision.chosen', optionIds: ['cla', 'rally'] });
    expect(rally.context().ending).toBe('end-mixed');

    const bad = createRun(scenario);
    bad.send({ type: 'decision.chosen', optionIds: ['push-back'] });
    expect(bad.context().vars).toEqual({ trust: 1, harm: 5 });
    expect(bad.context().ending).toBe('end-bad');
  });

  it('replays its log to the same state, with consecutive ticks merged', () => {
    const run = createRun(scenario);
    for (let i = 0; i < 12; i++) run.send({ type: 'clock.ticked', seconds: 1 });
    run.send({ type: 'decision.chosen', optionIds: ['open'] });
    for (let i = 0; i < 5; i++) run.send({ type: 'clock.ticked', seconds: 1 });
    run.send({ type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] });
    expect(run.log).toEqual([
      { type: 'clock.ticked', seconds: 12 },
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'clock.ticked', seconds: 5 },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
    ]);
    expect(replay(scenario, JSON.parse(JSON.stringify(run.log)))).toEqual(run.context());
  });

  it('does not merge a tick that ended a step with the next one', () => {
    const run = createRun(scenario);
    run.send({ type: 'clock.ticked', seconds: 60 });
    run.send({ type: 'clock.ticked', seconds: 1 });
    expect(run.log).toHaveLength(2);
    expect(replay(scenario, run.log)).toEqual(run.context());
  });

  it('rejects a saved log that does not fit the scenario', () => {
    expect(() => createRun(scenario, [{ type: 'decision.chosen', optionIds: ['nope'] }])).toThrow(
      ReplayError,
    );
  });

  it('compiles to a plain JSON machine config that names only vocabulary guards and actions', () => {
    const config = compileMachineConfig(scenario);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    const names = new Set<string>();
    JSON.stringify(config, (k, v) => {
      if ((k === 'guard' || k === 'entry' || k === 'actions') && v) {
        for (const x of Array.isArray(v) ? v : [v]) names.add(x.type);
      }
      return v;
    });
    expect([...names].sort()).toEqual(
      [
        'advanceClock',
        'atStart',
        'configure',
        'openStep',
        'optionsChosen',
        'reachEnding',
        'recordChoice',
        'recordContinue',
        'recordTimeout',
        'routeOpen',
        'timeUp',
      ].sort(),
    );
    expect(config.states['end-good']?.type).toBe('final');
  });
});
