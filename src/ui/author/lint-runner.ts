import { type LintReport, lintScenario } from '../../engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../engine/doctrine/catalogue.ts';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';

/** Most states the preview's lint explores before it stops and says so. */
export const LINT_STATE_LIMIT = 200_000;

/** A lint under way: its report to come, and a way to stop it when newer files arrive. */
export interface LintJob {
  report: Promise<LintReport>;
  cancel(): void;
}

/** Starts a lint of a scenario. */
export type LintRunner = (scenario: Scenario) => LintJob;

/** The message a lint worker sends back. */
export type LintReply = { ok: true; report: LintReport } | { ok: false; message: string };

/** Lints on this thread, after letting the page paint its "checking" status. */
export const lintHere: LintRunner = (scenario) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = new Promise<LintReport>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(lintScenario(scenario, CATALOGUE, LINT_STATE_LIMIT));
      } catch (e) {
        reject(e);
      }
    }, 0);
  });
  return { report, cancel: () => clearTimeout(timer) };
};

// why: a large scenario takes seconds to explore (15.1 has over 100,000 states); a worker keeps
// the page responsive meanwhile, and newer files simply end the old worker.
/** Lints in a Web Worker; falls back to this thread where workers are missing. */
export const lintInWorker: LintRunner = (scenario) => {
  if (typeof Worker !== 'function') return lintHere(scenario);
  const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
  const report = new Promise<LintReport>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<LintReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.report);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the lint worker could not start'));
    };
  });
  worker.postMessage({ scenario, maxStates: LINT_STATE_LIMIT });
  return { report, cancel: () => worker.terminate() };
};
