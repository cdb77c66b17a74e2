import { createRun, ReplayError } from '../run/run.ts';
import type { Scenario } from '../scenario/scenario.schema.ts';
import { buildDebrief, type Debrief } from '../score/debrief.ts';
import type { RunFile } from './run-file.ts';

/**
 * How a run file stands against the scenarios at hand.
 * why: a run of another version is never scored silently as if it were of this one: it is either
 * migrated (its log still replays, every id it names still exists) or set aside for review.
 */
export type RunStanding =
  | { kind: 'current'; scenario: Scenario; debrief: Debrief }
  | { kind: 'migrated'; scenario: Scenario; debrief: Debrief; fromVersion: string }
  | { kind: 'other-version'; scenario: Scenario; fromVersion: string; reason: string }
  | { kind: 'does-not-replay'; scenario: Scenario; reason: string }
  | { kind: 'unknown-scenario' };

/** Places a run file against the available scenarios, replaying its log where it can. */
export function placeRun(run: RunFile, scenarios: readonly Scenario[]): RunStanding {
  const scenario = scenarios.find((s) => s.id === run.scenario.id);
  if (!scenario) return { kind: 'unknown-scenario' };
  const sameVersion = scenario.version === run.scenario.version;
  try {
    createRun(scenario, run.log);
  } catch (e) {
    const reason = e instanceof ReplayError ? e.message : String(e);
    return sameVersion
      ? { kind: 'does-not-replay', scenario, reason }
      : { kind: 'other-version', scenario, fromVersion: run.scenario.version, reason };
  }
  const debrief = buildDebrief(scenario, run.log);
  return sameVersion
    ? { kind: 'current', scenario, debrief }
    : { kind: 'migrated', scenario, debrief, fromVersion: run.scenario.version };
}

/** Whether the summary written in a run file disagrees with the score recomputed from its log (an edited file). */
export function summaryDisagrees(run: RunFile, debrief: Debrief): boolean {
  if (!run.summary) return false;
  const ending = debrief.ending?.id ?? null;
  return (
    run.summary.overall !== debrief.score.overall ||
    run.summary.passed !== debrief.score.passed ||
    run.summary.ending !== ending
  );
}

/** The summary to write into a run file for a debrief. */
export function summaryOf(debrief: Debrief): NonNullable<RunFile['summary']> {
  return { overall: debrief.score.overall, passed: debrief.score.passed, ending: debrief.ending?.id ?? null };
}
