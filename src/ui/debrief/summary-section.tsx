import { textKey } from '../../engine/scenario/text-keys.ts';
import type { ReportModel } from '../../engine/score/report-model.ts';
import { useI18n } from '../i18n-context.tsx';
import { type ReportContext, rememberText, stepTitleText, verdictKey } from './report-text.ts';

// why: the debrief opens on one screen a trainee will actually read: the verdict, the three things
// to remember (chosen by the engine, criticals first) and where to try again; the full report
// waits below in sections the trainee opens.

function OutcomeIcon({ outcome }: { outcome: string }) {
  const symbol = outcome === 'protected' ? '✓' : outcome === 'partial' ? '◐' : '✗';
  return (
    <span class="outcome-icon" aria-hidden="true">
      {symbol}
    </span>
  );
}

/** The verdict: score against mastery, why it passed or not, and the ending reached. */
export function VerdictCard({ model, ctx }: { model: ReportModel; ctx: ReportContext }) {
  const { t } = useI18n();
  const s = model.score;
  return (
    <section
      class={`card verdict-card score-card ${s.passed ? 'is-passed' : 'is-failed'}`}
      aria-labelledby="score-heading"
    >
      <h2 id="score-heading" class="section-label">
        {t('debrief.scoreHeading')}
      </h2>
      <div class="verdict-row">
        <p class="score-big">
          {s.overall === null ? t('debrief.noScore') : t('debrief.scoreValue', { score: s.overall })}
        </p>
        <div class="verdict-facts">
          <p class="verdict-badges">
            <span class={`badge verdict ${s.passed ? 'verdict-passed' : 'verdict-failed'}`}>
              <span aria-hidden="true">{s.passed ? '✓' : '✗'}</span>{' '}
              {t(s.passed ? 'debrief.passed' : 'debrief.failed')}
            </span>{' '}
            <span class="muted mastery">{t('debrief.mastery', { mastery: s.mastery })}</span>
          </p>
          <p class="verdict-text">
            {t(verdictKey(model.verdict))}
            {s.capped && <> {t('debrief.critical.capped', { cap: model.cap })}</>}
          </p>
          {model.ending && (
            <p class="verdict-ending">
              <span class={`badge outcome outcome-${model.ending.outcome}`}>
                <OutcomeIcon outcome={model.ending.outcome} />
                {t(`doctrine.outcome.${model.ending.outcome}`)}
              </span>{' '}
              <span class="verdict-ending-title" lang={ctx.textLang}>
                {ctx.text(textKey.endingTitle(model.ending.id))}
              </span>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

const MARK: Record<string, string> = { critical: '!', broken: '✗', weak: '▼', better: '→', kept: '✓' };

/** The things to remember, as the engine chose them, each with its handbook sections. */
export function RememberSection({ model, ctx }: { model: ReportModel; ctx: ReportContext }) {
  const { t } = useI18n();
  if (model.remember.length === 0) return null;
  return (
    <section class="card remember" aria-labelledby="remember-heading">
      <h2 id="remember-heading">{t('report.summary.rememberHeading', { count: model.remember.length })}</h2>
      <ol class="remember-list">
        {model.remember.map((item, i) => {
          const r = rememberText(ctx, item);
          return (
            <li key={i} class={`remember-item remember-${r.tone}`}>
              <span class="remember-mark" aria-hidden="true">
                {MARK[r.tone]}
              </span>
              <div class="remember-body">
                <p class="remember-headline">{r.headline}</p>
                <p class="remember-detail">
                  {r.detail && <span>{r.detail} </span>}
                  {r.sections && <span class="section-ref">{r.sections}</span>}
                  {r.doctrine.map((id) => (
                    <span key={id}>
                      {' '}
                      <code class="doctrine-id">{id}</code>
                    </span>
                  ))}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Try again from decision N": the first choice off doctrine's best answer, and a button to start there. */
export function TryAgainSection({
  model,
  ctx,
  onTryAgain,
}: {
  model: ReportModel;
  ctx: ReportContext;
  onTryAgain?(replayLength: number): void;
}) {
  const { t } = useI18n();
  const from = model.tryAgainFrom;
  return (
    <section class="card try-again" aria-labelledby="try-again-heading">
      <h2 id="try-again-heading">
        {from
          ? t('report.summary.tryAgainHeading', { n: from.decision })
          : t('report.summary.allBestHeading')}
      </h2>
      <p>
        {from
          ? t('report.summary.tryAgainText', { step: stepTitleText(ctx, from.step) })
          : t('report.summary.allBestText')}
      </p>
      {from && onTryAgain && (
        <button
          type="button"
          class="button button-primary no-print"
          onClick={() => onTryAgain(from.replayLength)}
        >
          {t('report.summary.tryAgainButton', { n: from.decision })}
        </button>
      )}
    </section>
  );
}
