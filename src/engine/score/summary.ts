import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { PHASES, type Phase, type Severity, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import type { Scenario } from '../scenario/scenario.schema.ts';
import { STRONG_SCORE, sectionsOf } from './lessons.ts';
import type { RunScore } from './score-run.ts';

// why: which three things a trainee is asked to remember is a rule about doctrine, not layout; it
// lives here so the page, the printed summary and the CLI report pick the same three, and a test
// can pin the order (criticals, then the weakest tier or phase, then the rest).

/** How many things the debrief's summary asks the trainee to remember. */
export const REMEMBER_COUNT = 3;

/** One thing to remember from a run, as ids and numbers the renderer words. */
export type RememberItem =
  | {
      /** A Don't the run broke: critical ones first. */
      kind: 'broken';
      doctrine: string;
      section: string;
      severity: Severity;
      step: string;
      /** 1-based index of the decision that broke it. */
      decision: number;
      /** The options chosen; empty when time ran out. */
      options: string[];
    }
  | { kind: 'weakTier'; tier: Tier; score: number; sections: string[] }
  | { kind: 'weakPhase'; phase: Phase; score: number; sections: string[] }
  | {
      /** A decision that was not doctrine's best, and the Do the best answer follows. */
      kind: 'better';
      step: string;
      decision: number;
      options: string[];
      doctrine: string[];
      sections: string[];
    }
  | {
      /** A Do the run kept where a tempting option broke a Don't: for a run with little to mend. */
      kind: 'kept';
      step: string;
      decision: number;
      doctrine: string;
      section: string;
    };

/** The first decision that went wrong: where "Try again from…" starts a new run. */
export interface TryAgainFrom {
  decision: number;
  step: string;
  /** Events of the run's log to replay to reach that decision, not yet taken. */
  replayLength: number;
}

/** What the summary needs to know of each decision (a `ReportDecision` has all of it). */
export interface SummaryDecision {
  index: number;
  step: string;
  options: readonly string[];
  followed: readonly { id: string }[];
  broken: readonly { id: string; section: string; severity: Severity }[];
  better: readonly string[] | null;
  replayLength: number;
}

const RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/** The decision whose choice first differed from doctrine's best answer, or `null` for a run that never did. */
export function firstMissOf(decisions: readonly SummaryDecision[]): TryAgainFrom | null {
  const d = decisions.find((x) => x.better !== null);
  return d ? { decision: d.index, step: d.step, replayLength: d.replayLength } : null;
}

/** The lowest-scoring tier or phase below the "strong" mark (a tier wins a tie), or `null`. */
function weakest(score: RunScore): { tier: Tier } | { phase: Phase } | null {
  let found: { tier: Tier } | { phase: Phase } | null = null;
  let low = STRONG_SCORE;
  for (const tier of TIERS) {
    const s = score.byTier[tier];
    if (s !== null && s < low) [found, low] = [{ tier }, s];
  }
  for (const phase of PHASES) {
    const s = score.byPhase[phase];
    if (s !== null && s < low) [found, low] = [{ phase }, s];
  }
  return found;
}

function bestFollows(scenario: Scenario, step: string, options: readonly string[]): string[] {
  const d = scenario.steps.find((s) => s.id === step)?.decision;
  if (!d) return [];
  const from =
    options.length === 0
      ? (d.noDecision?.follows ?? [])
      : d.options.filter((o) => options.includes(o.id)).flatMap((o) => o.follows);
  return [...new Set(from)];
}

/**
 * Picks the things a trainee should remember from a run, at most `REMEMBER_COUNT`: critical Don'ts
 * broken (in the order broken, each once), then the weakest tier or phase with the handbook
 * sections of what the run broke or missed there, then other Don'ts broken (worst first), then
 * better choices missed, then Do's kept under pressure. Pure.
 */
export function selectThingsToRemember(
  scenario: Scenario,
  score: RunScore,
  decisions: readonly SummaryDecision[],
  catalogue: DoctrineCatalogue,
  limit = REMEMBER_COUNT,
): RememberItem[] {
  const out: RememberItem[] = [];
  const cited = new Set<string>();
  const steps = new Set<string>();
  const broken = decisions
    .flatMap((d) => d.broken.map((b) => ({ d, b })))
    .sort((x, y) => RANK[x.b.severity] - RANK[y.b.severity] || x.d.index - y.d.index);
  const pushBroken = (severities: readonly Severity[]) => {
    for (const { d, b } of broken) {
      if (out.length >= limit) return;
      if (!severities.includes(b.severity) || cited.has(b.id)) continue;
      cited.add(b.id);
      steps.add(d.step);
      out.push({
        kind: 'broken',
        doctrine: b.id,
        section: b.section,
        severity: b.severity,
        step: d.step,
        decision: d.index,
        options: [...d.options],
      });
    }
  };
  pushBroken(['critical']);

  const weak = out.length < limit ? weakest(score) : null;
  if (weak) {
    const inArea = (id: string) => {
      const e = catalogue.get(id);
      if (!e) return false;
      return 'tier' in weak ? e.tiers.includes(weak.tier) : e.phases.includes(weak.phase);
    };
    const missed = decisions.flatMap((d) => [
      ...d.broken.map((b) => b.id),
      ...(d.better ? bestFollows(scenario, d.step, d.better) : []),
    ]);
    const found = sectionsOf(missed.filter(inArea), catalogue);
    // why: tiers and phases are defined in §2.2; cite it when the run left nothing more specific.
    const sections = found.length > 0 ? found : ['2.2'];
    out.push(
      'tier' in weak
        ? { kind: 'weakTier', tier: weak.tier, score: score.byTier[weak.tier]!, sections }
        : { kind: 'weakPhase', phase: weak.phase, score: score.byPhase[weak.phase]!, sections },
    );
  }

  pushBroken(['major', 'minor']);

  for (const d of decisions) {
    if (out.length >= limit) break;
    if (d.better === null || steps.has(d.step)) continue;
    const doctrine = bestFollows(scenario, d.step, d.better);
    steps.add(d.step);
    out.push({
      kind: 'better',
      step: d.step,
      decision: d.index,
      options: [...d.better],
      doctrine,
      sections: sectionsOf(doctrine, catalogue),
    });
  }

  for (const d of decisions) {
    if (out.length >= limit) break;
    if (d.better !== null || d.broken.length > 0 || steps.has(d.step)) continue;
    const tempting = scenario.steps
      .find((s) => s.id === d.step)
      ?.decision?.options.some((o) => o.breaks.length > 0);
    const kept = d.followed.find((f) => !cited.has(f.id));
    if (!tempting || !kept) continue;
    cited.add(kept.id);
    steps.add(d.step);
    out.push({
      kind: 'kept',
      step: d.step,
      decision: d.index,
      doctrine: kept.id,
      section: catalogue.get(kept.id)?.section ?? '?',
    });
  }
  return out;
}
