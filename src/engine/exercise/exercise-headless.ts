import type { Scenario } from '../scenario/scenario.schema.ts';
import { createExercise, type Exercise } from './exercise-log.ts';

/** How a headless exercise plays: every expected action taken on time by its role, or all missed. */
export interface HeadlessExerciseOptions {
  /** Miss every expected action, so each contingency fires when its action falls due. */
  miss?: boolean;
}

// why: the CLI, tests and content checks need a whole exercise played without a room: the clock
// jumps from one release or due time to the next, which the fold makes equal to real-time play.

/** Plays an exercise to its end: releases every scheduled inject on time, records the first option for each inject that puts a step's decision, and takes (or misses) every expected action. */
export function playExerciseHeadless(scenario: Scenario, options: HeadlessExerciseOptions = {}): Exercise {
  const exercise = createExercise(scenario);
  const x = scenario.exercise;
  if (!x) throw new Error(`scenario "${scenario.id}" has no exercise section`);
  const items = new Map(x.msel.map((m) => [m.id, m]));
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  exercise.send({ type: 'exercise.started' });
  let seen = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const state = exercise.state();
    for (const r of state.released.slice(seen)) {
      const item = items.get(r.inject)!;
      const option = item.step !== undefined ? steps.get(item.step)?.decision?.options[0] : undefined;
      if (!option) continue;
      const role = item.expects[0]?.role ?? (item.to === 'all' ? x.roles[0]!.id : item.to[0]!);
      exercise.send({ type: 'decision.recorded', role, step: item.step, options: [option.id] });
    }
    seen = state.released.length;
    if (!options.miss)
      for (const p of state.pending)
        exercise.send({ type: 'action.recorded', action: p.action, role: p.role });
    const after = exercise.state();
    const next = Math.min(after.upcoming[0]?.at ?? Infinity, after.pending[0]?.due ?? Infinity);
    if (next === Infinity) break;
    exercise.send({ type: 'clock.ticked', seconds: Math.max(1, next - after.time) });
  }
  exercise.send({ type: 'exercise.ended' });
  return exercise;
}
