import { CATALOGUE } from '../../engine/doctrine/catalogue.ts';
import { buildCohort, type Cohort, type CohortFile } from '../../engine/results/cohort.ts';
import { parseRunFile, type RunFileResult } from '../../engine/results/run-file.ts';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';

// why: the work of the cohort view (parse every run file once, then re-score every run) runs in a
// Web Worker for a real cohort (cohort-worker.ts) and on the page only where workers are missing;
// both call these two steps, so they cannot drift apart.

/** Where opening a cohort stands: which step, and how many files of how many it has done. */
export interface CohortProgress {
  phase: 'reading' | 'checking' | 'scoring';
  done: number;
  total: number;
}

/** Parses each file once and names the known scenarios the runs are of. */
export function checkFiles(
  files: readonly CohortFile[],
  known: readonly string[],
  onProgress: (done: number) => void,
  from = 0,
  parsed = new Map<CohortFile, RunFileResult>(),
  until = files.length,
): { parsed: Map<CohortFile, RunFileResult>; needed: string[] } {
  const wanted = new Set(known);
  for (let i = from; i < until; i++) {
    const file = files[i]!;
    parsed.set(file, parseRunFile(file.text, file.name));
    onProgress(i + 1);
  }
  const needed = new Set<string>();
  for (const result of parsed.values())
    if (result.ok && wanted.has(result.run.scenario.id)) needed.add(result.run.scenario.id);
  return { parsed, needed: [...needed].sort() };
}

/** Re-scores every run against the scenarios, using the files as already parsed. */
export function scoreFiles(
  files: readonly CohortFile[],
  parsed: ReadonlyMap<CohortFile, RunFileResult>,
  scenarios: readonly Scenario[],
  onProgress: (done: number) => void,
  accepted: readonly string[] = [],
): Cohort {
  return buildCohort(files, scenarios, CATALOGUE, {
    parsed,
    onProgress: (done) => onProgress(done),
    accepted: new Set(accepted),
  });
}

/** Messages the page sends to the cohort worker. */
export type CohortRequest =
  | { type: 'check'; files: CohortFile[]; known: string[] }
  | { type: 'score'; scenarios: Scenario[]; accepted: string[] };

/** Messages the cohort worker sends back. */
export type CohortReply =
  | { type: 'progress'; progress: CohortProgress }
  | { type: 'needs'; ids: string[] }
  | { type: 'done'; cohort: Cohort }
  | { type: 'failed'; message: string };
