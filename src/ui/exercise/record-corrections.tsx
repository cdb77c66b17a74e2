import type { ExerciseState, UndoneRecord } from '../../engine/exercise/exercise-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { SendExerciseEvent } from './console-model.ts';
import { useClockStamp } from './use-clock-stamp.ts';

// why: a wrong click in front of the table must be put right without a trace of doubt in the
// report; each correction is an event of its own, so the log shows both the record and its undoing.

/** Every record of the exercise with Undo (and Edit for words), and the undone ones with Redo. */
export function RecordCorrections({
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
  const records = activeRecords(state);
  const describe = useDescribe(texts);
  const edit = (r: UndoneRecord) => {
    const current =
      r.kind === 'rating' ? (r.record.comment ?? '') : 'text' in r.record ? (r.record.text ?? '') : '';
    const text = globalThis.prompt?.(t('exerciseRecord.editPrompt'), current);
    if (text === null || text === undefined || text === current) return;
    send(
      r.kind === 'rating'
        ? { type: 'record.amended', record: r.record.id, comment: text }
        : { type: 'record.amended', record: r.record.id, text },
    );
  };
  return (
    <section class="xc-records" aria-labelledby="xc-records-title">
      <h3 id="xc-records-title" class="xc-records-title">
        {t('exerciseRecord.heading')}
      </h3>
      <p class="muted xc-records-hint">{t('exerciseRecord.hint')}</p>
      {records.length === 0 && state.undone.length === 0 && <p class="muted">{t('exerciseRecord.none')}</p>}
      <ol class="xc-records-list">
        {records.map((r) => (
          <li key={r.record.id} class="xc-record" data-record={r.record.id}>
            <time class="xc-log-time">{stamp(r.record.at)}</time>
            <span class="xc-tag">{t(`exerciseRecord.kind.${r.kind}`)}</span>
            <span class="xc-record-body">{describe(r)}</span>
            <span class="xc-record-tools">
              {amendable(r) && (
                <button
                  type="button"
                  class="button button-link"
                  aria-label={t('exerciseRecord.editLabel', { what: describe(r) })}
                  onClick={() => edit(r)}
                >
                  {t('exerciseRecord.edit')}
                </button>
              )}
              <button
                type="button"
                class="button button-link"
                aria-label={t('exerciseRecord.undoLabel', { what: describe(r) })}
                onClick={() => send({ type: 'record.undone', record: r.record.id })}
              >
                {t('exerciseRecord.undo')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {state.undone.length > 0 && (
        <>
          <h4 class="xc-records-title">{t('exerciseRecord.undoneHeading')}</h4>
          <ol class="xc-records-list">
            {state.undone.map((r) => (
              <li key={r.record.id} class="xc-record is-undone" data-record={r.record.id}>
                <time class="xc-log-time">{stamp(r.record.at)}</time>
                <span class="xc-tag">{t(`exerciseRecord.kind.${r.kind}`)}</span>
                <s class="xc-record-body">{describe(r)}</s>
                <span class="xc-record-tools">
                  <button
                    type="button"
                    class="button button-link"
                    aria-label={t('exerciseRecord.redoLabel', { what: describe(r) })}
                    onClick={() => send({ type: 'record.redone', record: r.record.id })}
                  >
                    {t('exerciseRecord.redo')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The records still standing, latest first (the one a facilitator most often corrects). */
export function activeRecords(state: ExerciseState): UndoneRecord[] {
  const all: UndoneRecord[] = [
    // why: an action ticked by a decision is undone through that decision, so it is not listed twice.
    ...state.actions.filter((a) => !a.by).map((record) => ({ kind: 'action' as const, record })),
    ...state.skipped.map((record) => ({ kind: 'skip' as const, record })),
    ...state.decisions.map((record) => ({ kind: 'decision' as const, record })),
    ...state.notes.map((record) => ({ kind: 'note' as const, record })),
    ...state.ratingLog.map((record) => ({ kind: 'rating' as const, record })),
    ...state.hotwash.map((record) => ({ kind: 'hotwash' as const, record })),
  ];
  return all.sort((a, b) => b.record.at - a.record.at || seq(b.record.id) - seq(a.record.id));
}

const seq = (id: string) => Number(/(\d+)/.exec(id)?.[1] ?? 0);

function amendable(r: UndoneRecord): boolean {
  if (r.kind === 'note' || r.kind === 'hotwash' || r.kind === 'rating') return true;
  return r.kind === 'decision' && r.record.text !== undefined;
}

function useDescribe(texts: ScenarioTexts): (r: UndoneRecord) => string {
  const { t } = useI18n();
  const role = (id: string) => texts.text(textKey.exerciseRole(id));
  return (r) => {
    switch (r.kind) {
      case 'action':
        return `${role(r.record.role)}: ${texts.text(textKey.expectedAction(r.record.action))}`;
      case 'skip':
        return texts.text(textKey.mselTitle(r.record.inject));
      case 'decision': {
        const d = r.record;
        const words = d.options.length
          ? d.options.map((o) => texts.text(textKey.optionLabel(o))).join(' · ')
          : (d.text ?? '');
        return `${role(d.role)}: ${words}`;
      }
      case 'note':
        return `${role(r.record.role)}: ${r.record.text}`;
      case 'rating':
        return `${texts.text(textKey.evaluationPoint(r.record.point))}: ${t(`exercise.rating.${r.record.rating}`)}${r.record.comment ? ` (${r.record.comment})` : ''}`;
      case 'hotwash':
        return `${role(r.record.role)}: ${r.record.text}`;
    }
  };
}
