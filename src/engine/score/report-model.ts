import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import type { Phase, Severity } from '../doctrine/doctrine-entry.ts';
import { buildTierPhaseMatrix, type MatrixCell, type TierPhaseMatrix } from '../results/tier-phase-matrix.ts';
import { createRun } from '../run/run.ts';
import { type HistoryEntry, type RunEvent, secondsOfDay } from '../run/run-state.ts';
import { formatTimeOfDay } from '../run/run-view.ts';
import type { Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { textKey } from '../scenario/text-keys.ts';
import type { Debrief } from './debrief.ts';
import { buildLessons, type Lessons } from './lessons.ts';
import { CRITICAL_CAP, type RunScore, scoreRun } from './score-run.ts';
import { firstMissOf, type RememberItem, selectThingsToRemember, type TryAgainFrom } from './summary.ts';

export type { MatrixCell, TierPhaseMatrix };

// why: the debrief page, its exports and the CLI report all render this one model, so what a
// trainee sees in the browser and what a trainer re-renders from a saved run cannot drift apart.

/** How a heatmap cell leans: mostly followed, mixed, mostly broken, or nothing happened there. */
export type CellBalance = 'followed' | 'mixed' | 'broken' | 'none';

/** A doctrine entry as the report cites it. */
export interface DoctrineRef {
  id: string;
  section: string;
}

/** One moment of the run, in scenario time, scenario day (1 = the day the run starts) and time of day. */
export type TimelineItem = { at: number; day: number; clock: string } & (
  | { kind: 'step'; step: string; phase: Phase }
  | { kind: 'inject'; step: string; inject: string }
  | { kind: 'decision'; step: string; decision: number; options: string[]; latency: number }
  | { kind: 'timeout'; step: string; decision: number; latency: number }
  | { kind: 'ending'; ending: string; outcome: Outcome }
);

/** One decision as the report reviews it. */
export interface ReportDecision {
  /** 1-based, in the order taken. */
  index: number;
  step: string;
  phase: Phase;
  options: string[];
  timedOut: boolean;
  elapsed: number;
  timeLimit: number | null;
  /** Credit kept for timeliness, 0-100. */
  timeliness: number;
  score: number;
  followed: DoctrineRef[];
  /** Don'ts broken and duties failed (`duty: true`). */
  broken: (DoctrineRef & { severity: Severity; duty: boolean })[];
  /** The doctrinally best choice when the trainee's was not one (empty: letting time run out). */
  better: string[] | null;
  /** Text keys of the feedback the trainee's choice (or the time-out) gave. */
  feedback: string[];
  /** How many events of the run's log lead to this decision's step, not yet decided: replay from here. */
  replayLength: number;
}

/** A critical Don't broken, where and how. */
export interface CriticalItem extends DoctrineRef {
  step: string;
  /** The option that broke it, or `null` when time ran out. */
  option: string | null;
}

/** Why the run passed or did not. */
export type Verdict = 'passed' | 'critical' | 'majors' | 'harmed' | 'failed';

/** The path a run took through the scenario graph, against the path doctrine's best answers take. */
export interface RunPaths {
  /** Step ids in the order opened, then the ending reached (if any). */
  taken: string[];
  /** The same, taking doctrine's best answer at every decision. */
  best: string[];
  /** Index in `taken` of the first node off the best path, or `null` when the run stayed on it. */
  divergence: number | null;
  /**
   * The first decision whose choice differed from doctrine's best answer, or `null`. This, not
   * `divergence`, is where the trainee left the best path: branches can rejoin, and a wrong choice
   * does not always change the next step.
   */
  firstMiss: { decision: number; step: string } | null;
  /** Indexes in `taken` of the steps whose decision ran out of time. */
  timedOut: number[];
  /** The ids in either path that are endings, not steps. */
  endings: string[];
}

/** Everything the debrief report shows, as ids, numbers and text keys; renderers translate it. */
export interface ReportModel {
  scenario: { id: string; version: string };
  ending: { id: string; outcome: Outcome } | null;
  completed: boolean;
  /** Scenario seconds from the first step to the end of the run. */
  duration: number;
  /** Time of day the run started, HH:MM. */
  startClock: string;
  /** The scenario day the run ended on (1 when it stayed within the first day). */
  lastDay: number;
  score: RunScore;
  cap: number;
  verdict: Verdict;
  /** Critical Don'ts broken, in the order they were broken. */
  critical: CriticalItem[];
  matrix: TierPhaseMatrix;
  timeline: TimelineItem[];
  decisions: ReportDecision[];
  lessons: Lessons;
  paths: RunPaths;
  /** The things to remember, at most three: criticals first, then the weakest tier or phase. */
  remember: RememberItem[];
  /** Where "Try again from…" starts: the first decision that was not doctrine's best. */
  tryAgainFrom: TryAgainFrom | null;
}

/** Which way a cell leans: three quarters or more followed, three quarters or more broken, or mixed. */
export function cellBalance(cell: MatrixCell): CellBalance {
  const total = cell.followed + cell.broken;
  if (total === 0) return 'none';
  if (cell.followed >= total * 0.75) return 'followed';
  if (cell.broken >= total * 0.75) return 'broken';
  return 'mixed';
}

/** The answer doctrine values most at a decision: option ids, or `[]` for letting time run out. */
export function bestAnswerOf(scenario: Scenario, stepId: string, catalogue: DoctrineCatalogue): string[] {
  const d = scenario.steps.find((s) => s.id === stepId)?.decision;
  if (!d) return [];
  const first = [d.options[0]!.id];
  // why: the scoring already knows every candidate's value and names the best one whenever the
  // choice scored was not it; asking it keeps one definition of "best".
  const scored = scoreRun(
    scenario,
    [{ type: 'decision.made', step: stepId, options: first, at: 0, latency: 0 }],
    catalogue,
  );
  return scored.decisions[0]?.better ?? first;
}

/** The node ids (steps, then the ending) a run takes answering every decision as doctrine would. */
export function buildBestPath(scenario: Scenario, catalogue: DoctrineCatalogue): string[] {
  const run = createRun(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  for (let guard = 0; !run.finished() && guard < 1_000; guard++) {
    const step = run.context().step;
    const d = steps.get(step)?.decision;
    let accepted: boolean;
    if (!d) accepted = run.send({ type: 'step.continued' });
    else {
      const best = bestAnswerOf(scenario, step, catalogue);
      accepted =
        best.length === 0
          ? run.send({ type: 'clock.ticked', seconds: d.timeLimit ?? 0 })
          : run.send({ type: 'decision.chosen', optionIds: best });
    }
    if (!accepted) break;
  }
  return pathOf(run.context().history);
}

function pathOf(history: readonly HistoryEntry[]): string[] {
  return history.flatMap((h) =>
    h.type === 'step.opened' ? [h.step] : h.type === 'ending.reached' ? [h.ending] : [],
  );
}

/**
 * For each decision of a run, how many events of its log replay to that decision's step just
 * opened, so a new run can start there and try another branch.
 */
export function replayLengths(scenario: Scenario, log: readonly RunEvent[]): number[] {
  const run = createRun(scenario);
  // historyAfter[n]: history length once n events have been replayed.
  const historyAfter = [run.context().history.length];
  for (const e of log) {
    if (!run.send(e)) break;
    historyAfter.push(run.context().history.length);
  }
  const history = run.context().history;
  const out: number[] = [];
  let opened = -1;
  history.forEach((h, i) => {
    if (h.type === 'step.opened') opened = i;
    if (h.type !== 'decision.made' && h.type !== 'decision.timedOut') return;
    const n = historyAfter.findIndex((len) => len > opened);
    out.push(Math.max(0, n));
  });
  return out;
}

function verdictOf(score: RunScore): Verdict {
  if (score.passed) return 'passed';
  if (score.criticalBreach) return 'critical';
  if (score.tooManyMajors) return 'majors';
  if (score.harmedEnding) return 'harmed';
  return 'failed';
}

const ref = (id: string, catalogue: DoctrineCatalogue): DoctrineRef => ({
  id,
  section: catalogue.get(id)?.section ?? '?',
});

/** Builds the debrief report of a run from its scenario and debrief; pure and deterministic. */
export function buildReportModel(
  scenario: Scenario,
  debrief: Debrief,
  catalogue: DoctrineCatalogue,
): ReportModel {
  const startOfDay = secondsOfDay(scenario.startClock);
  const clock = (at: number) => formatTimeOfDay(startOfDay + at);
  const dayOf = (at: number) => Math.floor((startOfDay + at) / 86_400) + 1;
  const phases = new Map(scenario.steps.map((s) => [s.id, s.phase]));
  const outcomes = new Map(scenario.endings.map((e) => [e.id, e.outcome]));
  const replay = replayLengths(scenario, debrief.log);

  const timeline: TimelineItem[] = [];
  let decisionIndex = 0;
  for (const h of debrief.timeline) {
    const at = { at: h.at, day: dayOf(h.at), clock: clock(h.at) };
    switch (h.type) {
      case 'step.opened':
        timeline.push({ ...at, kind: 'step', step: h.step, phase: phases.get(h.step) ?? 'prevention' });
        break;
      case 'inject.released':
        timeline.push({ ...at, kind: 'inject', step: h.step, inject: h.inject });
        break;
      case 'decision.made':
        decisionIndex++;
        timeline.push({
          ...at,
          kind: 'decision',
          step: h.step,
          decision: decisionIndex,
          options: [...h.options],
          latency: h.latency,
        });
        break;
      case 'decision.timedOut':
        decisionIndex++;
        timeline.push({ ...at, kind: 'timeout', step: h.step, decision: decisionIndex, latency: h.latency });
        break;
      case 'ending.reached':
        timeline.push({
          ...at,
          kind: 'ending',
          ending: h.ending,
          outcome: outcomes.get(h.ending) ?? 'partial',
        });
        break;
      case 'step.continued':
        break;
    }
  }
  const decisions: ReportDecision[] = debrief.decisions.map((d, i) => ({
    index: i + 1,
    step: d.step,
    phase: d.phase,
    options: [...d.options],
    timedOut: d.timedOut,
    elapsed: d.elapsed,
    timeLimit: d.timeLimit,
    timeliness: Math.round(d.timeliness * 100),
    score: d.score,
    followed: d.followed.map((id) => ref(id, catalogue)),
    broken: d.broken.map((b) => ({ ...ref(b.doctrine, catalogue), severity: b.severity, duty: b.duty })),
    better: d.better ? [...d.better] : null,
    feedback: d.timedOut
      ? [textKey.noDecisionFeedback(d.step)]
      : d.options.map((id) => textKey.optionFeedback(id)),
    replayLength: replay[i] ?? 0,
  }));

  const taken = pathOf(debrief.timeline);
  const timedOut: number[] = [];
  let node = -1;
  for (const h of debrief.timeline) {
    if (h.type === 'step.opened') node++;
    else if (h.type === 'decision.timedOut') timedOut.push(node);
  }
  const best = buildBestPath(scenario, catalogue);
  const off = taken.findIndex((id, i) => best[i] !== id);
  const tryAgainFrom = firstMissOf(decisions);
  return {
    scenario: { ...debrief.scenario },
    ending: debrief.ending ? { ...debrief.ending } : null,
    completed: debrief.completed,
    duration: debrief.duration,
    startClock: clock(0),
    lastDay: dayOf(debrief.duration),
    score: debrief.score,
    cap: CRITICAL_CAP,
    verdict: verdictOf(debrief.score),
    critical: debrief.violations
      .filter((v) => v.severity === 'critical')
      .map((v) => ({ ...ref(v.doctrine, catalogue), step: v.step, option: v.option })),
    matrix: buildTierPhaseMatrix(scenario, debrief.decisions),
    timeline,
    decisions,
    lessons: buildLessons(scenario, debrief, catalogue),
    paths: {
      taken,
      best,
      divergence: off === -1 ? null : off,
      firstMiss: tryAgainFrom ? { decision: tryAgainFrom.decision, step: tryAgainFrom.step } : null,
      timedOut,
      endings: [...new Set([...taken, ...best])].filter((id) => outcomes.has(id)),
    },
    remember: selectThingsToRemember(scenario, debrief.score, decisions, catalogue),
    tryAgainFrom,
  };
}
