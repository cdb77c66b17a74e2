import { ALL_ROLES, type MselItem, type Scenario, type Step } from '../scenario/scenario.schema.ts';
import { createExercise, type Exercise } from './exercise-log.ts';

/** How a headless exercise plays: every expected action taken on time by its role, or all missed. */
export interface HeadlessExerciseOptions {
  /** Miss every expected action, so each contingency fires when its action falls due. */
  miss?: boolean;
}

// why: the CLI, tests and content checks need a whole exercise played without a room: the clock
// jumps from one release or due time to the next, which the fold makes equal to real-time play.

/** Plays an exercise to its end: releases every scheduled inject on time, records for each inject that puts a step's decision the options its expected actions name (else the doctrinally best), and takes (or misses) every expected action. */
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
    // why: a missed run records no decision, so no option can stand in for an action it misses.
    if (!options.miss)
      for (const r of state.released.slice(seen)) {
        const item = items.get(r.inject)!;
        const decision = item.step !== undefined ? steps.get(item.step)?.decision : undefined;
        if (!decision) continue;
        for (const d of expectedDecisions(item, decision, x.roles[0]!.id))
          exercise.send({ type: 'decision.recorded', role: d.role, step: item.step, options: d.options });
      }
    seen = state.released.length;
    if (!options.miss)
      for (const p of exercise.state().pending)
        exercise.send({ type: 'action.recorded', action: p.action, role: p.role });
    const after = exercise.state();
    const next = Math.min(after.upcoming[0]?.at ?? Infinity, after.pending[0]?.due ?? Infinity);
    if (next === Infinity) break;
    exercise.send({ type: 'clock.ticked', seconds: Math.max(1, next - after.time) });
  }
  exercise.send({ type: 'exercise.ended' });
  return exercise;
}

type Decision = NonNullable<Step['decision']>;

/** The decisions an exemplary table records for an inject: per role, the options its expected actions name; if none do, the doctrinally best option for the first role expected to act. */
export function expectedDecisions(
  item: MselItem,
  decision: Decision,
  fallbackRole: string,
): { role: string; options: string[] }[] {
  const most = decision.mode === 'multi' ? (decision.pick ?? 1) : 1;
  const known = new Set(decision.options.map((o) => o.id));
  const byRole = new Map<string, string[]>();
  for (const a of item.expects)
    for (const o of a.satisfiedBy ?? []) {
      const chosen = byRole.get(a.role) ?? [];
      if (known.has(o) && !chosen.includes(o) && chosen.length < most) byRole.set(a.role, [...chosen, o]);
    }
  if (byRole.size) return [...byRole].map(([role, options]) => ({ role, options }));
  const role = item.expects[0]?.role ?? (item.to === ALL_ROLES ? fallbackRole : item.to[0]!);
  return [{ role, options: bestOptions(decision, most) }];
}

// why: a Don't weighs more than a Do, so an option that follows much and breaks one never beats a
// clean one; at equal merit the file's order decides, which keeps the run deterministic.
function bestOptions(decision: Decision, most: number): string[] {
  const merit = (o: Decision['options'][number]) => o.follows.length - 10 * o.breaks.length;
  return decision.options
    .map((o, i) => ({ o, i }))
    .sort((a, b) => merit(b.o) - merit(a.o) || a.i - b.i)
    .filter(({ o }, rank) => rank === 0 || (o.breaks.length === 0 && o.follows.length > 0))
    .slice(0, most)
    .map(({ o }) => o.id);
}
