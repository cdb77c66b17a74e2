import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExerciseState, ReleasedInject } from '../../engine/exercise/exercise-state.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';

// why: a contingency that fires by itself changes the room's situation; a new line in a long
// timeline is easy to miss, so it is announced (role="alert") and stays until dismissed.

/** Announces contingencies fired by a missed action since the console opened, until dismissed. */
export function ContingencyAlert({
  state,
  texts,
  onShow,
}: {
  state: ExerciseState;
  texts: ScenarioTexts;
  /** Brings the fired inject into the centre card. */
  onShow(inject: string): void;
}) {
  const { t } = useI18n();
  const seen = useRef(state.released.length);
  const [fired, setFired] = useState<ReleasedInject[]>([]);
  useEffect(() => {
    const fresh = state.released.slice(seen.current).filter((r) => r.how === 'contingency');
    seen.current = state.released.length;
    if (fresh.length) setFired((f) => [...f, ...fresh]);
  }, [state.released]);
  if (!fired.length) return null;
  return (
    <div class="xc-alert xc-alert-bad xc-fired" role="alert">
      {fired.map((r) => (
        <p key={r.inject}>
          <strong>{t('exerciseRecord.fired.title')}</strong>{' '}
          <span lang={texts.lang}>{texts.text(textKey.mselTitle(r.inject))}</span>
          {r.trigger && (
            <span>
              {' '}
              {t('exerciseRecord.fired.because', { action: texts.text(textKey.expectedAction(r.trigger)) })}
            </span>
          )}{' '}
          <button type="button" class="button button-link" onClick={() => onShow(r.inject)}>
            {t('exerciseRecord.fired.show')}
          </button>
        </p>
      ))}
      <button type="button" class="button button-link" onClick={() => setFired([])}>
        {t('exerciseRecord.fired.dismiss')}
      </button>
    </div>
  );
}
