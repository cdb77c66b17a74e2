import { useEffect, useState } from 'preact/hooks';
import type { Run } from '../engine/run/run.ts';
import { buildRunView, type RunView } from '../engine/run/run-view.ts';

/** The view of a run, rebuilt after every event the run accepts. */
export function useRunView(run: Run): RunView {
  const [view, setView] = useState(() => buildRunView(run.scenario, run.context()));
  useEffect(() => {
    setView(buildRunView(run.scenario, run.context()));
    return run.subscribe(() => setView(buildRunView(run.scenario, run.context())));
  }, [run]);
  return view;
}

/** Whether the page is hidden (another tab, minimised window). */
export function useDocumentHidden(): boolean {
  const [hidden, setHidden] = useState(() => typeof document !== 'undefined' && document.hidden);
  useEffect(() => {
    const update = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return hidden;
}

/** Real milliseconds per scenario second. */
export const TICK_MS = 1000;

/**
 * Advances scenario time by one second per real second while `running`.
 * why: time enters the engine only as clock events sent from this edge; the engine decides what a
 * tick releases or times out, so pausing is simply not sending.
 */
export function useScenarioClock(run: Run, running: boolean): void {
  useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => {
      if (!run.finished()) run.send({ type: 'clock.ticked', seconds: 1 });
    }, TICK_MS);
    return () => clearInterval(id);
  }, [run, running]);
}
