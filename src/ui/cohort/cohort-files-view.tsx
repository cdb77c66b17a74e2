import { useEffect, useRef } from 'preact/hooks';
import type { SetAsideFile } from '../../engine/results/cohort.ts';
import { type Diagnostic, formatDiagnostic } from '../../engine/scenario/diagnostic.ts';
import { useDropZone } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { droppedRunFiles, fromInputFile, type PickedRunFile } from './cohort-files.ts';
import type { CohortProgress } from './cohort-work.ts';

/** The drop zone with pickers for files and for a folder. */
export function DropZone({
  count,
  busy,
  onFiles,
  onClear,
}: {
  count: number;
  busy: boolean;
  onFiles(files: readonly PickedRunFile[], truncated?: boolean): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const drop = useDropZone((data) => {
    void droppedRunFiles(data).then((r) => onFiles(r.files, r.truncated));
  });
  // why: `webkitdirectory` is not in Preact's attribute types; every current browser supports it.
  useEffect(() => {
    folder.current?.setAttribute('webkitdirectory', '');
  }, []);
  const picked = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    onFiles([...(el.files ?? [])].map(fromInputFile));
    // why: picking the same files again must fire change again.
    el.value = '';
  };
  return (
    <section
      class={`card cohort-drop${drop.over ? ' cohort-drop-over' : ''}`}
      aria-labelledby="cohort-drop-heading"
      {...drop.handlers}
    >
      <div class="cohort-drop-text">
        <h2 id="cohort-drop-heading" class="cohort-drop-heading">
          <span class="cohort-drop-icon" aria-hidden="true">
            ⇩
          </span>{' '}
          {t('cohort.drop.heading')}
        </h2>
        <p class="muted">{t('cohort.drop.hint')}</p>
        {count > 0 && <p class="cohort-drop-count">{t('cohort.drop.held', { count })}</p>}
      </div>
      <div class="cohort-drop-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={busy}
          onClick={() => files.current?.click()}
        >
          {t('cohort.drop.chooseFiles')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => folder.current?.click()}
        >
          {t('cohort.drop.chooseFolder')}
        </button>
        {count > 0 && (
          <button type="button" class="button button-link" disabled={busy} onClick={onClear}>
            {t('cohort.drop.clear')}
          </button>
        )}
        <input
          ref={files}
          type="file"
          multiple
          accept=".json,application/json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label={t('cohort.drop.filesLabel')}
          data-cohort-input="files"
          onChange={picked}
        />
        <input
          ref={folder}
          type="file"
          multiple
          class="visually-hidden"
          tabIndex={-1}
          aria-label={t('cohort.drop.folderLabel')}
          data-cohort-input="folder"
          onChange={picked}
        />
      </div>
    </section>
  );
}

/** One calm line at the top saying how many files need a look, with a way to the list. */
export function FilesNotice({
  setAside,
  noted,
  ignored,
  onReview,
}: {
  setAside: number;
  noted: number;
  ignored: number;
  onReview(): void;
}) {
  const { t } = useI18n();
  if (setAside + noted + ignored === 0) return null;
  const parts = [
    setAside ? t('cohort.notice.setAside', { count: setAside }) : '',
    noted ? t('cohort.notice.noted', { count: noted }) : '',
    ignored ? t('cohort.notice.ignored', { count: ignored }) : '',
  ].filter(Boolean);
  return (
    <p class="cohort-alert cohort-alert-warning cohort-notice" role="status">
      <span>{parts.join(' · ')}</span>
      <button type="button" class="button button-link" onClick={onReview}>
        {t('cohort.notice.review')} <span aria-hidden="true">↓</span>
      </button>
    </p>
  );
}

/** Files set aside (with their places), runs shown with a note, and files that are not run files. */
export function FilesToCheck({
  setAside,
  notes,
  ignored,
}: {
  setAside: readonly SetAsideFile[];
  notes: readonly Diagnostic[];
  ignored: readonly string[];
}) {
  const { t } = useI18n();
  if (setAside.length === 0 && notes.length === 0 && ignored.length === 0) return null;
  return (
    <section id="cohort-files" class="card cohort-files" aria-labelledby="cohort-files-heading" tabIndex={-1}>
      {setAside.length > 0 && (
        <>
          <h2 id="cohort-files-heading" class="cohort-section-heading">
            {t('cohort.problems.heading', { count: setAside.length })}
          </h2>
          <p class="muted">{t('cohort.problems.intro')}</p>
          <ul class="cohort-problem-list">
            {setAside.map((s) => (
              <li key={s.file} class="cohort-problem">
                <p class="cohort-problem-head">
                  <span class="badge badge-neutral cohort-reason">
                    {t(`cohort.problems.reason.${s.reason}`)}
                  </span>{' '}
                  <span class="cohort-file-name">{s.file}</span>
                </p>
                <ul class="cohort-diagnostics">
                  {s.diagnostics.map((d, i) => (
                    <li key={i}>
                      <code>{formatDiagnostic(d)}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h2 id={setAside.length ? undefined : 'cohort-files-heading'} class="cohort-section-heading">
            {t('cohort.problems.notesHeading', { count: new Set(notes.map((n) => n.file)).size })}
          </h2>
          <p class="muted">{t('cohort.problems.notesIntro')}</p>
          <ul class="cohort-diagnostics cohort-notes">
            {notes.map((d, i) => (
              <li key={i}>
                <code>{formatDiagnostic(d)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {ignored.length > 0 && (
        <p
          class="muted cohort-ignored"
          id={setAside.length || notes.length ? undefined : 'cohort-files-heading'}
        >
          {t('cohort.problems.ignored', { count: ignored.length, files: ignored.join(', ') })}
        </p>
      )}
    </section>
  );
}

const PHASE_KEY: Record<CohortProgress['phase'], string> = {
  reading: 'cohort.progress.reading',
  checking: 'cohort.progress.checking',
  scoring: 'cohort.progress.scoring',
};

/**
 * How far opening the files has got (reading, checking, scoring), as an accessible progress bar,
 * with a way to stop.
 */
export function CohortProgressBar({ progress, onStop }: { progress: CohortProgress; onStop(): void }) {
  const { t, formatNumber } = useI18n();
  const bar = useRef<HTMLDivElement>(null);
  const share = progress.total ? progress.done / progress.total : 0;
  const text = t(PHASE_KEY[progress.phase], {
    done: formatNumber(progress.done),
    total: formatNumber(progress.total),
  });
  // why: the width is set through the CSSOM; the app's CSP refuses style="" in markup.
  useEffect(() => {
    bar.current?.style.setProperty('inline-size', `${Math.round(share * 100)}%`);
  }, [share]);
  return (
    <div class="card cohort-progress">
      <p id="cohort-progress-label" class="cohort-progress-text">
        {text}
      </p>
      <div
        class="cohort-progress-track"
        role="progressbar"
        aria-labelledby="cohort-progress-label"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={text}
      >
        <div ref={bar} class="cohort-progress-fill" />
      </div>
      <button type="button" class="button button-secondary" onClick={onStop}>
        {t('cohort.progress.stop')}
      </button>
    </div>
  );
}
