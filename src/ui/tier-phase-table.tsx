import { PHASES, TIERS } from '../engine/doctrine/doctrine-entry.ts';
import type { RunScore } from '../engine/score/score-run.ts';
import { cellBalance, type MatrixCell, type TierPhaseMatrix } from './debrief-model.ts';
import './debrief/debrief-strings.ts';
import { HeatLegend } from './debrief/report-meta.tsx';
import { useI18n } from './i18n-context.tsx';

/**
 * Tiers (rows) × phases (columns) as a heatmap: each cell coloured by how doctrine followed and
 * broken balance there, with the counts in text, and tier and phase scores as totals.
 */
export function TierPhaseTable({ score, matrix }: { score: RunScore; matrix: TierPhaseMatrix }) {
  const { t } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="matrix">
          <caption>{t('debrief.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.matrix.tier')}</th>
              {PHASES.map((p) => (
                <th key={p} scope="col">
                  {t(`doctrine.phase.${p}`)}
                </th>
              ))}
              <th scope="col" class="total">
                {t('debrief.matrix.tierScore')}
              </th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <th scope="row">{t(`doctrine.tier.${tier}`)}</th>
                {PHASES.map((p) => (
                  <td key={p} class={`heat heat-${cellBalance(matrix[tier][p])}`}>
                    <CellCounts cell={matrix[tier][p]} />
                  </td>
                ))}
                <td class="total">
                  <ScoreValue value={score.byTier[tier]} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('debrief.matrix.phaseScore')}</th>
              {PHASES.map((p) => (
                <td key={p} class="total">
                  <ScoreValue value={score.byPhase[p]} />
                </td>
              ))}
              <td class="total total-overall">
                <ScoreValue value={score.overall} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}

function CellCounts({ cell }: { cell: MatrixCell }) {
  const { t } = useI18n();
  if (cell.followed === 0 && cell.broken === 0) {
    return (
      <span class="cell-empty">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{t('debrief.matrix.empty')}</span>
      </span>
    );
  }
  return (
    <span class="cell-counts">
      {cell.followed > 0 && (
        <span class="count count-followed">
          <span aria-hidden="true">✓{cell.followed}</span>
          <span class="visually-hidden">{t('debrief.matrix.followed', { count: cell.followed })}</span>
        </span>
      )}
      {cell.broken > 0 && (
        <span class="count count-broken">
          <span aria-hidden="true">✗{cell.broken}</span>
          <span class="visually-hidden">{t('debrief.matrix.broken', { count: cell.broken })}</span>
        </span>
      )}
    </span>
  );
}

/** A 0-100 score with a small bar, or "not exercised" when the run never touched it. */
export function ScoreValue({ value }: { value: number | null }) {
  const { t, formatNumber } = useI18n();
  if (value === null) return <span class="not-exercised">{t('debrief.matrix.notExercised')}</span>;
  const level = value >= 70 ? 'good' : value >= 40 ? 'fair' : 'poor';
  return (
    <span class={`score-value score-${level}`}>
      <span class="score-number">{formatNumber(value)}</span>
      <span class="score-track" aria-hidden="true">
        <span class="score-fill" style={{ inlineSize: `${value}%` }} />
      </span>
    </span>
  );
}
