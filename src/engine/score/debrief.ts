import { CATALOGUE, type DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { createRun } from '../run/run.ts';
import type { HistoryEntry, RunEvent } from '../run/run-state.ts';
import type { Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { type RunScore, type ScoredDecision, scoreRun, type Violation } from './score-run.ts';

/** The debrief of a run: what happened, how it scored against doctrine, and the log to replay it. */
export interface Debrief {
  scenario: { id: string; version: string };
  /** The ending reached, or `null` for a run stopped before one. */
  ending: { id: string; outcome: Outcome } | null;
  completed: boolean;
  /** Scenario seconds the run lasted. */
  duration: number;
  score: RunScore;
  decisions: ScoredDecision[];
  /** Every Don't broken, critical ones first. */
  violations: Violation[];
  timeline: HistoryEntry[];
  log: RunEvent[];
}

const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;

/** Builds the debrief of a run by replaying its log; pure, so a saved log always gives the same report. */
export function buildDebrief(
  scenario: Scenario,
  log: readonly RunEvent[],
  catalogue: DoctrineCatalogue = CATALOGUE,
): Debrief {
  const run = createRun(scenario, log);
  const context = run.context();
  const scored = scoreRun(scenario, context.history, catalogue);
  const ending = context.ending ? scenario.endings.find((e) => e.id === context.ending) : undefined;
  return {
    scenario: { id: scenario.id, version: scenario.version },
    ending: ending ? { id: ending.id, outcome: ending.outcome } : null,
    completed: run.finished(),
    duration: context.time,
    score: scored.score,
    decisions: scored.decisions,
    violations: [...scored.violations].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    ),
    timeline: context.history,
    log: [...run.log],
  };
}
