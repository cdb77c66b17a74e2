import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { PHASES, type Phase, TIERS, type Tier } from '../../engine/doctrine/doctrine-entry.ts';
import {
  afterActionMarkdown,
  buildAfterActionReport,
  type CorrectiveRow,
  type DoctrineRef,
  joinChoices,
  type AfterActionReport as Report,
  type TimelineEntry,
} from '../../engine/exercise/after-action.ts';
import type { ExerciseEvent } from '../../engine/exercise/exercise-log.ts';
import {
  CORRECTIVE_STATUSES,
  type CorrectiveStatus,
  type ExerciseState,
  MAX_AREA,
} from '../../engine/exercise/exercise-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { RATINGS, type Rating } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { SendExerciseEvent } from './console-model.ts';
import { downloadText, exportName } from './download.ts';
import { elapsedText } from './exercise-time-format.ts';
import { useDocumentTitle } from './printables.tsx';
import { useClockStamp } from './use-clock-stamp.ts';

/** The format name and version of an exported after-action report (JSON). */
export const AFTER_ACTION_FORMAT = 'pocsim.after-action';
export const AFTER_ACTION_VERSION = 1;

/**
 * The after-action report and improvement plan, drafted from the exercise: summary, objectives
 * against tiers and phases, the four-level rating of each evaluation point, expected actions,
 * decisions per role, hotwash, the corrective actions (editable here) and the timeline. It prints
 * on A4 and exports as JSON and Markdown.
 */
