import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { buildDebrief } from '../engine/score/debrief.ts';
import { buildReportModel, type CriticalItem, type ReportDecision } from '../engine/score/report-model.ts';
import { AppFooter, AppHeader } from './app-header.tsx';
import { Paragraphs, useFocusHeading } from './common.tsx';
import './debrief/debrief.css';
import './debrief/debrief-strings.ts';
import { timeLimitsOf } from '../engine/run/run.ts';
import { DecisionReview } from './debrief/decision-review.tsx';
import { downloadFile } from './debrief/download.ts';
import { ExportSection } from './debrief/export-section.tsx';
import { decisionsCsvFile, type ExportFile, runFileOf, runJsonFile } from './debrief/exports.ts';
import { LessonsSection } from './debrief/lessons-section.tsx';
import { PathSection } from './debrief/path-section.tsx';
import { ReplayHint, ReportMeta } from './debrief/report-meta.tsx';
import {
  choiceText,
  createReportContext,
  doctrineLine,
  durationText,
  type ReportContext,
  verdictKey,
} from './debrief/report-text.ts';
import { TimelineSection } from './debrief/timeline-section.tsx';
import { readTraineeName, writeTraineeName } from './debrief/trainee-name.ts';
import { useI18n } from './i18n-context.tsx';
import type { KeyValueStorage } from './settings.ts';
import { TierPhaseTable } from './tier-phase-table.tsx';

/** When the run was played, for the exported run file. */
export interface RunTimes {
  startedAt?: string;
  finishedAt?: string;
}

/**
 * The debrief of a finished run: critical Don'ts first, how it ended and the score against
 * mastery, what the run teaches, the tier × phase heatmap, the path taken against the best path,
 * the timeline, every decision with the doctrine behind it, and the report's exports.
 */
