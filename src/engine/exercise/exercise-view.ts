import type { MapState } from '../run/run-state.ts';
import { ALL_ROLES, type Scenario } from '../scenario/scenario.schema.ts';
import { textKey } from '../scenario/text-keys.ts';
import {
  type ExerciseState,
  type ExerciseStatus,
  exerciseIndex,
  type ReleasedInject,
} from './exercise-state.ts';

/** Whether a released inject was addressed to a role (directly or through `all`). */
export function reachesRole(inject: ReleasedInject, role: string): boolean {
  return inject.to === ALL_ROLES || inject.to.includes(role);
}

/** Released injects a role received, in release order. */
export function injectsFor(state: ExerciseState, role: string): ReleasedInject[] {
  return state.released.filter((r) => reachesRole(r, role));
}

/** Released injects the projector may show (`projector` not false), in release order. */
export function projectorInjects(state: ExerciseState): ReleasedInject[] {
  return state.released.filter((r) => r.projector);
}

/** One inject as the projector shows it: text keys only, translated at the edge. */
export interface ProjectorInject {
  inject: string;
  at: number;
  channel: string;
  fromKey: string;
  titleKey: string;
  textKey: string;
}

/** What the projector window may show: time, status, map and public injects; never notes, ratings, decisions or hotwash. */
export interface ProjectorView {
  time: number;
  status: ExerciseStatus;
  module?: string;
  moduleTitleKey?: string;
  injects: ProjectorInject[];
  map: MapState;
}

/** Builds the projector's view of an exercise; it carries nothing the facilitator keeps to the console. */
export function buildProjectorView(scenario: Scenario, state: ExerciseState): ProjectorView {
  const index = exerciseIndex(scenario);
  return {
    time: state.time,
    status: state.status,
    ...(state.module !== undefined
      ? { module: state.module, moduleTitleKey: textKey.exerciseModule(state.module) }
      : {}),
    injects: projectorInjects(state).map((r) => ({
      inject: r.inject,
      at: r.at,
      channel: index.items.get(r.inject)!.channel,
      fromKey: textKey.mselFrom(r.inject),
      titleKey: textKey.mselTitle(r.inject),
      textKey: textKey.mselText(r.inject),
    })),
    map: state.map,
  };
}

/** Where an expected action stands. */
export type ExpectationStatus = 'not-released' | 'open' | 'taken' | 'late' | 'missed';

/** An expected action with its status, for the console's checklist. */
export interface ExpectationView {
  action: string;
  inject: string;
  role: string;
  textKey: string;
  status: ExpectationStatus;
  /** Scenario seconds when it is (or was) due, once its inject is released. */
  due?: number;
  /** Role that took it, when taken. */
  takenBy?: string;
  takenAt?: number;
  /** Contingency item it fires when missed. */
  contingency?: string;
}

/** Every expected action of the exercise in MSEL order, with where it stands. */
export function buildExpectations(scenario: Scenario, state: ExerciseState): ExpectationView[] {
  const out: ExpectationView[] = [];
  for (const item of scenario.exercise?.msel ?? []) {
    for (const a of item.expects) {
      const taken = state.actions.find((t) => t.action === a.id);
      const open = state.pending.find((p) => p.action === a.id);
      const missed = state.missed.find((m) => m.action === a.id);
      const status: ExpectationStatus = taken
        ? taken.onTime
          ? 'taken'
          : 'late'
        : open
          ? 'open'
          : missed
            ? 'missed'
            : 'not-released';
      const due = taken?.due ?? open?.due ?? missed?.due;
      out.push({
        action: a.id,
        inject: item.id,
        role: a.role,
        textKey: textKey.expectedAction(a.id),
        status,
        ...(due !== undefined ? { due } : {}),
        ...(taken ? { takenBy: taken.role, takenAt: taken.at } : {}),
        ...(a.contingency !== undefined ? { contingency: a.contingency } : {}),
      });
    }
  }
  return out;
}
