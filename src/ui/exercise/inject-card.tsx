import { useMemo, useState } from 'preact/hooks';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { buildExpectations, type ExpectationView } from '../../engine/exercise/exercise-view.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { MselItem, Scenario } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { Paragraphs } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import { ChannelMark } from './channel-mark.tsx';
import { recipients, type SendExerciseEvent } from './console-model.ts';
import { durationText, elapsedText } from './exercise-time-format.ts';
import { useClockStamp } from './use-clock-stamp.ts';

/** The inject in focus: its message, who got it, the decision it puts to the table, the actions it expects. */
export function InjectCard({
  bundle,
  item,
  state,
  texts,
  send,
}: {
  bundle: ScenarioBundle;
  item: MselItem;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const scenario = bundle.scenario;
  const released = state.released.find((r) => r.inject === item.id);
  const skipped = state.skipped.find((s) => s.inject === item.id);
  const upcoming = state.upcoming.find((u) => u.inject === item.id);
  const at = released?.at ?? skipped?.at ?? upcoming?.at ?? null;
  const stamp = useClockStamp(scenario.startClock);
  const expectations = useMemo(
    () => buildExpectations(scenario, state).filter((e) => e.inject === item.id),
    [scenario, state, item.id],
  );
  const live = state.status === 'running' || state.status === 'paused';
  const status = released
    ? t(`exercise.msel.released.${released.how}`)
    : skipped
      ? t('exercise.msel.status.skipped')
      : upcoming
        ? t('exercise.msel.status.upcoming')
        : t('exercise.msel.status.held');
  const toRoles = item.to === 'all' ? t('exercise.inject.toAll') : roleNames(texts, item.to);
  return (
    <article
      class={`card xc-panel xc-inject${released ? ' is-released' : ''}`}
      aria-labelledby="xc-inject-title"
    >
      <p class="xc-inject-meta">
        <span class="xc-inject-when">
          {at === null
            ? t('exercise.inject.noTime')
            : `${t('exercise.time.elapsed', { time: elapsedText(at, t('exercise.time.dayUnit')) })} · ${stamp(at)}`}
        </span>
        <span class={`badge badge-small ${released ? 'badge-blue' : 'badge-neutral'}`}>{status}</span>
        <ChannelMark channel={item.channel} />
        <span class="xc-from" lang={texts.lang}>
          {t('exercise.inject.from', { from: texts.text(textKey.mselFrom(item.id)) })}
        </span>
      </p>
      <h2 id="xc-inject-title" class="xc-inject-title" lang={texts.lang}>
        {texts.text(textKey.mselTitle(item.id))}
      </h2>
      <p class="xc-inject-to">
        <span>{t('exercise.inject.to', { roles: toRoles })}</span>
        <span class={`xc-tag ${item.projector ? 'xc-tag-public' : 'xc-tag-private'}`}>
          {t(item.projector ? 'exercise.inject.public' : 'exercise.inject.private')}
        </span>
      </p>
      <div class="xc-inject-text" lang={texts.lang}>
        <Paragraphs text={texts.text(textKey.mselText(item.id))} />
      </div>
      {item.step && released && live && (
        <StepDecision
          key={item.step}
          scenario={scenario}
          stepId={item.step}
          item={item}
          state={state}
          texts={texts}
          send={send}
        />
      )}
      {expectations.length > 0 && (
        <section class="xc-expects" aria-labelledby="xc-expects-heading">
          <h3 id="xc-expects-heading" class="xc-subhead">
            {t('exercise.expects.heading')}
          </h3>
          <ul class="xc-expect-list">
            {expectations.map((e) => (
              <ExpectationLine
                key={e.action}
                scenario={scenario}
                expectation={e}
                state={state}
                texts={texts}
                live={live}
                send={send}
              />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function ExpectationLine({
  scenario,
  expectation: e,
  state,
  texts,
  live,
  send,
}: {
  scenario: Scenario;
  expectation: ExpectationView;
  state: ExerciseState;
  texts: ScenarioTexts;
  live: boolean;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(scenario.startClock);
  const [role, setRole] = useState(e.role);
  const roles = scenario.exercise?.roles ?? [];
  const text = texts.text(e.textKey);
  const missed = state.missed.find((m) => m.action === e.action);
  const detail =
    e.status === 'open'
      ? t('exercise.expects.dueIn', {
          time: stamp(e.due ?? 0),
          in: durationText((e.due ?? 0) - state.time),
        })
      : e.status === 'taken' || e.status === 'late'
        ? t(e.status === 'taken' ? 'exercise.expects.takenBy' : 'exercise.expects.takenLate', {
            role: texts.text(textKey.exerciseRole(e.takenBy ?? e.role)),
            time: stamp(e.takenAt ?? 0),
          })
        : e.status === 'missed'
          ? missed?.fired
            ? t('exercise.expects.missedFired', { inject: texts.text(textKey.mselTitle(missed.fired)) })
            : t('exercise.expects.missed')
          : e.contingency
            ? t('exercise.expects.notReleasedContingency', {
                inject: texts.text(textKey.mselTitle(e.contingency)),
              })
            : t('exercise.expects.notReleased');
  const canTick = live && (e.status === 'open' || e.status === 'missed');
  const selectId = `xc-took-${e.action}`;
  return (
    <li class={`xc-expect is-${e.status}`} data-action={e.action}>
      <span class="xc-expect-mark" aria-hidden="true">
        {e.status === 'taken' ? '✓' : e.status === 'late' ? '✓' : e.status === 'missed' ? '✕' : '○'}
      </span>
      <div class="xc-expect-body">
        <p class="xc-expect-text">
          <span class="xc-role-chip">{texts.text(textKey.exerciseRole(e.role))}</span>{' '}
          <span lang={texts.lang}>{text}</span>
        </p>
        <p class={`xc-expect-detail is-${e.status}`}>
          <span class="visually-hidden">{t(`exercise.expects.status.${e.status}`)}: </span>
          {detail}
        </p>
      </div>
      {canTick && (
        <div class="xc-expect-tick">
          <label class="visually-hidden" for={selectId}>
            {t('exercise.expects.whoLabel')}
          </label>
          <select
            id={selectId}
            class="xc-select xc-select-small"
            value={role}
            onChange={(ev) => setRole(ev.currentTarget.value)}
          >
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {texts.text(textKey.exerciseRole(r.id))}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="xc-mini xc-mini-good"
            aria-label={t('exercise.expects.tickLabel', { action: text })}
            onClick={() => send({ type: 'action.recorded', action: e.action, role })}
          >
            {t('exercise.expects.tick')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The step decision an inject puts to the table, recorded for the role that took it. */
function StepDecision({
  scenario,
  stepId,
  item,
  state,
  texts,
  send,
}: {
  scenario: Scenario;
  stepId: string;
  item: MselItem;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(scenario.startClock);
  const step = scenario.steps.find((s) => s.id === stepId);
  const decision = step?.decision;
  const asked = recipients(scenario, item);
  const [role, setRole] = useState(asked[0] ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [credited, setCredited] = useState<string[]>([]);
  if (!decision) return null;
  // why: the facilitator sees which option stands for an expected action before recording it, and
  // after, which actions the record ticked; the engine does the ticking from the same data.
  const standsFor = (option: string) =>
    (scenario.exercise?.msel ?? []).flatMap((m) => m.expects.filter((a) => a.satisfiedBy.includes(option)));
  const awaited = (action: string) =>
    state.pending.some((p) => p.action === action) || state.missed.some((m) => m.action === action);
  const pick = decision.mode === 'multi' ? (decision.pick ?? 1) : 1;
  const recorded = state.decisions.filter((d) => d.step === stepId);
  const toggle = (id: string) => {
    setDone(null);
    setCredited([]);
    if (decision.mode !== 'multi') setChosen([id]);
    else setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length < pick ? [...c, id] : c));
  };
  const record = () => {
    if (!chosen.length || !role) return;
    const ticks = chosen
      .flatMap((o) => standsFor(o))
      .filter((a, i, all) => awaited(a.id) && all.indexOf(a) === i);
    if (send({ type: 'decision.recorded', role, step: stepId, options: chosen })) {
      setDone(texts.text(textKey.exerciseRole(role)));
      setCredited(ticks.map((a) => texts.text(textKey.expectedAction(a.id))));
      setChosen([]);
    }
  };
  const name = `xc-step-${stepId}`;
  return (
    <section class="xc-step" aria-labelledby={`${name}-heading`}>
      <h3 id={`${name}-heading`} class="xc-subhead">
        {t('exercise.decision.heading')}
      </h3>
      <p class="xc-step-prompt" lang={texts.lang}>
        {texts.text(textKey.prompt(stepId))}
      </p>
      <fieldset class="xc-options">
        <legend class="visually-hidden">
          {decision.mode === 'multi'
            ? t('exercise.decision.pickUpTo', { count: pick })
            : t('exercise.decision.pickOne')}
        </legend>
        {decision.options.map((o) => (
          <label key={o.id} class="xc-option">
            <input
              type={decision.mode === 'multi' ? 'checkbox' : 'radio'}
              name={name}
              value={o.id}
              checked={chosen.includes(o.id)}
              disabled={decision.mode === 'multi' && !chosen.includes(o.id) && chosen.length >= pick}
              onChange={() => toggle(o.id)}
              aria-describedby={standsFor(o.id).length > 0 ? `${name}-${o.id}-expected` : undefined}
            />
            <span lang={texts.lang}>{texts.text(textKey.optionLabel(o.id))}</span>
            {standsFor(o.id).length > 0 && (
              // why: hidden from the option's name (the table's words), read as its description instead.
              <span class="xc-tag xc-tag-expected" id={`${name}-${o.id}-expected`} aria-hidden="true">
                {t('exerciseRecord.standsFor', {
                  roles: [
                    ...new Set(standsFor(o.id).map((a) => texts.text(textKey.exerciseRole(a.role)))),
                  ].join(', '),
                })}
              </span>
            )}
          </label>
        ))}
      </fieldset>
      <div class="xc-step-record">
        <label class="xc-field-inline">
          <span>{t('exercise.decision.forRole')}</span>
          <select class="xc-select" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {(scenario.exercise?.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {texts.text(textKey.exerciseRole(r.id))}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button button-primary xc-button"
          disabled={!chosen.length}
          onClick={record}
        >
          {t('exercise.decision.record')}
        </button>
      </div>
      <p class="xc-confirm" role="status">
        {done ? t('exercise.decision.recorded', { role: done }) : ''}
        {done && credited.length > 0
          ? ` ${t('exerciseRecord.credited', { actions: credited.join(' · ') })}`
          : ''}
      </p>
      {recorded.length > 0 && (
        <ul class="xc-recorded">
          {recorded.map((d, i) => (
            <li key={i}>
              <span class="xc-role-chip">{texts.text(textKey.exerciseRole(d.role))}</span>{' '}
              <span lang={texts.lang}>
                {d.options.map((o) => texts.text(textKey.optionLabel(o))).join(' + ')}
              </span>{' '}
              <span class="muted">· {stamp(d.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Expected actions awaited right now, soonest due first, each with a one-press tick for its role. */
export function WatchList({
  state,
  texts,
  send,
  onSelect,
}: {
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
  onSelect(inject: string): void;
}) {
  const { t } = useI18n();
  if (state.status === 'ready' || state.pending.length === 0) return null;
  return (
    <section class="card xc-panel xc-watch" aria-labelledby="xc-watch-heading">
      <h2 id="xc-watch-heading" class="section-label">
        {t('exercise.watch.heading', { count: state.pending.length })}
      </h2>
      <ul class="xc-watch-list">
        {state.pending.map((p) => {
          const text = texts.text(textKey.expectedAction(p.action));
          const left = p.due - state.time;
          return (
            <li key={p.action} class={`xc-watch-item${left <= 600 ? ' is-soon' : ''}`}>
              <span class="xc-watch-in">{t('exercise.watch.left', { time: durationText(left) })}</span>
              <button type="button" class="xc-watch-text" onClick={() => onSelect(p.inject)}>
                <span class="xc-role-chip">{texts.text(textKey.exerciseRole(p.role))}</span>{' '}
                <span lang={texts.lang}>{text}</span>
              </button>
              <button
                type="button"
                class="xc-mini xc-mini-good"
                disabled={state.status === 'ended'}
                aria-label={t('exercise.expects.tickLabel', { action: text })}
                onClick={() => send({ type: 'action.recorded', action: p.action, role: p.role })}
              >
                {t('exercise.expects.tick')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function roleNames(texts: ScenarioTexts, roles: readonly string[]): string {
  return roles.map((r) => texts.text(textKey.exerciseRole(r))).join(', ');
}
