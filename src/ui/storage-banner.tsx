import { useContext, useEffect, useState } from 'preact/hooks';
import './saved-runs.css';
import type { RunSaves, SavesSnapshot } from '../storage/run-saves.ts';
import { PreferencesContext } from './app-header.tsx';
import { useI18n } from './i18n-context.tsx';

/** The saves as they are now, following every change. */
export function useSavesSnapshot(saves: RunSaves): SavesSnapshot {
  const [snap, setSnap] = useState(() => saves.snapshot());
  useEffect(() => {
    setSnap(saves.snapshot());
    return saves.subscribe(() => setSnap(saves.snapshot()));
  }, [saves]);
  return snap;
}

/**
 * Exports every run, the progress and the settings to one file the trainee downloads.
 * why: the file format and its checks load only when asked for, keeping them out of the first load.
 */
export function useExportRuns(saves: RunSaves): { exportRuns(): void; error: string | null } {
  const { lang } = useI18n();
  const preferences = useContext(PreferencesContext);
  const [error, setError] = useState<string | null>(null);
  const exportRuns = () => {
    setError(null);
    const snap = saves.snapshot();
    const now = new Date();
    import('../storage/backup.ts').then(
      ({ serializeBackup, backupFileName }) => {
        const text = serializeBackup({
          runs: snap.runs,
          setAside: snap.setAside,
          progress: snap.progress,
          settings: {
            language: lang,
            muted: preferences?.muted ?? false,
            volume: preferences?.volume ?? 0.8,
          },
          exportedAt: now.toISOString(),
        });
        downloadText(backupFileName(now), text);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return { exportRuns, error };
}

function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // why: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Says, on every screen, when runs live only in this tab (storage blocked or full), with a way to
 * export them; the run in progress goes on.
 */
export function StorageBanner({ saves }: { saves: RunSaves }) {
  const { t } = useI18n();
  const { health, takenOver } = useSavesSnapshot(saves);
  const { exportRuns, error } = useExportRuns(saves);
  if (health.kind !== 'memory')
    return takenOver.size ? (
      <aside class="storage-banner" aria-label={t('storage.banner.label')}>
        <div class="storage-banner-inner" role="alert">
          <p>
            <strong>{t('storage.takenOver.title')}</strong> {t('storage.takenOver.body')}
          </p>
        </div>
      </aside>
    ) : null;
  return (
    <aside class="storage-banner" aria-label={t('storage.banner.label')}>
      <div class="storage-banner-inner" role="alert">
        <p>
          <strong>{t('storage.banner.title')}</strong> {t(`storage.banner.${health.reason}`)}
        </p>
        <button type="button" class="button button-primary" onClick={exportRuns}>
          {t('storage.banner.export')}
        </button>
        {error && <p>{t('storage.exportFailed', { message: error })}</p>}
      </div>
    </aside>
  );
}
