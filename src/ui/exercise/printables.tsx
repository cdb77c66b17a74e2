import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CATALOGUE } from '../../engine/doctrine/catalogue.ts';
import { splitMsel, watchedActions } from '../../engine/exercise/evaluator-watch.ts';
import { exerciseSeconds } from '../../engine/exercise/exercise-time.ts';
import { createInitialContext } from '../../engine/run/run-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import {
  ALL_ROLES,
  type ExpectedAction,
  type MselItem,
  RATINGS,
} from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { layoutMap } from '../../map/map-layout.ts';
import { Paragraphs } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { ChannelMark } from './channel-mark.tsx';
import { durationText, elapsedText } from './exercise-time-format.ts';
import { InjectCards } from './inject-cards.tsx';
import { MapSvg } from './map-svg.tsx';
import { useClockStamp } from './use-clock-stamp.ts';

// why: a facilitator runs the room on paper as much as on screen: participants get a briefing pack,
// the control cell the MSEL, each evaluator a sheet per point, and roles their inject cards. They
// all print from the console (same print CSS as the cards: A4, no console chrome) in the UI language.

/** The documents the console prints. */
export const PRINTABLES = ['briefing', 'cards', 'controller', 'evaluator'] as const;
export type Printable = (typeof PRINTABLES)[number];

/** The console's print shelf: pick a printable, see it as it prints, print it. */
export function PrintShelf({
  bundle,
  texts,
  onClose,
  initial = 'briefing',
}: {
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
  onClose(): void;
  initial?: Printable;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Printable>(initial);
  const docTitle = t(`exercisePrint.kinds.${kind}`);
  const title = texts.text(textKey.title());
  // why: the browser names the saved PDF after the document title, so it says what was printed.
  const fileTitle = `${docTitle} · ${title}`;
  useDocumentTitle(fileTitle);
  const print = () => {
    document.title = fileTitle;
    globalThis.print?.();
  };
  return (
    <section class="xpr" aria-labelledby="xpr-shelf-heading">
      <div class="xpr-tools no-print">
        <h2 id="xpr-shelf-heading">{t('exercisePrint.heading')}</h2>
        <p class="muted">{t('exercisePrint.hint')}</p>
        <fieldset class="xpr-kinds">
          <legend class="visually-hidden">{t('exercisePrint.choose')}</legend>
          {PRINTABLES.map((k) => (
            <button
              key={k}
              type="button"
              class="button button-secondary xpr-kind"
              aria-pressed={k === kind}
              onClick={() => setKind(k)}
            >
              {t(`exercisePrint.kinds.${k}`)}
            </button>
          ))}
        </fieldset>
        <p class="xpr-kind-hint">{t(`exercisePrint.kindHints.${kind}`)}</p>
        {kind !== 'cards' && (
          <button type="button" class="button button-primary" onClick={print}>
            {t('exercisePrint.print')}
          </button>
        )}{' '}
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t('exerciseRecord.cards.back')}
        </button>
      </div>
      {kind === 'briefing' && <BriefingPack bundle={bundle} texts={texts} />}
      {kind === 'cards' && <InjectCards bundle={bundle} texts={texts} onPrint={print} />}
      {kind === 'controller' && <ControllerSheet bundle={bundle} texts={texts} />}
      {kind === 'evaluator' && <EvaluatorSheets bundle={bundle} texts={texts} />}
    </section>
  );
}

/** Sets the document title while mounted, and puts the previous one back after. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    if (typeof document === 'undefined') return undefined;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

/** The head of a printed document: the scenario as kicker, the document as its one title. */
function DocHead({ kicker, lang, title, id }: { kicker: string; lang: string; title: string; id: string }) {
  const { t } = useI18n();
  return (
    <header class="xpr-doc-head">
      <p class="xpr-kicker" lang={lang}>
        {kicker}
      </p>
      <h2 id={id} class="xpr-doc-title">
        {title}
      </h2>
      <p class="xpr-brand">{t('exercisePrint.brand')}</p>
    </header>
  );
}

