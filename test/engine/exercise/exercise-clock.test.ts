import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { exerciseClockMachine, TICK_MS } from '../../../src/engine/exercise/exercise-clock.ts';
import { createExercise, foldExercise } from '../../../src/engine/exercise/exercise-log.ts';
import { exerciseIndex } from '../../../src/engine/exercise/exercise-state.ts';
import { scaled } from '../../test-scale.ts';
import { exerciseScenario, startedLog } from './exercise-factories.ts';

const scenario = exerciseScenario();
const index = exerciseIndex(scenario);

/** The clock wired to an exercise, as the console wires it. */
function wired(speed = 60, running = true) {
  const exercise = createExercise(scenario);
  exercise.send({ type: 'exercise.started' });
  exercise.send({ type: 'speed.changed', speed });
  const clock = createActor(exerciseClockMachine, { input: { speed, running } });
  const ticks: number[] = [];
  clock.on('clock.ticked', (e) => {
    ticks.push(e.seconds);
    expect(exercise.send(e)).toBe(true);
  });
  clock.start();
  return { exercise, clock, ticks };
}

type Op =
  | { kind: 'wait'; ms: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'speed'; speed: number }
  | { kind: 'act'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 4000 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'resume' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('speed' as const), speed: fc.integer({ min: 1, max: 300 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('act' as const), pick: fc.nat() }) },
);

describe('the exercise clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits speed scenario seconds each real second while running, nothing while paused', () => {
    const { exercise, clock, ticks } = wired(60);
    vi.advanceTimersByTime(2500);
    expect(ticks).toEqual([60, 60]);
    clock.send({ type: 'pause' });
    exercise.send({ type: 'exercise.paused' });
    vi.advanceTimersByTime(10_000);
    expect(ticks).toHaveLength(2);
    clock.send({ type: 'resume' });
    exercise.send({ type: 'exercise.resumed' });
    clock.send({ type: 'speed.changed', speed: 600 });
    vi.advanceTimersByTime(1000);
    expect(ticks).toEqual([60, 60, 600]);
    expect(exercise.state().time).toBe(720);
    clock.stop();
  });

  it('starts paused unless told it runs, and ignores a speed that is not a whole positive number', () => {
    const clock = createActor(exerciseClockMachine, { input: { speed: 30 } });
    const ticks: number[] = [];
    clock.on('clock.ticked', (e) => ticks.push(e.seconds));
    clock.start();
    vi.advanceTimersByTime(5000);
    expect(ticks).toEqual([]);
    expect(clock.getSnapshot().value).toBe('paused');
    clock.send({ type: 'speed.changed', speed: -3 });
    clock.send({ type: 'speed.changed', speed: 0.5 });
    clock.send({ type: 'resume' });
    vi.advanceTimersByTime(TICK_MS);
    expect(ticks).toEqual([30]);
    clock.stop();
  });

  it('never drops, repeats or shifts an inject over random pause, resume and speed sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        vi.clearAllTimers();
        const { exercise, clock } = wired(60);
        // model of the clock: one tick per full second spent running since the last tick or resume
        let running = true;
        let speed = 60;
        let sinceTick = 0;
        let expectedTime = 0;
        for (const o of ops) {
          if (o.kind === 'wait') {
            if (running) {
              const n = Math.floor((sinceTick + o.ms) / TICK_MS);
              sinceTick = (sinceTick + o.ms) % TICK_MS;
              expectedTime += n * speed;
            }
            vi.advanceTimersByTime(o.ms);
          } else if (o.kind === 'pause' && running) {
            clock.send({ type: 'pause' });
            expect(exercise.send({ type: 'exercise.paused' })).toBe(true);
            running = false;
            sinceTick = 0;
          } else if (o.kind === 'resume' && !running) {
            clock.send({ type: 'resume' });
            expect(exercise.send({ type: 'exercise.resumed' })).toBe(true);
            running = true;
          } else if (o.kind === 'speed') {
            clock.send({ type: 'speed.changed', speed: o.speed });
            expect(exercise.send({ type: 'speed.changed', speed: o.speed })).toBe(true);
            speed = o.speed;
          } else if (o.kind === 'act') {
            const open = exercise.state().pending;
            const a = open[o.pick % Math.max(1, open.length)];
            if (a)
              expect(exercise.send({ type: 'action.recorded', action: a.action, role: a.role })).toBe(true);
          }
        }
        clock.stop();
        const s = exercise.state();
        expect(s.time).toBe(expectedTime);

        // every scheduled inject due by now released exactly once, in order, at its own time; none early
        const scheduled = s.released.filter((r) => r.how === 'scheduled');
        expect(scheduled.map((r) => [r.inject, r.at])).toEqual(
          index.schedule.filter((x) => x.at <= s.time).map((x) => [x.item.id, x.at]),
        );
        const ids = s.released.map((r) => r.inject);
        expect(new Set(ids).size).toBe(ids.length);
        expect(s.released.map((r) => r.at)).toEqual([...s.released.map((r) => r.at)].sort((a, b) => a - b));

        // every contingency fired exactly when its action fell due, and only then
        for (const r of s.released.filter((x) => x.how === 'contingency')) {
          const trigger = index.expects.get(r.trigger!)!;
          const parent = s.released.find((x) => x.inject === trigger.item.id)!;
          expect(r.at).toBe(parent.at + trigger.within);
          expect(s.actions.some((a) => a.action === r.trigger && a.at < r.at)).toBe(false);
        }
        for (const m of s.missed) {
          const e = index.expects.get(m.action)!;
          const parent = s.released.find((x) => x.inject === e.item.id)!;
          expect(m.due).toBe(parent.at + e.within);
          expect(m.due).toBeLessThanOrEqual(s.time);
          const target = e.action.contingency;
          if (target && m.fired) expect(s.released.find((x) => x.inject === target)?.at).toBe(m.due);
        }
        for (const p of s.pending) expect(p.due).toBeGreaterThan(s.time);

        // the log folds to the same state, and scenario time is all that matters: it equals one long tick
        // when no action was recorded
        expect(foldExercise(scenario, exercise.log)).toEqual(s);
        if (!ops.some((o) => o.kind === 'act') && s.time > 0) {
          const whole = foldExercise(scenario, [
            ...startedLog({ type: 'speed.changed', speed: s.speed }),
            { type: 'clock.ticked', seconds: s.time },
          ]);
          expect(whole.released).toEqual(s.released);
          expect(whole.missed).toEqual(s.missed);
        }
      }),
      { numRuns: scaled(300) },
    );
  });
});
