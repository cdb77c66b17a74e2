import { useState } from 'preact/hooks';
import type { RunEvent } from '../../engine/run/run-state.ts';
import { scenarioText } from '../../engine/run/run-view.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/storage/en.json';
import fr from '../../i18n/locales/storage/fr.json';
import { type ResumeStanding, replays } from '../../storage/resume-standing.ts';
import type { RunSaves } from '../../storage/run-saves.ts';
import { type SavedRun, type StoredRun, secondsOf } from '../../storage/saved-run.ts';
import type { ScenarioEntry } from '../app.tsx';
import { useI18n } from '../i18n-context.tsx';
import { type Placed, titleOf, useDateTime, useDiscard, usePlaced } from '../saved-runs.tsx';
import { BackupActions, WarningIcon } from './backup-actions.tsx';

registerStrings({ en, fr });

type Translate = ReturnType<typeof useI18n>['t'];

function asideMessage(
  t: Translate,
  standing: ResumeStanding,
  saved: SavedRun,
  bundle?: ScenarioBundle,
): string {
  switch (standing.kind) {
    case 'other-version':
      return t('storage.aside.otherVersion', {
        from: standing.fromVersion,
        to: bundle?.scenario.version ?? '',
      });
    case 'does-not-replay':
      return t('storage.aside.doesNotReplay');
    case 'unknown-scenario':
      return t('storage.aside.unknownScenario', { id: saved.run.scenario.id });
    default:
      return '';
  }
}

const inProgress = (r: SavedRun) => r.status === 'in-progress';
const finished = (r: SavedRun) => r.status === 'finished';

/**
 * Runs in progress that can no longer be continued (their scenario changed, or the browser's copy
 * is damaged), each with why and what it recorded; never dropped without the trainee's say.
 */
export function AsideRuns({
  saves,
  scenarios,
  limit,
}: {
  saves: RunSaves;
  scenarios: readonly ScenarioEntry[];
  /** Only the newest runs the menu lists are replayed (see RUNS_SHOWN). */
  limit: number;
}) {
  const { t } = useI18n();
  const discard = useDiscard(saves);
  const { snap, placed } = usePlaced(saves, scenarios, inProgress, true, limit);
  const aside = placed.filter((p) => p.standing && !replays(p.standing));
  if (!aside.length && !snap.setAside.length) return null;
  return (
    <section class="saved-runs" aria-labelledby="aside-heading">
      <h2 id="aside-heading" class="situation-heading">
        {t('storage.asideHeading')}
      </h2>
      <ul class="saved-list">
        {aside.map((p) => (
          <AsideRun key={p.saved.id} placed={p} scenarios={scenarios} onDiscard={() => discard(p.saved.id)} />
        ))}
        {snap.setAside.map((s, i) => (
          <UnreadableRun key={`${s.id}-${i}`} stored={s} onDiscard={() => discard(s.id)} />
        ))}
      </ul>
    </section>
  );
}

/** A run that no longer fits its scenario: why, and what it recorded, read-only. */
function AsideRun({
  placed: { saved, bundle, standing },
  scenarios,
  onDiscard,
}: {
  placed: Placed;
  scenarios: readonly ScenarioEntry[];
  onDiscard(): void;
}) {
  const { t, lang } = useI18n();
  const when = useDateTime();
  const title = titleOf(scenarios, saved.run.scenario.id, lang);
  return (
    <li class="card saved-run saved-run-aside">
      <h3 class="card-title">{title}</h3>
      <p class="saved-run-facts">
        <span>{t('storage.savedAt', { time: when(saved.savedAt) })}</span>
      </p>
      <p class="saved-run-note">
        <WarningIcon />
        <span>{standing && asideMessage(t, standing, saved, bundle)}</span>
      </p>
      {standing && 'reason' in standing && <p class="muted saved-run-reason">{standing.reason}</p>}
      <RecordedLog log={saved.run.log} bundle={bundle} />
      <div class="card-actions">
        <button
          type="button"
          class="button button-link"
          aria-label={t('storage.discardLabel', { title })}
          onClick={onDiscard}
        >
          {t('storage.discard')}
        </button>
      </div>
    </li>
  );
}

