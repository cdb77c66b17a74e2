import type { ExerciseEvent } from '../../engine/exercise/exercise-log.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';

// why: a facilitated exercise runs for hours in a room; a closed tab, a reload or a crashed laptop
// must not lose it. The log is the exercise (state is folded from it), so the log is what is kept.

/** The format name and version written with every stored exercise log. */
export const EXERCISE_LOG_FORMAT = 'pocsim.exercise-log';
export const EXERCISE_LOG_VERSION = 1;

/** Where one exercise's log lives in the browser's storage. */
export function exerciseLogKey(exercise: string): string {
  return `pocsim.exercise.${exercise}.v${EXERCISE_LOG_VERSION}`;
}

/** A stored exercise log, as written to storage. */
export interface StoredExercise {
  format: typeof EXERCISE_LOG_FORMAT;
  version: typeof EXERCISE_LOG_VERSION;
  exercise: string;
  /** Version of the scenario file the log was recorded against. */
  scenarioVersion: string;
  /** ISO time of the last write, shown when offering to resume. */
  savedAt: string;
  log: ExerciseEvent[];
}

/** What reading a stored exercise gives. */
export type StoredRead =
  | { state: 'none' }
  | { state: 'found'; stored: StoredExercise }
  /** The stored text could not be used; it was copied to `keptAt`, never dropped. */
  | { state: 'set-aside'; reason: SetAsideReason; detail: string; keptAt: string | null };

/** Why a stored log was set aside; the UI words each reason. */
export type SetAsideReason = 'not-json' | 'not-a-log' | 'newer-version' | 'other-exercise' | 'bad-event';

/** Reads an exercise's stored log, trusting nothing: anything unusable is copied aside and reported. */
export function readStoredExercise(storage: KeyValueStorage | undefined, exercise: string): StoredRead {
  const key = exerciseLogKey(exercise);
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return { state: 'none' };
  }
  if (raw === null || raw === '') return { state: 'none' };
  const parsed = parseStoredExercise(raw, exercise);
  if ('stored' in parsed) return { state: 'found', stored: parsed.stored };
  return { state: 'set-aside', ...parsed, keptAt: setAside(storage, key, raw) };
}

/** Checks the text of a stored exercise log; the reason and detail say what is wrong with it. */
export function parseStoredExercise(
  raw: string,
  exercise: string,
): { stored: StoredExercise } | { reason: SetAsideReason; detail: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { reason: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isRecord(data) || data.format !== EXERCISE_LOG_FORMAT || !Array.isArray(data.log)) {
    return { reason: 'not-a-log', detail: 'format' };
  }
  if (typeof data.version !== 'number' || data.version > EXERCISE_LOG_VERSION) {
    return { reason: 'newer-version', detail: String(data.version) };
  }
  if (data.exercise !== exercise) return { reason: 'other-exercise', detail: String(data.exercise) };
  for (const [i, event] of data.log.entries()) {
    const problem = checkEvent(event);
    if (problem) return { reason: 'bad-event', detail: `log[${i}]: ${problem}` };
  }
  return {
    stored: {
      format: EXERCISE_LOG_FORMAT,
      version: EXERCISE_LOG_VERSION,
      exercise,
      scenarioVersion: typeof data.scenarioVersion === 'string' ? data.scenarioVersion : '',
      savedAt: typeof data.savedAt === 'string' ? data.savedAt : '',
      log: data.log as ExerciseEvent[],
    },
  };
}

