import { useEffect, useMemo, useState } from 'preact/hooks';
import { scenarioText } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { type ResumeStanding, replays, standingOf } from '../storage/resume-standing.ts';
import type { RunSaves } from '../storage/run-saves.ts';
import type { SavedRun } from '../storage/saved-run.ts';
import type { ScenarioEntry } from './app.tsx';
import { useI18n } from './i18n-context.tsx';
import { useSavesSnapshot } from './storage-banner.tsx';
import './saved-runs.css';

// why: the list of runs to continue is part of the first screen; the rest (runs set aside, finished
// runs, export and import, with their strings) is in saved-runs/saved-runs-more.tsx, loaded after it.

/** A saved run with the scenario it was played on (once loaded) and where it stands against it. */
export interface Placed {
  saved: SavedRun;
  bundle: ScenarioBundle | undefined;
  /** Unknown until the scenario has loaded. */
  standing: ResumeStanding | undefined;
}

/** Loads the bundled scenarios that saved runs name, so their steps and options can be named. */
function useBundles(scenarios: readonly ScenarioEntry[], ids: readonly string[]) {
  const [bundles, setBundles] = useState<ReadonlyMap<string, ScenarioBundle>>(new Map());
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split('\n') : []) {
      const entry = scenarios.find((s) => s.id === id);
      if (!entry || bundles.has(id)) continue;
      entry.load().then(
        (b) => {
          if (live) setBundles((m) => new Map(m).set(id, b));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [scenarios, key]);
  return bundles;
}

/**
 * The saved runs a filter picks (the newest `limit` of them), each replayed against its scenario
 * once that has loaded (while `active`); `total` counts every run the filter picks.
 */
export function usePlaced(
  saves: RunSaves,
  scenarios: readonly ScenarioEntry[],
  pick: (saved: SavedRun) => boolean,
  active = true,
  limit = Number.POSITIVE_INFINITY,
) {
  const snap = useSavesSnapshot(saves);
  const all = useMemo(() => snap.runs.filter(pick), [snap.runs, pick]);
  const picked = all.length > limit ? all.slice(0, limit) : all;
  const bundles = useBundles(scenarios, active ? picked.map((r) => r.run.scenario.id) : []);
  const key = picked.map((r) => `${r.id}@${r.savedAt}`).join('\n');
  const placed = useMemo(
    () =>
      picked.map((saved): Placed => {
        const known = scenarios.some((s) => s.id === saved.run.scenario.id);
        const bundle = bundles.get(saved.run.scenario.id);
        const standing: ResumeStanding | undefined = bundle
          ? standingOf(saved, bundle.scenario)
          : known
            ? undefined
            : { kind: 'unknown-scenario' };
        return { saved, bundle, standing };
      }),
    [key, bundles, scenarios],
  );
  return { snap, placed, total: all.length };
}

/**
 * Runs in progress the menu replays and lists at first, newest first; the rest are counted and
 * listed on request. why: a backup of 20,000 runs made every menu load replay and draw all of
 * them (a 10 s stall, review defect 8).
 */
export const RUNS_SHOWN = 6;
/** How many more runs each "Show more" lists. */
const RUNS_MORE = 20;

/** Formats ISO times as a date and time in the UI language. */
export function useDateTime(): (iso: string | undefined) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => (iso ? f.format(new Date(iso)) : '');
  }, [lang]);
}

/** A scenario's title in the UI language, or its id when this build does not have it. */
export function titleOf(scenarios: readonly ScenarioEntry[], id: string, lang: string): string {
  const listing = scenarios.find((s) => s.id === id);
  return listing ? scenarioText({ scenario: listing, texts: listing.texts }, lang, textKey.title()) : id;
}

/** Forgets a saved run once the trainee confirms. */
export function useDiscard(saves: RunSaves): (id: string) => void {
  const { t } = useI18n();
  return (id) => {
    if (globalThis.confirm?.(t('storage.discardConfirm')) ?? true) void saves.remove(id);
  };
}

/** Whether a run is still in progress (a stable function, so lists of them can be kept). */
export const inProgress = (r: SavedRun) => r.status === 'in-progress';

/**
 * Runs in progress, each with a way to continue it at the step, clock and score it was saved at;
 * then (loaded after) the runs that cannot be continued any more, each with what it recorded.
 */
