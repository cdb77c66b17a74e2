import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATALOGUE } from '../../engine/doctrine/catalogue.ts';
import { PHASES, TIERS } from '../../engine/doctrine/doctrine-entry.ts';
import {
  type BrokenDoctrine,
  buildCohort,
  buildCohortCsv,
  type Cohort,
  type CohortGroup,
  type CohortHeatmap,
  type CohortRow,
  type DecisionPaths,
  type RowFlag,
  type SetAsideFile,
} from '../../engine/results/cohort.ts';
import { parseRunFile } from '../../engine/results/run-file.ts';
import { type Diagnostic, formatDiagnostic } from '../../engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { ScenarioListing } from '../../engine/scenario/scenario-listing.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/cohort/en.json';
import fr from '../../i18n/locales/cohort/fr.json';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { type ScenarioTexts, scenarioTextsFor } from '../scenario-text.ts';
import {
  droppedRunFiles,
  fromInputFile,
  MAX_DROPPED_FILES,
  type PickedRunFile,
  readPickedFiles,
} from './cohort-files.ts';
import {
  csvFileName,
  firstDirection,
  type HeldFiles,
  mergeHeld,
  minutesAndSeconds,
  type SortDirection,
  type SortKey,
  sortRows,
} from './cohort-model.ts';
import './cohort-page.css';

// why: the cohort screen's words load with it, not with the trainee's first load.
registerStrings({ en, fr });

/** A scenario the app ships, with a way to fetch the whole of it (to score runs against). */
export type CohortScenario = ScenarioListing & { load(): Promise<ScenarioBundle> };

const NO_FILES: HeldFiles = { files: [], refused: [], ignored: [] };

type Bundles = { loaded: Map<string, ScenarioBundle>; failed: Set<string>; pending: Set<string> };

/**
 * The trainer's cohort view: open many run files (or folders of them), see the trainees' results
 * re-scored from their logs, the doctrine most often broken, the tier × phase heatmap averaged over
 * the cohort and the choices taken at each decision against doctrine's; export the table as CSV.
 */
