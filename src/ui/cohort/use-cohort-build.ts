import { useEffect, useRef, useState } from 'preact/hooks';
import type { Cohort, CohortFile } from '../../engine/results/cohort.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { CohortCancelled, type CohortJob, ScenarioLoadError, startCohortJob } from './cohort-job.ts';
import type { CohortScenario } from './cohort-page.tsx';
import type { CohortProgress } from './cohort-work.ts';

/** Where building the cohort of the open files stands. */
export interface CohortBuild {
  /** Set while the files are checked and scored. */
  progress: CohortProgress | null;
  built: { cohort: Cohort } | { error: string } | null;
  bundles: ReadonlyMap<string, ScenarioBundle>;
  /** A scenario the runs need could not be loaded. */
  failed: boolean;
  /** Stops the build under way. */
  cancel(): void;
}

/** Builds the cohort of `files` in a worker each time they change (or `attempt` grows, or the trainer accepts a run). */
export function useCohortBuild(
  files: readonly CohortFile[],
  scenarios: readonly CohortScenario[],
  attempt: number,
  accepted: ReadonlySet<string> = new Set(),
): CohortBuild {
  const job = useRef<CohortJob | null>(null);
  const [state, setState] = useState<Omit<CohortBuild, 'cancel'>>({
    progress: null,
    built: null,
    bundles: new Map(),
    failed: false,
  });
  useEffect(() => {
    if (files.length === 0) {
      setState({ progress: null, built: null, bundles: new Map(), failed: false });
      return;
    }
    const started = startCohortJob(files, {
      known: scenarios.map((s) => s.id),
      load: (ids) => Promise.all(ids.map((id) => scenarios.find((s) => s.id === id)!.load())),
      onProgress: (progress) => setState((s) => ({ ...s, progress })),
      accepted: [...accepted],
    });
    job.current = started;
    setState((s) => ({
      ...s,
      progress: { phase: 'checking', done: 0, total: files.length },
      failed: false,
    }));
    started.result.then(
      ({ cohort, bundles }) =>
        setState({
          progress: null,
          built: { cohort },
          bundles: new Map(bundles.map((b) => [b.scenario.id, b])),
          failed: false,
        }),
      (e: unknown) => {
        if (e instanceof CohortCancelled) return;
        setState((s) =>
          e instanceof ScenarioLoadError
            ? { ...s, progress: null, failed: true }
            : { ...s, progress: null, built: { error: e instanceof Error ? e.message : String(e) } },
        );
      },
    );
    return () => {
      started.cancel();
      if (job.current === started) job.current = null;
    };
  }, [files, scenarios, attempt, accepted]);
  return {
    ...state,
    cancel: () => {
      job.current?.cancel();
      job.current = null;
      setState((s) => ({ ...s, progress: null }));
    },
  };
}
