import type { EvaluationPoint, ExpectedAction, MselItem, Scenario } from '../scenario/scenario.schema.ts';
import { exerciseSeconds } from './exercise-time.ts';

/** An expected action with the scenario time its inject is released (none for a held contingency). */
export interface WatchedAction {
  action: ExpectedAction;
  at: number | undefined;
}

/** The MSEL as the controller reads it: scheduled items by time (file order among equals), then the held contingencies. */
export function splitMsel(scenario: Scenario): {
  scheduled: { item: MselItem; at: number }[];
  held: MselItem[];
} {
  const msel = scenario.exercise?.msel ?? [];
  const scheduled = msel
    .filter((m) => !m.contingency && m.at !== undefined)
    .map((item, order) => ({ item, at: exerciseSeconds(item.at!), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ item, at }) => ({ item, at }));
  return { scheduled, held: msel.filter((m) => m.contingency || m.at === undefined) };
}

/** Every expected action of the MSEL in time order, held contingencies last. */
function actionsInTimeOrder(scenario: Scenario): WatchedAction[] {
  const { scheduled, held } = splitMsel(scenario);
  return [
    ...scheduled.flatMap(({ item, at }) => item.expects.map((action) => ({ action, at }))),
    ...held.flatMap((item) => item.expects.map((action) => ({ action, at: undefined }))),
  ];
}

/**
 * The expected actions an evaluator of a point watches for, in MSEL time order: the point's `watch`
 * list when the file gives one; otherwise a guess, the point's roles' actions that serve its
 * objective's tiers or phases, or every action of those roles when none does.
 */
export function watchedActions(
  scenario: Scenario,
  point: Pick<EvaluationPoint, 'roles' | 'objective' | 'watch'>,
): WatchedAction[] {
  const all = actionsInTimeOrder(scenario);
  if (point.watch !== undefined) {
    const wanted = new Set(point.watch);
    return all.filter(({ action }) => wanted.has(action.id));
  }
  const objective = scenario.exercise?.objectives.find((o) => o.id === point.objective);
  const mine = all.filter(({ action }) => point.roles.length === 0 || point.roles.includes(action.role));
  if (!objective || objective.tiers.length + objective.phases.length === 0) return mine;
  const overlaps = (have: readonly string[], wanted: readonly string[]) =>
    wanted.length === 0 || have.some((x) => wanted.includes(x));
  const serves = mine.filter(
    ({ action }) => overlaps(action.tiers, objective.tiers) && overlaps(action.phases, objective.phases),
  );
  return serves.length > 0 ? serves : mine;
}