export function DebriefPage({
  bundle,
  log,
  onPlayAgain,
  onBack,
  backKey = 'debrief.back',
  onFinished,
  onReplayFrom,
  storage,
  times,
  download = downloadFile,
  print = () => globalThis.print?.(),
  now = () => new Date(),
  headerTools,
}: {
  bundle: ScenarioBundle;
  log: readonly RunEvent[];
  /** Called once with the result of a run that reached an ending, to keep the trainee's progress. */
  onFinished?(scenario: string, run: { overall: number; passed: boolean }): void;
  onPlayAgain(): void;
  onBack(): void;
  /** Key of the Back button's words, when it leads somewhere else than the scenario list. */
  backKey?: string;
  /** Starts a new run from the given log: the run up to just before a decision. */
  onReplayFrom?(log: readonly RunEvent[]): void;
  /** Where the trainee's name is remembered. */
  storage?: KeyValueStorage;
  times?: RunTimes;
  /** Offers a file to the user; tests pass a recording fake. */
  download?(file: ExportFile): void;
  print?(): void;
  now?(): Date;
  /** More tools for the top bar: "Take a break" on a run with a content note. */
  headerTools?: ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const ctx = useMemo(() => createReportContext(t, lang, bundle), [t, lang, bundle]);
  const debrief = useMemo(() => buildDebrief(bundle.scenario, log), [bundle, log]);
  const model = useMemo(() => buildReportModel(bundle.scenario, debrief, CATALOGUE), [bundle, debrief]);
  const heading = useFocusHeading('debrief');
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current || !debrief.completed || debrief.score.overall === null) return;
    reported.current = true;
    onFinished?.(debrief.scenario.id, { overall: debrief.score.overall, passed: debrief.score.passed });
  }, [debrief, onFinished]);
  const [name, setName] = useState(() => readTraineeName(storage));
  const changeName = useCallback(
    (value: string) => {
      setName(value);
      writeTraineeName(storage, value);
    },
    [storage],
  );
  const makeJson = () => {
    const date = now();
    const run = runFileOf(debrief, {
      language: lang,
      log,
      traineeName: name,
      ...times,
      savedAt: date.toISOString(),
    });
    return runJsonFile(run, date);
  };
  const makeCsv = () => decisionsCsvFile(model, ctx, name.trim() || undefined, now());
  const replay = onReplayFrom ? (d: ReportDecision) => onReplayFrom(log.slice(0, d.replayLength)) : undefined;
  const s = model.score;
  const trainee = name.trim();

  return (
    <>
      <AppHeader
        tools={
          <>
            {headerTools}
            <button type="button" class="tool-button no-print" onClick={print}>
              {t('debrief.print')}
            </button>
          </>
        }
      />
      <main id="main" class="page page-debrief">
        <div class="page-intro">
          <p class="kicker">{t('debrief.kicker')}</p>
          <h1 ref={heading} tabIndex={-1} lang={ctx.textLang}>
            {ctx.text(textKey.title())}
          </h1>
          <ReportMeta
            trainee={trainee}
            scenario={model.scenario}
            startClock={model.startClock}
            duration={durationText(ctx, model.duration)}
            timeLimits={timeLimitsOf(log)}
            feedbackMode={bundle.scenario.feedbackMode}
          />
        </div>

        {model.critical.length > 0 && (
          <CriticalAlert items={model.critical} ctx={ctx} capped={s.capped} cap={model.cap} />
        )}

        <div class="debrief-summary">
          <section class="card ending" aria-labelledby="ending-heading">
            <h2 id="ending-heading" class="section-label">
              {t('debrief.ending')}
            </h2>
            {model.ending ? (
              <>
                <p>
                  <span class={`badge outcome outcome-${model.ending.outcome}`}>
                    <OutcomeIcon outcome={model.ending.outcome} />
                    {t(`doctrine.outcome.${model.ending.outcome}`)}
                  </span>
                </p>
                <h3 class="ending-title" lang={ctx.textLang}>
                  {ctx.text(textKey.endingTitle(model.ending.id))}
                </h3>
                <div lang={ctx.textLang}>
                  <Paragraphs text={ctx.text(textKey.endingText(model.ending.id))} />
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
            <p class="verdict-text">{t(verdictKey(model.verdict))}</p>
          </section>
        </div>

        <LessonsSection lessons={model.lessons} ctx={ctx} />

        <section class="card matrix-section" aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">{t('debrief.matrix.heading')}</h2>
          <TierPhaseTable score={s} matrix={model.matrix} />
        </section>

        <PathSection scenario={bundle.scenario} paths={model.paths} ctx={ctx} />

        <TimelineSection items={model.timeline} ctx={ctx} />

        <section aria-labelledby="decisions-heading" class="decisions-section">
          <h2 id="decisions-heading">{t('debrief.decisions.heading')}</h2>
          {replay && model.decisions.length > 0 && <ReplayHint />}
          {model.decisions.length === 0 ? (
            <p class="muted">{t('debrief.decisions.none')}</p>
          ) : (
            <ol class="decision-list">
              {model.decisions.map((d) => (
                <DecisionReview key={d.index} decision={d} ctx={ctx} onReplay={replay} />
              ))}
            </ol>
          )}
        </section>

        <ExportSection
          name={name}
          onNameChange={changeName}
          makeJson={makeJson}
          makeCsv={makeCsv}
          download={download}
          print={print}
        />

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

function CriticalAlert({
  items,
  ctx,
  capped,
  cap,
}: {
  items: CriticalItem[];
  ctx: ReportContext;
  capped: boolean;
  cap: number;
}) {
  const { t } = useI18n();
  return (
    <section class="critical-alert" role="alert" aria-labelledby="critical-heading">
      <h2 id="critical-heading">
        <span class="critical-icon" aria-hidden="true">
          !
        </span>
        {t('debrief.critical.heading', { count: items.length })}
      </h2>
      <p>{t('debrief.critical.intro', { cap: cap })}</p>
      <ul class="critical-list">
        {items.map((v, i) => {
          const line = doctrineLine(ctx, v);
          return (
            <li key={`${v.id}-${i}`}>
              <p class="critical-summary">{line.summary}</p>
              <p class="critical-meta">
                <span class="section-ref">{line.sectionText}</span> <code class="doctrine-id">{line.id}</code>
                {' · '}
                <span>
                  {t('debrief.critical.where', {
                    step: ctx.text(textKey.stepTitle(v.step)),
                    choice: v.option ? choiceText(ctx, [v.option]) : t('debrief.decisions.timedOut'),
                  })}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
      {capped && <p class="critical-capped">{t('debrief.critical.capped', { cap: cap })}</p>}
    </section>
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
