import { PHASES, type Phase, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import type { Scenario } from '../scenario/scenario.schema.ts';
import type { ScoredDecision } from '../score/score-run.ts';

// why: the debrief's tier × phase counts are also what the cohort view averages, and the cohort
// aggregation lives in the pure engine; this is the same rule as `src/ui/debrief-model.ts`, with
// the same signature, so that file can re-export it.

/** Doctrine entries followed and Don'ts broken in one tier × phase cell. */
export interface MatrixCell {
  followed: number;
  broken: number;
}

/** Counts of doctrine followed and broken, by tier (rows) and phase (columns). */
export type TierPhaseMatrix = Record<Tier, Record<Phase, MatrixCell>>;

/** An all-zero tier × phase matrix. */
export function createTierPhaseMatrix(): TierPhaseMatrix {
  return Object.fromEntries(
    TIERS.map((t) => [t, Object.fromEntries(PHASES.map((p) => [p, { followed: 0, broken: 0 }]))]),
  ) as TierPhaseMatrix;
}

/**
 * Counts each doctrine reference of a run in every tier × phase cell its option belongs to.
 * why: counted per chosen option (its own tiers and phases), not per decision, so that in a
 * "pick up to N" decision a Tier I action does not also show under Tier II; a decision that timed
 * out counts in every tier its options touched and in its step's phase, as the scoring does.
 */
export function buildTierPhaseMatrix(
  scenario: Scenario,
  decisions: readonly ScoredDecision[],
): TierPhaseMatrix {
  const matrix = createTierPhaseMatrix();
  const add = (tiers: readonly Tier[], phases: readonly Phase[], followed: number, broken: number) => {
    for (const t of tiers) {
      for (const p of phases) {
        matrix[t][p].followed += followed;
        matrix[t][p].broken += broken;
      }
    }
  };
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  for (const d of decisions) {
    const step = steps.get(d.step);
    const options = step?.decision?.options ?? [];
    if (d.timedOut) {
      const tiers = [...new Set(options.flatMap((o) => o.tiers))];
      add(tiers, [d.phase], d.followed.length, d.broken.length);
      continue;
    }
    for (const id of d.options) {
      const o = options.find((x) => x.id === id);
      if (o) add(o.tiers, o.phases ?? [d.phase], o.follows.length, o.breaks.length + o.fails.length);
    }
  }
  return matrix;
}
