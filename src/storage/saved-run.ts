import type { RunFile } from '../engine/results/run-file.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import { isTimeLimitSetting } from '../engine/run/time-limits.ts';

// why: these repeat RUN_FILE_FORMAT, RUN_FILE_VERSION and MIN_RUN_FILE_VERSION of
// engine/results/run-file.ts (test/storage/saved-run.test.ts keeps them equal): importing that
// module would bring zod and the YAML parser into the first load, and every save passes through here.
/** Tag of a pocsim run file. */
export const RUN_FORMAT = 'pocsim-run';
/** Run-file version this build writes. */
export const RUN_VERSION = 1;
/** Oldest run-file version this build reads. */
export const MIN_RUN_VERSION = 1;

/** Whether a run can still be resumed, or reached an ending (history). */
export type SavedRunStatus = 'in-progress' | 'finished';

/** One run as the browser keeps it: the shared run file, and what the save store needs beside it. */
export interface SavedRun {
  /** The run session's id, stable across resumes; the store's key. */
  id: string;
  status: SavedRunStatus;
  /** When it was last written (ISO 8601). */
  savedAt: string;
  run: RunFile;
}

/** Why a stored run cannot be used as it is. */
export type SetAsideReason = 'newer-format' | 'damaged';

/** A stored value as read back: a usable saved run, or one set aside with the reason, never dropped. */
export type StoredRun =
  | { ok: true; saved: SavedRun }
  | { ok: false; id: string; reason: SetAsideReason; detail: string; raw: unknown };

const LANGUAGES = new Set(['en', 'fr']);
const STATUSES = new Set<unknown>(['in-progress', 'finished']);

/**
 * Checks a value read from the browser's store, trusting nothing.
 * why: a light structural check (no zod), since the menu reads every save at start; a run that
 * passes still goes through the engine's replay before it is resumed or scored.
 */
export function checkStoredRun(value: unknown): StoredRun {
  const record = isObject(value) ? value : {};
  const id = typeof record.id === 'string' && record.id ? record.id : '?';
  const bad = (detail: string, reason: SetAsideReason = 'damaged'): StoredRun => ({
    ok: false,
    id,
    reason,
    detail,
    raw: value,
  });
  if (!isObject(value)) return bad('not a saved run');
  if (id === '?') return bad('id: missing');
  if (!STATUSES.has(record.status)) return bad('status: expected in-progress or finished');
  if (typeof record.savedAt !== 'string') return bad('savedAt: missing');
  const run = record.run;
  if (!isObject(run) || run.format !== RUN_FORMAT) return bad(`run.format: expected "${RUN_FORMAT}"`);
  const version = run.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < MIN_RUN_VERSION)
    return bad('run.formatVersion: not a known version');
  if (version > RUN_VERSION)
    return bad(`run.formatVersion: ${version}, written by a newer pocsim`, 'newer-format');
  const scenario = run.scenario;
  if (!isObject(scenario) || typeof scenario.id !== 'string' || typeof scenario.version !== 'string')
    return bad('run.scenario: expected an id and a version');
  if (!LANGUAGES.has(run.language as string)) return bad('run.language: expected en or fr');
  if (!Array.isArray(run.log)) return bad('run.log: expected a list of events');
  const wrong = run.log.findIndex((e) => !isRunEvent(e));
  if (wrong >= 0) return bad(`run.log[${wrong}]: not a run event`);
  return { ok: true, saved: value as unknown as SavedRun };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRunEvent(e: unknown): e is RunEvent {
  if (!isObject(e)) return false;
  if (e.type === 'step.continued') return true;
  if (e.type === 'run.configured') return isTimeLimitSetting(e.timeLimits);
  if (e.type === 'clock.ticked') return typeof e.seconds === 'number' && e.seconds > 0;
  return (
    e.type === 'decision.chosen' &&
    Array.isArray(e.optionIds) &&
    e.optionIds.every((o) => typeof o === 'string')
  );
}

/** The decisions a log records, in order (what a trainee recognises of a run). */
export function decisionsOf(log: readonly RunEvent[]): string[][] {
  return log.flatMap((e) => (e.type === 'decision.chosen' ? [e.optionIds] : []));
}

/** Scenario seconds a log covers. */
export function secondsOf(log: readonly RunEvent[]): number {
  return log.reduce((sum, e) => sum + (e.type === 'clock.ticked' ? e.seconds : 0), 0);
}

/** Newest first, by when each was last written. */
export function newestFirst(a: SavedRun, b: SavedRun): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}
