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
import type { KeyValueStorage } from '../progress/settings.ts';
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
  stepTitleText,
} from './debrief/report-text.ts';
import { RememberSection, TryAgainSection, VerdictCard } from './debrief/summary-section.tsx';
import { TimelineSection } from './debrief/timeline-section.tsx';
import { readTraineeName, writeTraineeName } from './debrief/trainee-name.ts';
import { useI18n } from './i18n-context.tsx';
import { TierPhaseTable } from './tier-phase-table.tsx';

/** What a print holds: the one-page summary, or the whole report with every section open. */
type PrintMode = 'summary' | 'full';

/** When the run was played, for the exported run file. */
export interface RunTimes {
  startedAt?: string;
  finishedAt?: string;
}

/**
 * The debrief of a finished run. First one screen: the verdict, the things to remember and where
 * to try again. Then the full report in sections the trainee opens: critical Don'ts, how it ended,
 * what the run teaches, the tier × phase heatmap, the path, the timeline, every decision, exports.
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
  const mainRef = useRef<HTMLElement>(null);
  const [printMode, setPrintMode] = useState<PrintMode>('summary');

  const openAll = useCallback(() => {
    const closed = [
      ...(mainRef.current?.querySelectorAll<HTMLDetailsElement>('details.more-section') ?? []),
    ].filter((d) => !d.open);
    for (const d of closed) d.open = true;
    return () => {
      for (const d of closed) d.open = false;
    };
  }, []);
  const printAs = (mode: PrintMode) => {
    setPrintMode(mode);
    // why: a closed section does not print; the full report opens them all for the print and
    // closes again what the trainee had closed once the print dialog is done.
    const restore = mode === 'full' ? openAll() : () => {};
    const done = () => {
      restore();
      setPrintMode('summary');
      if (mainRef.current) mainRef.current.dataset.print = 'summary';
      globalThis.removeEventListener?.('afterprint', done);
    };
    globalThis.addEventListener?.('afterprint', done);
    // why: the mode's class must be on the page before the print takes its snapshot.
    if (mainRef.current) mainRef.current.dataset.print = mode;
    print();
  };
  const tryAgain = onReplayFrom ? (n: number) => onReplayFrom(log.slice(0, n)) : undefined;

  return (
    <>
      <AppHeader tools={headerTools} />
      <main id="main" class="page page-debrief" data-print={printMode} ref={mainRef}>
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

        <div class="debrief-first">
          <VerdictCard model={model} ctx={ctx} />
          <RememberSection model={model} ctx={ctx} />
          <TryAgainSection model={model} ctx={ctx} onTryAgain={tryAgain} />
        </div>

        <nav class="debrief-actions no-print" aria-label={t('debrief.kicker')}>
          <button type="button" class="button button-secondary" onClick={() => printAs('summary')}>
            {t('report.summary.printSummary')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => printAs('full')}>
            {t('report.summary.printFull')}
          </button>
          <button type="button" class="button button-secondary" onClick={onPlayAgain}>
            {t('debrief.playAgain')}
          </button>
          <button type="button" class="button button-secondary" onClick={onBack}>
            {t(backKey)}
          </button>
        </nav>
        <p class="printed-summary-note print-only">{t('report.summary.printedSummaryNote')}</p>

        <section class="more-report" aria-labelledby="more-heading">
          <h2 id="more-heading" class="more-heading no-print">
            {t('report.summary.more')}
          </h2>
          <p class="muted no-print">{t('report.summary.moreHint')}</p>

          {model.critical.length > 0 && (
            <MoreSection
              id="critical"
              class="critical-alert"
              title={t('debrief.critical.heading', { count: model.critical.length })}
            >
              <CriticalList items={model.critical} ctx={ctx} capped={s.capped} cap={model.cap} />
            </MoreSection>
          )}
          <MoreSection id="ending" class="ending" title={t('debrief.ending')}>
            {model.ending ? (
              <>
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
          </MoreSection>
          <MoreSection id="lessons" class="lessons" title={t('report.sections.lessons')}>
            <LessonsSection lessons={model.lessons} ctx={ctx} />
          </MoreSection>
          <MoreSection id="matrix" class="matrix-section" title={t('debrief.matrix.heading')}>
            <TierPhaseTable score={s} matrix={model.matrix} />
          </MoreSection>
          <MoreSection id="path" class="path-section" title={t('report.sections.path')}>
            <PathSection scenario={bundle.scenario} paths={model.paths} ctx={ctx} />
          </MoreSection>
          <MoreSection id="timeline" class="timeline" title={t('report.sections.timeline')}>
            <TimelineSection items={model.timeline} ctx={ctx} lastDay={model.lastDay} />
          </MoreSection>
          <MoreSection id="decisions" class="decisions-section" title={t('debrief.decisions.heading')}>
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
          </MoreSection>
          <MoreSection id="export" class="export-section no-print" title={t('report.export.heading')}>
            <ExportSection
              name={name}
              onNameChange={changeName}
              makeJson={makeJson}
              makeCsv={makeCsv}
              download={download}
              print={() => printAs('full')}
            />
          </MoreSection>
        </section>
      </main>
      <AppFooter />
    </>
  );
}

/** One part of the full report behind its heading: a disclosure the trainee opens (keyboard: Enter or Space). */
function MoreSection({
  id,
  title,
  class: className,
  children,
}: {
  id: string;
  title: string;
  class: string;
  children: ComponentChildren;
}) {
  return (
    <details class={`card more-section ${className}`} id={`more-${id}`} aria-labelledby={`${id}-heading`}>
      <summary class="more-summary">
        <h2 id={`${id}-heading`} class="more-title">
          {title}
        </h2>
      </summary>
      <div class="more-body">{children}</div>
    </details>
  );
}

function CriticalList({
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
    <>
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
                    step: stepTitleText(ctx, v.step),
                    choice: v.option ? choiceText(ctx, [v.option]) : t('debrief.decisions.timedOut'),
                  })}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
      {capped && <p class="critical-capped">{t('debrief.critical.capped', { cap: cap })}</p>}
    </>
  );
}