/** Writes an exercise's log; false when the browser refused (private mode, full storage). */
export function writeStoredExercise(
  storage: KeyValueStorage | undefined,
  exercise: string,
  scenarioVersion: string,
  log: readonly ExerciseEvent[],
  now: Date = new Date(),
): boolean {
  if (!storage) return false;
  const stored: StoredExercise = {
    format: EXERCISE_LOG_FORMAT,
    version: EXERCISE_LOG_VERSION,
    exercise,
    scenarioVersion,
    savedAt: now.toISOString(),
    log: [...log],
  };
  try {
    storage.setItem(exerciseLogKey(exercise), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps a log the console will not continue (unreadable, or refused by the engine) under a key of
 * its own, so a facilitator or developer can still recover it; null when the browser refused.
 */
export function setAside(storage: KeyValueStorage | undefined, key: string, raw: string): string | null {
  const kept = `${key}.set-aside.${new Date().toISOString()}`;
  try {
    storage?.setItem(kept, raw);
    // why: the main key then holds a fresh, empty log, so the same text is not set aside again on every load.
    storage?.setItem(key, '');
    return storage ? kept : null;
  } catch {
    return null;
  }
}

const RATING_IDS = ['without-challenges', 'some-challenges', 'major-challenges', 'unable'];
const TIER_IDS = ['I', 'II', 'III'];
const PHASE_IDS = ['prevention', 'pre-emption', 'response', 'consolidation'];

type Field =
  | 'string'
  | 'number'
  | 'boolean?'
  | 'string?'
  | 'strings?'
  | 'tiers?'
  | 'phases?'
  | 'rating'
  | 'rating?'
  | 'kind';

const EVENT_FIELDS: Record<ExerciseEvent['type'], Record<string, Field>> = {
  'exercise.started': {},
  'exercise.paused': {},
  'exercise.resumed': {},
  'exercise.ended': {},
  'clock.ticked': { seconds: 'number' },
  'clock.jumped': { seconds: 'number', hold: 'boolean?' },
  'speed.changed': { speed: 'number' },
  'inject.released': { inject: 'string' },
  'inject.skipped': { inject: 'string' },
  'contingency.fired': { inject: 'string' },
  'action.recorded': { action: 'string', role: 'string' },
  'decision.recorded': {
    role: 'string',
    step: 'string?',
    options: 'strings?',
    text: 'string?',
    tiers: 'tiers?',
    phases: 'phases?',
    doctrine: 'strings?',
  },
  'note.recorded': { role: 'string', text: 'string' },
  'message.sent': { from: 'string', to: 'string', text: 'string' },
  'evaluation.rated': { point: 'string', rating: 'rating', comment: 'string?' },
  'hotwash.recorded': { role: 'string', kind: 'kind', text: 'string' },
  'corrective.set': {
    id: 'string',
    action: 'string',
    role: 'string',
    due: 'string',
    area: 'string?',
    status: 'string?',
  },
  'corrective.removed': { id: 'string' },
  'record.undone': { record: 'string' },
  'record.redone': { record: 'string' },
  'record.amended': { record: 'string', text: 'string?', rating: 'rating?', comment: 'string?' },
};

// why: the log crosses a boundary (storage any script or extension could have touched), so each
// event's shape is checked before the engine replays it; ids are then checked by the engine itself.
function checkEvent(event: unknown): string | null {
  if (!isRecord(event) || typeof event.type !== 'string') return 'not an event';
  const fields = EVENT_FIELDS[event.type as ExerciseEvent['type']];
  if (!fields) return `unknown event "${event.type}"`;
  for (const [name, field] of Object.entries(fields)) {
    const v = event[name];
    const ok =
      field === 'string'
        ? typeof v === 'string'
        : field === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : field === 'string?'
            ? v === undefined || typeof v === 'string'
            : field === 'strings?'
              ? v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
              : field === 'tiers?'
                ? v === undefined || (Array.isArray(v) && v.every((x) => TIER_IDS.includes(x)))
                : field === 'phases?'
                  ? v === undefined || (Array.isArray(v) && v.every((x) => PHASE_IDS.includes(x)))
                  : field === 'rating'
                    ? RATING_IDS.includes(v as string)
                    : field === 'boolean?'
                      ? v === undefined || typeof v === 'boolean'
                      : field === 'rating?'
                        ? v === undefined || RATING_IDS.includes(v as string)
                        : v === 'strength' || v === 'improvement';
    if (!ok) return `${event.type}: field "${name}"`;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
