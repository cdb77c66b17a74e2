// why: the tier × phase counts live in the engine, where the cohort view averages them and the
// CLI report renders them too; the debrief screen keeps importing them from here.
export {
  buildTierPhaseMatrix,
  type MatrixCell,
  type TierPhaseMatrix,
} from '../engine/results/tier-phase-matrix.ts';
export { type CellBalance, cellBalance } from '../engine/score/report-model.ts';
