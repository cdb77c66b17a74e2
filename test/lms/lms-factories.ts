import { join } from 'node:path';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun, type Run } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { RunObserver, RunSession } from '../../src/progress/run-observer.ts';
import type { Policy } from '../play-policies.ts';

/** A bundled scenario, loaded from its folder. */
export function bundledScenario(id: string): ScenarioBundle {
  const bundle = loadScenarioFolder(join('scenarios', id)).bundle;
  if (!bundle) throw new Error(`scenario ${id} does not load`);
  return bundle;
}

// why: the same trainee policies as the browser tests, so both count a failed duty alike.
export { faithful, type Policy, reckless } from '../play-policies.ts';

/** Starts a run the way the app does for a trainee: a session, observers told it opened and of every event. */
export function openSession(
  bundle: ScenarioBundle,
  observers: readonly RunObserver[],
  resume?: { id: string; log: readonly RunEvent[]; startedAt: string },
): RunSession {
  const run = createRun(bundle.scenario, resume?.log);
  const session: RunSession = {
    id: resume?.id ?? 'session-under-test',
    bundle,
    run,
    startedAt: resume?.startedAt ?? '2026-03-02T08:00:00.000Z',
    resumed: !!resume,
  };
  for (const o of observers) o.opened?.(session);
  run.subscribe(() => {
    for (const o of observers) o.changed?.(session);
  });
  return session;
}

/**
 * Plays `decisions` decisions (all when omitted) with the policy, spending `think` seconds of
 * scenario time before each, as the UI's clock would; tells observers when the run finishes.
 */
export function play(
  session: RunSession,
  observers: readonly RunObserver[],
  policy: Policy,
  options: { decisions?: number; think?: number } = {},
): Run {
  const { run, bundle } = session;
  const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
  let made = 0;
  while (!run.finished() && made < (options.decisions ?? Number.POSITIVE_INFINITY)) {
    const step = steps.get(run.context().step)!;
    const d = step.decision;
    if (!d) {
      run.send({ type: 'step.continued' });
      continue;
    }
    for (let i = 0; i < (options.think ?? 3); i++) run.send({ type: 'clock.ticked', seconds: 1 });
    if (run.context().step !== step.id) continue;
    run.send({ type: 'decision.chosen', optionIds: policy(d) });
    made++;
  }
  if (run.finished()) for (const o of observers) o.finished?.(session);
  return run;
}
