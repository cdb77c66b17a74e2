import { type DoctrineCatalogue, SEVERITY_WEIGHT } from '../doctrine/catalogue.ts';
import { PHASES, type Phase, type Severity, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import type { HistoryEntry } from '../run/run-state.ts';
import { effectiveLimit, LATE_FLOOR, TIMELY_SHARE } from '../run/time-limits.ts';
import type { Decision, Scenario, Step } from '../scenario/scenario.schema.ts';

/** The highest overall score a run can keep once it broke a critical Don't. */
export const CRITICAL_CAP = 40;
// why: the late-answer rule lives beside the time limits, so the briefing can state it without
// bringing the scorer (and the doctrine catalogue) into the first load.
export { LATE_FLOOR, TIMELY_SHARE } from '../run/time-limits.ts';

/** A Don't broken in a run. */
export interface Violation {
  doctrine: string;
  severity: Severity;
  step: string;
  /** The option that broke it, or `null` when time ran out without a decision. */
  option: string | null;
}

/** How one decision of a run was scored. */
export interface ScoredDecision {
  step: string;
  phase: Phase;
  /** Options chosen; empty when time ran out. */
  options: string[];
  timedOut: boolean;
  tiers: Tier[];
  phases: Phase[];
  followed: string[];
  broken: { doctrine: string; severity: Severity }[];
  /** Scenario seconds from the decision opening to the choice (or to the time limit). */
  elapsed: number;
  timeLimit: number | null;
  /** 1 when on time or untimed; lower when late in the time window. */
  timeliness: number;
  /** 0-100 for this decision, timeliness included. */
  score: number;
  /** A doctrinally best choice, when the trainee's was not one. */
  better: string[] | null;
}

/** Scores of a run: overall and per tier and phase, `null` where the run never touched one. */
export interface RunScore {
  overall: number | null;
  byTier: Record<Tier, number | null>;
  byPhase: Record<Phase, number | null>;
  /** True when a critical Don't was broken: the run cannot pass. */
  criticalBreach: boolean;
  /** True when the critical breach lowered the overall score to the cap. */
  capped: boolean;
  mastery: number;
  /** True when the run ended with civilians harmed: such a run cannot pass, whatever its score. */
  harmedEnding: boolean;
  passed: boolean;
}

export interface ScoredRun {
  score: RunScore;
  decisions: ScoredDecision[];
  violations: Violation[];
}

/** One option (or the no-decision branch) of a candidate answer: the tiers and phases it acts in. */
interface Part {
  tiers: readonly Tier[];
  phases: readonly Phase[];
}
/** One candidate answer to a decision, with its doctrine value. */
type Candidate = { options: string[]; parts: Part[]; value: number };

function doctrineValue(
  follows: readonly string[],
  breaks: readonly string[],
  catalogue: DoctrineCatalogue,
): number {
  let v = follows.length;
  for (const id of breaks) v -= SEVERITY_WEIGHT[catalogue.get(id)?.severity ?? 'minor'];
  return v;
}

// why: two picked options that apply the same Do (or break the same Don't) are one act of
// doctrine, so a combination is valued on the set of entries it follows and breaks.
function candidatesOf(step: Step, d: Decision, catalogue: DoctrineCatalogue): Candidate[] {
  const byId = new Map(d.options.map((o) => [o.id, o]));
  const parts = new Map(d.options.map((o) => [o.id, { tiers: o.tiers, phases: o.phases ?? [step.phase] }]));
  const combinedValue = (ids: string[]) => {
    const picked = ids.map((id) => byId.get(id)!);
    return doctrineValue(
      [...new Set(picked.flatMap((o) => o.follows))],
      [...new Set(picked.flatMap((o) => o.breaks))],
      catalogue,
    );
  };
  const out: Candidate[] = [];
  const ids = d.options.map((o) => o.id);
  const limit = d.mode === 'multi' ? (d.pick ?? 1) : 1;
  const walk = (from: number, acc: string[]) => {
    if (acc.length > 0)
      out.push({ options: acc, parts: acc.map((id) => parts.get(id)!), value: combinedValue(acc) });
    if (acc.length === limit) return;
    for (let i = from; i < ids.length; i++) walk(i + 1, [...acc, ids[i]!]);
  };
  walk(0, []);
  if (d.noDecision) {
    const nd = d.noDecision;
    out.push({
      options: [],
      parts: [noDecisionPart(step, d)],
      value: doctrineValue(nd.follows, nd.breaks, catalogue),
    });
  }
  return out;
}

// why: failing to decide harms every tier the decision was about, so its part carries all of them.
function noDecisionPart(step: Step, d: Decision): Part {
  return { tiers: [...new Set(d.options.flatMap((o) => o.tiers))], phases: [step.phase] };
}

const sum = (c: Candidate) => c.value;

/** Where the chosen candidate falls between the worst and best candidates, 0..1. */
function standing(all: Candidate[], chosen: Candidate): number {
  const values = all.map(sum);
  const best = Math.max(...values);
  const worst = Math.min(...values);
  return best === worst ? 1 : (sum(chosen) - worst) / (best - worst);
}

/** Credit for taking a timed decision late in its window. */
export function timelinessOf(elapsed: number, limit: number | undefined): number {
  if (limit === undefined) return 1;
  const free = limit * TIMELY_SHARE;
  if (elapsed <= free) return 1;
  const late = Math.min(1, (elapsed - free) / (limit - free));
  return 1 - (1 - LATE_FLOOR) * late;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pct = (x: number | null) => (x === null ? null : Math.round(x * 100));

/** Scores a run from the scenario and the history its log replays to; pure and deterministic. */
export function scoreRun(
  scenario: Scenario,
  history: readonly HistoryEntry[],
  catalogue: DoctrineCatalogue,
): ScoredRun {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const decisions: ScoredDecision[] = [];
  const violations: Violation[] = [];
  const tierScores: Record<Tier, number[]> = { I: [], II: [], III: [] };
  const phaseScores: Record<Phase, number[]> = {
    prevention: [],
    'pre-emption': [],
    response: [],
    consolidation: [],
  };
  let criticalBroken = false;
  // why: extended or switched-off limits change what counts as late, so a run is judged by the limits it was played with.
  const configured = history.find((h) => h.type === 'run.configured');
  const timeLimits = configured?.type === 'run.configured' ? configured.timeLimits : 'standard';

  for (const h of history) {
    if (h.type !== 'decision.made' && h.type !== 'decision.timedOut') continue;
    const step = steps.get(h.step);
    const d = step?.decision;
    if (!step || !d) continue;
    const all = candidatesOf(step, d, catalogue);
    const timedOut = h.type === 'decision.timedOut';
    const chosenIds = timedOut ? [] : h.options;
    const chosen = timedOut
      ? all.find((c) => c.options.length === 0)!
      : (all.find(
          (c) => c.options.length === chosenIds.length && c.options.every((id) => chosenIds.includes(id)),
        ) ?? {
          options: chosenIds,
          parts: [],
          value: 0,
        });
    const limit = effectiveLimit(d.timeLimit, timeLimits);
    const timeliness = timedOut ? 1 : timelinessOf(h.latency, limit);
    const overall = standing(all, chosen) * timeliness;

    const picked = timedOut ? [] : d.options.filter((o) => chosenIds.includes(o.id));
    const followed = [...new Set(timedOut ? d.noDecision!.follows : picked.flatMap((o) => o.follows))];
    const allBroken = timedOut
      ? d.noDecision!.breaks.map((id) => ({ id, option: null }))
      : picked.flatMap((o) => o.breaks.map((id) => ({ id, option: o.id as string | null })));
    const brokenRefs = allBroken.filter((b, i) => allBroken.findIndex((x) => x.id === b.id) === i);
    const broken = brokenRefs.map((b) => ({
      doctrine: b.id,
      severity: catalogue.get(b.id)?.severity ?? ('minor' as Severity),
    }));
    for (const [i, b] of brokenRefs.entries()) {
      const severity = broken[i]!.severity;
      if (severity === 'critical') criticalBroken = true;
      violations.push({ doctrine: b.id, severity, step: step.id, option: b.option });
    }
    const bestValue = Math.max(...all.map(sum));
    const best = all.find((c) => sum(c) === bestValue)!;
    const isBest = sum(chosen) === bestValue;

    // why: a decision counts towards a tier (or phase) when the trainee acted in it or when it was
    // where doctrine's best answer lay. Counting every tier merely offered would mark down the right
    // answer in the tiers of the distractors it rightly passed over.
    const inPlay = [...(timedOut ? [] : chosen.parts), ...best.parts];
    for (const t of TIERS) if (inPlay.some((p) => p.tiers.includes(t))) tierScores[t].push(overall);
    for (const ph of PHASES) if (inPlay.some((p) => p.phases.includes(ph))) phaseScores[ph].push(overall);
    decisions.push({
      step: step.id,
      phase: step.phase,
      options: chosenIds,
      timedOut,
      tiers: timedOut ? [] : [...new Set(picked.flatMap((o) => o.tiers))],
      phases: timedOut ? [step.phase] : [...new Set(picked.flatMap((o) => o.phases ?? [step.phase]))],
      followed: [...followed],
      broken,
      elapsed: h.latency,
      timeLimit: limit ?? null,
      timeliness,
      score: Math.round(overall * 100),
      better: isBest ? null : best.options,
    });
  }

  // why: the mean over many decisions can hide one omission that cost civilians dearly; a trainer
  // would not sign off a run whose story ends in harm, so the ending's outcome gates the pass.
  const reached = history.find((h) => h.type === 'ending.reached');
  const harmedEnding =
    reached?.type === 'ending.reached' &&
    scenario.endings.find((e) => e.id === reached.ending)?.outcome === 'harmed';
  let overall = pct(mean(decisions.map((d) => d.score / 100)));
  const capped = criticalBroken && overall !== null && overall > CRITICAL_CAP;
  if (capped) overall = CRITICAL_CAP;
  const byTier = Object.fromEntries(TIERS.map((t) => [t, pct(mean(tierScores[t]))])) as Record<
    Tier,
    number | null
  >;
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, pct(mean(phaseScores[p]))])) as Record<
    Phase,
    number | null
  >;
  return {
    score: {
      overall,
      byTier,
      byPhase,
      criticalBreach: criticalBroken,
      capped,
      mastery: scenario.masteryScore,
      harmedEnding,
      passed: overall !== null && overall >= scenario.masteryScore && !criticalBroken && !harmedEnding,
    },
    decisions,
    violations,
  };
}
