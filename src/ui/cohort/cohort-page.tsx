import { useCallback, useRef, useState } from 'preact/hooks';
import type { Cohort, CohortGroup } from '../../engine/results/cohort.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { ScenarioListing } from '../../engine/scenario/scenario-listing.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/cohort/en.json';
import fr from '../../i18n/locales/cohort/fr.json';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { scenarioTextsFor } from '../scenario-text.ts';
import { Heatmap, MostBroken, Paths } from './cohort-doctrine.tsx';
import { MAX_DROPPED_FILES, type PickedRunFile, readPickedFiles } from './cohort-files.ts';
import { CohortProgressBar, DropZone, FilesNotice, FilesToCheck } from './cohort-files-view.tsx';
import { type HeldFiles, mergeHeld, percent } from './cohort-model.ts';
import { TraineeTable, useDuration } from './cohort-table.tsx';
import type { CohortProgress } from './cohort-work.ts';
import { useCohortBuild } from './use-cohort-build.ts';
import './cohort-page.css';

// why: the cohort screen's words load with it, not with the trainee's first load.
registerStrings({ en, fr });

/** A scenario the app ships, with a way to fetch the whole of it (to score runs against). */
export type CohortScenario = ScenarioListing & { load(): Promise<ScenarioBundle> };

const NO_FILES: HeldFiles = { files: [], refused: [], ignored: [] };

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
  const [reading, setReading] = useState<CohortProgress | null>(null);
  const [truncated, setTruncated] = useState(false);
  // why: implausible runs count only once the trainer, having checked with the trainee, accepts them
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set());
  const accept = useCallback(
    (file: string, yes: boolean) =>
      setAccepted((a) => {
        const next = new Set(a);
        if (yes) next.add(file);
        else next.delete(file);
        return next;
      }),
    [],
  );
  const [stopped, setStopped] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const build = useCohortBuild(held.files, scenarios, attempt, accepted);
  const built = build.built;
  const failed = build.failed;
  // why: Stop puts back the files open before the last drop, and a drop read after Stop is dropped.
  const heldNow = useRef(held);
  heldNow.current = held;
  const before = useRef<HeldFiles>(NO_FILES);
  const reads = useRef(0);

  const add = useCallback(async (picked: readonly PickedRunFile[], cut = false) => {
    if (picked.length === 0) return;
    const read = ++reads.current;
    before.current = heldNow.current;
    setStopped(false);
    setTruncated(cut);
    setReading({ phase: 'reading', done: 0, total: picked.length });
    // why: one re-render per file read made reading 500 small files take seconds; a few a second do.
    let shown = 0;
    const files = await readPickedFiles(picked, {
      already: heldNow.current.files.reduce((n, f) => n + f.text.length, 0),
      onRead: (done, total) => {
        const now = performance.now();
        if (read !== reads.current || (done < total && now - shown < 100)) return;
        shown = now;
        setReading({ phase: 'reading', done, total });
      },
    });
    if (read !== reads.current) return;
    setHeld((h) => mergeHeld(h, files));
    setReading(null);
  }, []);
  const stop = () => {
    reads.current++;
    setReading(null);
    build.cancel();
    setHeld(before.current);
    setStopped(true);
  };
  const progress = reading ?? build.progress;

  const cohort = built && 'cohort' in built ? built.cohort : null;
  const setAside = [...held.refused, ...(cohort?.setAside ?? [])].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  const notes = cohort ? cohort.groups.flatMap((g) => g.rows.flatMap((r) => r.notes)) : [];
  const clear = () => {
    setHeld(NO_FILES);
    setTruncated(false);
    setAccepted(new Set());
  };
  const retry = () => setAttempt((n) => n + 1);
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
        <DropZone count={fileCount} busy={progress !== null} onFiles={add} onClear={clear} />
        {truncated && (
          <p class="cohort-alert cohort-alert-warning">
            {t('cohort.drop.truncated', { count: MAX_DROPPED_FILES })}
          </p>
        )}
        {progress && <CohortProgressBar progress={progress} onStop={stop} />}
        {stopped && !progress && (
          <p class="cohort-alert cohort-alert-warning" role="status">
            {t('cohort.progress.stopped')}
          </p>
        )}
        <div aria-live="polite">
          {failed ? (
            <div class="cohort-alert cohort-alert-error" role="alert">
              <p>{t('cohort.scenarioFailed')}</p>
              <button type="button" class="button button-secondary" onClick={retry}>
                {t('cohort.retry')}
              </button>
            </div>
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
          <CohortResults cohort={cohort} scenarios={scenarios} bundles={build.bundles} onAccept={accept} />
        )}
        <FilesToCheck setAside={setAside} notes={notes} ignored={held.ignored} />
      </main>
      <AppFooter />
    </>
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
  onAccept,
}: {
  cohort: Cohort;
  scenarios: readonly CohortScenario[];
  bundles: ReadonlyMap<string, ScenarioBundle>;
  onAccept: (file: string, accept: boolean) => void;
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
      <TraineeTable group={group} texts={texts} onAccept={onAccept} />
      <MostBroken items={group.mostBroken} total={group.summary.counted} />
      <Heatmap heatmap={group.heatmap} />
      <Paths paths={group.paths} total={group.summary.counted} texts={texts} />
    </div>
  );
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
  if (s.implausible) notices.push(t('cohort.summary.implausible', { count: s.implausible }));
  if (s.acceptedImplausible)
    notices.push(t('cohort.summary.acceptedImplausible', { count: s.acceptedImplausible }));
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
