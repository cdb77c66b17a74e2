import type { Scenario } from '../scenario/scenario.schema.ts';
import type { Debrief } from '../score/debrief.ts';
import type { RunFile } from './run-file.ts';
import { summaryDisagrees, summaryOf } from './run-standing.ts';

// why: a run file is self-reported (written by the trainee's browser, or by anyone with a text
// editor) and carries no signature; re-scoring from the log stops an edited score, but a log can be
// written by hand too. These checks catch logs the app would not produce from a person playing, so
// a trainer looks before such a run counts as a pass. They cannot prove a run genuine.

/** Fewer scenario seconds than this between a decision opening and the choice is too fast to read and answer. */
export const MIN_DECISION_SECONDS = 2;
/** A run spending more than this many times the scenario's expected minutes deciding is beyond its span… */
export const SPAN_FACTOR = 6;
/** …and never less than the expected minutes plus this (a trainee called away with the tab open). */
export const SPAN_SLACK_SECONDS = 2 * 3600;

/** Why a run's log is not what a person playing in the app produces. */
export type Implausibility =
  /** Decisions were made but no scenario time passed at all. */
  | { kind: 'no-clock'; decisions: number }
  /** Most decisions were answered faster than a person can read them. */
  | { kind: 'too-fast'; fast: number; decisions: number; under: number }
  /** A timed decision answered after its window closed. */
  | { kind: 'beyond-window'; step: string; seconds: number; limit: number }
  /** Far more time spent deciding than the scenario's span allows. */
  | { kind: 'beyond-span'; seconds: number; span: number }
  /** The summary written in the file is not what its log replays to. */
  | {
      kind: 'summary-disagrees';
      claimed: NonNullable<RunFile['summary']>;
      recomputed: NonNullable<RunFile['summary']>;
    };

/** The longest a run may spend deciding before it is flagged: the scenario's span with a generous margin. */
export function spanLimit(scenario: Pick<Scenario, 'minutes'>): number {
  const span = scenario.minutes * 60;
  return Math.max(SPAN_FACTOR * span, span + SPAN_SLACK_SECONDS);
}

/** Checks a replayed run for signs its log was not played by a person in the app; `[]` when none. */
export function checkPlausibility(run: RunFile, scenario: Scenario, debrief: Debrief): Implausibility[] {
  const out: Implausibility[] = [];
  const answered = debrief.decisions.filter((d) => !d.timedOut);
  const clock = run.log.reduce((sum, e) => sum + (e.type === 'clock.ticked' ? e.seconds : 0), 0);
  if (answered.length > 0 && clock === 0) out.push({ kind: 'no-clock', decisions: answered.length });
  else {
    const fast = answered.filter((d) => d.elapsed < MIN_DECISION_SECONDS).length;
    // why: one quick answer happens (a second visit, a trainee who paused to read); most of them does not
    if (fast >= 2 && fast * 2 > answered.length)
      out.push({ kind: 'too-fast', fast, decisions: answered.length, under: MIN_DECISION_SECONDS });
  }
  for (const d of debrief.decisions) {
    if (d.timeLimit !== null && d.elapsed > d.timeLimit) {
      out.push({ kind: 'beyond-window', step: d.step, seconds: d.elapsed, limit: d.timeLimit });
      break;
    }
  }
  const deciding = debrief.decisions.reduce((sum, d) => sum + d.elapsed, 0);
  const limit = spanLimit(scenario);
  if (!Number.isFinite(deciding) || deciding > limit)
    out.push({ kind: 'beyond-span', seconds: deciding, span: limit });
  if (run.summary && summaryDisagrees(run, debrief))
    out.push({ kind: 'summary-disagrees', claimed: { ...run.summary }, recomputed: summaryOf(debrief) });
  return out;
}

function minutes(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'an endless time';
  const m = seconds / 60;
  return m >= 1e6 ? `${m.toExponential(1)} min` : `${Math.round(m)} min`;
}

/** One reason in plain English, for the command line and the CSV (the UI words it through i18n). */
export function describeImplausibility(i: Implausibility): string {
  switch (i.kind) {
    case 'no-clock':
      return `${i.decisions} decision(s) made in 0 s: the scenario clock never ran`;
    case 'too-fast':
      return `${i.fast} of ${i.decisions} decisions answered in under ${i.under} s`;
    case 'beyond-window':
      return `decision "${i.step}" answered after ${i.seconds} s, past its ${i.limit} s time limit`;
    case 'beyond-span':
      return `${minutes(i.seconds)} spent deciding, beyond the scenario's span (at most ${minutes(i.span)})`;
    case 'summary-disagrees':
      return `the summary in the file (score ${i.claimed.overall ?? 'none'}, ${i.claimed.passed ? 'passed' : 'not passed'}) is not what its log replays to (${i.recomputed.overall ?? 'none'}, ${i.recomputed.passed ? 'passed' : 'not passed'})`;
  }
}
