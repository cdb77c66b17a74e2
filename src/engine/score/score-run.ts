import { type DoctrineCatalogue, SEVERITY_WEIGHT } from '../doctrine/catalogue.ts';
import { PHASES, type Phase, type Severity, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import type { HistoryEntry } from '../run/run-state.ts';
import { effectiveLimit, LATE_FLOOR, TIMELY_SHARE } from '../run/time-limits.ts';
import type { Decision, Scenario, Step } from '../scenario/scenario.schema.ts';

/** The highest overall score a run can keep once it broke a critical Don't. */
export const CRITICAL_CAP = 40;
/**
 * Major breaches (Don'ts broken or duties failed, each counted once per decision) from which a run
 * cannot pass: one major slip is a lesson, two are a pattern a POC adviser would not sign off.
 */
export const MAJOR_LIMIT = 2;
// why: the late-answer rule lives beside the time limits, so the briefing can state it without
// bringing the scorer (and the doctrine catalogue) into the first load.
export { LATE_FLOOR, TIMELY_SHARE } from '../run/time-limits.ts';

/** A Don't broken, or a duty (a Do worded as an obligation) failed, in a run. */
export interface Violation {
  doctrine: string;
  severity: Severity;
  /** True when a Do's duty was failed rather than a Don't broken. */
  duty: boolean;
  step: string;
  /** The option that broke it, or `null` when time ran out without a decision. */
  option: string | null;
}

/** One Don't broken, or one duty failed, by a decision. */
export interface BrokenDoctrine {
  doctrine: string;
  severity: Severity;
  /** True when a Do's duty was failed rather than a Don't broken. */
  duty: boolean;
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
  /** Don'ts broken and duties failed (`duty: true`), each with the severity it weighs. */
  broken: BrokenDoctrine[];
  /** Scenario seconds from the decision opening to the choice (or to the time limit). */
  elapsed: number;
  timeLimit: number | null;
  /** 1 when on time or untimed; lower when late in the time window. */
  timeliness: number;
  /** 0-100 for this decision, timeliness included. */
  score: number;
  /** A doctrinally best choice, when the trainee's was not one. */
  better: string[] | null;
  /** The tiers and phases this decision's score counts toward in the run's tier and phase scores. */
  counts: { tiers: Tier[]; phases: Phase[] };
}

/** Scores of a run: overall and per tier and phase, `null` where the run never touched one. */
export interface RunScore {
  overall: number | null;
  byTier: Record<Tier, number | null>;
  byPhase: Record<Phase, number | null>;
  /** True when a critical Don't was broken or a critical duty failed: the run cannot pass. */
  criticalBreach: boolean;
  /** True when the critical breach lowered the overall score to the cap. */
  capped: boolean;
  mastery: number;
  /** True when the run ended with civilians harmed: such a run cannot pass, whatever its score. */
  harmedEnding: boolean;
  /** Major Don'ts broken and major duties failed, each once per decision. */
  majorBreaches: number;
  /** True when `majorBreaches` reached MAJOR_LIMIT: such a run cannot pass, whatever its score. */
  tooManyMajors: boolean;
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

/** One candidate answer to a decision (`options: []` for letting time run out), with its doctrine value. */
export interface Candidate {
  options: string[];
  parts: Part[];
  /** Doctrine value as scored: for the time-out, after it is held below the explicit answers. */
  value: number;
  /** Doctrine value of its own tags, before any holding down. */
  ownValue: number;
  follows: string[];
  breaks: string[];
  fails: string[];
  /** Where it leads, as written: the `next` or the `routes` that apply to it. */
  exit: string;
}

/** The severity a broken Don't or a failed duty weighs: the Don't's severity, or the Do's duty. */
export function weightOf(id: string, catalogue: DoctrineCatalogue): Severity {
  const e = catalogue.get(id);
  return e?.severity ?? e?.duty ?? 'minor';
}

/** Doctrine value of a set of tags: +1 per Do followed, -1/-2/-3 per Don't broken or duty failed. */
export function doctrineValue(
  follows: readonly string[],
  breaks: readonly string[],
  fails: readonly string[],
  catalogue: DoctrineCatalogue,
): number {
  let v = follows.length;
  for (const id of [...breaks, ...fails]) v -= SEVERITY_WEIGHT[weightOf(id, catalogue)];
  return v;
}

type Exit = { next?: string | undefined; routes?: unknown };
const exitOf = (...targets: Exit[]) => {
  const t = targets.find((x) => x.next !== undefined || x.routes !== undefined);
  return t ? JSON.stringify(t.next !== undefined ? { next: t.next } : { routes: t.routes }) : '';
};

// why: two picked options that apply the same Do (or break the same Don't) are one act of
// doctrine, so a combination is valued on the set of entries it follows and breaks.
// why (time-outs, Handbook §15 "not deciding is a decision"): letting time run out is valued on its
// own tags, but never above the worst explicit answer that leads to the same place (it did no more
// than that answer) and always below the best answer, so that a late best answer beats it.
/**
 * Every answer a decision accepts, valued as the scoring values them: each option or combination
 * (on the set of entries it follows, breaks and fails), and letting time run out.
 */
export function decisionCandidates(
  step: Pick<Step, 'phase'>,
  d: Decision,
  catalogue: DoctrineCatalogue,
): Candidate[] {
  const byId = new Map(d.options.map((o) => [o.id, o]));
  const out: Candidate[] = [];
  const ids = d.options.map((o) => o.id);
  const limit = d.mode === 'multi' ? (d.pick ?? 1) : 1;
  const walk = (from: number, acc: string[]) => {
    if (acc.length > 0) {
      const picked = acc.map((id) => byId.get(id)!);
      const follows = [...new Set(picked.flatMap((o) => o.follows))];
      const breaks = [...new Set(picked.flatMap((o) => o.breaks))];
      const fails = [...new Set(picked.flatMap((o) => o.fails))];
      const value = doctrineValue(follows, breaks, fails, catalogue);
      out.push({
        options: acc,
        parts: picked.map((o) => ({ tiers: o.tiers, phases: o.phases ?? [step.phase] })),
        value,
        ownValue: value,
        follows,
        breaks,
        fails,
        exit: d.mode === 'multi' ? exitOf(d) : exitOf(picked[0]!, d),
      });
    }
    if (acc.length === limit) return;
    for (let i = from; i < ids.length; i++) walk(i + 1, [...acc, ids[i]!]);
  };
  walk(0, []);
  if (d.noDecision) {
    const nd = d.noDecision;
    const own = doctrineValue(nd.follows, nd.breaks, nd.fails, catalogue);
    const exit = exitOf(nd, d);
    const best = Math.max(...out.map((c) => c.value));
    const sameExit = out.filter((c) => c.exit === exit).map((c) => c.value);
    const value = Math.min(own, best - 1, ...sameExit);
    out.push({
      options: [],
      parts: [noDecisionPart(step, d)],
      value,
      ownValue: own,
      follows: [...new Set(nd.follows)],
      breaks: [...new Set(nd.breaks)],
      fails: [...new Set(nd.fails)],
      exit,
    });
  }
  return out;
}

// why: failing to decide harms every tier the decision was about, so its part carries all of them.
function noDecisionPart(step: Pick<Step, 'phase'>, d: Decision): Part {
  return { tiers: [...new Set(d.options.flatMap((o) => o.tiers))], phases: [step.phase] };
}

/**
 * The tiers a decision's score counts toward when the answer was not the best: those of the
 * doctrine at stake in the miss, the entries the answer broke or failed and those the best answer
 * followed that it did not. Empty when the catalogue knows none of them.
 */
export function stakesOf(chosen: Candidate, best: Candidate, catalogue: DoctrineCatalogue): Tier[] {
  const missed = best.follows.filter((id) => !chosen.follows.includes(id));
  const ids = [...chosen.breaks, ...chosen.fails, ...missed];
  const tiers = new Set(ids.flatMap((id) => catalogue.get(id)?.tiers ?? []));
  return TIERS.filter((t) => tiers.has(t));
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
    const all = decisionCandidates(step, d, catalogue);
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
          ownValue: 0,
          follows: [],
          breaks: [],
          fails: [],
          exit: '',
        });
    const limit = effectiveLimit(d.timeLimit, timeLimits);
    // why: a time-out gets no more timeliness credit than the latest answer possible, so waiting
    // for the clock never pays better than answering at the last second.
    const timeliness = timelinessOf(timedOut ? (limit ?? 0) : h.latency, limit);
    const overall = standing(all, chosen) * timeliness;

    const picked = timedOut ? [] : d.options.filter((o) => chosenIds.includes(o.id));
    const followed = [...new Set(timedOut ? d.noDecision!.follows : picked.flatMap((o) => o.follows))];
    const refsOf = (c: { breaks: string[]; fails: string[] }, option: string | null) => [
      ...c.breaks.map((id) => ({ id, option, duty: false })),
      ...c.fails.map((id) => ({ id, option, duty: true })),
    ];
    const allBroken = timedOut ? refsOf(d.noDecision!, null) : picked.flatMap((o) => refsOf(o, o.id));
    const brokenRefs = allBroken.filter((b, i) => allBroken.findIndex((x) => x.id === b.id) === i);
    const broken: BrokenDoctrine[] = brokenRefs.map((b) => ({
      doctrine: b.id,
      severity: weightOf(b.id, catalogue),
      duty: b.duty,
    }));
    for (const [i, b] of brokenRefs.entries()) {
      const severity = broken[i]!.severity;
      if (severity === 'critical') criticalBroken = true;
      violations.push({ doctrine: b.id, severity, duty: b.duty, step: step.id, option: b.option });
    }
    const bestValue = Math.max(...all.map(sum));
    // why: between equally valued answers the one with fewest picks is named best, so a neutral
    // pick never rides along in the "better choice" a debrief suggests.
    const best = all
      .filter((c) => sum(c) === bestValue)
      .reduce((a, b) => (b.options.length < a.options.length ? b : a));
    const isBest = sum(chosen) === bestValue;

    // why: a best answer counts in the tiers and phases it acted in. A miss counts where it missed:
    // in the tiers of the doctrine at stake (what it broke or failed, and what the best answer
    // followed that it did not) and in the phase of its step. Counting every tier of the best
    // answer told a trainee who breached a Tier I confidentiality rule that Tier III was weak.
    const stakes = isBest ? [] : stakesOf(chosen, best, catalogue);
    const countsIn: Part[] = isBest
      ? chosen.parts
      : [{ tiers: stakes.length ? stakes : best.parts.flatMap((p) => p.tiers), phases: [step.phase] }];
    const counts = {
      tiers: TIERS.filter((t) => countsIn.some((p) => p.tiers.includes(t))),
      phases: PHASES.filter((ph) => countsIn.some((p) => p.phases.includes(ph))),
    };
    for (const t of counts.tiers) tierScores[t].push(overall);
    for (const ph of counts.phases) phaseScores[ph].push(overall);
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
      counts,
    });
  }

  // why: the mean over many decisions can hide one omission that cost civilians dearly; a trainer
  // would not sign off a run whose story ends in harm, so the ending's outcome gates the pass.
  const reached = history.find((h) => h.type === 'ending.reached');
  const harmedEnding =
    reached?.type === 'ending.reached' &&
    scenario.endings.find((e) => e.id === reached.ending)?.outcome === 'harmed';
  let overall = pct(mean(decisions.map((d) => d.score / 100)));
  const majorBreaches = violations.filter((v) => v.severity === 'major').length;
  const tooManyMajors = majorBreaches >= MAJOR_LIMIT;
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
      majorBreaches,
      tooManyMajors,
      passed:
        overall !== null &&
        overall >= scenario.masteryScore &&
        !criticalBroken &&
        !harmedEnding &&
        !tooManyMajors,
    },
    decisions,
    violations,
  };
}
