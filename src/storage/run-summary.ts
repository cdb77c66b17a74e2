import type { RunFile } from '../engine/results/run-file.ts';
import { summaryOf } from '../engine/results/run-standing.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { buildDebrief } from '../engine/score/debrief.ts';

// why: a module of its own, loaded when a run ends, since the scorer brings the doctrine catalogue.

/** The score summary written into a finished run's file (readers recompute it from the log). */
export function summarizeRun(scenario: Scenario, log: readonly RunEvent[]): NonNullable<RunFile['summary']> {
  return summaryOf(buildDebrief(scenario, log));
}