export function AfterActionReport({
  bundle,
  state,
  texts,
  send,
  log,
  now = () => new Date(),
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
  log: readonly ExerciseEvent[];
  /** The date printed on the report and in file names; tests fix it. */
  now?: () => Date;
}) {
  const { t, lang } = useI18n();
  const scenario = bundle.scenario;
  // why: the browser names the saved PDF after the document title, so it carries the report's title.
  useDocumentTitle(t('aar.title', { title: texts.text(textKey.title()) }));
  const report = useMemo(() => buildAfterActionReport(scenario, state), [scenario, state]);
  const date = now();
  const role = (id: string) => texts.text(textKey.exerciseRole(id));
  const stamp = useClockStamp(scenario.startClock);
  const s = report.summary;
  const rated = report.evaluation.filter((e) => e.rating !== null).length;
  // why: actions whose inject never came out say nothing about the table; they are listed apart, briefly.
  const reached = report.expectedActions.filter((a) => a.status !== 'not-released');
  const unreached = report.expectedActions.filter((a) => a.status === 'not-released');

  const exportMarkdown = () =>
    downloadText(
      exportName(scenario.id, date, 'md'),
      afterActionMarkdown(report, {
        t: (key, params) => t(key, params ?? {}),
        text: texts.text,
        language: lang,
      }),
      'text/markdown;charset=utf-8',
    );
  const exportJson = () =>
    downloadText(
      exportName(scenario.id, date, 'json'),
      `${JSON.stringify(
        {
          format: AFTER_ACTION_FORMAT,
          version: AFTER_ACTION_VERSION,
          exportedAt: date.toISOString(),
          language: texts.lang,
          exercise: { id: scenario.id, version: scenario.version },
          report,
          texts: reportTexts(report, texts),
          log,
        },
        null,
        2,
      )}\n`,
      'application/json',
    );

  return (
    <article class="aar" aria-labelledby="aar-title">
      <div class="aar-tools no-print">
        <button type="button" class="button button-primary" onClick={() => globalThis.print?.()}>
          {t('exercise.report.print')}
        </button>
        <button type="button" class="button button-secondary" onClick={exportMarkdown}>
          {t('exercise.report.exportMarkdown')}
        </button>
        <button type="button" class="button button-secondary" onClick={exportJson}>
          {t('exercise.report.exportJson')}
        </button>
      </div>

      <header class="aar-head">
        <p class="aar-kicker">{t('exercise.report.kicker')}</p>
        <h2 id="aar-title" class="aar-title" lang={texts.lang}>
          {texts.text(textKey.title())}
        </h2>
        <dl class="aar-facts">
          <div>
            <dt>{t('exercise.report.format')}</dt>
            <dd>{t(`exercise.format.${report.format}`)}</dd>
          </div>
          <div>
            <dt>{t('exercise.report.date')}</dt>
            <dd>{date.toLocaleDateString(lang, { dateStyle: 'long' })}</dd>
          </div>
          <div>
            <dt>{t('exercise.report.duration')}</dt>
            <dd>
              {t('exercise.time.elapsed', { time: elapsedText(report.duration, t('exercise.time.dayUnit')) })}
            </dd>
          </div>
          <div>
            <dt>{t('exercise.report.version')}</dt>
            <dd>{report.scenario.version}</dd>
          </div>
        </dl>
        <p class="aar-roles">
          <span class="aar-label">{t('exercise.report.roles')}</span>{' '}
          {report.roles.map((r) => role(r.id)).join(' · ')}
        </p>
      </header>

      <section class="aar-section aar-summary" aria-labelledby="aar-summary">
        <h3 id="aar-summary" class="aar-h">
          {t('aar.summary')}
        </h3>
        <ul class="aar-stats">
          <Stat value={s.released} label={t('exercise.report.stat.injects')}>
            {t('exercise.report.stat.injectsDetail', {
              scheduled: s.scheduled,
              byHand: s.byHand,
              contingencies: s.contingencies,
              skipped: s.skipped,
            })}
          </Stat>
          <Stat value={`${s.taken + s.late}/${reached.length}`} label={t('exercise.report.stat.actions')}>
            {t('exercise.report.stat.actionsDetail', { late: s.late, missed: s.missed, open: s.open })}
          </Stat>
          <Stat value={s.decisions} label={t('exercise.report.stat.decisions')}>
            {t('exercise.report.stat.decisionsDetail', {
              count: report.byRole.filter((r) => r.decisions.length).length,
            })}
          </Stat>
          <Stat value={`${rated}/${report.evaluation.length}`} label={t('exercise.report.stat.rated')}>
            <RatingSpread ratings={report.evaluation.map((e) => e.rating)} />
          </Stat>
        </ul>
        <KeyPoints report={report} texts={texts} stamp={stamp} />
      </section>

      <section class="aar-section" aria-labelledby="aar-objectives">
        <h3 id="aar-objectives" class="aar-h">
          {t('aar.objectives')}
        </h3>
        <div class="table-scroll">
          <table class="aar-table aar-objectives">
            <colgroup>
              <col class="aar-col-objective" />
              <col class="aar-col-tiers" />
              <col class="aar-col-phases" />
              <col />
              <col class="aar-col-rating" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('aar.objective')}</th>
                <th scope="col">{t('aar.tiers')}</th>
                <th scope="col">{t('aar.phases')}</th>
                <th scope="col">{t('aar.points')}</th>
                <th scope="col">{t('aar.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {report.objectives.map((o) => (
                <tr key={o.id}>
                  <th scope="row" lang={texts.lang}>
                    {texts.text(o.textKey)}
                  </th>
                  <td>
                    <TierList tiers={o.tiers} />
                  </td>
                  <td>
                    <PhaseList phases={o.phases} />
                  </td>
                  <td>
                    <ul class="aar-plain">
                      {o.points.map((p) => (
                        <li key={p.point}>
                          <RatingBadge rating={p.rating} short />{' '}
                          <span lang={texts.lang}>{texts.text(p.textKey)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <RatingBadge rating={o.rating} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="aar-section" aria-labelledby="aar-evaluation">
        <h3 id="aar-evaluation" class="aar-h">
          {t('aar.evaluation')}
        </h3>
        <p class="aar-note">{t('aar.ratingScale')}</p>
        <div class="table-scroll">
          <table class="aar-table">
            <thead>
              <tr>
                <th scope="col">{t('aar.point')}</th>
                <th scope="col">{t('aar.roles')}</th>
                <th scope="col">{t('aar.rating')}</th>
                <th scope="col">{t('aar.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {report.evaluation.map((e) => (
                <tr key={e.point}>
                  <th scope="row" lang={texts.lang}>
                    {texts.text(e.textKey)}
                  </th>
                  <td>{e.roles.map(role).join(', ')}</td>
                  <td>
                    <RatingBadge rating={e.rating} />
                  </td>
                  <td class="aar-comment">{e.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="aar-section" aria-labelledby="aar-coverage">
        <h3 id="aar-coverage" class="aar-h">
          {t('aar.coverage')}
        </h3>
        <Coverage report={report} />
      </section>

      <section class="aar-section" aria-labelledby="aar-actions">
        <h3 id="aar-actions" class="aar-h">
          {t('aar.expectedActions')}
        </h3>
        <div class="table-scroll">
          <table class="aar-table aar-actions">
            <thead>
              <tr>
                <th scope="col">{t('aar.action')}</th>
                <th scope="col">{t('aar.role')}</th>
                <th scope="col">{t('aar.due')}</th>
                <th scope="col">{t('aar.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {reached.map((a) => (
                <tr key={a.action} class={`is-${a.status}`}>
                  <th scope="row">
                    <span lang={texts.lang}>{texts.text(a.textKey)}</span>
                    <span class="aar-sub" lang={texts.lang}>
                      {texts.text(a.injectTitleKey)}
                    </span>
                  </th>
                  <td>{role(a.role)}</td>
                  <td class="aar-time">{a.due === undefined ? '—' : stamp(a.due)}</td>
                  <td>
                    <span class={`aar-outcome is-${a.status}`}>
                      <span aria-hidden="true">{OUTCOME_MARK[a.status]}</span>{' '}
                      {a.status === 'taken' || a.status === 'late'
                        ? t(
                            a.status === 'taken' ? 'exercise.report.takenBy' : 'exercise.report.takenLateBy',
                            {
                              role: role(a.takenBy ?? a.role),
                              time: stamp(a.takenAt ?? 0),
                              late: Math.round((a.late ?? 0) / 60),
                            },
                          )
                        : t(`aar.expectation.${a.status}`)}
                    </span>
                    {a.fired && (
                      <span class="aar-sub" lang={texts.lang}>
                        {t('aar.fired', { inject: texts.text(textKey.mselTitle(a.fired)) })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {unreached.length > 0 && (
          <details class="aar-unreached" open>
            <summary>{t('exercise.report.unreached', { count: unreached.length })}</summary>
            <ul>
              {unreached.map((a) => (
                <li key={a.action}>
                  <span class="xc-role-chip">{role(a.role)}</span>{' '}
                  <span lang={texts.lang}>{texts.text(a.textKey)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section class="aar-section" aria-labelledby="aar-decisions">
        <h3 id="aar-decisions" class="aar-h">
          {t('exercise.report.byRole')}
        </h3>
        <div class="aar-roles-grid">
          {report.byRole.map((r) => (
            <section key={r.role} class="aar-role" aria-labelledby={`aar-role-${r.role}`}>
              <h4 id={`aar-role-${r.role}`} lang={texts.lang}>
                {role(r.role)}
              </h4>
              {r.decisions.length === 0 ? (
                <p class="aar-none">{t('aar.noDecisions')}</p>
              ) : (
                <ol class="aar-decisions">
                  {r.decisions.map((d, i) => (
                    <li key={i}>
                      <p class="aar-decision">
                        <time class="aar-time">{stamp(d.at)}</time>{' '}
                        {d.stepTitleKey && (
                          <span class="aar-step" lang={texts.lang}>
                            {texts.text(d.stepTitleKey)}:{' '}
                          </span>
                        )}
                        <span lang={texts.lang}>
                          {joinChoices([
                            ...d.options.map((o) => texts.text(o.labelKey)),
                            ...(d.text ? [d.text] : []),
                          ])}
                        </span>
                      </p>
                      <p class="aar-tags">
                        <TierList tiers={d.tiers} /> <PhaseList phases={d.phases} />
                      </p>
                      {d.followed.length + d.broken.length + d.failed.length > 0 && (
                        <ul class="aar-doctrine">
                          {d.followed.map((f) => (
                            <Doctrine key={f.id} entry={f} kind="followed" />
                          ))}
                          {d.broken.map((b) => (
                            <Doctrine key={b.id} entry={b} kind="broke" />
                          ))}
                          {d.failed.map((f) => (
                            <Doctrine key={f.id} entry={f} kind="failed" />
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              {(r.strengths.length > 0 || r.improvements.length > 0) && (
                <div class="aar-hotwash">
                  {r.strengths.length > 0 && (
                    <div>
                      <p class="aar-label">{t('aar.strengths')}</p>
                      <ul>
                        {r.strengths.map((x, i) => (
                          <li key={i}>{x}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {r.improvements.length > 0 && (
                    <div>
                      <p class="aar-label">{t('aar.improvements')}</p>
                      <ul>
                        {r.improvements.map((x, i) => (
                          <li key={i}>{x}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </div>
              )}
            </section>
          ))}
        </div>
      </section>

      <section class="aar-section aar-plan" aria-labelledby="aar-plan">
        <h3 id="aar-plan" class="aar-h">
          {t('aar.improvementPlan')}
        </h3>
        <p class="aar-note no-print">{t('exercise.report.planHint')}</p>
        <CorrectiveTable rows={report.corrective} bundle={bundle} texts={texts} send={send} />
      </section>

      <section class="aar-section aar-timeline-section" aria-labelledby="aar-timeline">
        <h3 id="aar-timeline" class="aar-h">
          {t('aar.timeline')}
        </h3>
        <ol class="aar-timeline">
          {report.timeline.map((e, i) => (
            <li key={i} class={`aar-tl aar-tl-${e.kind}`}>
              <time class="aar-time">
                {t('exercise.time.elapsed', { time: elapsedText(e.at, t('exercise.time.dayUnit')) })}
                <span class="aar-tod">{stamp(e.at)}</span>
              </time>
              <span class="aar-tl-text">
                <TimelineText entry={e} texts={texts} />
              </span>
            </li>
          ))}
        </ol>
      </section>
      <p class="aar-footer">
        {t('exercise.report.footer', {
          date: date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </p>
    </article>
  );
}

/** How many items each list of the summary page shows; the full report below has the rest. */
const KEY_POINTS_SHOWN = 3;

/** "§15.1, Annex V": each handbook section once, an annex without the section sign. */
function citedSections(refs: readonly DoctrineRef[]): string {
  return [...new Set(refs.map((d) => d.section))]
    .map((section) => (/^\d/.test(section) ? `§${section}` : section))
    .join(', ');
}

/**
 * The summary page's three lists: what the table missed, the objectives it found hardest, and the
 * first actions of the plan. why: a Head of Mission reads the first page; the tables behind it are
 * for the staff who carry the plan out.
 */
function KeyPoints({
  report,
  texts,
  stamp,
}: {
  report: Report;
  texts: ScenarioTexts;
  stamp: (seconds: number) => string;
}) {
  const { t } = useI18n();
  const role = (id: string) => texts.text(textKey.exerciseRole(id));
  const missed = report.expectedActions.filter((a) => a.status === 'missed' || a.status === 'late');
  const hardest = report.objectives
    .filter((o) => o.rating === 'major-challenges' || o.rating === 'unable')
    .sort((a, b) => RATINGS.indexOf(b.rating!) - RATINGS.indexOf(a.rating!));
  const plan = report.corrective.filter((c) => c.status !== 'done');
  return (
    <div class="aar-key">
      <KeyList
        id="aar-key-missed"
        heading={t('aar.key.missed')}
        empty={t('aar.key.noneMissed')}
        count={missed.length}
      >
        {missed.slice(0, KEY_POINTS_SHOWN).map((a) => (
          <li key={a.action}>
            <span lang={texts.lang}>{texts.text(a.textKey)}</span>{' '}
            <span class="aar-sub">
              {t(a.status === 'late' ? 'aar.key.late' : 'aar.key.missedBy', {
                role: role(a.role),
                time: a.due === undefined ? '—' : stamp(a.due),
              })}
              {a.follows.length > 0 && ` · ${citedSections(a.follows)}`}
            </span>
          </li>
        ))}
      </KeyList>
      <KeyList
        id="aar-key-hardest"
        heading={t('aar.key.hardest')}
        empty={t('aar.key.noneHard')}
        count={hardest.length}
      >
        {hardest.slice(0, KEY_POINTS_SHOWN).map((o) => (
          <li key={o.id}>
            <span lang={texts.lang}>{texts.text(o.textKey)}</span>{' '}
            <span class="aar-sub">{t(`exercise.rating.${o.rating}`)}</span>
          </li>
        ))}
      </KeyList>
      <KeyList id="aar-key-plan" heading={t('aar.key.plan')} empty={t('aar.key.noPlan')} count={plan.length}>
        {plan.slice(0, KEY_POINTS_SHOWN).map((c) => (
          <li key={c.id}>
            <span lang={c.action ? undefined : texts.lang}>
              {c.action || (c.actionKey ? texts.text(c.actionKey) : '')}
            </span>{' '}
            <span class="aar-sub">
              {c.due
                ? t('aar.key.owner', { role: role(c.role), due: c.due })
                : t('aar.key.ownerNoDate', { role: role(c.role) })}
            </span>
          </li>
        ))}
      </KeyList>
    </div>
  );
}

/** One list of the summary page: its first items, or a line saying there are none. */
function KeyList({
  id,
  heading,
  empty,
  count,
  children,
}: {
  id: string;
  heading: string;
  empty: string;
  /** How many items there are in all; the rest are in the report below. */
  count: number;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="aar-key-list" aria-labelledby={id}>
      <h4 id={id} class="aar-label">
        {heading}
      </h4>
      {count === 0 ? (
        <p class="aar-none">{empty}</p>
      ) : (
        <ul class="aar-plain">
          {children}
          {count > KEY_POINTS_SHOWN && (
            <li class="aar-key-more">{t('aar.key.more', { count: count - KEY_POINTS_SHOWN })}</li>
          )}
        </ul>
      )}
    </section>
  );
}

const OUTCOME_MARK: Record<string, string> = {
  taken: '✓',
  late: '◔',
  missed: '✕',
  open: '○',
  'not-released': '–',
};

function Stat({
  value,
  label,
  children,
}: {
  value: number | string;
  label: string;
  children?: ComponentChildren;
}) {
  return (
    <li class="aar-stat">
      <span class="aar-stat-value">{value}</span>
      <span class="aar-stat-label">{label}</span>
      {children && <span class="aar-stat-detail">{children}</span>}
    </li>
  );
}

/** A rating as its letter and words; never colour alone. */
function RatingBadge({ rating, short = false }: { rating: Rating | null; short?: boolean }) {
  const { t } = useI18n();
  if (rating === null)
    return (
      <span class="aar-rating is-none" title={t('aar.notRated')}>
        <span class="aar-rating-code">–</span>
        {short ? <span class="visually-hidden">{t('aar.notRated')}</span> : t('aar.notRated')}
      </span>
    );
  return (
    <span class={`aar-rating rating-${rating}`} title={t(`exercise.rating.${rating}`)}>
      <span class="aar-rating-code">{t(`exercise.rating.code.${rating}`)}</span>
      {short ? (
        <span class="visually-hidden">{t(`exercise.rating.${rating}`)}</span>
      ) : (
        t(`exercise.rating.${rating}`)
      )}
    </span>
  );
}

function RatingSpread({ ratings }: { ratings: (Rating | null)[] }) {
  const { t } = useI18n();
  const order: Rating[] = ['without-challenges', 'some-challenges', 'major-challenges', 'unable'];
  return (
    <span class="aar-spread">
      {order.map((r) => {
        const n = ratings.filter((x) => x === r).length;
        return (
          <span key={r} class={`aar-spread-item rating-${r}`} title={t(`exercise.rating.${r}`)}>
            <span class="aar-rating-code">{t(`exercise.rating.code.${r}`)}</span> {n}
            <span class="visually-hidden"> {t(`exercise.rating.${r}`)}</span>
          </span>
        );
      })}
    </span>
  );
}

function TierList({ tiers }: { tiers: readonly Tier[] }) {
  const { t } = useI18n();
  return (
    <span class="aar-tagset">
      {tiers.map((x) => (
        <span key={x} class="xc-tag xc-tag-tier" title={t(`doctrine.tier.${x}`)}>
          {t(`doctrine.tierShort.${x}`)}
        </span>
      ))}
    </span>
  );
}

function PhaseList({ phases }: { phases: readonly Phase[] }) {
  const { t } = useI18n();
  return (
    <span class="aar-tagset">
      {phases.map((x) => (
        <span key={x} class={`xc-tag xc-tag-phase phase-${x}`}>
          {t(`doctrine.phase.${x}`)}
        </span>
      ))}
    </span>
  );
}

/** Whether a role's decision followed or broke a doctrine entry; each is marked in words and a symbol. */
export type DoctrineMark = 'followed' | 'broke' | 'failed';

function Doctrine({ entry, kind }: { entry: DoctrineRef; kind: DoctrineMark }) {
  const { t, lang } = useI18n();
  return (
    <li class={`aar-doctrine-${kind}`}>
      <span class="aar-doctrine-mark">
        {kind === 'followed' ? '✓' : '✕'} {t(`exercise.report.${kind}`)}
      </span>{' '}
      <span class="xc-tag xc-tag-doctrine">{entry.id}</span>{' '}
      <span class="aar-doctrine-section">
        {t('doctrine.section', { section: entry.section })}
        {entry.severity ? `, ${t(`doctrine.severity.${entry.severity}`)}` : ''}
      </span>
      {' — '}
      {entry.summary[lang]}
    </li>
  );
}

/** Tiers and phases against what the exercise set out to test and what the table did there. */
function Coverage({ report }: { report: Report }) {
  const { t } = useI18n();
  const rows: { key: string; label: string; cell: Report['coverage']['byTier'][Tier] }[] = [
    ...TIERS.map((x) => ({ key: x, label: t(`doctrine.tier.${x}`), cell: report.coverage.byTier[x] })),
    ...PHASES.map((x) => ({ key: x, label: t(`doctrine.phase.${x}`), cell: report.coverage.byPhase[x] })),
  ];
  return (
    <div class="table-scroll">
      <table class="aar-table aar-coverage">
        <thead>
          <tr>
            <th scope="col">{t('aar.tierOrPhase')}</th>
            <th scope="col">{t('aar.objectives')}</th>
            <th scope="col">{t('exercise.report.onTime')}</th>
            <th scope="col">{t('exercise.report.late')}</th>
            <th scope="col">{t('exercise.report.missed')}</th>
            <th scope="col">{t('aar.decisions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} class={i === TIERS.length ? 'aar-group-start' : ''}>
              <th scope="row">{r.label}</th>
              <td>{r.cell.objectives.length}</td>
              <td>{`${r.cell.taken}/${r.cell.expected}`}</td>
              <td>{r.cell.late}</td>
              <td class={r.cell.missed ? 'aar-bad' : ''}>{r.cell.missed}</td>
              <td>{r.cell.decisions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TimelineText({ entry: e, texts }: { entry: TimelineEntry; texts: ScenarioTexts }) {
  const { t } = useI18n();
  const role = (id: string) => texts.text(textKey.exerciseRole(id));
  const roles = (to: string[] | 'all') => (to === 'all' ? t('aar.allRoles') : to.map(role).join(', '));
  switch (e.kind) {
    case 'inject':
      return (
        <>
          {t(`aar.released.${e.how}`, {
            title: texts.text(e.titleKey),
            to: e.projector ? roles(e.to) : `${roles(e.to)}, ${t('aar.offProjector')}`,
          })}
        </>
      );
    case 'skipped':
      return <>{t('aar.skipped', { title: texts.text(e.titleKey) })}</>;
    case 'action':
      return (
        <>
          {t(e.onTime ? 'aar.actionTaken' : 'aar.actionLate', {
            role: role(e.role),
            action: texts.text(e.textKey),
          })}
        </>
      );
    case 'missed':
      return <>{t('aar.actionMissed', { role: role(e.role), action: texts.text(e.textKey) })}</>;
    case 'decision':
      return (
        <>
          {t('aar.decisionBy', {
            role: role(e.role),
            decision: [
              ...e.options.map((o) => texts.text(textKey.optionLabel(o))),
              ...(e.text ? [e.text] : []),
            ].join('; '),
          })}
        </>
      );
    case 'note':
      return <>{t('aar.noteOn', { role: role(e.role), note: e.text })}</>;
  }
}

/** The improvement plan: drafted rows, edited in place; a change is recorded when a field is left. */
function CorrectiveTable({
  rows,
  bundle,
  texts,
  send,
}: {
  rows: CorrectiveRow[];
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const roles = bundle.scenario.exercise?.roles ?? [];
  const actionOf = (r: CorrectiveRow) => r.action || (r.actionKey ? texts.text(r.actionKey) : '');
  const save = (
    r: CorrectiveRow,
    patch: Partial<Pick<CorrectiveRow, 'action' | 'role' | 'due' | 'area' | 'status'>>,
  ) => {
    const next = { action: actionOf(r), role: r.role, due: r.due, area: r.area, status: r.status, ...patch };
    if (!next.action.trim()) return;
    if (
      next.action === actionOf(r) &&
      next.role === r.role &&
      next.due === r.due &&
      next.area === r.area &&
      next.status === r.status &&
      r.edited
    )
      return;
    send({
      type: 'corrective.set',
      id: r.id,
      action: next.action.trim(),
      role: next.role,
      due: next.due,
      area: next.area.trim(),
      status: next.status,
    });
  };
  const [draft, setDraft] = useState({ action: '', area: '', role: roles[0]?.id ?? '', due: '' });
  const add = (e: Event) => {
    e.preventDefault();
    if (!draft.action.trim()) return;
    const taken = new Set(rows.map((r) => r.id));
    let n = rows.length + 1;
    while (taken.has(`ca-${n}`)) n++;
    if (
      send({
        type: 'corrective.set',
        id: `ca-${n}`,
        action: draft.action.trim(),
        role: draft.role,
        due: draft.due,
        area: draft.area.trim(),
        status: 'open',
      })
    )
      setDraft({ action: '', area: '', role: draft.role, due: '' });
  };
  const roleName = (id: string) => texts.text(textKey.exerciseRole(id));
  return (
    <>
      <div class="table-scroll">
        <table class="aar-table aar-corrective">
          <thead>
            <tr>
              <th scope="col" class="aar-n">
                #
              </th>
              <th scope="col">{t('aar.correctiveAction')}</th>
              <th scope="col">{t('aar.area')}</th>
              <th scope="col">{t('aar.responsible')}</th>
              <th scope="col">{t('aar.dueDate')}</th>
              <th scope="col">{t('aar.statusHeading')}</th>
              <th scope="col" class="no-print">
                <span class="visually-hidden">{t('exercise.report.rowTools')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} class="aar-none">
                  {t('exercise.report.planEmpty')}
                </td>
              </tr>
            )}
            {rows.map((r, i) => {
              const action = actionOf(r);
              return (
                <tr key={r.id} data-corrective={r.id}>
                  <td class="aar-n">{i + 1}</td>
                  <td>
                    <label class="visually-hidden" for={`ca-action-${r.id}`}>
                      {t('exercise.report.actionLabel', { n: i + 1 })}
                    </label>
                    <textarea
                      id={`ca-action-${r.id}`}
                      class="xc-textarea aar-edit no-print"
                      rows={2}
                      value={action}
                      onChange={(e) => save(r, { action: e.currentTarget.value })}
                    />
                    <span class="print-only" lang={r.action ? undefined : texts.lang}>
                      {action}
                    </span>
                    <span class="aar-sub no-print">{t(`exercise.report.source.${r.source}`)}</span>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`ca-area-${r.id}`}>
                      {t('exercise.report.areaLabel', { n: i + 1 })}
                    </label>
                    <input
                      id={`ca-area-${r.id}`}
                      class="xc-input aar-edit no-print"
                      type="text"
                      maxLength={MAX_AREA}
                      value={r.area}
                      onChange={(e) => save(r, { area: e.currentTarget.value })}
                    />
                    <span class="print-only">{r.area || '—'}</span>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`ca-role-${r.id}`}>
                      {t('exercise.report.roleLabel', { n: i + 1 })}
                    </label>
                    <select
                      id={`ca-role-${r.id}`}
                      class="xc-select aar-edit no-print"
                      value={r.role}
                      onChange={(e) => save(r, { role: e.currentTarget.value })}
                    >
                      {roles.map((x) => (
                        <option key={x.id} value={x.id}>
                          {roleName(x.id)}
                        </option>
                      ))}
                    </select>
                    <span class="print-only">{roleName(r.role)}</span>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`ca-due-${r.id}`}>
                      {t('exercise.report.dueLabel', { n: i + 1 })}
                    </label>
                    <input
                      id={`ca-due-${r.id}`}
                      class="xc-input aar-edit no-print"
                      type="date"
                      value={r.due}
                      onChange={(e) => save(r, { due: e.currentTarget.value })}
                    />
                    <span class="print-only aar-due">{r.due || '—'}</span>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`ca-status-${r.id}`}>
                      {t('exercise.report.statusLabel', { n: i + 1 })}
                    </label>
                    <select
                      id={`ca-status-${r.id}`}
                      class="xc-select aar-edit no-print"
                      value={r.status}
                      onChange={(e) => save(r, { status: e.currentTarget.value as CorrectiveStatus })}
                    >
                      {CORRECTIVE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`aar.correctiveStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                    <span class="print-only">{t(`aar.correctiveStatus.${r.status}`)}</span>
                  </td>
                  <td class="no-print">
                    <button
                      type="button"
                      class="xc-mini xc-mini-quiet"
                      aria-label={t('exercise.report.removeLabel', { n: i + 1 })}
                      onClick={() => send({ type: 'corrective.removed', id: r.id })}
                    >
                      {t('exercise.report.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form class="aar-add no-print" onSubmit={add} aria-labelledby="aar-add-heading">
        <p id="aar-add-heading" class="aar-label">
          {t('exercise.report.addHeading')}
        </p>
        <label class="xc-field aar-add-action">
          <span class="xc-label">{t('aar.correctiveAction')}</span>
          <input
            class="xc-input"
            type="text"
            value={draft.action}
            onInput={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
          />
        </label>
        <label class="xc-field">
          <span class="xc-label">{t('aar.area')}</span>
          <input
            class="xc-input"
            type="text"
            maxLength={MAX_AREA}
            value={draft.area}
            onInput={(e) => setDraft({ ...draft, area: e.currentTarget.value })}
          />
        </label>
        <label class="xc-field">
          <span class="xc-label">{t('aar.responsible')}</span>
          <select
            class="xc-select"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
          >
            {roles.map((x) => (
              <option key={x.id} value={x.id}>
                {roleName(x.id)}
              </option>
            ))}
          </select>
        </label>
        <label class="xc-field">
          <span class="xc-label">{t('aar.dueDate')}</span>
          <input
            class="xc-input"
            type="date"
            value={draft.due}
            onInput={(e) => setDraft({ ...draft, due: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="button button-secondary xc-button" disabled={!draft.action.trim()}>
          {t('exercise.report.add')}
        </button>
      </form>
    </>
  );
}

/** Every scenario text the report refers to, in the language shown, so the JSON export reads on its own. */
function reportTexts(report: Report, texts: ScenarioTexts): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, name = '') => {
    if (typeof node === 'string') {
      if (/Key$/.test(name) || name === 'actionKey') out[node] = texts.text(node);
      return;
    }
    if (Array.isArray(node)) for (const x of node) walk(x, name);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(report);
  for (const e of report.timeline) {
    if (e.kind === 'decision')
      for (const o of e.options) out[textKey.optionLabel(o)] = texts.text(textKey.optionLabel(o));
    if ('role' in e) out[textKey.exerciseRole(e.role)] = texts.text(textKey.exerciseRole(e.role));
  }
  for (const a of report.expectedActions) {
    if (a.fired) out[textKey.mselTitle(a.fired)] = texts.text(textKey.mselTitle(a.fired));
    if (a.takenBy) out[textKey.exerciseRole(a.takenBy)] = texts.text(textKey.exerciseRole(a.takenBy));
    out[textKey.exerciseRole(a.role)] = texts.text(textKey.exerciseRole(a.role));
  }
  return out;
}