export function ResumeRuns({
  saves,
  scenarios,
  onContinue,
}: {
  saves: RunSaves;
  scenarios: readonly ScenarioEntry[];
  /** Reopens a run where it was saved; `takeOver` when another tab is playing it. */
  onContinue(bundle: ScenarioBundle, saved: SavedRun, takeOver?: boolean): void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const when = useDateTime();
  const discard = useDiscard(saves);
  const [limit, setLimit] = useState(RUNS_SHOWN);
  const { placed, snap, total } = usePlaced(saves, scenarios, inProgress, true, limit);
  const rest = Math.max(0, total - limit);
  // why: a run is offered only once its log has replayed against the scenario (a moment, once the
  // scenario's chunk has loaded), so one that no longer fits never shows a Continue button.
  const open = placed.filter((p) => p.standing && replays(p.standing));
  return (
    <>
      {open.length > 0 && (
        <section class="saved-runs" aria-labelledby="resume-heading">
          <h2 id="resume-heading" class="situation-heading">
            {t('storage.resumeHeading')}
          </h2>
          <ul class="saved-list">
            {open.map(({ saved, bundle, standing }) => {
              const title = titleOf(scenarios, saved.run.scenario.id, lang);
              const at = standing && replays(standing) ? standing : undefined;
              const elsewhere = snap.elsewhere.has(saved.id);
              return (
                <li key={saved.id} class="card saved-run">
                  <h3 class="card-title">{title}</h3>
                  <p class="saved-run-facts">
                    <span>
                      {bundle && at
                        ? t('storage.atStep', {
                            step: scenarioText(bundle, lang, textKey.stepTitle(at.step)),
                          })
                        : t('app.loading')}
                    </span>
                    <span>{t('storage.savedAt', { time: when(saved.savedAt) })}</span>
                  </p>
                  {standing?.kind === 'migrated' && (
                    <p class="muted">
                      {t('storage.migrated', {
                        from: standing.fromVersion,
                        to: bundle?.scenario.version ?? '',
                      })}
                    </p>
                  )}
                  {elsewhere && (
                    <p class="saved-run-elsewhere" role="status">
                      {t('storage.openElsewhere')}
                    </p>
                  )}
                  <div class="card-actions">
                    <button
                      type="button"
                      class="button button-primary"
                      aria-label={t(elsewhere ? 'storage.takeOverLabel' : 'storage.continueLabel', { title })}
                      disabled={!bundle || !at}
                      onClick={() => bundle && onContinue(bundle, saved, elsewhere)}
                    >
                      {t(elsewhere ? 'storage.takeOver' : 'storage.continue')}
                      <span aria-hidden="true" class="button-arrow">
                        →
                      </span>
                    </button>
                    <button
                      type="button"
                      class="button button-link"
                      aria-label={t('storage.discardLabel', { title })}
                      onClick={() => discard(saved.id)}
                    >
                      {t('storage.discard')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          {rest > 0 && (
            <p class="saved-runs-more">
              <span>{t('storage.moreInProgress', { count: rest, formatted: formatNumber(rest) })}</span>{' '}
              <button type="button" class="button button-link" onClick={() => setLimit((n) => n + RUNS_MORE)}>
                {t('storage.showMore', { count: Math.min(rest, RUNS_MORE) })}
              </button>
            </p>
          )}
        </section>
      )}
      <More part="aside" saves={saves} scenarios={scenarios} limit={limit} />
    </>
  );
}

/**
 * Finished runs (their debriefs can be opened again) and the export and import of every run, below
 * the scenarios.
 */
export function RunHistory(props: {
  saves: RunSaves;
  scenarios: readonly ScenarioEntry[];
  /** Opens the debrief of a finished run again. */
  onDebrief(bundle: ScenarioBundle, saved: SavedRun): void;
}) {
  return <More part="history" {...props} />;
}

type MoreModule = typeof import('./saved-runs/saved-runs-more.tsx');
let moreModule: Promise<MoreModule> | undefined;

function More(
  props: { saves: RunSaves; scenarios: readonly ScenarioEntry[] } & (
    | { part: 'aside'; limit: number }
    | { part: 'history'; onDebrief(bundle: ScenarioBundle, saved: SavedRun): void }
  ),
) {
  const [more, setMore] = useState<MoreModule | null>(null);
  useEffect(() => {
    let live = true;
    moreModule ??= import('./saved-runs/saved-runs-more.tsx');
    moreModule.then(
      (m) => {
        if (live) setMore(m);
      },
      () => {
        // why: offline before the service worker kept it; the next menu visit tries again.
        moreModule = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (!more) return null;
  return props.part === 'aside' ? (
    <more.AsideRuns saves={props.saves} scenarios={props.scenarios} limit={props.limit} />
  ) : (
    <more.FinishedRuns saves={props.saves} scenarios={props.scenarios} onDebrief={props.onDebrief} />
  );
}
