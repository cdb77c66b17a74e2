import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useErrorBoundary, useMemo, useRef, useState } from 'preact/hooks';
import type { LintReport, ScoredPath } from '../../engine/analysis/lint-scenario.ts';
import { type Diagnostic, formatDiagnostic } from '../../engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useDropZone, useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { type ScenarioTexts, useScenarioTexts } from '../scenario-text.ts';
import {
  countScenario,
  FileReadError,
  fromFile,
  fromHandle,
  graphMarks,
  type PickedFile,
  readAndLoad,
  sortPickedFiles,
} from './author-model.ts';
import { EditorArea, hasOpenEditor } from './editor/editor-area.tsx';
import { filesFromTexts } from './editor/editor-files.ts';
import { LINT_STATE_LIMIT, type LintRunner, lintInWorker } from './lint-runner.ts';
import { ScenarioGraph } from './scenario-graph.tsx';
import './author-page.css';

/** What the page knows about the files it was given. */
type Check =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'no-scenario'; ignored: string[] }
  | { state: 'unreadable'; file: string }
  | { state: 'crashed'; message: string }
  | { state: 'checked'; diagnostics: Diagnostic[]; bundle?: ScenarioBundle; ignored: string[] };

type Lint =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: LintReport }
  | { state: 'failed'; message: string };

const ACCEPT = '.yaml,.yml';