export function CohortPage({
  scenarios,
  onBack,
  initialFiles,
}: {
  scenarios: readonly CohortScenario[];
  onBack(): void;
  /** Files to open with (tests, or files handed over by another screen). */
  initialFiles?: HeldFiles;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading('cohort');
  const [held, setHeld] = useState<HeldFiles>(initialFiles ?? NO_FILES);
  const [reading, setReading] = useState(false);
  const [truncated, setTruncated] = useState(false);
  const [bundles, setBundles] = useState<Bundles>(() => ({
    loaded: new Map(),
    failed: new Set(),
    pending: new Set(),
  }));

  const add = useCallback(async (picked: readonly PickedRunFile[], cut = false) => {
    if (picked.length === 0) return;
    setReading(true);
    setTruncated(cut);
    const read = await readPickedFiles(picked);
    setHeld((h) => mergeHeld(h, read));
    setReading(false);
  }, []);

  // why: only the scenarios these runs name are fetched, each once.
  const needed = useMemo(() => {
    const ids = new Set<string>();
    for (const f of held.files) {
      const parsed = parseRunFile(f.text, f.name);
      if (parsed.ok && scenarios.some((s) => s.id === parsed.run.scenario.id))
        ids.add(parsed.run.scenario.id);
    }
    return [...ids];
  }, [held.files, scenarios]);

  useEffect(() => {
    const toLoad = needed.filter(
      (id) => !bundles.loaded.has(id) && !bundles.failed.has(id) && !bundles.pending.has(id),
    );
    if (toLoad.length === 0) return;
    setBundles((b) => ({ ...b, pending: new Set([...b.pending, ...toLoad]) }));
    for (const id of toLoad) {
      const entry = scenarios.find((s) => s.id === id)!;
      entry.load().then(
        (bundle) =>
          setBundles((b) => ({
            loaded: new Map(b.loaded).set(id, bundle),
            failed: b.failed,
            pending: without(b.pending, id),
          })),
        () =>
          setBundles((b) => ({
            loaded: b.loaded,
            failed: new Set(b.failed).add(id),
            pending: without(b.pending, id),
          })),
      );
    }
  }, [needed, bundles, scenarios]);

  const waiting = needed.some((id) => !bundles.loaded.has(id));
  const failed = needed.some((id) => bundles.failed.has(id));
  const built = useMemo((): { cohort: Cohort } | { error: string } | null => {
    if (held.files.length === 0 || waiting) return null;
    try {
      return {
        cohort: buildCohort(
          held.files,
          [...bundles.loaded.values()].map((b) => b.scenario),
          CATALOGUE,
        ),
      };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [held.files, bundles.loaded, waiting]);

  const cohort = built && 'cohort' in built ? built.cohort : null;
  const setAside = [...held.refused, ...(cohort?.setAside ?? [])].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  const notes = cohort ? cohort.groups.flatMap((g) => g.rows.flatMap((r) => r.notes)) : [];
  const clear = () => {
    setHeld(NO_FILES);
    setTruncated(false);
  };
  const retry = () => setBundles((b) => ({ ...b, failed: new Set() }));
  const fileCount = held.files.length + held.refused.length + held.ignored.length;

  return (
    <>
      <AppHeader />
      <main id="main" class="page page-cohort">
        <nav class="breadcrumb" aria-label={t('cohort.back')}>
          <button type="button" class="button button-link" onClick={onBack}>
            <span aria-hidden="true">←</span> {t('cohort.back')}
          </button>
        </nav>
        <div class="page-intro">
          <p class="kicker">{t('cohort.kicker')}</p>
          <h1 ref={heading} tabIndex={-1}>
            {t('cohort.heading')}
          </h1>
          <p class="lead">{t('cohort.intro')}</p>
        </div>
        <DropZone count={fileCount} busy={reading} onFiles={add} onClear={clear} />
        {truncated && (
          <p class="cohort-alert cohort-alert-warning">
            {t('cohort.drop.truncated', { count: MAX_DROPPED_FILES })}
          </p>
        )}
        <div aria-live="polite">
          {reading ? (
            <p class="loading" role="status">
              {t('cohort.reading')}
            </p>
          ) : failed ? (
            <div class="cohort-alert cohort-alert-error" role="alert">
              <p>{t('cohort.scenarioFailed')}</p>
              <button type="button" class="button button-secondary" onClick={retry}>
                {t('cohort.retry')}
              </button>
            </div>
          ) : waiting ? (
            <p class="loading" role="status">
              {t('cohort.scenarioLoading')}
            </p>
          ) : null}
        </div>
        {fileCount === 0 && <p class="empty-state">{t('cohort.empty')}</p>}
        {built && 'error' in built && (
          <p class="cohort-alert cohort-alert-error" role="alert">
            {t('cohort.crashed', { message: built.error })}
          </p>
        )}
        <FilesNotice
          setAside={setAside.length}
          noted={new Set(notes.map((n) => n.file)).size}
          ignored={held.ignored.length}
          onReview={() => {
            const section = document.getElementById('cohort-files');
            section?.scrollIntoView({ block: 'start' });
            section?.focus({ preventScroll: true });
          }}
        />
        {cohort && cohort.groups.length > 0 && (
          <CohortResults cohort={cohort} scenarios={scenarios} bundles={bundles.loaded} />
        )}
        <FilesToCheck setAside={setAside} notes={notes} ignored={held.ignored} />
      </main>
      <AppFooter />
    </>
  );
}

function without<T>(set: Set<T>, value: T): Set<T> {
  const out = new Set(set);
  out.delete(value);
  return out;
}

/** The drop zone with pickers for files and for a folder. */
function DropZone({
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
  const [over, setOver] = useState(false);
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
      class={`card cohort-drop${over ? ' cohort-drop-over' : ''}`}
      aria-labelledby="cohort-drop-heading"
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void droppedRunFiles(e.dataTransfer).then((r) => onFiles(r.files, r.truncated));
      }}
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
function FilesNotice({
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
function FilesToCheck({
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

const JUMPS = [
  ['cohort-table-heading', 'cohort.table.heading'],
  ['cohort-broken-heading', 'cohort.broken.heading'],
  ['cohort-heatmap-heading', 'cohort.heatmap.heading'],
  ['cohort-paths-heading', 'cohort.paths.heading'],
] as const;

// why: the app's address is `#cohort` (a reload must reopen this view), so in-page links move focus
// to their heading without changing the address.
function jumpTo(e: Event, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** The results of the chosen scenario's runs. */
function CohortResults({
  cohort,
  scenarios,
  bundles,
}: {
  cohort: Cohort;
  scenarios: readonly CohortScenario[];
  bundles: ReadonlyMap<string, ScenarioBundle>;
}) {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const group = cohort.groups.find((g) => g.scenario.id === chosen) ?? cohort.groups[0]!;
  const titleOf = (id: string) => {
    const listing = scenarios.find((s) => s.id === id);
    return listing
      ? scenarioTextsFor({ scenario: listing, texts: listing.texts }, lang).text(textKey.title())
      : id;
  };
  const bundle = bundles.get(group.scenario.id)!;
  const texts = scenarioTextsFor(bundle, lang);
  return (
    <div class="cohort-results">
      <section class="cohort-scenario" aria-labelledby="cohort-scenario-title">
        {cohort.groups.length > 1 && (
          <p class="cohort-picker">
            <label for="cohort-scenario-picker">{t('cohort.scenarioPicker')}</label>
            <select
              id="cohort-scenario-picker"
              value={group.scenario.id}
              onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
            >
              {cohort.groups.map((g) => (
                <option key={g.scenario.id} value={g.scenario.id}>
                  {t('cohort.scenarioOption', { title: titleOf(g.scenario.id), count: g.rows.length })}
                </option>
              ))}
            </select>
          </p>
        )}
        <h2 id="cohort-scenario-title" class="cohort-scenario-title" lang={texts.lang}>
          {texts.text(textKey.title())}
        </h2>
        <p class="muted">
          {t('cohort.version', { version: group.scenario.version, mastery: group.mastery })}
        </p>
      </section>
      <Summary group={group} />
      <nav class="cohort-jump" aria-label={t('cohort.jump.label')}>
        {JUMPS.map(([id, key]) => (
          <a key={id} href={`#${id}`} onClick={(e) => jumpTo(e, id)}>
            {t(key)}
          </a>
        ))}
      </nav>
      <TraineeTable group={group} texts={texts} />
      <MostBroken items={group.mostBroken} total={group.summary.counted} />
      <Heatmap heatmap={group.heatmap} />
      <Paths paths={group.paths} total={group.summary.counted} texts={texts} />
    </div>
  );
}

function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 100) : 0;
}

function useDuration() {
  const { t } = useI18n();
  return (seconds: number) => {
    const parts = minutesAndSeconds(seconds);
    return parts.minutes ? t('cohort.time', parts) : t('cohort.timeSeconds', parts);
  };
}

function Summary({ group }: { group: CohortGroup }) {
  const { t, formatNumber } = useI18n();
  const duration = useDuration();
  const s = group.summary;
  const none = t('cohort.summary.none');
  const notices: string[] = [];
  for (const v of s.otherVersions) {
    if (v.migrated) notices.push(t('cohort.summary.migrated', { count: v.migrated, version: v.version }));
    if (v.notCounted)
      notices.push(t('cohort.summary.notCounted', { count: v.notCounted, version: v.version }));
  }
  if (s.unfinished) notices.push(t('cohort.summary.unfinished', { count: s.unfinished }));
  if (s.editedSummaries) notices.push(t('cohort.summary.edited', { count: s.editedSummaries }));
  return (
    <section class="card cohort-summary" aria-labelledby="cohort-summary-heading">
      <h2 id="cohort-summary-heading" class="visually-hidden">
        {t('cohort.summary.heading')}
      </h2>
      <dl class="cohort-stats">
        <div class="cohort-stat">
          <dt>{t('cohort.summary.counted')}</dt>
          <dd>
            <span class="cohort-stat-value">{formatNumber(s.counted)}</span>
            <span class="cohort-stat-hint">{t('cohort.summary.countedOf', { count: s.runs })}</span>
          </dd>
        </div>
        <div class="cohort-stat">
          <dt>{t('cohort.summary.passed')}</dt>
          <dd>
            <span class="cohort-stat-value">{formatNumber(s.passed)}</span>
            <span class="cohort-stat-hint">
              {t('cohort.summary.passRate', { percent: percent(s.passed, s.counted) })}
            </span>
          </dd>
        </div>
        <div class="cohort-stat">
          <dt>{t('cohort.summary.meanScore')}</dt>
          <dd>
            <span class="cohort-stat-value">
              {s.meanScore === null ? none : formatNumber(Math.round(s.meanScore))}
            </span>
            <span class="cohort-stat-hint">
              {t('cohort.summary.meanScoreOf', { mastery: group.mastery })}
            </span>
          </dd>
        </div>
        <div class="cohort-stat">
          <dt>{t('cohort.summary.meanTime')}</dt>
          <dd>
            <span class="cohort-stat-value">
              {s.meanDecisionTime === null ? none : duration(s.meanDecisionTime)}
            </span>
            <span class="cohort-stat-hint">{t('cohort.summary.meanTimeHint')}</span>
          </dd>
        </div>
      </dl>
      <p class="muted cohort-rule">{t('cohort.summary.rule')}</p>
      {notices.length > 0 && (
        <ul class="cohort-notices">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const COLUMNS: SortKey[] = ['trainee', 'score', 'result', 'critical', 'time', 'ending'];

function TraineeTable({ group, texts }: { group: CohortGroup; texts: ScenarioTexts }) {
  const { t, lang, formatNumber } = useI18n();
  const duration = useDuration();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'trainee',
    direction: 'ascending',
  });
  const [exported, setExported] = useState<string | null>(null);
  const rows = useMemo(() => sortRows(group.rows, sort.key, sort.direction, lang), [group.rows, sort, lang]);
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection(key) },
    );
  const exportCsv = () => {
    const name = csvFileName(group.scenario.id, new Date());
    // why: the byte-order mark lets spreadsheet programs read accented names as UTF-8.
    const blob = new Blob(['\uFEFF', buildCohortCsv(group)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(name);
  };
  return (
    <section class="card cohort-table-card" aria-labelledby="cohort-table-heading">
      <div class="cohort-card-head">
        <h2 id="cohort-table-heading" class="cohort-section-heading" tabIndex={-1}>
          {t('cohort.table.heading')}
        </h2>
        <button type="button" class="button button-secondary" onClick={exportCsv}>
          <span aria-hidden="true">⇩</span> {t('cohort.table.export')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {exported ? t('cohort.table.exported', { file: exported }) : ''}
      </p>
      <div class="table-scroll">
        <table class="cohort-table">
          <caption class="visually-hidden">{t('cohort.table.caption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th
                  key={key}
                  scope="col"
                  class={`col-${key}`}
                  aria-sort={sort.key === key ? sort.direction : undefined}
                >
                  <button type="button" class="sort-button" onClick={() => sortBy(key)}>
                    {t(`cohort.table.${key}`)}
                    <span class="sort-mark" aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col" class="col-notes">
                {t('cohort.table.notes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.file} class={r.counted ? undefined : 'row-not-counted'}>
                <th scope="row" class="col-trainee">
                  <span class="trainee-name">{r.trainee}</span>
                  {r.namedByFile && <span class="trainee-hint">{t('cohort.table.fromFile')}</span>}
                </th>
                <td class="col-score">
                  {r.score === null ? (
                    <span class="muted">{t('cohort.table.notScored')}</span>
                  ) : (
                    <RowScore value={r.score} mastery={group.mastery} />
                  )}
                </td>
                <td class="col-result">
                  <span class={`result result-${r.result}`}>
                    <span aria-hidden="true">{RESULT_MARK[r.result]}</span>{' '}
                    {t(`cohort.table.resultValue.${r.result}`)}
                  </span>
                </td>
                <td class="col-critical">
                  {r.criticalDonts === null ? (
                    <span class="muted">–</span>
                  ) : r.criticalDonts > 0 ? (
                    <span class="critical-count">
                      <span aria-hidden="true">⚠ </span>
                      {formatNumber(r.criticalDonts)}
                    </span>
                  ) : (
                    formatNumber(0)
                  )}
                </td>
                <td class="col-time">
                  {r.decisionTime === null ? <span class="muted">–</span> : duration(r.decisionTime)}
                </td>
                <td class="col-ending">
                  {r.ending ? (
                    <>
                      <span class={`outcome-tag outcome-${r.ending.outcome}`}>
                        <span aria-hidden="true">{OUTCOME_MARK[r.ending.outcome]} </span>
                        {t(`doctrine.outcome.${r.ending.outcome}`)}
                      </span>
                      <span class="ending-title" lang={texts.lang}>
                        {texts.text(textKey.endingTitle(r.ending.id))}
                      </span>
                    </>
                  ) : (
                    <span class="muted">–</span>
                  )}
                </td>
                <td class="col-notes">
                  {r.flags.length > 0 && (
                    <ul class="flag-list">
                      {r.flags.map((f) => (
                        <li key={f.kind} class={`flag flag-${f.kind}`}>
                          {flagLabel(t, f)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const OUTCOME_MARK = { protected: '●', partial: '◐', harmed: '○' } as const;

const RESULT_MARK: Record<CohortRow['result'], string> = {
  passed: '✓',
  failed: '✗',
  unfinished: '…',
  'not-scored': '–',
};

function flagLabel(t: ReturnType<typeof useI18n>['t'], f: RowFlag): string {
  switch (f.kind) {
    case 'migrated':
    case 'other-version':
      return t(`cohort.table.flag.${f.kind}`, { version: f.fromVersion });
    case 'edited-summary':
      return t('cohort.table.flag.edited-summary', { claimed: f.claimed.overall ?? '–' });
    case 'unfinished':
      return t('cohort.table.flag.unfinished');
  }
}

function RowScore({ value, mastery }: { value: number; mastery: number }) {
  const { formatNumber } = useI18n();
  const level = value >= mastery ? 'good' : value >= 40 ? 'fair' : 'poor';
  return (
    <span class={`row-score score-${level}`}>
      <span class="row-score-number">{formatNumber(value)}</span>
      <span class="row-score-track" aria-hidden="true">
        <span class="row-score-fill" style={{ inlineSize: `${value}%` }} />
        <span class="row-score-mastery" style={{ insetInlineStart: `${mastery}%` }} />
      </span>
    </span>
  );
}

const FIRST_BROKEN = 8;

function MostBroken({ items, total }: { items: readonly BrokenDoctrine[]; total: number }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_BROKEN);
  return (
    <section class="card cohort-broken" aria-labelledby="cohort-broken-heading">
      <h2 id="cohort-broken-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.broken.heading')}
      </h2>
      {items.length === 0 ? (
        <p class="muted">{t('cohort.broken.none')}</p>
      ) : (
        <>
          <p class="muted">{t('cohort.broken.intro')}</p>
          <ol class="broken-list">
            {shown.map((b) => (
              <li key={b.doctrine} class={`broken-item severity-${b.severity}`}>
                <div class="broken-text">
                  <span class={`severity-tag severity-tag-${b.severity}`}>
                    <span aria-hidden="true">{b.severity === 'critical' ? '⚠ ' : ''}</span>
                    {t('cohort.broken.severity', { severity: t(`doctrine.severity.${b.severity}`) })}
                  </span>
                  <span class="broken-summary">{b.summary?.[lang] ?? b.doctrine}</span>
                  <span class="section-ref">
                    {b.section ? t('doctrine.section', { section: b.section }) : ''} ·{' '}
                    <code>{b.doctrine}</code>
                  </span>
                </div>
                <div class="broken-figures">
                  <span class="bar-track" aria-hidden="true">
                    <span
                      class="bar-fill bar-fill-broken"
                      style={{ inlineSize: `${percent(b.runs, total)}%` }}
                    />
                  </span>
                  <span class="broken-count">
                    {t('cohort.broken.runs', { runs: b.runs, total })} ·{' '}
                    {t('cohort.broken.times', { count: b.times })}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {items.length > FIRST_BROKEN && (
            <button type="button" class="button button-link" aria-expanded={all} onClick={() => setAll(!all)}>
              {all
                ? t('cohort.broken.showFewer', { count: FIRST_BROKEN })
                : t('cohort.broken.showAll', { count: items.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Heatmap({ heatmap }: { heatmap: CohortHeatmap }) {
  const { t, lang } = useI18n();
  const one = useMemo(
    () => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    [lang],
  );
  let maxBroken = 0;
  for (const tier of TIERS)
    for (const p of PHASES) maxBroken = Math.max(maxBroken, heatmap.cells[tier][p].meanBroken ?? 0);
  return (
    <section class="card cohort-heatmap" aria-labelledby="cohort-heatmap-heading">
      <h2 id="cohort-heatmap-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.heatmap.heading')}
      </h2>
      <p class="muted">{t('cohort.heatmap.intro', { count: heatmap.runs })}</p>
      <div class="table-scroll">
        <table class="matrix cohort-matrix">
          <caption class="visually-hidden">{t('cohort.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cohort.heatmap.tier')}</th>
              {PHASES.map((p) => (
                <th key={p} scope="col">
                  {t(`doctrine.phase.${p}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <th scope="row">{t(`doctrine.tier.${tier}`)}</th>
                {PHASES.map((p) => {
                  const c = heatmap.cells[tier][p];
                  if (c.runs === 0)
                    return (
                      <td key={p} class="heat-cell heat-empty">
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">{t('cohort.heatmap.empty')}</span>
                      </td>
                    );
                  const heat = maxBroken ? (c.meanBroken ?? 0) / maxBroken : 0;
                  const followed = one.format(c.meanFollowed ?? 0);
                  const broken = one.format(c.meanBroken ?? 0);
                  return (
                    <td key={p} class="heat-cell" style={{ '--heat': heat.toFixed(2) }}>
                      <span class="heat-values" aria-hidden="true">
                        <span class="count-followed">✓ {followed}</span>
                        <span class="count-broken">✗ {broken}</span>
                      </span>
                      <span class="visually-hidden">
                        {t('cohort.heatmap.followed', { value: followed })},{' '}
                        {t('cohort.heatmap.broken', { value: broken })},{' '}
                      </span>
                      <span class="heat-runs">
                        {t('cohort.heatmap.runs', { count: c.runs, total: heatmap.runs })}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Paths({
  paths,
  total,
  texts,
}: {
  paths: readonly DecisionPaths[];
  total: number;
  texts: ScenarioTexts;
}) {
  const { t } = useI18n();
  return (
    <section class="cohort-paths" aria-labelledby="cohort-paths-heading">
      <h2 id="cohort-paths-heading" class="cohort-section-heading" tabIndex={-1}>
        {t('cohort.paths.heading')}
      </h2>
      <p class="muted">{t('cohort.paths.intro')}</p>
      <ol class="path-list">
        {paths.map((p) => (
          <li key={p.step}>
            <DecisionCard paths={p} total={total} texts={texts} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecisionCard({
  paths: p,
  total,
  texts,
}: {
  paths: DecisionPaths;
  total: number;
  texts: ScenarioTexts;
}) {
  const { t } = useI18n();
  const label = (ids: readonly string[]) => (
    <span class="combo" lang={texts.lang}>
      {ids.map((id, i) => (
        <span key={id} class="combo-part">
          {i > 0 && <span class="combo-and">{t('cohort.paths.and')}</span>}
          {texts.text(textKey.optionLabel(id))}
        </span>
      ))}
    </span>
  );
  const waitingIsBest = p.best.some((b) => b.length === 0);
  const headingId = `path-${p.step}`;
  return (
    <section class="card path-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="path-title" lang={texts.lang}>
        {texts.text(textKey.stepTitle(p.step))}
      </h3>
      <p class="path-prompt" lang={texts.lang}>
        {texts.text(textKey.prompt(p.step))}
      </p>
      <p class="path-meta">
        <span class={`badge badge-neutral phase-${p.phase}`}>{t(`doctrine.phase.${p.phase}`)}</span>
        {p.timeLimit !== null && (
          <span class="badge badge-neutral">{t('cohort.paths.timed', { seconds: p.timeLimit })}</span>
        )}
        <span>{t('cohort.paths.reached', { runs: p.runs, total })}</span>
        {p.visits > 0 && (
          <span>
            {t('cohort.paths.bestTaken', {
              count: p.bestTaken,
              visits: p.visits,
              percent: percent(p.bestTaken, p.visits),
            })}
          </span>
        )}
      </p>
      {p.visits === 0 ? (
        <p class="muted">{t('cohort.paths.notReached')}</p>
      ) : (
        <>
          {p.mode === 'multi' && <p class="path-multi">{t('cohort.paths.multi', { pick: p.pick })}</p>}
          <ul class="bars">
            {p.choices.map((c) => (
              <Bar
                key={c.options.join('+')}
                label={label(c.options)}
                count={c.count}
                visits={p.visits}
                best={c.best}
              />
            ))}
            {p.canTimeOut && (
              <Bar
                label={t('cohort.paths.timedOut')}
                count={p.timedOut}
                visits={p.visits}
                best={waitingIsBest}
                timeout
              />
            )}
          </ul>
          {p.mode === 'multi' && (
            <details class="path-options">
              <summary>{t('cohort.paths.byOption')}</summary>
              <ul class="bars">
                {p.byOption.map((o) => (
                  <Bar
                    key={o.option}
                    label={label([o.option])}
                    count={o.count}
                    visits={p.visits}
                    best={p.best.some((b) => b.includes(o.option))}
                  />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function Bar({
  label,
  count,
  visits,
  best,
  timeout = false,
}: {
  label: ComponentChildren;
  count: number;
  visits: number;
  best: boolean;
  timeout?: boolean;
}) {
  const { t } = useI18n();
  const share = percent(count, visits);
  return (
    <li class={`bar-row${best ? ' bar-best' : ''}${timeout ? ' bar-timeout' : ''}`}>
      <span class="bar-label">
        {label}
        {best && (
          <span class="badge badge-best">
            <span aria-hidden="true">★ </span>
            {t('cohort.paths.best')}
          </span>
        )}
      </span>
      <span class="bar-track" aria-hidden="true">
        <span class="bar-fill" style={{ inlineSize: `${share}%` }} />
      </span>
      <span class="bar-count">{t('cohort.paths.count', { count, visits, percent: share })}</span>
    </li>
  );
}
