import { createRun, ReplayError } from '../engine/run/run.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import type { SavedRun } from './saved-run.ts';

/** Where a replayed run stands: its step, clock and ending. */
export interface ReplayedAt {
  step: string;
  /** Scenario seconds since the run started. */
  time: number;
  ending: string | null;
}

/**
 * How a saved run stands against the scenario this build bundles; the same kinds as `placeRun`.
 * why: `placeRun` also scores the run, which brings the doctrine catalogue; the menu decides what
 * it may resume at the first load, so it replays only.
 */
export type ResumeStanding =
  | ({ kind: 'current' } & ReplayedAt)
  | ({ kind: 'migrated'; fromVersion: string } & ReplayedAt)
  | { kind: 'other-version'; fromVersion: string; reason: string }
  | { kind: 'does-not-replay'; reason: string }
  | { kind: 'unknown-scenario' };

/** Replays a saved run's log against the scenario it names (when this build has it). */
export function standingOf(saved: SavedRun, scenario: Scenario | undefined): ResumeStanding {
  if (!scenario || scenario.id !== saved.run.scenario.id) return { kind: 'unknown-scenario' };
  const fromVersion = saved.run.scenario.version;
  const sameVersion = scenario.version === fromVersion;
  try {
    const context = createRun(scenario, saved.run.log).context();
    const at: ReplayedAt = { step: context.step, time: context.time, ending: context.ending ?? null };
    return sameVersion ? { kind: 'current', ...at } : { kind: 'migrated', fromVersion, ...at };
  } catch (e) {
    const reason = e instanceof ReplayError ? e.message : String(e);
    return sameVersion ? { kind: 'does-not-replay', reason } : { kind: 'other-version', fromVersion, reason };
  }
}

/** Whether a standing lets the run be resumed or debriefed. */
export function replays(
  standing: ResumeStanding,
): standing is Extract<ResumeStanding, { kind: 'current' | 'migrated' }> {
  return standing.kind === 'current' || standing.kind === 'migrated';
}
