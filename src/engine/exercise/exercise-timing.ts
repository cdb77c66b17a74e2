import type { MselItem, Scenario } from '../scenario/scenario.schema.ts';
import { exerciseSeconds } from './exercise-time.ts';

// why: a facilitated session is planned in real minutes (a 2-hour slot with leaders), while the
// MSEL runs in scenario time; these turn one into the other so the facilitator can pick a speed
// that fits the slot before starting.

/** Scenario seconds from the start to the last scheduled inject's last expected action falling due: the MSEL's span. */
export function mselSpan(scenario: Scenario): number {
  const schedule = scheduled(scenario);
  let end = 0;
  for (const { item, at } of schedule) {
    end = Math.max(end, at);
    for (const a of item.expects) end = Math.max(end, at + exerciseSeconds(a.within));
  }
  return end;
}

/** Real minutes the clock takes to run the MSEL's span at a speed (scenario seconds per real second), rounded up. */
export function realMinutesAt(scenario: Scenario, speed: number): number {
  return Math.ceil(mselSpan(scenario) / Math.max(1, speed) / 60);
}

/** Real minutes planned for a facilitated session: the modules' budgets when every module has one, else the MSEL's span at one scenario minute per real second. */
export function facilitatedMinutes(scenario: Scenario): number {
  const modules = scenario.exercise?.modules ?? [];
  if (modules.length && modules.every((m) => m.minutes !== undefined))
    return modules.reduce((sum, m) => sum + (m.minutes ?? 0), 0);
  return realMinutesAt(scenario, 60);
}

/** The module the exercise clock is in: that of the latest scheduled inject due by `seconds` (the first module before any). */
export function moduleAt(scenario: Scenario, seconds: number): string | undefined {
  const schedule = scheduled(scenario);
  let module = scenario.exercise?.modules[0]?.id;
  for (const { item, at } of schedule) {
    if (at > seconds) break;
    if (item.module !== undefined) module = item.module;
  }
  return module;
}

// why: kept apart from the exercise fold (no import of exercise-state), so the scenario listing can
// use these without pulling the whole exercise engine into every screen.
function scheduled(scenario: Scenario): { item: MselItem; at: number }[] {
  return (scenario.exercise?.msel ?? [])
    .filter((m) => !m.contingency && m.at !== undefined)
    .map((item, order) => ({ item, at: exerciseSeconds(item.at!), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
}
