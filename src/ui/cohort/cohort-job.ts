import type { Cohort, CohortFile } from '../../engine/results/cohort.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { type CohortProgress, type CohortReply, checkFiles, scoreFiles } from './cohort-work.ts';

// why: 50 run files of a megabyte each took four minutes of main-thread work and froze the tab
// (review defect 6); a worker keeps the page answering, shows progress and can be stopped.

/** What opening a cohort needs from the page. */
export interface CohortJobOptions {
  /** Ids of the scenarios this app can score against. */
  known: readonly string[];
  /** Loads the scenarios the runs are of (only those). */
  load(ids: readonly string[]): Promise<ScenarioBundle[]>;
  onProgress(progress: CohortProgress): void;
  /** Files whose implausible runs the trainer accepted: they count. */
  accepted?: readonly string[];
}

/** A cohort being opened: its result to come, and a way to stop it. */
export interface CohortJob {
  result: Promise<{ cohort: Cohort; bundles: ScenarioBundle[] }>;
  cancel(): void;
}

/** The scenarios could not be loaded (the trainer may retry). */
export class ScenarioLoadError extends Error {
  override name = 'ScenarioLoadError';
}
/** The job was stopped. */
export class CohortCancelled extends Error {
  override name = 'CohortCancelled';
}

/** Opens a cohort in a Web Worker; on this thread, in small steps, where workers are missing. */
export function startCohortJob(files: readonly CohortFile[], options: CohortJobOptions): CohortJob {
  return typeof Worker === 'function' ? inWorker(files, options) : onThisThread(files, options);
}

function inWorker(files: readonly CohortFile[], options: CohortJobOptions): CohortJob {
  const worker = new Worker(new URL('./cohort-worker.ts', import.meta.url), { type: 'module' });
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<{ cohort: Cohort; bundles: ScenarioBundle[] }>((resolve, reject) => {
    fail = (e) => {
      worker.terminate();
      reject(e);
    };
    let bundles: ScenarioBundle[] = [];
    worker.onmessage = (e: MessageEvent<CohortReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') options.onProgress(reply.progress);
      else if (reply.type === 'needs')
        options.load(reply.ids).then(
          (loaded) => {
            bundles = loaded;
            worker.postMessage({
              type: 'score',
              scenarios: loaded.map((b) => b.scenario),
              accepted: [...(options.accepted ?? [])],
            });
          },
          (err) => fail(new ScenarioLoadError(err instanceof Error ? err.message : String(err))),
        );
      else if (reply.type === 'done') {
        worker.terminate();
        resolve({ cohort: reply.cohort, bundles });
      } else fail(new Error(reply.message));
    };
    worker.onerror = (e) => fail(new Error(e.message || 'the cohort worker could not start'));
  });
  worker.postMessage({ type: 'check', files: [...files], known: [...options.known] });
  return { result, cancel: () => fail(new CohortCancelled('stopped')) };
}

function onThisThread(files: readonly CohortFile[], options: CohortJobOptions): CohortJob {
  let cancelled = false;
  const pause = () => new Promise<void>((r) => setTimeout(r, 0));
  const stopIfCancelled = () => {
    if (cancelled) throw new CohortCancelled('stopped');
  };
  const total = files.length;
  const result = (async () => {
    let checked: ReturnType<typeof checkFiles> | undefined;
    // why: without a worker the page parses in slices and lets itself paint between them.
    for (let from = 0; from < total || !checked; from += 25) {
      await pause();
      stopIfCancelled();
      checked = checkFiles(
        files,
        options.known,
        (done) => options.onProgress({ phase: 'checking', done, total }),
        from,
        checked?.parsed,
        Math.min(total, from + 25),
      );
    }
    let bundles: ScenarioBundle[];
    try {
      bundles = await options.load(checked.needed);
    } catch (err) {
      throw new ScenarioLoadError(err instanceof Error ? err.message : String(err));
    }
    stopIfCancelled();
    const cohort = scoreFiles(
      files,
      checked.parsed,
      bundles.map((b) => b.scenario),
      (done) => options.onProgress({ phase: 'scoring', done, total }),
      options.accepted,
    );
    return { cohort, bundles };
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
}
