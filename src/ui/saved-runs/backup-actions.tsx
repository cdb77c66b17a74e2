import { useContext, useRef, useState } from 'preact/hooks';
import { formatDiagnostic } from '../../engine/scenario/diagnostic.ts';
import type { ImportOutcome } from '../../storage/backup.ts';
import type { RunSaves } from '../../storage/run-saves.ts';
import type { SavedRun } from '../../storage/saved-run.ts';
import type { ScenarioEntry } from '../app.tsx';
import { PreferencesContext } from '../app-header.tsx';
import { isUiLanguage, useI18n } from '../i18n-context.tsx';
import { titleOf, useDateTime } from '../saved-runs.tsx';
import { useExportRuns } from '../storage-banner.tsx';

// why: an import must say what it did with every run of every file (added, brought up to date,
// kept beside another copy, already here) and what it set aside and why, so a trainee carrying
// runs between computers can see that nothing was dropped (review defect 3).

/** One run of an imported file and what became of it. */
interface RunOutcome {
  outcome: ImportOutcome;
  scenario: string;
  startedAt: string | undefined;
}

type ImportReport =
  | { state: 'reading'; file: string }
  | { state: 'failed'; file: string; problems: string[] }
  | {
      state: 'done';
      file: string;
      runs: RunOutcome[];
      damaged: string[];
      settings: 'applied' | 'kept' | 'none';
    };

/** Exports every run to a file, and imports runs from files with a report for each file. */
export function BackupActions({
  saves,
  scenarios,
}: {
  saves: RunSaves;
  scenarios: readonly ScenarioEntry[];
}) {
  const { t } = useI18n();
  const preferences = useContext(PreferencesContext);
  const { exportRuns, error } = useExportRuns(saves);
  const input = useRef<HTMLInputElement>(null);
  const [reports, setReports] = useState<ImportReport[]>([]);

  const importFile = async (file: File, at: number) => {
    const report = (r: ImportReport) => setReports((all) => all.map((x, i) => (i === at ? r : x)));
    try {
      const [text, { parseBackup, planImport }] = await Promise.all([
        file.text(),
        import('../../storage/backup.ts'),
      ]);
      const read = parseBackup(text, file.name);
      if (!read.ok) {
        report({ state: 'failed', file: file.name, problems: read.diagnostics.map(formatDiagnostic) });
        return;
      }
      const before = saves.snapshot();
      const fresh = before.runs.length === 0 && Object.keys(before.progress).length === 0;
      const plan = planImport(before.runs, read.runs);
      await saves.merge([...plan.added, ...plan.updated, ...plan.keptBeside], read.progress);
      // why: settings come with the file only onto a browser with nothing of its own (a new
      // computer); elsewhere the trainee's current choices stay.
      const hasSettings = Object.keys(read.settings).length > 0;
      if (fresh && hasSettings && preferences) {
        if (isUiLanguage(read.settings.language)) preferences.setLanguage(read.settings.language);
        if (read.settings.muted !== undefined) preferences.setMuted(read.settings.muted);
        if (read.settings.volume !== undefined) preferences.setVolume(read.settings.volume);
      }
      report({
        state: 'done',
        file: file.name,
        runs: plan.outcomes.map((outcome, i) => runOutcome(outcome, read.runs[i]!)),
        damaged: read.damaged.map(formatDiagnostic),
        settings: !hasSettings ? 'none' : fresh ? 'applied' : 'kept',
      });
    } catch (e) {
      report({ state: 'failed', file: file.name, problems: [e instanceof Error ? e.message : String(e)] });
    }
  };
  // why: files are imported one after another, so each compares with what the one before added.
  const importFiles = async (files: readonly File[]) => {
    setReports(files.map((f) => ({ state: 'reading', file: f.name })));
    for (const [i, f] of files.entries()) await importFile(f, i);
  };

  return (
    <div class="backup-actions">
      <div class="card-actions">
        <button type="button" class="button button-secondary" onClick={exportRuns}>
          {t('storage.export')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => input.current?.click()}>
          {t('storage.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            const files = [...(el.files ?? [])];
            el.value = '';
            if (files.length) void importFiles(files);
          }}
        />
      </div>
      {error && <p class="saved-run-note">{t('storage.exportFailed', { message: error })}</p>}
      <div role="status" class="import-report">
        {reports.map((report, i) => (
          <FileReport key={i} report={report} scenarios={scenarios} />
        ))}
      </div>
    </div>
  );
}

function runOutcome(outcome: ImportOutcome, run: SavedRun): RunOutcome {
  return { outcome, scenario: run.run.scenario.id, startedAt: run.run.startedAt ?? run.savedAt };
}

const OUTCOME_KEY: Record<ImportOutcome['kind'], string> = {
  added: 'storage.outcome.added',
  updated: 'storage.outcome.updated',
  'kept-beside': 'storage.outcome.keptBeside',
  'already-here': 'storage.outcome.alreadyHere',
};
/** More runs than this in one file are counted, not listed one by one. */
const LISTED = 50;

function FileReport({ report, scenarios }: { report: ImportReport; scenarios: readonly ScenarioEntry[] }) {
  const { t, lang } = useI18n();
  const when = useDateTime();
  if (report.state === 'reading') return <p>{t('storage.importing', { file: report.file })}</p>;
  if (report.state === 'failed')
    return (
      <>
        <p class="saved-run-note">
          <WarningIcon />
          <span>{t('storage.importFailed', { file: report.file })}</span>
        </p>
        <ProblemList problems={report.problems} />
      </>
    );
  const count = (kind: ImportOutcome['kind']) => report.runs.filter((r) => r.outcome.kind === kind).length;
  return (
    <>
      <p>
        {t('storage.importDone', { file: report.file })}{' '}
        {t(count('kept-beside') ? 'storage.importCountsKept' : 'storage.importCounts', {
          added: t('storage.added', { count: count('added') }),
          updated: t('storage.updated', { count: count('updated') }),
          kept: t('storage.keptBeside', { count: count('kept-beside') }),
          skipped: t('storage.skipped', { count: count('already-here') }),
        })}{' '}
        {report.settings === 'applied'
          ? t('storage.settingsApplied')
          : report.settings === 'kept'
            ? t('storage.settingsKept')
            : ''}
      </p>
      {report.runs.length > 0 && (
        <details class="import-runs">
          <summary>{t('storage.eachRun', { count: report.runs.length })}</summary>
          <ul>
            {report.runs.slice(0, LISTED).map((r, i) => (
              <li key={i}>
                {t(OUTCOME_KEY[r.outcome.kind], {
                  title: titleOf(scenarios, r.scenario, lang),
                  time: when(r.startedAt),
                })}
              </li>
            ))}
          </ul>
          {report.runs.length > LISTED && (
            <p>{t('storage.moreRuns', { count: report.runs.length - LISTED })}</p>
          )}
        </details>
      )}
      {report.damaged.length > 0 && (
        <>
          <p class="saved-run-note">
            <WarningIcon />
            <span>{t('storage.damaged', { count: report.damaged.length })}</span>
          </p>
          <ProblemList problems={report.damaged} />
        </>
      )}
    </>
  );
}

export function ProblemList({ problems }: { problems: readonly string[] }) {
  return (
    <ul class="import-problems">
      {problems.map((p, i) => (
        <li key={i}>
          <code>{p}</code>
        </li>
      ))}
    </ul>
  );
}

/** A warning sign beside messages, so a warning is not told by colour alone. */
export function WarningIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 3l10 18H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      <path d="M12 10v5M12 17.5v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
