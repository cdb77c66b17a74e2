import { useEffect, useMemo, useRef } from 'preact/hooks';
import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { buildDebrief } from '../engine/score/debrief.ts';
import { CRITICAL_CAP, type ScoredDecision, type Violation } from '../engine/score/score-run.ts';
import { AppFooter, AppHeader } from './app-header.tsx';
import { Paragraphs, useFocusHeading } from './common.tsx';
import { buildTierPhaseMatrix } from './debrief-model.ts';
import { useI18n } from './i18n-context.tsx';
import { type ScenarioTexts, useScenarioTexts } from './scenario-text.ts';
import { ScoreValue, TierPhaseTable } from './tier-phase-table.tsx';

/**
 * The debrief of a finished run: how it ended, the score against mastery, critical Don'ts first,
 * the tier × phase picture, then every decision with its feedback and the doctrine behind it.
 */
export function DebriefPage({
  bundle,
  log,
  onPlayAgain,
  onBack,
  backKey = 'debrief.back',
  onFinished,
}: {
  bundle: ScenarioBundle;
  log: readonly RunEvent[];
  /** Called once with the result of a run that reached an ending, to keep the trainee's progress. */
  onFinished?(scenario: string, run: { overall: number; passed: boolean }): void;
  onPlayAgain(): void;
  onBack(): void;
  /** Key of the Back button's words, when it leads somewhere else than the scenario list. */
  backKey?: string;
}) {
  const { t } = useI18n();
  const texts = useScenarioTexts(bundle);
  const debrief = useMemo(() => buildDebrief(bundle.scenario, log), [bundle, log]);
  const matrix = useMemo(() => buildTierPhaseMatrix(bundle.scenario, debrief.decisions), [bundle, debrief]);
  const heading = useFocusHeading('debrief');
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current || !debrief.completed || debrief.score.overall === null) return;
    reported.current = true;
    onFinished?.(debrief.scenario.id, { overall: debrief.score.overall, passed: debrief.score.passed });
  }, [debrief, onFinished]);
  const s = debrief.score;
  const critical = debrief.violations.filter((v) => v.severity === 'critical');
  const choice = (ids: readonly string[]) => ids.map((id) => texts.text(textKey.optionLabel(id))).join(' + ');

  return (
    <>
      <AppHeader
        tools={
          <button type="button" class="tool-button no-print" onClick={() => globalThis.print?.()}>
            {t('debrief.print')}
          </button>
        }
      />
      <main id="main" class="page page-debrief">
        <div class="page-intro">
          <p class="kicker">{t('debrief.kicker')}</p>
          <h1 ref={heading} tabIndex={-1} lang={texts.lang}>
            {texts.text(textKey.title())}
          </h1>
        </div>

        {critical.length > 0 && (
          <section class="critical-alert" role="alert" aria-labelledby="critical-heading">
            <h2 id="critical-heading">
              <span class="critical-icon" aria-hidden="true">
                !
              </span>
              {t('debrief.critical.heading', { count: critical.length })}
            </h2>
            <p>{t('debrief.critical.intro', { cap: CRITICAL_CAP })}</p>
            <ul class="critical-list">
              {critical.map((v, i) => (
                <CriticalItem key={`${v.doctrine}-${i}`} violation={v} texts={texts} choice={choice} />
              ))}
            </ul>
            {s.capped && <p class="critical-capped">{t('debrief.critical.capped', { cap: CRITICAL_CAP })}</p>}
          </section>
        )}

        <div class="debrief-summary">
          <section class="card ending" aria-labelledby="ending-heading">
            <h2 id="ending-heading" class="section-label">
              {t('debrief.ending')}
            </h2>
            {debrief.ending ? (
              <>
                <p>
                  <span class={`badge outcome outcome-${debrief.ending.outcome}`}>
                    <OutcomeIcon outcome={debrief.ending.outcome} />
                    {t(`doctrine.outcome.${debrief.ending.outcome}`)}
                  </span>
                </p>
                <h3 class="ending-title" lang={texts.lang}>
                  {texts.text(textKey.endingTitle(debrief.ending.id))}
                </h3>
                <div lang={texts.lang}>
                  <Paragraphs text={texts.text(textKey.endingText(debrief.ending.id))} />
                </div>
              </>
            ) : (
              <p>{t('debrief.unfinished')}</p>
            )}
          </section>
          <section
            class={`card score-card ${s.passed ? 'is-passed' : 'is-failed'}`}
            aria-labelledby="score-heading"
          >
            <h2 id="score-heading" class="section-label">
              {t('debrief.scoreHeading')}
            </h2>
            <p class="score-big">
              {s.overall === null ? t('debrief.noScore') : t('debrief.scoreValue', { score: s.overall })}
            </p>
            <p>
              <span class={`badge verdict ${s.passed ? 'verdict-passed' : 'verdict-failed'}`}>
                <span aria-hidden="true">{s.passed ? '✓' : '✗'}</span>{' '}
                {t(s.passed ? 'debrief.passed' : 'debrief.failed')}
              </span>{' '}
              <span class="muted">{t('debrief.mastery', { mastery: s.mastery })}</span>
            </p>
            <p class="verdict-text">
              {s.criticalBreach
                ? t('debrief.verdictCritical')
                : s.harmedEnding
                  ? t('debrief.verdictHarmed')
                  : t(s.passed ? 'debrief.verdictPassed' : 'debrief.verdictFailed')}
            </p>
          </section>
        </div>

        <section class="card" aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">{t('debrief.matrix.heading')}</h2>
          <TierPhaseTable score={s} matrix={matrix} />
        </section>

        <section aria-labelledby="decisions-heading" class="decisions-section">
          <h2 id="decisions-heading">{t('debrief.decisions.heading')}</h2>
          {debrief.decisions.length === 0 ? (
            <p class="muted">{t('debrief.decisions.none')}</p>
          ) : (
            <ol class="decision-list">
              {debrief.decisions.map((d, i) => (
                <DecisionReview
                  key={`${d.step}-${i}`}
                  index={i + 1}
                  decision={d}
                  texts={texts}
                  choice={choice}
                />
              ))}
            </ol>
          )}
        </section>

        <nav class="debrief-actions no-print" aria-label={t('debrief.kicker')}>
          <button type="button" class="button button-primary button-large" onClick={onPlayAgain}>
            {t('debrief.playAgain')}
          </button>
          <button type="button" class="button button-secondary button-large" onClick={onBack}>
            {t(backKey)}
          </button>
        </nav>
      </main>
      <AppFooter />
    </>
  );
}

