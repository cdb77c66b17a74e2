import type { ComponentChildren } from 'preact';
import { useCallback, useErrorBoundary, useMemo, useState } from 'preact/hooks';
import type { LintReport, ScoredPath } from '../../engine/analysis/lint-scenario.ts';
import { type Diagnostic, formatDiagnostic } from '../../engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import { type ScenarioTexts, useScenarioTexts } from '../scenario-text.ts';
import { countScenario, type DraftGraph, graphMarks } from './author-model.ts';
import type { GraphMarks } from './graph-layout.ts';
import { LINT_STATE_LIMIT } from './lint-runner.ts';
import { ScenarioGraph } from './scenario-graph.tsx';

// The preview's result, below the file picker: every problem of the files, or the scenario's
// outline with play controls, the lint of every path and the graph of its steps.

/** What the page knows about the files it was given. */
export type Check =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'no-scenario'; ignored: string[] }
  | { state: 'unreadable'; file: string }
  | { state: 'crashed'; message: string }
  | {
      state: 'checked';
      diagnostics: Diagnostic[];
      bundle?: ScenarioBundle;
      /** The file's shape when it has errors: drawn with the errors marked. */
      draft?: DraftGraph;
      ignored: string[];
    };

export type Lint =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: LintReport }
  | { state: 'failed'; message: string };

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function CheckView({
  check,
  lint,
  onPlay,
}: {
  check: Check;
  lint: Lint;
  onPlay(bundle: ScenarioBundle, startStep?: string): void;
}) {
  const { t } = useI18n();
  switch (check.state) {
    case 'empty':
      return <p class="empty-state">{t('author.empty')}</p>;
    case 'reading':
      return (
        <p class="loading" role="status">
          {t('author.reading')}
        </p>
      );
    case 'no-scenario':
      return (
        <>
          <p class="author-alert author-alert-error" role="alert">
            {t('author.noScenario')}
          </p>
          <Ignored files={check.ignored} />
        </>
      );
    case 'unreadable':
      return (
        <p class="author-alert author-alert-error" role="alert">
          {t('author.readFailed', { file: check.file })}
        </p>
      );
    case 'crashed':
      return (
        <p class="author-alert author-alert-error" role="alert">
          {t('author.crashed', { message: check.message })}
        </p>
      );
    case 'checked':
      return (
        <>
          <Ignored files={check.ignored} />
          {check.bundle ? (
            <ValidView bundle={check.bundle} diagnostics={check.diagnostics} lint={lint} onPlay={onPlay} />
          ) : (
            <>
              <Problems diagnostics={check.diagnostics} />
              {check.draft && <DraftGraphView draft={check.draft} />}
            </>
          )}
        </>
      );
  }
}

function Ignored({ files }: { files: string[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return <p class="author-alert author-alert-warning">{t('author.ignored', { files: files.join(', ') })}</p>;
}

/** Every problem of the files, one line each as the command line prints them. */
function Problems({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t } = useI18n();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <section class="card author-problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t('author.problems.heading')}</h2>
      <p role="alert">
        {t('author.problems.errors', { count: errors })}
        {warnings > 0 && <>, {t('author.problems.warnings', { count: warnings })}</>}.{' '}
        {t('author.problems.fix')}
      </p>
      <DiagnosticList diagnostics={diagnostics} />
    </section>
  );
}

function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t } = useI18n();
  return (
    <ul class="diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} class={`diagnostic diagnostic-${d.severity}`}>
          <span class="diagnostic-tag">{t(`author.problems.${d.severity}`)}</span>
          <code class="diagnostic-line">{formatDiagnostic(d)}</code>
        </li>
      ))}
    </ul>
  );
}

