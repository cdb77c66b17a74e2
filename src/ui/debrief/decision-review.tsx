import { textKey } from '../../engine/scenario/text-keys.ts';
import type { ReportDecision } from '../../engine/score/report-model.ts';
import { Paragraphs } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { ScoreValue } from '../tier-phase-table.tsx';
import { DoctrineCitation } from './lessons-section.tsx';
import { choiceText, decisionTimeText, doctrineLine, type ReportContext } from './report-text.ts';

/** One decision of the run: the choice, its time and score, feedback, doctrine and a better choice. */
export function DecisionReview({
  decision: d,
  ctx,
  onReplay,
}: {
  decision: ReportDecision;
  ctx: ReportContext;
  /** Starts a new run at this decision; absent where replaying is not offered. */
  onReplay?(decision: ReportDecision): void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const headingId = `decision-review-${d.index}`;
  const stepTitle = ctx.text(textKey.stepTitle(d.step));
  return (
    <li class="card decision-review" aria-labelledby={headingId} data-step={d.step}>
      <header class="review-head">
        <h3 id={headingId}>
          <span class="review-number">{t('debrief.decisions.number', { n: d.index })}</span>
          <span lang={ctx.textLang}>{stepTitle}</span>
        </h3>
        <span class={`badge phase phase-${d.phase}`}>{t(`doctrine.phase.${d.phase}`)}</span>
      </header>
      <p class="review-prompt" lang={ctx.textLang}>
        {ctx.text(textKey.prompt(d.step))}
      </p>
      <dl class="review-facts">
        <div>
          <dt>{t('debrief.decisions.youChose')}</dt>
          <dd lang={d.timedOut ? lang : ctx.textLang} class={d.timedOut ? 'timed-out' : undefined}>
            {d.timedOut ? t('debrief.decisions.timedOut') : choiceText(ctx, d.options)}
          </dd>
        </div>
        <div>
          <dt>{t('debrief.decisions.time')}</dt>
          <dd>
            {decisionTimeText(ctx, d)}
            {d.timeliness < 100 && ' '}
            {d.timeliness < 100 && (
              <span class="late">{t('debrief.decisions.late', { percent: formatNumber(d.timeliness) })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('debrief.decisions.score')}</dt>
          <dd>
            <ScoreValue value={d.score} />
          </dd>
        </div>
      </dl>
      <div class="review-feedback" lang={ctx.textLang}>
        <h4 class="visually-hidden">{t('debrief.decisions.feedback')}</h4>
        {d.feedback.map((k) => (
          <Paragraphs key={k} text={ctx.text(k)} />
        ))}
      </div>
      <h4 class="subheading">{t('debrief.decisions.doctrine')}</h4>
      {d.followed.length + d.broken.length === 0 ? (
        <p class="muted">{t('debrief.decisions.noDoctrine')}</p>
      ) : (
        <ul class="doctrine-list">
          {d.broken.map((b) => (
            <li key={`b-${b.id}`} class={`doctrine doctrine-broken severity-${b.severity}`}>
              <span class="doctrine-mark" aria-hidden="true">
                ✗
              </span>
              <span class="doctrine-body">
                <span class="doctrine-status">
                  {t(b.duty ? 'debrief.decisions.failed' : 'debrief.decisions.broken', {
                    severity: t(`doctrine.severity.${b.severity}`),
                  })}
                </span>{' '}
                <DoctrineCitation line={doctrineLine(ctx, b)} />
              </span>
            </li>
          ))}
          {d.followed.map((f) => (
            <li key={`f-${f.id}`} class="doctrine doctrine-followed">
              <span class="doctrine-mark" aria-hidden="true">
                ✓
              </span>
              <span class="doctrine-body">
                <span class="doctrine-status">{t('debrief.decisions.followed')}</span>{' '}
                <DoctrineCitation line={doctrineLine(ctx, f)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {d.better ? (
        <p class="better">
          <span lang={ctx.textLang}>
            {t('debrief.decisions.better', {
              choice: d.better.length ? choiceText(ctx, d.better) : t('debrief.decisions.timedOut'),
            })}
          </span>
        </p>
      ) : (
        <p class="best-taken">{t('debrief.decisions.bestTaken')}</p>
      )}
      {onReplay && (
        <div class="review-replay no-print">
          <button
            type="button"
            class="button button-secondary"
            aria-describedby="replay-hint"
            onClick={() => onReplay(d)}
          >
            <span aria-hidden="true">↺</span> {t('report.decision.replay')}
            <span class="visually-hidden">
              {' '}
              {t('report.decision.replayLabel', { n: d.index, step: stepTitle })}
            </span>
          </button>
        </div>
      )}
    </li>
  );
}
