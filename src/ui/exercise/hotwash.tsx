import { useState } from 'preact/hooks';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { SendExerciseEvent } from './console-model.ts';
import { Evaluation } from './side-panel.tsx';

type Kind = 'strength' | 'improvement';

/**
 * The hotwash right after the exercise: strengths and areas for improvement per role, and the
 * ratings of the evaluation points, before the after-action report is drafted from them.
 */
export function Hotwash({
  bundle,
  state,
  texts,
  send,
  onDone,
}: {
  bundle: ScenarioBundle;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
  onDone(): void;
}) {
  const { t } = useI18n();
  const x = bundle.scenario.exercise;
  const rated = Object.keys(state.ratings).length;
  const points = x?.evaluation.length ?? 0;
  return (
    <div class="xc-after">
      <div class="xc-after-intro">
        <div>
          <p class="kicker">{t('exercise.after.hotwashStage')}</p>
          <h2 class="xc-after-title">{t('exercise.hotwash.heading')}</h2>
          <p class="lead">{t('exercise.hotwash.intro')}</p>
        </div>
        <div class="xc-after-next">
          <p class="muted">
            {t('exercise.hotwash.progress', { entries: state.hotwash.length, rated, points })}
          </p>
          <button type="button" class="button button-primary button-large" onClick={onDone}>
            {t('exercise.hotwash.draft')}
            <span aria-hidden="true" class="button-arrow">
              →
            </span>
          </button>
        </div>
      </div>
      <div class="xc-hotwash-layout">
        <ul class="xc-hotwash-roles">
          {(x?.roles ?? []).map((r) => (
            <li key={r.id} class="card xc-hotwash-role">
              <h3 lang={texts.lang}>{texts.text(textKey.exerciseRole(r.id))}</h3>
              {(['strength', 'improvement'] as const).map((kind) => (
                <HotwashList key={kind} role={r.id} kind={kind} state={state} texts={texts} send={send} />
              ))}
            </li>
          ))}
        </ul>
        <section class="card xc-panel xc-hotwash-ratings" aria-labelledby="xc-ratings-heading">
          <h3 id="xc-ratings-heading" class="section-label">
            {t('exercise.evaluation.heading')}
          </h3>
          <Evaluation bundle={bundle} state={state} texts={texts} send={send} />
        </section>
      </div>
    </div>
  );
}

function HotwashList({
  role,
  kind,
  state,
  texts,
  send,
}: {
  role: string;
  kind: Kind;
  state: ExerciseState;
  texts: ScenarioTexts;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const entries = state.hotwash.filter((h) => h.role === role && h.kind === kind);
  const roleName = texts.text(textKey.exerciseRole(role));
  const inputId = `xc-hw-${role}-${kind}`;
  const add = (e: Event) => {
    e.preventDefault();
    if (text.trim() && send({ type: 'hotwash.recorded', role, kind, text: text.trim() })) setText('');
  };
  return (
    <div class={`xc-hw xc-hw-${kind}`}>
      <h4 class="xc-hw-heading">
        <span class="xc-hw-mark" aria-hidden="true">
          {kind === 'strength' ? '+' : '△'}
        </span>
        {t(`exercise.hotwash.${kind}s`)}
      </h4>
      {entries.length > 0 && (
        <ul class="xc-hw-list">
          {entries.map((h) => (
            <li key={h.id}>{h.text}</li>
          ))}
        </ul>
      )}
      <form class="xc-hw-add" onSubmit={add}>
        <label class="visually-hidden" for={inputId}>
          {t(`exercise.hotwash.add.${kind}`, { role: roleName })}
        </label>
        <input
          id={inputId}
          class="xc-input"
          type="text"
          value={text}
          placeholder={t(`exercise.hotwash.placeholder.${kind}`)}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button
          type="submit"
          class="xc-mini"
          disabled={!text.trim()}
          aria-label={t(`exercise.hotwash.add.${kind}`, { role: roleName })}
        >
          {t('exercise.hotwash.addButton')}
        </button>
      </form>
    </div>
  );
}