/** For every participant: the scenario, the map at the start, the roles, the objectives and the modules. */
export function BriefingPack({ bundle, texts }: { bundle: ScenarioBundle; texts: ScenarioTexts }) {
  const { t, lang } = useI18n();
  const scenario = bundle.scenario;
  const x = scenario.exercise;
  const title = texts.text(textKey.title());
  const place = texts.text(textKey.place());
  const label = (key: string) => (key.startsWith('map.') ? t(key) : texts.text(key));
  const layout = useMemo(
    () => layoutMap(scenario, createInitialContext(scenario).map, label, { width: 960, locale: lang }),
    [scenario, lang, texts],
  );
  return (
    <article class="xpr-doc xpr-briefing" aria-labelledby="xpr-briefing-title">
      <DocHead
        kicker={title}
        lang={texts.lang}
        title={t('exercisePrint.briefing.title')}
        id="xpr-briefing-title"
      />
      <section class="xpr-block">
        <h3 class="xpr-h">{t('exercisePrint.briefing.scenario')}</h3>
        <p class="xpr-lead" lang={texts.lang}>
          {texts.text(textKey.summary())}
        </p>
        <p class="xpr-facts">
          {x && <span>{t(`exercise.format.${x.format}`)}</span>}
          <span lang={texts.lang}>{t('exercisePrint.briefing.place', { place })}</span>
          <span>{t('exercisePrint.briefing.start', { clock: scenario.startClock })}</span>
        </p>
        <div class="xpr-prose" lang={texts.lang}>
          <Paragraphs
            text={texts.text(x?.briefing !== undefined ? textKey.exerciseBriefing() : textKey.briefing())}
          />
        </div>
      </section>
      <section class="xpr-block xpr-map-block">
        <h3 class="xpr-h">{t('exercisePrint.briefing.map')}</h3>
        <MapSvg layout={layout} label={t('exercisePrint.briefing.mapLabel', { place })} />
      </section>
      <section class="xpr-block">
        <h3 class="xpr-h">{t('exercisePrint.briefing.roles')}</h3>
        <ul class="xpr-roles">
          {(x?.roles ?? []).map((r) => (
            <li key={r.id} lang={texts.lang}>
              {texts.text(textKey.exerciseRole(r.id))}
            </li>
          ))}
        </ul>
      </section>
      <section class="xpr-block">
        <h3 class="xpr-h">{t('exercisePrint.briefing.objectives')}</h3>
        <ol class="xpr-list">
          {(x?.objectives ?? []).map((o) => (
            <li key={o.id} class="xpr-item">
              <span lang={texts.lang}>{texts.text(textKey.exerciseObjective(o.id))}</span>
              <TierPhase tiers={o.tiers} phases={o.phases} />
            </li>
          ))}
        </ol>
      </section>
      {(x?.modules.length ?? 0) > 0 && (
        <section class="xpr-block">
          <h3 class="xpr-h">{t('exercisePrint.briefing.modules')}</h3>
          {x!.modules.map((m, i) => (
            <div key={m.id} class="xpr-item xpr-module">
              <h4 lang={texts.lang}>
                {t('exercisePrint.briefing.module', {
                  n: i + 1,
                  title: texts.text(textKey.exerciseModule(m.id)),
                })}
              </h4>
              {m.questions.length > 0 && (
                <ul class="xpr-list">
                  {m.questions.map((q) => (
                    <li key={q.id} lang={texts.lang}>
                      {texts.text(textKey.exerciseQuestion(q.id))}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </article>
  );
}

/** For the control cell: the whole MSEL in time order, contingencies last, with expected actions and doctrine. */
export function ControllerSheet({ bundle, texts }: { bundle: ScenarioBundle; texts: ScenarioTexts }) {
  const { t } = useI18n();
  const scenario = bundle.scenario;
  const x = scenario.exercise;
  const stamp = useClockStamp(scenario.startClock);
  const { scheduled, held } = useMemo(() => splitMsel(scenario), [scenario]);
  const actions = (x?.msel ?? []).reduce((n, m) => n + m.expects.length, 0);
  const titleOf = (id: string) => texts.text(textKey.mselTitle(id));
  const row = (item: MselItem, at: number | undefined) => (
    <tr key={item.id} class="xpr-row" data-inject={item.id}>
      <td class="xpr-when">
        {at === undefined ? (
          <span class="xpr-held">{t('exercisePrint.controller.contingency')}</span>
        ) : (
          <>
            <strong>
              {t('exercise.time.elapsed', { time: elapsedText(at, t('exercise.time.dayUnit')) })}
            </strong>
            <span class="xpr-sub">{stamp(at)}</span>
          </>
        )}
      </td>
      <td>
        <p class="xpr-inject-title" lang={texts.lang}>
          {titleOf(item.id)}
        </p>
        <p class="xpr-sub">
          <ChannelMark channel={item.channel} /> ·{' '}
          <span lang={texts.lang}>
            {t('exercise.inject.from', { from: texts.text(textKey.mselFrom(item.id)) })}
          </span>
        </p>
        <p class="xpr-sub">
          {item.projector ? t('exercisePrint.controller.projector') : t('exercisePrint.controller.roleOnly')}
          {item.module ? (
            <span lang={texts.lang}> · {texts.text(textKey.exerciseModule(item.module))}</span>
          ) : null}
        </p>
        {item.step && (
          <p class="xpr-sub" lang={texts.lang}>
            {t('exercisePrint.controller.step', { prompt: texts.text(textKey.prompt(item.step)) })}
          </p>
        )}
      </td>
      <td lang={texts.lang}>{recipients(item, texts, t('aar.allRoles'))}</td>
      <td>
        {item.expects.length === 0 ? (
          <p class="xpr-none">{t('exercisePrint.controller.noAction')}</p>
        ) : (
          <ul class="xpr-actions">
            {item.expects.map((a) => (
              <ActionLine key={a.id} action={a} texts={texts} releasedAt={at} stamp={stamp}>
                {a.contingency && (
                  <span class="xpr-sub" lang={texts.lang}>
                    {t('exercisePrint.controller.fires', { title: titleOf(a.contingency) })}
                  </span>
                )}
              </ActionLine>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
  return (
    <article class="xpr-doc xpr-controller" aria-labelledby="xpr-controller-title">
      <DocHead
        kicker={texts.text(textKey.title())}
        lang={texts.lang}
        title={t('exercisePrint.controller.title')}
        id="xpr-controller-title"
      />
      <p class="xpr-facts">
        <span>{t('exercisePrint.controller.counts', { injects: x?.msel.length ?? 0, actions })}</span>
        <span>{t('exercisePrint.briefing.start', { clock: scenario.startClock })}</span>
        <strong>{t('exercisePrint.controller.restricted')}</strong>
      </p>
      <table class="xpr-table">
        <colgroup>
          <col class="xpr-col-when" />
          <col class="xpr-col-inject" />
          <col class="xpr-col-to" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('exercisePrint.controller.time')}</th>
            <th scope="col">{t('exercisePrint.controller.inject')}</th>
            <th scope="col">{t('exercisePrint.controller.to')}</th>
            <th scope="col">{t('exercisePrint.controller.expects')}</th>
          </tr>
        </thead>
        <tbody>
          {scheduled.map(({ item, at }) => row(item, at))}
          {held.length > 0 && (
            <tr class="xpr-divider">
              <th colSpan={4} scope="rowgroup">
                {t('exercisePrint.controller.held')}
              </th>
            </tr>
          )}
          {held.map((item) => row(item, undefined))}
        </tbody>
      </table>
    </article>
  );
}

/** For evaluators: one sheet per evaluation point, with what to watch for and room to rate and write. */
export function EvaluatorSheets({ bundle, texts }: { bundle: ScenarioBundle; texts: ScenarioTexts }) {
  const { t } = useI18n();
  const scenario = bundle.scenario;
  const x = scenario.exercise;
  const stamp = useClockStamp(scenario.startClock);
  const points = x?.evaluation ?? [];
  const title = texts.text(textKey.title());
  return (
    <article class="xpr-doc xpr-evaluator" aria-labelledby="xpr-evaluator-title">
      <DocHead
        kicker={title}
        lang={texts.lang}
        title={t('exercisePrint.evaluator.title')}
        id="xpr-evaluator-title"
      />
      {points.length === 0 && <p class="xpr-none">{t('exercisePrint.evaluator.none')}</p>}
      {points.map((p, i) => {
        const objective = x?.objectives.find((o) => o.id === p.objective);
        const watched = watchedActions(scenario, p);
        return (
          <section key={p.id} class="xpr-sheet" data-point={p.id} aria-labelledby={`xpr-point-${p.id}`}>
            <p class="xpr-sheet-kicker">
              {t('exercisePrint.evaluator.point', { n: i + 1, count: points.length })}
            </p>
            <h3 id={`xpr-point-${p.id}`} class="xpr-point" lang={texts.lang}>
              {texts.text(textKey.evaluationPoint(p.id))}
            </h3>
            <dl class="xpr-point-facts">
              {objective && (
                <div>
                  <dt>{t('exercisePrint.evaluator.objective')}</dt>
                  <dd lang={texts.lang}>
                    {texts.text(textKey.exerciseObjective(objective.id))}
                    <TierPhase tiers={objective.tiers} phases={objective.phases} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('exercisePrint.evaluator.roles')}</dt>
                <dd lang={texts.lang}>
                  {p.roles.length
                    ? p.roles.map((r) => texts.text(textKey.exerciseRole(r))).join(', ')
                    : t('aar.allRoles')}
                </dd>
              </div>
            </dl>
            <h4 class="xpr-h4">{t('exercisePrint.evaluator.observe')}</h4>
            {watched.length === 0 ? (
              <p class="xpr-none">{t('exercisePrint.evaluator.noActions')}</p>
            ) : (
              <ul class="xpr-actions xpr-watch">
                {watched.map(({ action, at }) => (
                  <ActionLine
                    key={action.id}
                    action={action}
                    texts={texts}
                    releasedAt={at}
                    stamp={stamp}
                    box
                  />
                ))}
              </ul>
            )}
            <h4 class="xpr-h4">{t('exercisePrint.evaluator.rate')}</h4>
            <ul class="xpr-rating">
              {RATINGS.map((r) => (
                <li key={r}>
                  <span class="xpr-box" aria-hidden="true" />
                  {t(`aar.ratings.${r}`)}
                </li>
              ))}
            </ul>
            <h4 class="xpr-h4">{t('exercisePrint.evaluator.notes')}</h4>
            <div class="xpr-lines" aria-hidden="true">
              {Array.from({ length: 7 }, (_, n) => (
                <span key={n} />
              ))}
            </div>
            <p class="xpr-sign">
              <span>{t('exercisePrint.evaluator.evaluator')}</span>
              <span>{t('exercisePrint.evaluator.time')}</span>
            </p>
          </section>
        );
      })}
    </article>
  );
}

/** One expected action: who, what, by when, and the doctrine it cites; `box` adds a tick box for the evaluator. */
function ActionLine({
  action,
  texts,
  releasedAt,
  stamp,
  box = false,
  children,
}: {
  action: ExpectedAction;
  texts: ScenarioTexts;
  releasedAt: number | undefined;
  stamp(seconds: number): string;
  box?: boolean;
  children?: ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const within = exerciseSeconds(action.within);
  return (
    <li class="xpr-action" data-action={action.id}>
      {box && <span class="xpr-box" aria-hidden="true" />}
      <div>
        <p>
          <strong lang={texts.lang}>{texts.text(textKey.exerciseRole(action.role))}</strong>
          {t('exercisePrint.colon')}
          <span lang={texts.lang}>{texts.text(textKey.expectedAction(action.id))}</span>{' '}
          <span class="xpr-due">
            (
            {releasedAt === undefined
              ? t('exercisePrint.controller.withinHeld', { time: durationText(within) })
              : t('exercisePrint.controller.within', {
                  time: durationText(within),
                  due: stamp(releasedAt + within),
                })}
            )
          </span>
        </p>
        {action.follows.length === 0 ? (
          <p class="xpr-sub">{t('exercisePrint.controller.noDoctrine')}</p>
        ) : (
          <ul class="xpr-doctrine">
            {action.follows.map((id) => {
              const entry = CATALOGUE.get(id);
              return (
                <li key={id}>
                  <span class="xc-tag xc-tag-doctrine">{id}</span>{' '}
                  {entry ? (
                    <>
                      <span class="xpr-section">{t('doctrine.section', { section: entry.section })}</span>
                      {' — '}
                      {entry.summary[lang as 'en' | 'fr'] ?? entry.summary.en}
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {children}
      </div>
    </li>
  );
}

function TierPhase({ tiers, phases }: { tiers: readonly string[]; phases: readonly string[] }) {
  const { t } = useI18n();
  if (tiers.length + phases.length === 0) return null;
  return (
    <span class="xpr-tags">
      {tiers.map((x) => (
        <span key={x} class="xpr-tag">
          {t(`doctrine.tierShort.${x}`)}
        </span>
      ))}
      {phases.map((x) => (
        <span key={x} class="xpr-tag">
          {t(`doctrine.phase.${x}`)}
        </span>
      ))}
    </span>
  );
}

function recipients(item: MselItem, texts: ScenarioTexts, all: string): string {
  return item.to === ALL_ROLES ? all : item.to.map((r) => texts.text(textKey.exerciseRole(r))).join(', ');
}
