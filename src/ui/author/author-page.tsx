import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useDropZone, useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import {
  draftOfFile,
  FileReadError,
  fromFile,
  fromHandle,
  type PickedFile,
  readAndLoad,
  sortPickedFiles,
} from './author-model.ts';
import { type Check, CheckView, type Lint, messageOf } from './check-view.tsx';
import { filesFromTexts } from './editor/editor-files.ts';
import type { LintRunner } from './lint-runner.ts';
import { lintInWorker } from './lint-runner.ts';
import './author-page.css';

const ACCEPT = '.yaml,.yml';

type EditorModule = typeof import('./editor/editor-area.tsx');
const importEditor = (): Promise<EditorModule> => import('./editor/editor-area.tsx');

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
  // why: the editor (forms, YAML writer, doctrine search) loads after the preview is on screen,
  // so a trainer who only previews a file does not wait for it
  const [editor, setEditor] = useState<EditorModule | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let live = true;
    importEditor().then(
      (m) => {
        if (!live) return;
        setEditor(m);
        setEditing(m.hasOpenEditor());
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
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
        if (!loaded.bundle) {
          // why: a file with errors still has a shape; its graph shows where the errors are
          const draft = await draftOfFile(main, loaded.diagnostics).catch(() => undefined);
          if (!current()) return;
          setCheck({
            state: 'checked',
            diagnostics: loaded.diagnostics,
            ignored,
            ...(draft ? { draft } : {}),
          });
          return;
        }
        setCheck({ state: 'checked', diagnostics: loaded.diagnostics, bundle: loaded.bundle, ignored });
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
        {editor && (
          <editor.EditorArea
            onPlay={(bundle) => onPlay(bundle)}
            opened={files.length ? editOpened : undefined}
            onOpenChange={setEditing}
          />
        )}
        {!editing && (
          <div class="author-result" aria-live="polite">
            <CheckView check={check} lint={lintState} onPlay={onPlay} />
          </div>
        )}
      </main>
      <AppFooter />
    </>
  );
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
