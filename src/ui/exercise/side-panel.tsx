import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { CATALOGUE, SITUATIONS } from '../../engine/doctrine/catalogue.ts';
import { PHASES, type Phase, TIERS, type Tier } from '../../engine/doctrine/doctrine-entry.ts';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { moduleAt } from '../../engine/exercise/exercise-timing.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { RATINGS, type Rating } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { formatHandbookSection } from '../../i18n/i18n.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { SendExerciseEvent } from './console-model.ts';
import { RecordCorrections } from './record-corrections.tsx';
import { useClockStamp } from './use-clock-stamp.ts';

const TABS = ['record', 'discussion', 'evaluation', 'log'] as const;
type Tab = (typeof TABS)[number];

/** The facilitator's side panel: record for a role, the discussion questions, ratings, and the running log. */
export function SidePanel({
  bundle,
  state,
  texts,
  send,
  discussion = null,
  onDiscussion,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
  /** The module whose questions are on the projector. */
  discussion?: string | null;
  onDiscussion?: (module: string | null) => void;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('record');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // why: the WAI-ARIA tabs pattern; arrow keys move between tabs, Tab goes into the panel.
  const onKey = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + step + TABS.length) % TABS.length;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    setTab(TABS[to]!);
    tabs.current[to]?.focus();
  };
  return (
    <section class="card xc-panel xc-side" aria-label={t('exercise.side.label')}>
      <div class="xc-tabs" role="tablist" aria-label={t('exercise.side.label')}>
        {TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`xc-tab-${id}`}
            class="xc-tab"
            aria-selected={tab === id}
            aria-controls={`xc-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(`exercise.side.tab.${id}`)}
          </button>
        ))}
      </div>
      <div class="xc-tabpanel" role="tabpanel" id={`xc-tabpanel-${tab}`} aria-labelledby={`xc-tab-${tab}`}>
        {tab === 'record' && <RecordForRole bundle={bundle} state={state} texts={texts} send={send} />}
        {tab === 'discussion' && (
          <Discussion
            bundle={bundle}
            state={state}
            texts={texts}
            shown={discussion}
            {...(onDiscussion ? { onShow: onDiscussion } : {})}
          />
        )}
        {tab === 'evaluation' && <Evaluation bundle={bundle} state={state} texts={texts} send={send} />}
        {tab === 'log' && (
          <>
            <RecordCorrections bundle={bundle} state={state} texts={texts} send={send} />
            <RunningLog bundle={bundle} state={state} texts={texts} />
          </>
        )}
      </div>
    </section>
  );
}

/** A decision (free text tagged with tiers, phases and doctrine) or a note, recorded for one role. */
function RecordForRole({
  bundle,
  state,
  texts,
  send,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(bundle.scenario.startClock);
  const roles = bundle.scenario.exercise?.roles ?? [];
  const [role, setRole] = useState(roles[0]?.id ?? '');
  const [kind, setKind] = useState<'decision' | 'note'>('decision');
  const [text, setText] = useState('');
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [phases, setPhases] = useState<Phase[]>([]);
  const [doctrine, setDoctrine] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const live = state.status === 'running' || state.status === 'paused';
  const canRecord = text.trim() !== '' && (kind === 'note' ? state.status !== 'ready' : live);
  const roleName = (id: string) => texts.text(textKey.exerciseRole(id));

  const submit = (e: Event) => {
    e.preventDefault();
    if (!canRecord) return;
    const ok =
      kind === 'note'
        ? send({ type: 'note.recorded', role, text: text.trim() })
        : send({
            type: 'decision.recorded',
            role,
            text: text.trim(),
            ...(tiers.length ? { tiers } : {}),
            ...(phases.length ? { phases } : {}),
            ...(doctrine.length ? { doctrine } : {}),
          });
    setMessage({
      ok,
      text: ok
        ? t(kind === 'note' ? 'exercise.record.noteDone' : 'exercise.record.decisionDone', {
            role: roleName(role),
          })
        : t('exercise.record.refused'),
    });
    if (ok) {
      setText('');
      setTiers([]);
      setPhases([]);
      setDoctrine([]);
    }
  };
  const entries = [
    ...state.decisions
      .filter((d) => d.role === role)
      .map((d) => ({ kind: 'decision' as const, at: d.at, d })),
    ...state.notes.filter((n) => n.role === role).map((n) => ({ kind: 'note' as const, at: n.at, n })),
  ].sort((a, b) => b.at - a.at);

  return (
    <>
      <form class="xc-form" onSubmit={submit}>
        <label class="xc-field">
          <span class="xc-label">{t('exercise.record.role')}</span>
          <select class="xc-select" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {roleName(r.id)}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="segmented xc-kind">
          <legend class="xc-label">{t('exercise.record.kind')}</legend>
          {(['decision', 'note'] as const).map((k) => (
            <button
              key={k}
              type="button"
              class="segmented-option"
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setMessage(null);
              }}
            >
              {t(`exercise.record.${k}`)}
            </button>
          ))}
        </fieldset>
        <label class="xc-field">
          <span class="xc-label">
            {t(kind === 'note' ? 'exercise.record.noteText' : 'exercise.record.decisionText')}
          </span>
          <textarea
            class="xc-textarea"
            rows={3}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setMessage(null);
            }}
          />
        </label>
        {kind === 'decision' && (
          <>
            <CheckGroup
              legend={t('exercise.record.tiers')}
              values={TIERS}
              chosen={tiers}
              label={(v) => t(`doctrine.tierShort.${v}`)}
              title={(v) => t(`doctrine.tier.${v}`)}
              onChange={setTiers}
            />
            <CheckGroup
              legend={t('exercise.record.phases')}
              values={PHASES}
              chosen={phases}
              label={(v) => t(`doctrine.phase.${v}`)}
              onChange={setPhases}
            />
            <DoctrinePicker chosen={doctrine} onChange={setDoctrine} />
          </>
        )}
        <div class="xc-form-actions">
          <button type="submit" class="button button-primary xc-button" disabled={!canRecord}>
            {t(kind === 'note' ? 'exercise.record.recordNote' : 'exercise.record.recordDecision')}
          </button>
          {kind === 'decision' && !live && <span class="muted xc-hint">{t('exercise.record.notLive')}</span>}
        </div>
        <p class={`xc-confirm${message && !message.ok ? ' is-bad' : ''}`} role="status">
          {message?.text ?? ''}
        </p>
      </form>
      <h3 class="xc-subhead">{t('exercise.record.forRole', { role: roleName(role) })}</h3>
      {entries.length === 0 ? (
        <p class="muted xc-small">{t('exercise.record.nothingYet')}</p>
      ) : (
        <ul class="xc-entries">
          {entries.map((e, i) => (
            <li key={i} class={`xc-entry xc-entry-${e.kind}`}>
              <p class="xc-entry-meta">
                <span class="xc-tag">{t(`exercise.record.${e.kind}`)}</span>
                <time>{stamp(e.at)}</time>
              </p>
              {e.kind === 'note' ? (
                <p class="xc-entry-text">{e.n.text}</p>
              ) : (
                <>
                  <p class="xc-entry-text">
                    {e.d.options.length > 0 && (
                      <span lang={texts.lang}>
                        {e.d.options.map((o) => texts.text(textKey.optionLabel(o))).join(' + ')}
                        {e.d.text ? ' — ' : ''}
                      </span>
                    )}
                    {e.d.text}
                  </p>
                  <Tags tiers={e.d.tiers} phases={e.d.phases} doctrine={e.d.doctrine} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Tiers, phases and doctrine ids as small tags. */
export function Tags({
  tiers,
  phases,
  doctrine,
}: {
  tiers: readonly string[];
  phases: readonly string[];
  doctrine: readonly string[];
}) {
  const { t } = useI18n();
  if (!tiers.length && !phases.length && !doctrine.length) return null;
  return (
    <p class="xc-tags">
      {tiers.map((v) => (
        <span key={v} class="xc-tag xc-tag-tier">
          {t(`doctrine.tierShort.${v}`)}
        </span>
      ))}
      {phases.map((v) => (
        <span key={v} class={`xc-tag xc-tag-phase phase-${v}`}>
          {t(`doctrine.phase.${v}`)}
        </span>
      ))}
      {doctrine.map((v) => (
        <span key={v} class="xc-tag xc-tag-doctrine">
          {v}
        </span>
      ))}
    </p>
  );
}

function CheckGroup<V extends string>({
  legend,
  values,
  chosen,
  label,
  title,
  onChange,
}: {
  legend: string;
  values: readonly V[];
  chosen: V[];
  label(v: V): string;
  title?(v: V): string;
  onChange(next: V[]): void;
}) {
  return (
    <fieldset class="xc-checks">
      <legend class="xc-label">{legend}</legend>
      {values.map((v) => (
        <label key={v} class="xc-check" title={title?.(v)}>
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={() => onChange(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v])}
          />
          <span>{label(v)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Picks doctrine ids from the catalogue, grouped by handbook section, shown as removable tags. */
function DoctrinePicker({ chosen, onChange }: { chosen: string[]; onChange(next: string[]): void }) {
  const { t, lang } = useI18n();
  const [pick, setPick] = useState('');
  const groups = new Map<string, { id: string; summary: string }[]>();
  for (const e of CATALOGUE.values()) {
    const list = groups.get(e.section) ?? [];
    list.push({ id: e.id, summary: e.summary[lang] });
    groups.set(e.section, list);
  }
  const sectionTitle = (section: string) => SITUATIONS.find((s) => s.section === section)?.title[lang] ?? '';
  const add = () => {
    if (pick && !chosen.includes(pick)) onChange([...chosen, pick]);
    setPick('');
  };
  return (
    <div class="xc-field xc-doctrine">
      <label class="xc-label" for="xc-doctrine-pick">
        {t('exercise.record.doctrine')}
      </label>
      <div class="xc-doctrine-row">
        <select
          id="xc-doctrine-pick"
          class="xc-select"
          value={pick}
          onChange={(e) => setPick(e.currentTarget.value)}
        >
          <option value="">{t('exercise.record.doctrinePlaceholder')}</option>
          {[...groups].map(([section, entries]) => (
            <optgroup
              key={section}
              label={`${formatHandbookSection(section, lang)} ${sectionTitle(section)}`}
            >
              {entries.map((e) => (
                <option key={e.id} value={e.id} disabled={chosen.includes(e.id)}>
                  {`${e.id} — ${shorten(e.summary, 80)}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="button" class="button button-secondary xc-button" disabled={!pick} onClick={add}>
          {t('exercise.record.doctrineAdd')}
        </button>
      </div>
      {chosen.length > 0 && (
        <ul class="xc-chosen">
          {chosen.map((id) => (
            <li key={id}>
              <span class="xc-tag xc-tag-doctrine">{id}</span>
              <button
                type="button"
                class="xc-remove"
                aria-label={t('exercise.record.doctrineRemove', { id })}
                onClick={() => onChange(chosen.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The modules in order of play, the current one open, with their discussion questions. */
function Discussion({
  bundle,
  state,
  texts,
  shown,
  onShow,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  shown: string | null;
  onShow?: (module: string | null) => void;
}) {
  const { t } = useI18n();
  const modules = bundle.scenario.exercise?.modules ?? [];
  const current = moduleAt(bundle.scenario, state.time) ?? modules[0]?.id;
  if (!modules.length) return <p class="muted">{t('exercise.discussion.none')}</p>;
  return (
    <ol class="xc-modules">
      {modules.map((m, i) => (
        <li key={m.id} class={`xc-module${m.id === current ? ' is-current' : ''}`}>
          <details open={m.id === current}>
            <summary>
              <span class="xc-module-n">{i + 1}</span>
              <span lang={texts.lang}>{texts.text(textKey.exerciseModule(m.id))}</span>
              {m.id === current && (
                <span class="badge badge-small badge-blue">{t('exercise.discussion.now')}</span>
              )}
            </summary>
            {onShow && m.questions.length > 0 && (
              <button
                type="button"
                class="button button-secondary xc-show-questions"
                aria-pressed={shown === m.id}
                onClick={() => onShow(shown === m.id ? null : m.id)}
              >
                {t(shown === m.id ? 'exerciseRecord.discussion.hide' : 'exerciseRecord.discussion.show')}
              </button>
            )}
            {m.questions.length ? (
              <ol class="xc-questions">
                {m.questions.map((q) => (
                  <li key={q.id} lang={texts.lang}>
                    {texts.text(textKey.exerciseQuestion(q.id))}
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted xc-small">{t('exercise.discussion.noQuestions')}</p>
            )}
          </details>
        </li>
      ))}
    </ol>
  );
}

/** Evaluation points by objective, each rated on the four-level scale with an optional comment. */
export function Evaluation({
  bundle,
  state,
  texts,
  send,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const x = bundle.scenario.exercise;
  if (!x?.evaluation.length) return <p class="muted">{t('exercise.evaluation.none')}</p>;
  const open = state.status !== 'ready';
  return (
    <div class="xc-evaluation">
      <p class="muted xc-small">{t('exercise.evaluation.intro')}</p>
      {x.objectives
        .filter((o) => x.evaluation.some((p) => p.objective === o.id))
        .map((o) => (
          <section key={o.id} class="xc-objective">
            <h3 class="xc-objective-text" lang={texts.lang}>
              {texts.text(textKey.exerciseObjective(o.id))}
            </h3>
            {x.evaluation
              .filter((p) => p.objective === o.id)
              .map((p) => (
                <RatePoint
                  key={p.id}
                  point={p.id}
                  roles={p.roles}
                  rating={state.ratings[p.id]}
                  texts={texts}
                  disabled={!open}
                  send={send}
                />
              ))}
          </section>
        ))}
    </div>
  );
}

function RatePoint({
  point,
  roles,
  rating,
  texts,
  disabled,
  send,
}: {
  point: string;
  roles: readonly string[];
  rating: ExerciseState['ratings'][string] | undefined;
  texts: ScenarioTexts;
  disabled: boolean;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState(rating?.comment ?? '');
  const rate = (r: Rating, c = comment) =>
    send({ type: 'evaluation.rated', point, rating: r, ...(c.trim() ? { comment: c.trim() } : {}) });
  const legendId = `xc-point-${point}`;
  return (
    <fieldset class="xc-point" aria-labelledby={legendId} disabled={disabled}>
      <p id={legendId} class="xc-point-text" lang={texts.lang}>
        {texts.text(textKey.evaluationPoint(point))}
      </p>
      {roles.length > 0 && (
        <p class="xc-point-roles muted">{roles.map((r) => texts.text(textKey.exerciseRole(r))).join(', ')}</p>
      )}
      <div class="xc-scale">
        {RATINGS.map((r) => (
          <label key={r} class={`xc-scale-option rating-${r}`} title={t(`exercise.rating.${r}`)}>
            <input
              type="radio"
              name={`rate-${point}`}
              value={r}
              checked={rating?.rating === r}
              onChange={() => rate(r)}
            />
            <span class="xc-scale-code" aria-hidden="true">
              {t(`exercise.rating.code.${r}`)}
            </span>
            <span class="visually-hidden">{t(`exercise.rating.${r}`)}</span>
          </label>
        ))}
        <span class="xc-scale-word">
          {rating ? t(`exercise.rating.${rating.rating}`) : t('exercise.rating.none')}
        </span>
      </div>
      <label class="xc-field">
        <span class="visually-hidden">{t('exercise.evaluation.comment')}</span>
        <textarea
          class="xc-input xc-textarea"
          rows={3}
          placeholder={t('exercise.evaluation.comment')}
          value={comment}
          disabled={!rating}
          onInput={(e) => setComment(e.currentTarget.value)}
          onChange={(e) => {
            if (rating && e.currentTarget.value.trim() !== (rating.comment ?? ''))
              rate(rating.rating, e.currentTarget.value);
          }}
        />
      </label>
    </fieldset>
  );
}

/** What a line of the exercise log records; each has its own word. */
export type LogKind = 'inject' | 'skipped' | 'action' | 'missed' | 'decision' | 'note';

/** Everything that happened so far, newest first: injects, actions, decisions and notes. */
function RunningLog({
  bundle,
  state,
  texts,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(bundle.scenario.startClock);
  const role = (id: string) => texts.text(textKey.exerciseRole(id));
  const entries: { at: number; kind: LogKind; body: ComponentChildren }[] = [
    ...state.released.map((r) => ({
      at: r.at,
      kind: 'inject' as const,
      body: <span lang={texts.lang}>{texts.text(textKey.mselTitle(r.inject))}</span>,
    })),
    ...state.skipped.map((s) => ({
      at: s.at,
      kind: 'skipped' as const,
      body: <span lang={texts.lang}>{texts.text(textKey.mselTitle(s.inject))}</span>,
    })),
    ...state.actions.map((a) => ({
      at: a.at,
      kind: 'action' as const,
      body: (
        <>
          <span class="xc-role-chip">{role(a.role)}</span>{' '}
          <span lang={texts.lang}>{texts.text(textKey.expectedAction(a.action))}</span>
        </>
      ),
    })),
    ...state.missed.map((m) => ({
      at: m.due,
      kind: 'missed' as const,
      body: (
        <>
          <span class="xc-role-chip">{role(m.role)}</span>{' '}
          <span lang={texts.lang}>{texts.text(textKey.expectedAction(m.action))}</span>
        </>
      ),
    })),
    ...state.decisions.map((d) => ({
      at: d.at,
      kind: 'decision' as const,
      body: (
        <>
          <span class="xc-role-chip">{role(d.role)}</span>{' '}
          <span lang={texts.lang}>
            {d.options.map((o) => texts.text(textKey.optionLabel(o))).join(' + ')}
          </span>
          {d.text}
        </>
      ),
    })),
    ...state.notes.map((n) => ({
      at: n.at,
      kind: 'note' as const,
      body: (
        <>
          <span class="xc-role-chip">{role(n.role)}</span> {n.text}
        </>
      ),
    })),
  ];
  const lines = entries.map((l, i) => ({ ...l, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  if (!lines.length) return <p class="muted">{t('exercise.log.empty')}</p>;
  return (
    <ol class="xc-log">
      {lines.map((l) => (
        <li key={`${l.kind}-${l.i}`} class={`xc-log-line xc-log-${l.kind}`}>
          <time class="xc-log-time">{stamp(l.at)}</time>
          <span class="xc-tag">{t(`exercise.log.kind.${l.kind}`)}</span>
          <span class="xc-log-body">{l.body}</span>
        </li>
      ))}
    </ol>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
