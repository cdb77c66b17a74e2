import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { PHASES, type Phase, type Severity, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import type { Scenario } from '../scenario/scenario.schema.ts';
import type { Debrief } from './debrief.ts';
import type { ScoredDecision } from './score-run.ts';

// why: the engine says what a run teaches as keys with parameters; the page and the CLI report turn
// them into sentences in the trainee's language, so both say the same thing.

/** A tier or phase score at or above this is named as a strength. */
export const STRONG_SCORE = 80;
/** A tier or phase score below this is named as an area for improvement. */
export const WEAK_SCORE = 50;

/** What a strength says. */
export type StrengthKey =
  | 'heldUnderPressure'
  | 'protectedEnding'
  | 'strongTier'
  | 'strongPhase'
  | 'bestChoices'
  | 'timely';
/** What an area for improvement says. */
export type ImprovementKey =
  | 'criticalBroken'
  | 'dontBroken'
  | 'criticalFailed'
  | 'dutyFailed'
  | 'harmedEnding'
  | 'timedOut'
  | 'late'
  | 'weakTier'
  | 'weakPhase';
/** What a "next time" item says. */
export type NextTimeKey = 'chooseBetter' | 'avoidDont' | 'decideInTime';

/**
 * The facts a lesson's sentence is built from: ids the renderer turns into text (step titles,
 * option labels, doctrine summaries) and plain numbers.
 */
export interface LessonParams {
  step?: string;
  /** Doctrine entry ids, in the order they should be cited. */
  doctrine?: string[];
  /** Handbook sections of `doctrine`, each once, in handbook order. */
  sections?: string[];
  options?: string[];
  tier?: Tier;
  phase?: Phase;
  severity?: Severity;
  score?: number;
  count?: number;
  total?: number;
  /** Seconds, for a time limit. */
  limit?: number;
}

/** One sentence of the debrief's lessons, as a key and its parameters. */
export interface Lesson<K extends string = string> {
  key: K;
  params: LessonParams;
}

/** What the run did well, what to improve, and what to do next time (each citing the handbook). */
export interface Lessons {
  strengths: Lesson<StrengthKey>[];
  improvements: Lesson<ImprovementKey>[];
  nextTime: Lesson<NextTimeKey>[];
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/** Handbook sections of doctrine entries, each once, in handbook order. */
export function sectionsOf(ids: readonly string[], catalogue: DoctrineCatalogue): string[] {
  const sections = new Set(ids.map((id) => catalogue.get(id)?.section).filter((s) => s !== undefined));
  return [...sections].sort(compareSections);
}

/** Orders handbook sections numerically ("15.2" before "15.10"), chapters before annexes. */
export function compareSections(a: string, b: string): number {
  const annexA = !/^\d/.test(a);
  const annexB = !/^\d/.test(b);
  if (annexA !== annexB) return annexA ? 1 : -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/** The worst Don't severity among what a decision's options (or its time-out) would break. */
function worstOnOffer(scenario: Scenario, step: string, catalogue: DoctrineCatalogue): Severity | null {
  const d = scenario.steps.find((s) => s.id === step)?.decision;
  if (!d) return null;
  const ids = [...d.options.flatMap((o) => o.breaks), ...(d.noDecision?.breaks ?? [])];
  let worst: Severity | null = null;
  for (const id of ids) {
    const s = catalogue.get(id)?.severity ?? 'minor';
    if (worst === null || SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  }
  return worst;
}

/** Doctrine the given options follow, each once, in option order. */
function followedBy(scenario: Scenario, step: string, options: readonly string[]): string[] {
  const d = scenario.steps.find((s) => s.id === step)?.decision;
  if (!d) return [];
  if (options.length === 0) return [...new Set(d.noDecision?.follows ?? [])];
  return [...new Set(d.options.filter((o) => options.includes(o.id)).flatMap((o) => o.follows))];
}

const worstBroken = (d: ScoredDecision): number =>
  Math.min(3, ...d.broken.map((b) => SEVERITY_RANK[b.severity]));

/**
 * Writes the lessons of a run: doctrine held where a tempting option would have broken a critical
 * or major Don't, strong and weak tiers and phases, timeliness, Don'ts broken, and for each
 * decision that was not the best a concrete "next time" citing the handbook. Pure.
 */
export function buildLessons(scenario: Scenario, debrief: Debrief, catalogue: DoctrineCatalogue): Lessons {
  const strengths: Lesson<StrengthKey>[] = [];
  const improvements: Lesson<ImprovementKey>[] = [];
  const nextTime: Lesson<NextTimeKey>[] = [];
  const { decisions, score } = debrief;
  const cite = (ids: string[]) => ({ doctrine: ids, sections: sectionsOf(ids, catalogue) });

  // Doctrine held in the moments that mattered most: a critical or major Don't was on offer.
  const held = decisions
    .map((d) => ({ d, worst: worstOnOffer(scenario, d.step, catalogue) }))
    .filter(
      (x): x is { d: ScoredDecision; worst: Severity } =>
        x.worst !== null &&
        x.worst !== 'minor' &&
        !x.d.timedOut &&
        x.d.broken.length === 0 &&
        x.d.followed.length > 0,
    )
    .sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst]);
  for (const { d, worst } of held) {
    strengths.push({
      key: 'heldUnderPressure',
      params: { step: d.step, severity: worst, options: d.options, ...cite(d.followed) },
    });
  }
  if (debrief.ending?.outcome === 'protected') strengths.push({ key: 'protectedEnding', params: {} });
  for (const tier of TIERS) {
    const s = score.byTier[tier];
    if (s !== null && s >= STRONG_SCORE) strengths.push({ key: 'strongTier', params: { tier, score: s } });
    if (s !== null && s < WEAK_SCORE) improvements.push({ key: 'weakTier', params: { tier, score: s } });
  }
  for (const phase of PHASES) {
    const s = score.byPhase[phase];
    if (s !== null && s >= STRONG_SCORE) strengths.push({ key: 'strongPhase', params: { phase, score: s } });
    if (s !== null && s < WEAK_SCORE) improvements.push({ key: 'weakPhase', params: { phase, score: s } });
  }
  const best = decisions.filter((d) => d.better === null).length;
  if (decisions.length > 0 && best * 2 >= decisions.length) {
    strengths.push({ key: 'bestChoices', params: { count: best, total: decisions.length } });
  }
  const timed = decisions.filter((d) => d.timeLimit !== null);
  const timedOut = timed.filter((d) => d.timedOut);
  const late = timed.filter((d) => !d.timedOut && d.timeliness < 1);
  // why: speed is no strength when a fast answer broke a critical Don't.
  if (timed.length > 0 && timedOut.length === 0 && late.length === 0 && !score.criticalBreach) {
    strengths.push({ key: 'timely', params: { count: timed.length } });
  }

  // Areas for improvement: Don'ts broken (critical first), the ending, then timeliness.
  const brokenIn = decisions
    .filter((d) => d.broken.length > 0)
    .sort((a, b) => worstBroken(a) - worstBroken(b) || decisions.indexOf(a) - decisions.indexOf(b));
  const lead: Lesson<ImprovementKey>[] = [];
  // why: one item per decision, however many Don'ts its choice broke or duties it failed, so the same
  // choice is not listed twice; a choice that only failed duties (Do's the handbook words as
  // obligations) reads "failed a duty", not "broke" something the trainee never did.
  for (const d of brokenIn) {
    const ordered = [...d.broken].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const ids = [...new Set(ordered.map((b) => b.doctrine))];
    const severity = ordered[0]!.severity;
    const onlyDuties = ordered.every((b) => b.duty);
    const key =
      severity === 'critical'
        ? onlyDuties
          ? 'criticalFailed'
          : 'criticalBroken'
        : onlyDuties
          ? 'dutyFailed'
          : 'dontBroken';
    lead.push({
      key,
      params: { step: d.step, options: d.options, severity, count: ids.length, ...cite(ids) },
    });
  }
  const isCritical = (l: Lesson<ImprovementKey>) =>
    l.key === 'criticalBroken' || l.key === 'criticalFailed' ? 0 : 1;
  lead.sort((a, b) => isCritical(a) - isCritical(b));
  if (score.harmedEnding) lead.push({ key: 'harmedEnding', params: {} });
  if (timedOut.length) lead.push({ key: 'timedOut', params: { count: timedOut.length } });
  if (late.length) lead.push({ key: 'late', params: { count: late.length } });
  improvements.unshift(...lead);

  // Next time: one concrete item per decision that was not the best, the costliest first.
  const missed = decisions
    .filter((d) => d.better !== null)
    .sort(
      (a, b) =>
        worstBroken(a) - worstBroken(b) || a.score - b.score || decisions.indexOf(a) - decisions.indexOf(b),
    );
  for (const d of missed) {
    const better = d.better!;
    const follows = followedBy(scenario, d.step, better);
    const avoided = d.broken.map((b) => b.doctrine);
    if (d.timedOut) {
      nextTime.push({
        key: 'decideInTime',
        params: { step: d.step, options: better, limit: d.timeLimit ?? 0, ...cite(follows) },
      });
    } else if (follows.length === 0 && avoided.length > 0) {
      nextTime.push({ key: 'avoidDont', params: { step: d.step, options: better, ...cite(avoided) } });
    } else {
      nextTime.push({ key: 'chooseBetter', params: { step: d.step, options: better, ...cite(follows) } });
    }
  }
  return { strengths, improvements, nextTime };
}
