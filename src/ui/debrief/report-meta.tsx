import { secondsOfDay } from '../../engine/run/run-state.ts';
import type { TimeLimitSetting } from '../../engine/run/time-limits.ts';
import type { FeedbackMode } from '../../engine/scenario/scenario.schema.ts';
import type { CellBalance } from '../../engine/score/report-model.ts';
import { useI18n } from '../i18n-context.tsx';

/** Who played, which scenario version, and when in scenario time: the report's byline. */
export function ReportMeta({
  trainee,
  scenario,
  startClock,
  duration,
  timeLimits,
  feedbackMode,
}: {
  trainee: string;
  scenario: { id: string; version: string };
  startClock: string;
  /** The run's length in words. */
  duration: string;
  /** The time limits the run was played with (extended or off is an accessibility choice, recorded). */
  timeLimits?: TimeLimitSetting | undefined;
  /** Whether the trainee read doctrine feedback during play (learning) or first here (assessment). */
  feedbackMode?: FeedbackMode | undefined;
}) {
  const { t, formatClock } = useI18n();
  return (
    <p class="report-meta">
      {trainee && <span class="report-trainee">{t('report.trainee', { name: trainee })}</span>}
      <span>{t('report.scenario', { id: scenario.id, version: scenario.version })}</span>
      <span>{t('report.startClock', { clock: formatClock(secondsOfDay(startClock)), duration })}</span>
      {feedbackMode && <span class="report-feedback-mode">{t(`consequence.mode.${feedbackMode}`)}</span>}
      {timeLimits && (
        <span class="report-time-limits">
          {t('timeLimits.recorded', { setting: t(`timeLimits.setting.${timeLimits.replace('.', '_')}`) })}
        </span>
      )}
    </p>
  );
}

/** The one explanation of "Replay from this decision", which each button refers to. */
export function ReplayHint() {
  const { t } = useI18n();
  return (
    <p id="replay-hint" class="muted no-print">
      {t('report.decision.replayHint')}
    </p>
  );
}

const BALANCES: readonly CellBalance[] = ['followed', 'mixed', 'broken', 'none'];

/** What the heatmap's cell colours mean; the counts in each cell say it in text too. */
export function HeatLegend() {
  const { t } = useI18n();
  return (
    <ul class="heat-legend" aria-label={t('report.matrix.legend')}>
      <li class="heat-legend-heading" aria-hidden="true">
        {t('report.matrix.legend')}
      </li>
      {BALANCES.map((b) => (
        <li key={b}>
          <span class={`heat-swatch heat-${b}`} aria-hidden="true" />
          {t(`report.matrix.${b}`)}
        </li>
      ))}
    </ul>
  );
}
