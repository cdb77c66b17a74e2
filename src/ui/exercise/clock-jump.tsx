import { useEffect, useRef } from 'preact/hooks';
import type { ClockPreview, ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { SendExerciseEvent } from './console-model.ts';
import { useClockStamp } from './use-clock-stamp.ts';

/** A jump the facilitator asked for that would pass awaited actions: how far, and what it would do. */
export interface JumpAsk {
  seconds: number;
  preview: ClockPreview;
}

/**
 * Asks before "Next inject" passes awaited actions: it lists the actions that would be missed and
 * the contingencies that would fire, and offers to hold them open, mark them missed, or cancel.
 */
export function JumpDialog({
  ask,
  texts,
  startClock,
  send,
  onClose,
}: {
  ask: JumpAsk;
  texts: ScenarioTexts;
  startClock: string;
  send: SendExerciseEvent;
  onClose(): void;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(startClock);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const go = (hold: boolean) => {
    send({ type: 'clock.jumped', seconds: ask.seconds, hold });
    onClose();
  };
  const { missed, fired } = ask.preview;
  return (
    <div
      class="xc-alert xc-alert-bad xc-jump-ask"
      role="alertdialog"
      aria-labelledby="xc-jump-ask-title"
      aria-describedby="xc-jump-ask-body"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="xc-jump-ask-title" class="xc-jump-ask-title">
        {t('exerciseRecord.jump.title', { count: missed.length })}
      </h2>
      <div id="xc-jump-ask-body">
        <ul class="xc-jump-ask-list">
          {missed.map((m) => (
            <li key={m.action}>
              <strong>{texts.text(textKey.exerciseRole(m.role))}</strong> ·{' '}
              <span lang={texts.lang}>{texts.text(textKey.expectedAction(m.action))}</span>{' '}
              <span class="muted">{t('exerciseRecord.jump.due', { time: stamp(m.due) })}</span>
            </li>
          ))}
        </ul>
        {fired.length > 0 && (
          <>
            <p class="xc-jump-ask-fires">{t('exerciseRecord.jump.fires', { count: fired.length })}</p>
            <ul class="xc-jump-ask-list">
              {fired.map((f) => (
                <li key={f} lang={texts.lang}>
                  {texts.text(textKey.mselTitle(f))}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div class="xc-jump-ask-actions">
        <button ref={first} type="button" class="button button-primary" onClick={() => go(true)}>
          {t('exerciseRecord.jump.hold')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => go(false)}>
          {t('exerciseRecord.jump.miss')}
        </button>
        <button type="button" class="button button-link" onClick={onClose}>
          {t('exerciseRecord.jump.cancel')}
        </button>
      </div>
    </div>
  );
}

// why: a facilitator watching the room presses a key rather than hunting for a button; keys typed
// into a field or pressed on a button keep their own meaning.
/** Space pauses or resumes the clock, R releases the next scheduled inject now. */
export function useConsoleKeys(state: ExerciseState, send: SendExerciseEvent): void {
  const current = useRef(state);
  current.current = state;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, button, a, [contenteditable], [role="tab"]')) return;
      const s = current.current;
      if (e.key === ' ') {
        if (s.status === 'running') send({ type: 'exercise.paused' });
        else if (s.status === 'paused') send({ type: 'exercise.resumed' });
        else return;
        e.preventDefault();
      } else if (e.key === 'r' || e.key === 'R') {
        const next = s.upcoming[0];
        if ((s.status === 'running' || s.status === 'paused') && next) {
          send({ type: 'inject.released', inject: next.inject });
          e.preventDefault();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [send]);
}
