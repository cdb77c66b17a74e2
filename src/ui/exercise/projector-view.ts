import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { projectorInjects } from '../../engine/exercise/exercise-view.ts';
import { applyMapChanges, createInitialContext, type MapState } from '../../engine/run/run-state.ts';
import type { MselItem, Scenario } from '../../engine/scenario/scenario.schema.ts';
import type { UiLanguage } from '../../i18n/i18n.ts';
import { isUiLanguage } from '../i18n-context.tsx';

/** What the room sees on the projector: the clock, injects meant for everyone's eyes, the map. */
export interface ProjectorView {
  exercise: string;
  /** The console's UI language, which the projector follows. */
  language: UiLanguage;
  status: ExerciseState['status'];
  /** Scenario seconds since the exercise started. */
  time: number;
  /** Released injects shown on the projector, oldest first. */
  injects: { id: string; at: number }[];
  /** The map as the shown injects changed it. */
  map: MapState;
  /** A module whose discussion questions the facilitator put on the projector. */
  discussion?: string;
}

/** Whether an inject may be shown to the whole room. */
export function onProjector(item: Pick<MselItem, 'projector'>): boolean {
  return item.projector !== false;
}

/**
 * The projector's view of an exercise: never notes, ratings, decisions, expected actions or
 * role-only injects, whose map changes are left out too (they are intelligence for one role).
 */
export function buildProjectorView(
  scenario: Scenario,
  state: ExerciseState,
  language: UiLanguage,
  discussion?: string | null,
): ProjectorView {
  const msel = new Map((scenario.exercise?.msel ?? []).map((m) => [m.id, m]));
  let map = createInitialContext(scenario).map;
  const injects: ProjectorView['injects'] = [];
  for (const r of projectorInjects(state)) {
    const item = msel.get(r.inject);
    if (!item || !onProjector(item)) continue;
    injects.push({ id: item.id, at: r.at });
    // why: the engine's map also carries role-only injects' changes; the room must not learn them from the map.
    map = applyMapChanges(map, item.map);
  }
  return {
    exercise: scenario.id,
    language,
    status: state.status,
    time: state.time,
    injects,
    map,
    ...(discussion ? { discussion } : {}),
  };
}

const STATUSES: readonly string[] = ['ready', 'running', 'paused', 'ended'];

/** Checks a view received from another window. */
export function isProjectorView(value: unknown): value is ProjectorView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const map = v.map as Record<string, unknown> | null;
  return (
    typeof v.exercise === 'string' &&
    isUiLanguage(v.language) &&
    STATUSES.includes(v.status as string) &&
    typeof v.time === 'number' &&
    (v.discussion === undefined || typeof v.discussion === 'string') &&
    Array.isArray(v.injects) &&
    v.injects.every(
      (i) =>
        typeof i === 'object' &&
        i !== null &&
        typeof (i as { id: unknown }).id === 'string' &&
        typeof (i as { at: unknown }).at === 'number',
    ) &&
    typeof map === 'object' &&
    map !== null &&
    ['actors', 'units', 'locations'].every((k) => typeof map[k] === 'object' && map[k] !== null)
  );
}
