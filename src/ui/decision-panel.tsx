import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { RunView } from '../engine/run/run-view.ts';
import { Countdown } from './countdown.tsx';
import { Glossed } from './glossary.tsx';
import { useI18n } from './i18n-context.tsx';
import type { ScenarioTexts } from './scenario-text.ts';

type DecisionView = NonNullable<RunView['decision']>;

/**
 * The open decision: one choice (radio group) or up to N actions (checkboxes), then Confirm.
 * Arrow keys move between options, Space selects, Enter confirms. The run decides what the
 * choice leads to; this only offers it.
 */
export function DecisionPanel({
  stepId,
  decision,
  texts,
  paused,
  onPause,
  onChoose,
}: {
  stepId: string;
  decision: DecisionView;
  texts: ScenarioTexts;
  /** While paused the options and Confirm are hidden: nothing can be answered with the clock stopped. */
  paused: boolean;
  /** Stops the clock from beside the countdown (on a phone the header's tools are behind a menu). */
  onPause?(): void;
  /** Offers the chosen option ids; returns false when the run refused them. */
  onChoose(optionIds: string[]): boolean;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const multi = decision.mode === 'multi';
  const name = `decision-${stepId}`;
  const promptId = `${name}-prompt`;
  const hintId = `${name}-hint`;

  const confirm = () => {
    if (paused) return;
    if (selected.length === 0) {
      setMessage(t('decision.noneSelected'));
      return;
    }
    if (!onChoose(selected)) setMessage(t('decision.refused'));
  };

  const toggle = (id: string, event: Event) => {
    if (!multi) {
      setSelected([id]);
      setMessage('');
      return;
    }
    if (selected.includes(id)) {
      setSelected(selected.filter((s) => s !== id));
      setMessage('');
    } else if (selected.length >= decision.pick) {
      // why: refusing the tick (rather than disabling the other boxes) keeps every option reachable
      // and readable, and says why in words.
      event.preventDefault();
      setMessage(t('decision.tooMany', { count: decision.pick }));
    } else {
      setSelected([...selected, id]);
      setMessage('');
    }
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const inputs = [...(listRef.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const index = inputs.indexOf(e.currentTarget);
    if (index < 0) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
      return;
    }
    const step =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? -1
          : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = inputs[(index + step + inputs.length) % inputs.length]!;
    next.focus();
    // why: in a radio group the arrow keys select as they move, as browsers do natively.
    if (!multi) {
      setSelected([next.value]);
      setMessage('');
    }
  };

  return (
    <section class="card decision" aria-labelledby={`${name}-heading`}>
      <h3 id={`${name}-heading`} class="section-label">
        {t('decision.heading')}
      </h3>
      {decision.timeLimit !== null && decision.remaining !== null && (
        <Countdown
          remaining={decision.remaining}
          limit={decision.timeLimit}
          paused={paused}
          onPause={onPause}
        />
      )}
      {paused && (
        <p class="decision-paused" role="status">
          {t('decision.hiddenWhilePaused')}
        </p>
      )}
      {/* why: hidden, not disabled, so the clock cannot be stopped to read and weigh the options at leisure. */}
      <form
        hidden={paused}
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <fieldset class="decision-fieldset" aria-describedby={hintId}>
          <legend id={promptId} class="decision-prompt" lang={texts.lang}>
            <Glossed text={texts.text(decision.promptKey)} />
          </legend>
          <p id={hintId} class="decision-hint">
            {multi ? t('decision.pickUpTo', { count: decision.pick }) : t('decision.chooseOne')}{' '}
            <span class="muted">{t('decision.keyboardHint')}</span>
          </p>
          {decision.timedInScenario && decision.timeLimit === null && (
            <p class="badge badge-neutral time-off">{t('decision.untimedForYou')}</p>
          )}
          <div class="options" ref={listRef}>
            {decision.options.map((o) => {
              const checked = selected.includes(o.id);
              return (
                <label key={o.id} class={`option${checked ? ' option-checked' : ''}`}>
                  <input
                    type={multi ? 'checkbox' : 'radio'}
                    name={name}
                    value={o.id}
                    checked={checked}
                    onClick={(e) => toggle(o.id, e)}
                    onKeyDown={onKeyDown}
                  />
                  <span class="option-label" lang={texts.lang}>
                    <Glossed text={texts.text(o.labelKey)} />
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div class="decision-footer">
          {multi && (
            <p class="decision-count" aria-live="polite">
              {t('decision.selected', { count: selected.length, max: decision.pick })}
            </p>
          )}
          <p class="decision-message" role="status">
            {message}
          </p>
          <button type="submit" class="button button-primary button-large">
            {t('decision.confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
