import { CATALOGUE, type DoctrineCatalogue } from '../doctrine/catalogue.ts';
import type { Phase, Tier } from '../doctrine/doctrine-entry.ts';
import type { Rating, Scenario } from '../scenario/scenario.schema.ts';
import {
  applyExerciseEvent,
  type CorrectiveStatus,
  createExerciseState,
  type ExerciseState,
} from './exercise-state.ts';

/** Inputs a facilitated exercise accepts; its log is a list of these, in order. */
export type ExerciseEvent =
  | { type: 'exercise.started' }
  | { type: 'exercise.paused' }
  | { type: 'exercise.resumed' }
  | { type: 'exercise.ended' }
  /** Scenario seconds; consecutive ticks merge in the log. */
  | { type: 'clock.ticked'; seconds: number }
  /**
   * Scenario seconds, jumped at once (the facilitator's "jump to next inject"): unless `hold` is false,
   * actions awaited when the jump starts are held open, their due times moved on by the jump.
   * Accepted paused or running; never merged in the log.
   */
  | { type: 'clock.jumped'; seconds: number; hold?: boolean }
  /** Scenario seconds per real second. */
  | { type: 'speed.changed'; speed: number }
  /** The facilitator releases an inject now. */
  | { type: 'inject.released'; inject: string }
  | { type: 'inject.skipped'; inject: string }
  /** The facilitator fires a contingency inject by hand. */
  | { type: 'contingency.fired'; inject: string }
  | { type: 'action.recorded'; action: string; role: string }
  | {
      type: 'decision.recorded';
      role: string;
      step?: string;
      options?: string[];
      text?: string;
      tiers?: Tier[];
      phases?: Phase[];
      doctrine?: string[];
    }
  | { type: 'note.recorded'; role: string; text: string }
  /** A role's message to another role (or to the facilitator: `to` "control"), sent from its own device. */
  | { type: 'message.sent'; from: string; to: string; text: string }
  | { type: 'evaluation.rated'; point: string; rating: Rating; comment?: string }
  | { type: 'hotwash.recorded'; role: string; kind: 'strength' | 'improvement'; text: string }
  /**
   * Sets a row of the improvement plan: the action, its owner role and due date, and (optional in
   * logs written before they existed) its capability or doctrine area and its status.
   */
  | {
      type: 'corrective.set';
      id: string;
      action: string;
      role: string;
      due: string;
      area?: string;
      status?: CorrectiveStatus;
    }
  | { type: 'corrective.removed'; id: string }
  /** Takes back a record (taken action, skip, decision, note, rating, hotwash entry) by its id; the log keeps both. */
  | { type: 'record.undone'; record: string }
  /** Puts back a record that was undone. */
  | { type: 'record.redone'; record: string }
  /** Corrects a record's words: the text of a note, hotwash entry or free-text decision; the rating or comment of a rating. */
  | { type: 'record.amended'; record: string; text?: string; rating?: Rating; comment?: string };

/** A saved exercise log that does not fit the scenario (changed scenario, edited or corrupt file). */
export class ExerciseReplayError extends Error {
  override name = 'ExerciseReplayError';
}

/** Folds an exercise log into the state it leads to; pure. Throws ExerciseReplayError on an event that does not apply. */
export function foldExercise(
  scenario: Scenario,
  log: readonly ExerciseEvent[],
  catalogue: DoctrineCatalogue = CATALOGUE,
): ExerciseState {
  let state = createExerciseState(scenario);
  log.forEach((event, i) => {
    const next = applyExerciseEvent(scenario, state, event, catalogue);
    if ('refused' in next) throw new ExerciseReplayError(`event ${i + 1} does not apply: ${next.refused}`);
    state = next.state;
  });
  return state;
}

/** A facilitated exercise in progress: an append-only log of accepted events and the state it leads to. */
export interface Exercise {
  readonly scenario: Scenario;
  /** Accepted events, in order (consecutive ticks merged); folding them gives the same state. */
  readonly log: readonly ExerciseEvent[];
  /** The current state. */
  state(): ExerciseState;
  /** Why an event would be refused, or undefined when it applies. */
  check(event: ExerciseEvent): string | undefined;
  /** Offers an event; returns false (and logs nothing) when it does not apply. */
  send(event: ExerciseEvent): boolean;
  /** Calls back after every accepted event, with it (null after `replace`). */
  subscribe(listener: (event: ExerciseEvent | null) => void): () => void;
  /** Puts a whole other log in place (a networked console rebasing on the room's log); throws ExerciseReplayError when it does not fold. */
  replace(log: readonly ExerciseEvent[]): void;
}

/** Starts an exercise of a scenario with an `exercise:` section, replaying a saved log first when one is given. */
export function createExercise(
  scenario: Scenario,
  savedLog: readonly ExerciseEvent[] = [],
  catalogue: DoctrineCatalogue = CATALOGUE,
): Exercise {
  let state = foldExercise(scenario, savedLog, catalogue);
  const log: ExerciseEvent[] = [];
  for (const e of savedLog) append(log, e);
  const listeners = new Set<(event: ExerciseEvent | null) => void>();
  return {
    scenario,
    log,
    state: () => state,
    check(event) {
      const next = applyExerciseEvent(scenario, state, event, catalogue);
      return 'refused' in next ? next.refused : undefined;
    },
    send(event) {
      const next = applyExerciseEvent(scenario, state, event, catalogue);
      if ('refused' in next) return false;
      state = next.state;
      append(log, event);
      for (const l of listeners) l(event);
      return true;
    },
    replace(next) {
      state = foldExercise(scenario, next, catalogue);
      log.length = 0;
      for (const e of next) append(log, e);
      for (const l of listeners) l(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// why: a tick's effect depends only on the scenario time it reaches (releases and due times are
// handled each at its own time), so consecutive ticks merge without changing the fold.
function append(log: ExerciseEvent[], event: ExerciseEvent): void {
  const last = log[log.length - 1];
  if (event.type === 'clock.ticked' && last?.type === 'clock.ticked')
    log[log.length - 1] = { type: 'clock.ticked', seconds: last.seconds + event.seconds };
  else log.push(JSON.parse(JSON.stringify(event)) as ExerciseEvent);
}
