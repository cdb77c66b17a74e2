import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import type { Step } from '../engine/scenario/scenario.schema.ts';
import { type ScoredDecision, scoreRun } from '../engine/score/score-run.ts';
import type { RunSession } from '../progress/run-observer.ts';
import type { SuspendedRun } from './suspend-data.ts';

/** A decision the LMS has not heard of yet, with its step. */
export interface NewDecision {
  step: Step;
  decision: ScoredDecision;
}

// why: the app tells observers about every accepted event, a clock tick each second included;
// LMS adapters report decisions once each and save when the run moved on, so they keep a tally.
/** Tells, for one run, which decisions are new and whether it moved on since the last look. */
export function createRunTracker(session: RunSession) {
  const decisionsIn = () =>
    session.run.context().history.filter((h) => h.type === 'decision.made' || h.type === 'decision.timedOut')
      .length;
  const where = () =>
    `${session.run.context().step}@${session.run.context().stepOpenedAt}:${session.run.finished()}`;
  // why: a resumed run's earlier decisions were reported in the session that made them.
  let reported = decisionsIn();
  let lastPlace = where();
  return {
    /** Decisions made since the last call, scored as the debrief scores them. */
    takeNewDecisions(): NewDecision[] {
      const count = decisionsIn();
      if (count <= reported) return [];
      const { scenario } = session.bundle;
      const scored = scoreRun(scenario, session.run.context().history, CATALOGUE).decisions.slice(reported);
      reported = count;
      const steps = new Map(scenario.steps.map((s) => [s.id, s]));
      return scored.map((decision) => ({ step: steps.get(decision.step)!, decision }));
    },
    /** Whether the run opened another step or ended since the last call. */
    movedOn(): boolean {
      const now = where();
      if (now === lastPlace) return false;
      lastPlace = now;
      return true;
    },
  };
}

/** The run as saved for resuming. */
export function suspendedRunOf(session: RunSession): SuspendedRun {
  const { id, version } = session.bundle.scenario;
  return { scenario: { id, version }, id: session.id, startedAt: session.startedAt, log: session.run.log };
}