function CriticalItem({
  violation,
  texts,
  choice,
}: {
  violation: Violation;
  texts: ScenarioTexts;
  choice(ids: readonly string[]): string;
}) {
  const { t, lang } = useI18n();
  const entry = CATALOGUE.get(violation.doctrine);
  return (
    <li>
      <p class="critical-summary">{entry?.summary[lang] ?? violation.doctrine}</p>
      <p class="critical-meta">
        <span class="section-ref">{t('doctrine.section', { section: entry?.section ?? '?' })}</span>
        {' · '}
        <span lang={texts.lang}>
          {t('debrief.critical.where', {
            step: texts.text(textKey.stepTitle(violation.step)),
            choice: violation.option ? choice([violation.option]) : t('debrief.decisions.timedOut'),
          })}
        </span>
      </p>
    </li>
  );
}

function DecisionReview({
  index,
  decision: d,
  texts,
  choice,
}: {
  index: number;
  decision: ScoredDecision;
  texts: ScenarioTexts;
  choice(ids: readonly string[]): string;
}) {
  const { t, lang, formatNumber } = useI18n();
  const feedbackKeys = d.timedOut
    ? [textKey.noDecisionFeedback(d.step)]
    : d.options.map((id) => textKey.optionFeedback(id));
  const headingId = `decision-review-${index}`;
  return (
    <li class="card decision-review" aria-labelledby={headingId}>
      <header class="review-head">
        <h3 id={headingId}>
          <span class="review-number">{t('debrief.decisions.number', { n: index })}</span>
          <span lang={texts.lang}>{texts.text(textKey.stepTitle(d.step))}</span>
        </h3>
        <span class={`badge phase phase-${d.phase}`}>{t(`doctrine.phase.${d.phase}`)}</span>
      </header>
      <dl class="review-facts">
        <div>
          <dt>{t('debrief.decisions.youChose')}</dt>
          <dd lang={d.timedOut ? lang : texts.lang} class={d.timedOut ? 'timed-out' : undefined}>
            {d.timedOut ? t('debrief.decisions.timedOut') : choice(d.options)}
          </dd>
        </div>
        <div>
          <dt>{t('debrief.decisions.time')}</dt>
          <dd>
            {d.timeLimit === null
              ? t('debrief.decisions.timeUntimed', { elapsed: formatNumber(d.elapsed) })
              : t('debrief.decisions.timeOfLimit', {
                  elapsed: formatNumber(d.elapsed),
                  limit: formatNumber(d.timeLimit),
                })}
            {d.timeliness < 1 && (
              <span class="late">
                {t('debrief.decisions.late', { percent: formatNumber(Math.round(d.timeliness * 100)) })}
              </span>
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
      <div class="review-feedback" lang={texts.lang}>
        <h4 class="visually-hidden">{t('debrief.decisions.feedback')}</h4>
        {feedbackKeys.map((k) => (
          <Paragraphs key={k} text={texts.text(k)} />
        ))}
      </div>
      <h4 class="subheading">{t('debrief.decisions.doctrine')}</h4>
      {d.followed.length + d.broken.length === 0 ? (
        <p class="muted">{t('debrief.decisions.noDoctrine')}</p>
      ) : (
        <ul class="doctrine-list">
          {d.broken.map((b, i) => {
            const entry = CATALOGUE.get(b.doctrine);
            return (
              <li key={`b-${b.doctrine}-${i}`} class={`doctrine doctrine-broken severity-${b.severity}`}>
                <span class="doctrine-mark" aria-hidden="true">
                  ✗
                </span>
                <span class="doctrine-body">
                  <span class="doctrine-status">
                    {t('debrief.decisions.broken', { severity: t(`doctrine.severity.${b.severity}`) })}
                  </span>{' '}
                  <span class="doctrine-summary">{entry?.summary[lang] ?? b.doctrine}</span>{' '}
                  <span class="section-ref">{t('doctrine.section', { section: entry?.section ?? '?' })}</span>
                </span>
              </li>
            );
          })}
          {d.followed.map((id, i) => {
            const entry = CATALOGUE.get(id);
            return (
              <li key={`f-${id}-${i}`} class="doctrine doctrine-followed">
                <span class="doctrine-mark" aria-hidden="true">
                  ✓
                </span>
                <span class="doctrine-body">
                  <span class="doctrine-status">{t('debrief.decisions.followed')}</span>{' '}
                  <span class="doctrine-summary">{entry?.summary[lang] ?? id}</span>{' '}
                  <span class="section-ref">{t('doctrine.section', { section: entry?.section ?? '?' })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {d.better ? (
        <p class="better">
          <span lang={texts.lang}>
            {t('debrief.decisions.better', {
              choice: d.better.length ? choice(d.better) : t('debrief.decisions.timedOut'),
            })}
          </span>
        </p>
      ) : (
        <p class="best-taken">{t('debrief.decisions.bestTaken')}</p>
      )}
    </li>
  );
}

function OutcomeIcon({ outcome }: { outcome: string }) {
  const symbol = outcome === 'protected' ? '✓' : outcome === 'partial' ? '◐' : '✗';
  return (
    <span class="outcome-icon" aria-hidden="true">
      {symbol}
    </span>
  );
}
