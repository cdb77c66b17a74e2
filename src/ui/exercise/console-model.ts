import type { ExerciseEvent } from '../../engine/exercise/exercise-log.ts';
import type { ExerciseState, ReleaseKind } from '../../engine/exercise/exercise-state.ts';
import { exerciseSeconds } from '../../engine/exercise/exercise-time.ts';
import type { MselItem, Scenario } from '../../engine/scenario/scenario.schema.ts';

/** Where an MSEL item stands on the console's timeline. */
export type MselStatus = 'released' | 'skipped' | 'upcoming' | 'held';

/** One line of the console's timeline. */
export interface MselRow {
  item: MselItem;
  status: MselStatus;
  /** Scenario seconds: when it was released or skipped, else when it is scheduled; null for a held contingency. */
  at: number | null;
  /** Its scheduled time, when it has one. */
  scheduled: number | null;
  how?: ReleaseKind;
  /** The next scheduled inject, the one "jump to next inject" reaches. */
  next: boolean;
}

/**
 * The MSEL as the facilitator follows it: what happened in the order it happened, then what is
 * still to come in schedule order; contingency items not yet fired are kept apart.
 */
export function buildMselRows(
  scenario: Scenario,
  state: ExerciseState,
): { timeline: MselRow[]; held: MselRow[] } {
  const items = new Map((scenario.exercise?.msel ?? []).map((m) => [m.id, m]));
  const scheduled = (item: MselItem) => (item.at === undefined ? null : exerciseSeconds(item.at));
  const done: MselRow[] = [
    ...state.released.map((r) => ({ r, status: 'released' as const })),
    ...state.skipped.map((r) => ({ r, status: 'skipped' as const })),
  ]
    .map(({ r, status }, order) => ({ r, status, order }))
    .sort((a, b) => a.r.at - b.r.at || a.order - b.order)
    .flatMap(({ r, status }) => {
      const item = items.get(r.inject);
      if (!item) return [];
      return [
        {
          item,
          status,
          at: r.at,
          scheduled: scheduled(item),
          ...('how' in r ? { how: r.how } : {}),
          next: false,
        },
      ];
    });
  const upcoming: MselRow[] = state.upcoming.flatMap((u, i) => {
    const item = items.get(u.inject);
    return item ? [{ item, status: 'upcoming' as const, at: u.at, scheduled: u.at, next: i === 0 }] : [];
  });
  const touched = new Set([...state.released, ...state.skipped].map((r) => r.inject));
  const held: MselRow[] = [...items.values()]
    .filter((item) => item.contingency && !touched.has(item.id))
    .map((item) => ({ item, status: 'held' as const, at: null, scheduled: null, next: false }));
  return { timeline: [...done, ...upcoming], held };
}

/** Scenario seconds from now to the next scheduled inject; null when none is left. */
export function secondsToNextInject(state: ExerciseState): number | null {
  const next = state.upcoming[0];
  return next ? Math.max(0, next.at - state.time) : null;
}

/** Roles an inject went to, as role ids (every role for `all`). */
export function recipients(scenario: Scenario, item: Pick<MselItem, 'to'>): string[] {
  return item.to === 'all' ? (scenario.exercise?.roles ?? []).map((r) => r.id) : [...item.to];
}

/** Offers an event to the open exercise; false when the engine refused it. */
export type SendExerciseEvent = (event: ExerciseEvent) => boolean;