function ValidView({
  bundle,
  diagnostics,
  lint,
  onPlay,
}: {
  bundle: ScenarioBundle;
  diagnostics: Diagnostic[];
  lint: Lint;
  onPlay(bundle: ScenarioBundle, startStep?: string): void;
}) {
  const { t } = useI18n();
  const texts = useScenarioTexts(bundle);
  const s = bundle.scenario;
  const counts = countScenario(s);
  const translations = Object.keys(bundle.texts).filter((l) => l !== s.language);
  const report = lint.state === 'done' ? lint.report : null;
  const marks = useMemo(() => graphMarks(s, report), [s, report]);
  const play = useCallback((step?: string) => onPlay(bundle, step), [bundle, onPlay]);
  return (
    <>
      <section class="card author-outline" aria-labelledby="outline-title">
        <p class="kicker">
          <span class="badge badge-pass">✓ {t('author.valid')}</span>
        </p>
        <h2 id="outline-title" lang={texts.lang}>
          {texts.text(textKey.title())}
        </h2>
        <p class="lead" lang={texts.lang}>
          {texts.text(textKey.summary())}
        </p>
        <dl class="author-facts">
          <Fact label={t('author.facts.id')}>
            <code>{s.id}</code> · {t('author.facts.version', { version: s.version })}
          </Fact>
          <Fact label={t('author.facts.languages')}>{[s.language, ...translations].join(', ')}</Fact>
          <Fact label={t('author.facts.steps')}>{counts.steps}</Fact>
          <Fact label={t('author.facts.decisions')}>{counts.decisions}</Fact>
          <Fact label={t('author.facts.endings')}>{counts.endings}</Fact>
        </dl>
        {diagnostics.length > 0 && (
          <>
            <h3>{t('author.problems.warnings', { count: diagnostics.length })}</h3>
            <DiagnosticList diagnostics={diagnostics} />
          </>
        )}
      </section>
      <PlayControls bundle={bundle} texts={texts} onPlay={play} />
      <LintView lint={lint} texts={texts} endings={counts.endings} />
      <section class="card author-graph" aria-labelledby="graph-heading">
        <h2 id="graph-heading">{t('author.graph.heading')}</h2>
        <p class="muted">{t('author.graph.hint')}</p>
        <GraphBoundary>
          <ScenarioGraph bundle={bundle} marks={marks} onPlayFrom={(step) => play(step)} />
        </GraphBoundary>
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="author-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PlayControls({
  bundle,
  texts,
  onPlay,
}: {
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
  onPlay(step?: string): void;
}) {
  const { t } = useI18n();
  const s = bundle.scenario;
  const [chosen, setStep] = useState(s.start);
  // why: after a reload the trainer's chosen step stays chosen while it still exists.
  const step = s.steps.some((st) => st.id === chosen) ? chosen : s.start;
  return (
    <section class="card author-play" aria-labelledby="try-heading">
      <h2 id="try-heading">{t('author.play.heading')}</h2>
      <div class="author-play-row">
        <button type="button" class="button button-primary" onClick={() => onPlay()}>
          {t('author.play.fromStart')}
          <span aria-hidden="true" class="button-arrow">
            →
          </span>
        </button>
      </div>
      <div class="author-play-row">
        <label for="jump-step" class="author-jump-label">
          {t('author.play.jump')}
        </label>
        <select
          id="jump-step"
          class="author-select"
          value={step}
          onChange={(e) => setStep(e.currentTarget.value)}
        >
          {s.steps.map((st) => (
            <option key={st.id} value={st.id} lang={texts.lang}>
              {texts.text(textKey.stepTitle(st.id))} ({st.id})
            </option>
          ))}
        </select>
        <button type="button" class="button button-secondary" onClick={() => onPlay(step)}>
          {t('author.play.fromStep')}
        </button>
      </div>
      <p class="muted">{t('author.play.midwayNote')}</p>
    </section>
  );
}

