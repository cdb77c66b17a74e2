import type { KeyValueStorage } from './settings.ts';

/** What a trainee has done with one scenario on this browser. */
export interface ScenarioProgress {
  /** Runs that reached an ending. */
  finished: number;
  /** Best overall score of a finished run. */
  best: number;
  passed: boolean;
}

/** Progress by scenario id. */
export type Progress = Record<string, ScenarioProgress>;

/** Where progress was kept before the save store (localStorage); read once to migrate it. */
export const LEGACY_PROGRESS_KEY = 'pocsim.progress.v1';

/** Version of the progress record kept in the save store and in exported files. */
export const PROGRESS_VERSION = 2;

/** The progress record as the save store and exported files keep it. */
export interface ProgressRecord {
  version: typeof PROGRESS_VERSION;
  scenarios: Progress;
}

/** Reads progress from localStorage, dropping any entry that is not well formed instead of trusting it. */
export function readProgress(storage: KeyValueStorage | undefined): Progress {
  try {
    return parseProgress(JSON.parse(storage?.getItem(LEGACY_PROGRESS_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

/** Checks progress by scenario id read from anywhere, keeping only well-formed entries. */
export function parseProgress(raw: unknown): Progress {
  const out: Progress = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, p] of Object.entries(raw as Record<string, Partial<ScenarioProgress>>)) {
    if (
      typeof p?.finished === 'number' &&
      Number.isFinite(p.finished) &&
      typeof p.best === 'number' &&
      Number.isFinite(p.best) &&
      typeof p.passed === 'boolean'
    ) {
      out[id] = { finished: p.finished, best: p.best, passed: p.passed };
    }
  }
  return out;
}

/** Reads a stored progress record; anything else (older, damaged) reads as no progress. */
export function parseProgressRecord(raw: unknown): Progress | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Partial<ProgressRecord>;
  return record.version === PROGRESS_VERSION ? parseProgress(record.scenarios) : undefined;
}

/** Progress with one more finished run of a scenario. */
export function addFinishedRun(
  progress: Progress,
  scenario: string,
  run: { overall: number; passed: boolean },
): Progress {
  const prev = progress[scenario];
  return {
    ...progress,
    [scenario]: {
      finished: (prev?.finished ?? 0) + 1,
      best: Math.max(prev?.best ?? 0, run.overall),
      passed: (prev?.passed ?? false) || run.passed,
    },
  };
}

/**
 * Progress from two places (this browser and an imported file, or the old localStorage record).
 * why: merging takes the larger count and the better score rather than adding them, so importing
 * the same file twice changes nothing.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const out: Progress = { ...a };
  for (const [id, p] of Object.entries(b)) {
    const q = out[id];
    out[id] = q
      ? {
          finished: Math.max(q.finished, p.finished),
          best: Math.max(q.best, p.best),
          passed: q.passed || p.passed,
        }
      : { ...p };
  }
  return out;
}

/** Adds a finished run to the progress and stores it; storage that refuses only loses the record. */
export function recordFinishedRun(
  storage: KeyValueStorage | undefined,
  progress: Progress,
  scenario: string,
  run: { overall: number; passed: boolean },
): Progress {
  const next = addFinishedRun(progress, scenario, run);
  try {
    storage?.setItem(LEGACY_PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // why: progress is a convenience; a browser that refuses storage still plays and debriefs.
  }
  return next;
}
