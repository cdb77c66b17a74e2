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

const PROGRESS_KEY = 'pocsim.progress.v1';

/** Reads progress, dropping any entry that is not well formed instead of trusting it. */
export function readProgress(storage: KeyValueStorage | undefined): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? '{}');
  } catch {
    return {};
  }
  const out: Progress = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [id, p] of Object.entries(raw as Record<string, Partial<ScenarioProgress>>)) {
    if (typeof p?.finished === 'number' && typeof p.best === 'number' && typeof p.passed === 'boolean') {
      out[id] = { finished: p.finished, best: p.best, passed: p.passed };
    }
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
  const prev = progress[scenario];
  const next: Progress = {
    ...progress,
    [scenario]: {
      finished: (prev?.finished ?? 0) + 1,
      best: Math.max(prev?.best ?? 0, run.overall),
      passed: (prev?.passed ?? false) || run.passed,
    },
  };
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // why: progress is a convenience; a browser that refuses storage still plays and debriefs.
  }
  return next;
}
