import type { ComponentChildren } from 'preact';
import type { ScenarioListing } from '../engine/scenario/scenario-listing.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { Progress, ScenarioProgress } from '../progress/progress.ts';
import { AppFooter, AppHeader } from './app-header.tsx';
import { AudienceChips, ClockIcon, useFocusHeading } from './common.tsx';
import { useI18n } from './i18n-context.tsx';
import { scenarioTextsFor } from './scenario-text.ts';

/** The scenario list: what each trains, for whom and how long, with a way into its briefing. */
export function Menu({
  scenarios,
  onOpen,
  opening,
  progress = {},
  onAuthor,
  onConsole,
  onCohort,
  before,
  after,
  trainerSettings,
}: {
  scenarios: readonly ScenarioListing[];
  onOpen(id: string): void;
  /** The scenario being fetched, and whether fetching it failed. */
  opening?: { id: string; failed: boolean } | null;
  /** What this trainee has finished, kept on this browser. */
  progress?: Progress;
  /** Opens the trainer's preview of a scenario file of their own. */
  onAuthor?(): void;
  /** Opens the facilitator console of the exercises. */
  onConsole?(): void;
  /** Opens the trainer's view of a cohort's run files. */
  onCohort?(): void;
  /** Shown above the scenarios: the runs the trainee can continue. */
  before?: ComponentChildren;
  /** Shown below the scenarios: finished runs, export and import. */
  after?: ComponentChildren;
  /** Shown with the trainers' tools: which scenarios open with a content note. */
  trainerSettings?: ComponentChildren;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading('menu');
  return (
    <>
      <AppHeader />
      <main id="main" class="page page-menu">
        <div class="page-intro">
          <h1 ref={heading} tabIndex={-1}>
            {t('menu.heading')}
          </h1>
          <p class="lead">{t('menu.intro')}</p>
          <p class="muted">{t('menu.count', { count: scenarios.length })}</p>
        </div>
        {opening?.failed && (
          <p class="alert alert-critical" role="alert">
            {t('menu.loadFailed')}
          </p>
        )}
        {before}
        {scenarios.length === 0 ? (
          <p class="empty-state">{t('menu.empty')}</p>
        ) : (
          <div class="situation-groups">
            {groupBySituation(scenarios).map((group) => (
              <section key={group.section} class="situation-group" aria-labelledby={`group-${group.id}`}>
                <h2 id={`group-${group.id}`} class="situation-heading">
                  {group.section === 'other'
                    ? t('menu.otherGroup')
                    : t('menu.group', {
                        section: group.section,
                        title: t(`menu.situationTitle.${group.id}`, { defaultValue: '' }),
                      })}
                </h2>
                <ul class="scenario-grid">
                  {group.items.map((s) => (
                    <ScenarioCard
                      key={s.id}
                      listing={s}
                      progress={progress[s.id]}
                      busy={opening?.id === s.id && !opening?.failed}
                      onOpen={() => onOpen(s.id)}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
        {after}
        {/* why: the menu is the trainee's; the trainers' and facilitators' tools sit behind their own
            entry, closed by default, and their addresses (#author, #cohort, #console) still open them. */}
        {(onAuthor || onCohort || trainerSettings || onConsole) && (
          <details class="staff-tools">
            <summary class="staff-tools-summary">{t('menu.staffTools')}</summary>
            {(onAuthor || onCohort || trainerSettings) && (
              <section class="trainer-tools" aria-labelledby="trainers-heading">
                <h2 id="trainers-heading" class="situation-heading">
                  {t('menu.trainers.heading')}
                </h2>
                {onAuthor && (
                  <>
                    <p class="muted">{t('menu.trainers.text')}</p>
                    <button type="button" class="button button-secondary" onClick={onAuthor}>
                      {t('menu.trainers.open')}
                    </button>
                  </>
                )}
                {onCohort && (
                  <>
                    <p class="muted">{t('menu.trainers.cohortText')}</p>
                    <button type="button" class="button button-secondary" onClick={onCohort}>
                      {t('menu.trainers.cohort')}
                    </button>
                  </>
                )}
                {trainerSettings}
              </section>
            )}
            {onConsole && (
              <section class="trainer-tools" aria-labelledby="facilitators-heading">
                <h2 id="facilitators-heading" class="situation-heading">
                  {t('menu.facilitators.heading')}
                </h2>
                <p class="muted">{t('menu.facilitators.text')}</p>
                <button type="button" class="button button-secondary" onClick={onConsole}>
                  {t('menu.facilitators.open')}
                </button>
              </section>
            )}
          </details>
        )}
      </main>
      <AppFooter />
    </>
  );
}

// why: trainers think in handbook situations, so the menu follows Chapter 15's order.
function groupBySituation(scenarios: readonly ScenarioListing[]) {
  const groups = new Map<string, ScenarioListing[]>();
  for (const s of scenarios) {
    const section = /^15\.[1-7]$/.test(s.situation) ? s.situation : 'other';
    groups.set(section, [...(groups.get(section) ?? []), s]);
  }
  return [...groups]
    .sort(([a], [b]) =>
      a === 'other' ? 1 : b === 'other' ? -1 : a.localeCompare(b, 'en', { numeric: true }),
    )
    .map(([section, items]) => ({ section, id: section.replace('.', '_'), items }));
}

function ScenarioCard({
  listing,
  busy,
  progress,
  onOpen,
}: {
  listing: ScenarioListing;
  busy: boolean;
  progress?: ScenarioProgress;
  onOpen(): void;
}) {
  const { t, lang } = useI18n();
  const texts = scenarioTextsFor({ scenario: listing, texts: listing.texts }, lang);
  const s = listing;
  const title = texts.text(textKey.title());
  const titleId = `scenario-${s.id}-title`;
  return (
    <li class="card scenario-card">
      <p class="card-meta">
        <span class="badge badge-blue">{t('menu.situation', { section: s.situation })}</span>
        <span class="meta-item">
          <ClockIcon />
          {t('menu.minutes', { count: s.minutes })}
        </span>
      </p>
      <h3 id={titleId} class="card-title" lang={texts.lang}>
        {title}
      </h3>
      <p class="card-summary" lang={texts.lang}>
        {texts.text(textKey.summary())}
      </p>
      <div class="audience">
        <span class="audience-label">{t('menu.audience')}</span>
        <AudienceChips roles={s.audience} />
      </div>
      <p class="card-doctrine">
        {t('menu.doctrine', {
          dos: listing.doctrine.filter((id) => !id.includes('-dont-')).length,
          donts: listing.doctrine.filter((id) => id.includes('-dont-')).length,
        })}
      </p>
      <p class="card-progress">
        <span class="visually-hidden">{t('menu.progressLabel')}: </span>
        {progress ? (
          <>
            {t('menu.finished', { count: progress.finished })} · {t('menu.best', { score: progress.best })}
            {progress.passed && <span class="badge badge-pass">✓ {t('menu.passedBadge')}</span>}
          </>
        ) : (
          <span class="muted">{t('menu.notPlayed')}</span>
        )}
      </p>
      <div class="card-actions">
        <button
          type="button"
          class="button button-primary"
          aria-label={t('menu.openLabel', { title })}
          aria-busy={busy}
          disabled={busy}
          onClick={onOpen}
        >
          {t('menu.open')}
          <span aria-hidden="true" class="button-arrow">
            →
          </span>
        </button>
      </div>
    </li>
  );
}