function LintView({ lint, texts, endings }: { lint: Lint; texts: ScenarioTexts; endings: number }) {
  const { t, formatNumber } = useI18n();
  let body: preact.JSX.Element | null = null;
  if (lint.state === 'running') {
    body = (
      <p class="loading" role="status">
        {t('author.lint.running')}
      </p>
    );
  } else if (lint.state === 'failed') {
    body = (
      <p class="author-alert author-alert-error" role="alert">
        {t('author.lint.failed', { message: lint.message })}
      </p>
    );
  } else if (lint.state === 'done') {
    const r = lint.report;
    const findings = [
      ...r.unreachableSteps.map((id) => t('author.lint.unreachableStep', { id })),
      ...r.unreachableEndings.map((id) => t('author.lint.unreachableEnding', { id })),
      ...r.deadEnds.map((d) =>
        t('author.lint.deadEnd', {
          id: d.step,
          choices: d.choices.length ? d.choices.join(', ') : t('author.lint.fromStart'),
        }),
      ),
      ...(r.best?.breaksDont ? [t('author.lint.bestBreaksDont')] : []),
    ];
    body = (
      <>
        <p>
          {t(r.paths === null ? 'author.lint.summaryLoop' : 'author.lint.summary', {
            states: formatNumber(r.states),
            paths: formatNumber(r.paths ?? 0),
            reached: r.endings.length,
            endings,
          })}
        </p>
        {r.truncated && (
          <p class="author-alert author-alert-warning" role="alert">
            {t('author.lint.truncated', { limit: formatNumber(LINT_STATE_LIMIT) })}
          </p>
        )}
        {findings.length > 0 ? (
          <ul class="lint-findings">
            {findings.map((f, i) => (
              <li key={i} class="lint-finding">
                {f}
              </li>
            ))}
          </ul>
        ) : (
          !r.truncated && <p class="lint-clean">✓ {t('author.lint.clean')}</p>
        )}
        <dl class="lint-paths">
          <PathLine label={t('author.lint.best')} path={r.best} texts={texts} />
          <PathLine label={t('author.lint.worst')} path={r.worst} texts={texts} />
        </dl>
      </>
    );
  }
  if (!body) return null;
  return (
    <section class="card author-lint" aria-labelledby="lint-heading">
      <h2 id="lint-heading">{t('author.lint.heading')}</h2>
      {body}
    </section>
  );
}

function PathLine({ label, path, texts }: { label: string; path: ScoredPath | null; texts: ScenarioTexts }) {
  const { t } = useI18n();
  return (
    <div class="lint-path">
      <dt>{label}</dt>
      <dd>
        {path ? (
          <>
            <p>
              {t('author.lint.path', {
                score: path.score,
                ending: texts.text(textKey.endingTitle(path.ending)),
              })}
              {path.criticalBreach
                ? ` · ${t('author.lint.critical')}`
                : path.breaksDont
                  ? ` · ${t('author.lint.breaksDont')}`
                  : ''}
            </p>
            <p class="lint-choices">
              <span class="muted">{t('author.lint.choices')}: </span>
              <code>{path.choices.join(', ') || '—'}</code>
            </p>
          </>
        ) : (
          <span class="muted">{t('author.lint.noPath')}</span>
        )}
      </dd>
    </div>
  );
}

// why: the graph draws whatever a half-finished scenario holds; if it throws, the rest of the
// preview (problems, lint, play buttons) must stay on screen.
function GraphBoundary({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [error] = useErrorBoundary();
  if (error) {
    return (
      <p class="author-alert author-alert-error" role="alert">
        {t('author.graph.failed', { message: messageOf(error) })}
      </p>
    );
  }
  return <>{children}</>;
}

/** The graph of a file that does not validate: what it holds, with the steps its errors point into marked. */
function DraftGraphView({ draft }: { draft: DraftGraph }) {
  const { t } = useI18n();
  const marks: GraphMarks = useMemo(
    () => ({ unreachable: new Set<string>(), deadEnds: new Set<string>(), problems: draft.problems }),
    [draft],
  );
  return (
    <section class="card author-graph" aria-labelledby="graph-heading">
      <h2 id="graph-heading">{t('author.graph.heading')}</h2>
      <p class="muted">{t('author.graph.draftHint')}</p>
      <GraphBoundary>
        <ScenarioGraph bundle={draft.bundle} marks={marks} onPlayFrom={() => {}} />
      </GraphBoundary>
    </section>
  );
}