/** A stored record that could not be read at all (damaged, or from a newer pocsim), kept as found. */
function UnreadableRun({
  stored,
  onDiscard,
}: {
  stored: Extract<StoredRun, { ok: false }>;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const title = t('storage.unreadableTitle', { id: stored.id });
  return (
    <li class="card saved-run saved-run-aside">
      <h3 class="card-title">{title}</h3>
      <p class="saved-run-note">
        <WarningIcon />
        <span>
          {stored.reason === 'newer-format'
            ? t('storage.aside.newerFormat')
            : t('storage.aside.damaged', { detail: stored.detail })}
        </span>
      </p>
      <div class="card-actions">
        <button
          type="button"
          class="button button-link"
          aria-label={t('storage.discardLabel', { title })}
          onClick={onDiscard}
        >
          {t('storage.discard')}
        </button>
      </div>
    </li>
  );
}

/** What a run's log recorded, in words: its decisions (named when the scenario still has them) and its time. */
function RecordedLog({ log, bundle }: { log: readonly RunEvent[]; bundle: ScenarioBundle | undefined }) {
  const { t, lang } = useI18n();
  const seconds = secondsOf(log);
  const options = new Set(bundle?.scenario.steps.flatMap((s) => s.decision?.options.map((o) => o.id) ?? []));
  const label = (id: string) =>
    bundle && options.has(id)
      ? scenarioText(bundle, lang, textKey.optionLabel(id))
      : t('storage.unknownOption', { id });
  return (
    <details class="recorded">
      <summary>{t('storage.recorded')}</summary>
      <p class="muted">
        {t('storage.recordedTime', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
      </p>
      <ol class="recorded-list">
        {log.flatMap((e, i) =>
          e.type === 'clock.ticked'
            ? []
            : [
                <li key={i}>
                  {e.type === 'decision.chosen'
                    ? t('storage.event.decision', { options: e.optionIds.map(label).join(' · ') })
                    : t('storage.event.continued')}
                </li>,
              ],
        )}
      </ol>
    </details>
  );
}

/** Finished runs (a debrief can be opened again) and the export and import of every run. */
export function FinishedRuns({
  saves,
  scenarios,
  onDebrief,
}: {
  saves: RunSaves;
  scenarios: readonly ScenarioEntry[];
  onDebrief(bundle: ScenarioBundle, saved: SavedRun): void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const when = useDateTime();
  // why: the scenarios of finished runs load only when the trainee opens the list.
  const [shown, setShown] = useState(false);
  const { placed } = usePlaced(saves, scenarios, finished, shown);
  return (
    <section class="trainer-tools saved-backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading" class="situation-heading">
        {t('storage.backupHeading')}
      </h2>
      <p class="muted">{t('storage.backupText')}</p>
      {placed.length > 0 && (
        <details
          class="saved-history"
          onToggle={(e) => setShown((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>{t('storage.history', { count: placed.length })}</summary>
          <ul class="saved-list">
            {placed.map(({ saved, bundle, standing }) => {
              const title = titleOf(scenarios, saved.run.scenario.id, lang);
              const time = when(saved.run.finishedAt ?? saved.savedAt);
              const summary = saved.run.summary;
              return (
                <li key={saved.id} class="saved-history-item">
                  <span class="saved-history-title">{title}</span>
                  <span class="muted">{t('storage.finishedAt', { time })}</span>
                  {summary && summary.overall !== null && (
                    <span>
                      {t('storage.score', { score: formatNumber(summary.overall) })}{' '}
                      <span class={`badge badge-small ${summary.passed ? 'badge-pass' : 'badge-neutral'}`}>
                        {summary.passed ? t('storage.passed') : t('storage.notPassed')}
                      </span>
                    </span>
                  )}
                  {bundle && standing && replays(standing) && (
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-label={t('storage.openDebriefLabel', { title, time })}
                      onClick={() => onDebrief(bundle, saved)}
                    >
                      {t('storage.openDebrief')}
                    </button>
                  )}
                  {standing && !replays(standing) && (
                    <span class="saved-history-aside">
                      <span class="saved-run-note">
                        <WarningIcon />
                        <span>{asideMessage(t, standing, saved, bundle)}</span>
                      </span>
                      <RecordedLog log={saved.run.log} bundle={bundle} />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <BackupActions saves={saves} scenarios={scenarios} />
    </section>
  );
}