interface FileHandleLike {
  readonly kind: string;
  readonly name: string;
  getFile(): Promise<File>;
}
// why: the File System Access API (Chromium) is not in every browser nor in TypeScript's DOM types;
// its handles let Reload read a file again after the trainer saves it, which a picked File cannot.
type ShowOpenFilePicker = (options: {
  multiple: boolean;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileHandleLike[]>;
type HandleItem = DataTransferItem & { getAsFileSystemHandle?(): Promise<FileHandleLike | null> };

function openFilePicker(): ShowOpenFilePicker | undefined {
  const picker = (globalThis as { showOpenFilePicker?: ShowOpenFilePicker }).showOpenFilePicker;
  return typeof picker === 'function' ? picker.bind(globalThis) : undefined;
}

/** Dropped files, as handles where the browser gives them (read afresh on Reload), else as files. */
function droppedFiles(data: DataTransfer | null): Promise<PickedFile[]> {
  if (!data) return Promise.resolve([]);
  const files = [...data.files].map(fromFile);
  // why: handles must be asked for during the drop event itself, before any await.
  const items = [...(data.items ?? [])].filter((i) => i.kind === 'file') as HandleItem[];
  if (items.length === 0 || !items.every((i) => typeof i.getAsFileSystemHandle === 'function'))
    return Promise.resolve(files);
  const handles = items.map((i) => i.getAsFileSystemHandle!());
  return Promise.all(handles).then(
    (hs) => {
      const picked = hs.filter((h): h is FileHandleLike => h?.kind === 'file').map(fromHandle);
      return picked.length ? picked : files;
    },
    () => files,
  );
}

/**
 * The trainer's live preview: open a scenario file and its translations, see every problem with
 * its place in the file, or the scenario's outline, the lint of every path and a graph of its
 * steps, and play it from the start or from any step.
 */
export function AuthorPage({
  onPlay,
  onBack,
  files: initialFiles,
  onFilesChange,
  lint = lintInWorker,
}: {
  onPlay(bundle: ScenarioBundle, startStep?: string): void;
  onBack(): void;
  /** Files opened earlier (for example before playing), read again when the page opens. */
  files?: readonly PickedFile[];
  /** Called with the files the trainer opens, so they can be handed back after a run. */
  onFilesChange?(files: readonly PickedFile[]): void;
  /** Runs the lint; a Web Worker by default. */
  lint?: LintRunner;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading('author');
  const [files, setFiles] = useState<readonly PickedFile[]>(initialFiles ?? []);
  const [check, setCheck] = useState<Check>({ state: 'empty' });
  const [lintState, setLint] = useState<Lint>({ state: 'idle' });
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [editing, setEditing] = useState(hasOpenEditor);
  const editOpened = useCallback(async () => {
    const named = await Promise.all(
      files.map(async (f) => ({ name: f.name, text: await (await f.open()).text() })),
    );
    return filesFromTexts(named);
  }, [files]);
  // why: a newer pick or reload wins; results of an older one that arrive late are dropped.
  const generation = useRef(0);
  const cancelLint = useRef<() => void>(() => {});

  const run = useCallback(
    async (picked: readonly PickedFile[]) => {
      const mine = ++generation.current;
      const current = () => generation.current === mine;
      cancelLint.current();
      setLint({ state: 'idle' });
      const sorted = sortPickedFiles(picked);
      const ignored = sorted.ignored.map((f) => f.name);
      const main = sorted.main;
      if (!main) {
        setCheck({ state: 'no-scenario', ignored });
        return;
      }
      setCheck({ state: 'reading' });
      try {
        const loaded = await readAndLoad({ ...sorted, main });
        if (!current()) return;
        setCheckedAt(new Date());
        setCheck({ state: 'checked', diagnostics: loaded.diagnostics, bundle: loaded.bundle, ignored });
        if (!loaded.bundle) return;
        setLint({ state: 'running' });
        const job = lint(loaded.bundle.scenario);
        cancelLint.current = job.cancel;
        job.report.then(
          (report) => current() && setLint({ state: 'done', report }),
          (e: unknown) => current() && setLint({ state: 'failed', message: messageOf(e) }),
        );
      } catch (e) {
        if (!current()) return;
        setCheck(
          e instanceof FileReadError
            ? { state: 'unreadable', file: e.file }
            : { state: 'crashed', message: messageOf(e) },
        );
      }
    },
    [lint],
  );

  const open = useCallback(
    (picked: readonly PickedFile[]) => {
      if (picked.length === 0) return;
      setFiles(picked);
      onFilesChange?.(picked);
      void run(picked);
    },
    [run, onFilesChange],
  );

  // why: files handed back after a run are read again, so edits saved meanwhile show at once.
  useEffect(() => {
    if (initialFiles?.length) void run(initialFiles);
    return () => {
      generation.current++;
      cancelLint.current();
    };
  }, []);

  return (
    <>
      <AppHeader />
      <main id="main" class={`page page-author${editing ? ' page-author-editing' : ''}`}>
        <nav class="breadcrumb" aria-label={t('author.back')}>
          <button type="button" class="button button-link" onClick={onBack}>
            <span aria-hidden="true">←</span> {t('author.back')}
          </button>
        </nav>
        <div class="page-intro">
          <p class="kicker">{t('author.kicker')}</p>
          <h1 ref={heading} tabIndex={-1}>
            {t('author.heading')}
          </h1>
          {!editing && <p class="lead">{t('author.intro')}</p>}
        </div>
        {!editing && (
          <FilePicker
            files={files}
            checkedAt={checkedAt}
            busy={check.state === 'reading'}
            onFiles={open}
            onReload={() => void run(files)}
          />
        )}
        <EditorArea
          onPlay={(bundle) => onPlay(bundle)}
          opened={files.length ? editOpened : undefined}
          onOpenChange={setEditing}
        />
        {!editing && (
          <>
            <div class="author-result" aria-live="polite">
              <CheckView check={check} lint={lintState} onPlay={onPlay} />
            </div>
          </>
        )}
      </main>
      <AppFooter />
    </>
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The drop zone, the file picker button, and what is open with a way to read it again. */
function FilePicker({
  files,
  checkedAt,
  busy,
  onFiles,
  onReload,
}: {
  files: readonly PickedFile[];
  checkedAt: Date | null;
  busy: boolean;
  onFiles(files: readonly PickedFile[]): void;
  onReload(): void;
}) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const drop = useDropZone((data) => {
    void droppedFiles(data).then(onFiles);
  });
  const choose = () => {
    const picker = openFilePicker();
    if (!picker) {
      input.current?.click();
      return;
    }
    picker({
      multiple: true,
      types: [{ description: 'YAML', accept: { 'text/yaml': ['.yaml', '.yml'] } }],
    }).then(
      (handles) => onFiles(handles.map(fromHandle)),
      (e: unknown) => {
        if ((e as { name?: string })?.name !== 'AbortError') input.current?.click();
      },
    );
  };
  const time = checkedAt?.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section
      class={`card drop-zone${drop.over ? ' drop-zone-over' : ''}`}
      aria-labelledby="drop-heading"
      {...drop.handlers}
    >
      <h2 id="drop-heading" class="drop-heading">
        {t('author.drop.heading')}
      </h2>
      <p class="drop-hint">
        <span class="drop-icon" aria-hidden="true">
          ⇩
        </span>{' '}
        {t('author.drop.hint')}
      </p>
      <div class="drop-actions">
        <button type="button" class="button button-primary" onClick={choose}>
          {t(files.length ? 'author.drop.chooseOther' : 'author.drop.choose')}
        </button>
        {files.length > 0 && (
          <button type="button" class="button button-secondary" disabled={busy} onClick={onReload}>
            <span aria-hidden="true">↻</span> {t('author.drop.reload')}
          </button>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          class="visually-hidden"
          tabIndex={-1}
          aria-label={t('author.drop.inputLabel')}
          onChange={(e) => {
            const el = e.currentTarget;
            onFiles([...(el.files ?? [])].map(fromFile));
            // why: picking the same file again must fire change again.
            el.value = '';
          }}
        />
      </div>
      {files.length > 0 && (
        <p class="drop-files">
          {t('author.drop.opened', { files: files.map((f) => f.name).join(', ') })}
          {time && <span class="muted"> · {t('author.drop.checkedAt', { time })}</span>}
        </p>
      )}
      {files.length > 0 && <p class="muted drop-reload-hint">{t('author.drop.reloadHint')}</p>}
    </section>
  );
}

function CheckView({
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
            <Problems diagnostics={check.diagnostics} />
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
