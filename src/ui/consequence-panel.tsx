import type { Ref } from 'preact';
import type { OutcomeView } from '../engine/run/run-view.ts';
import { outcomeFromFeedback } from '../engine/scenario/consequence.ts';
import { Glossed, GlossedParagraphs } from './glossary.tsx';
import { useI18n } from './i18n-context.tsx';
import type { ScenarioTexts } from './scenario-text.ts';

/**
 * What a decision led to, shown between it and the next step while the clock is stopped: the
 * scenario's consequence line for each choice (or for letting time run out) and, in learning mode,
 * the doctrine feedback. why: a trainee must never be moved on, or across days, without a word.
 */
export function ConsequencePanel({
  outcome,
  learning,
  texts,
  heading,
  onContinue,
}: {
  outcome: OutcomeView;
  /** Learning mode: the feedback on the choice shows here, not only in the debrief. */
  learning: boolean;
  texts: ScenarioTexts;
  heading: Ref<HTMLHeadingElement>;
  onContinue(): void;
}) {
  const { t } = useI18n();
  const nd = outcome.noDecision;
  // why: without an author's consequence line, the opening of the feedback (the story before it
  // turns to doctrine) tells what happened; in learning mode the whole feedback shows, so the
  // derived line would only repeat it.
  const tell = (consequenceKey: string | null, feedbackKey: string) =>
    consequenceKey
      ? texts.text(consequenceKey)
      : learning
        ? ''
        : outcomeFromFeedback(texts.text(feedbackKey));
  const told = (
    outcome.timedOut
      ? nd
        ? [tell(nd.consequenceKey, nd.feedbackKey)]
        : []
      : outcome.options.map((o) => tell(o.consequenceKey, o.feedbackKey))
  ).filter(Boolean);
  const feedback = learning
    ? outcome.timedOut
      ? nd
        ? [texts.text(nd.feedbackKey)]
        : []
      : outcome.options.map((o) => texts.text(o.feedbackKey))
    : [];
  return (
    <article class="card consequence" aria-labelledby="consequence-title">
      <p class="kicker">{t(outcome.timedOut ? 'consequence.kickerTimedOut' : 'consequence.kicker')}</p>
      <h2 id="consequence-title" ref={heading} tabIndex={-1} class="step-title">
        {t('consequence.heading')}
      </h2>
      {!outcome.timedOut && (
        <>
          <h3 class="section-label">{t('consequence.yourOrder')}</h3>
          <ul class="consequence-choices" lang={texts.lang}>
            {outcome.options.map((o) => (
              <li key={o.id}>
                <Glossed text={texts.text(o.labelKey)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.timedOut && <p class="consequence-timeout">{t('consequence.timedOut')}</p>}
      {told.length > 0 && (
        <div class="consequence-text" lang={texts.lang}>
          {told.map((text, i) => (
            <GlossedParagraphs key={i} text={text} />
          ))}
        </div>
      )}
      {feedback.length > 0 && (
        <section class="consequence-feedback" aria-labelledby="consequence-feedback">
          <h3 id="consequence-feedback" class="section-label">
            {t('consequence.feedbackHeading')}
          </h3>
          <div lang={texts.lang}>
            {feedback.map((text, i) => (
              <GlossedParagraphs key={i} text={text} />
            ))}
          </div>
        </section>
      )}
      {!learning && <p class="muted consequence-later">{t('consequence.assessmentNote')}</p>}
      <div class="continue">
        <button type="button" class="button button-primary button-large" onClick={onContinue}>
          {t('consequence.continue')}
          <span aria-hidden="true" class="button-arrow">
            →
          </span>
        </button>
      </div>
    </article>
  );
}
