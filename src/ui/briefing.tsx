import { useState } from 'preact/hooks';
import { secondsOfDay } from '../engine/run/run-state.ts';
import { LATE_FLOOR, TIMELY_SHARE, type TimeLimitSetting } from '../engine/run/time-limits.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { type KeyValueStorage, readTimeLimits, writeTimeLimits } from '../progress/settings.ts';
import { AppFooter, AppHeader } from './app-header.tsx';
import { AudienceChips, useFocusHeading } from './common.tsx';
import { type ContentNote, ContentNotePanel, TakeABreak } from './content-note.tsx';
import { Glossed, GlossedParagraphs } from './glossary.tsx';
import { useI18n } from './i18n-context.tsx';
import { useScenarioTexts } from './scenario-text.ts';
import { TimeLimitsChoice } from './time-limits-choice.tsx';

/** The briefing before a run: situation, objectives, who it is for and how scoring works. */
export function Briefing({
  bundle,
  onStart,
  onBack,
  backKey = 'briefing.back',
  contentNote,
  onTakeBreak,
  storage,
}: {
  bundle: ScenarioBundle;
  /** Starts a run with the time limits chosen here. */
  onStart(timeLimits: TimeLimitSetting): void;
  /** Where the time-limit choice is kept for the next runs on this browser. */
  storage?: KeyValueStorage | undefined;
  onBack(): void;
  /** The back link's words; a trainer's preview says it leads back there. */
  backKey?: 'briefing.back' | 'author.backToPreview';
  /** The note this scenario's runs open with (set by its file or a trainer), with a way out. */
  contentNote?: ContentNote | null;
  /** Leaves through "Take a break", to the screen that says the run is kept. */
  onTakeBreak?(): void;
}) {
  const { t, formatClock } = useI18n();
  const texts = useScenarioTexts(bundle);
  const s = bundle.scenario;
  const heading = useFocusHeading(s.id);
  const [timeLimits, setTimeLimits] = useState(() => readTimeLimits(storage));
  const timed = s.steps.some((step) => step.decision?.timeLimit !== undefined);
  const chooseTimeLimits = (value: TimeLimitSetting) => {
    setTimeLimits(value);
    writeTimeLimits(storage, value);
  };
  return (
    <>
      <AppHeader tools={contentNote && onTakeBreak && <TakeABreak onLeave={onTakeBreak} />} />
      <main id="main" class="page page-briefing">
        <nav class="breadcrumb" aria-label={t(backKey)}>
          <button type="button" class="button button-link" onClick={onBack}>
            <span aria-hidden="true">←</span> {t(backKey)}
          </button>
        </nav>
        <div class="page-intro" lang={texts.lang}>
          <p class="kicker">{t('briefing.kicker')}</p>
          <h1 ref={heading} tabIndex={-1}>
            {texts.text(textKey.title())}
          </h1>
          <p class="lead">{texts.text(textKey.summary())}</p>
        </div>
        {contentNote && <ContentNotePanel note={contentNote} onNotNow={onBack} />}
        <dl class="facts">
          <div class="fact">
            <dt>{t('briefing.place')}</dt>
            <dd lang={texts.lang}>{texts.text(textKey.place())}</dd>
          </div>
          <div class="fact">
            <dt>{t('briefing.situation')}</dt>
            <dd>{t('menu.situation', { section: s.situation })}</dd>
          </div>
          <div class="fact">
            <dt>{t('briefing.duration')}</dt>
            <dd>{t('menu.minutes', { count: s.minutes })}</dd>
          </div>
          <div class="fact">
            <dt>{t('briefing.startsAt')}</dt>
            <dd>
              <time dateTime={s.startClock}>{formatClock(secondsOfDay(s.startClock))}</time>
            </dd>
          </div>
        </dl>
        <div class="briefing-layout">
          <div class="briefing-main" lang={texts.lang}>
            <section class="card prose" aria-labelledby="briefing-text">
              <h2 id="briefing-text">{t('briefing.heading')}</h2>
              <GlossedParagraphs text={texts.text(textKey.briefing())} />
            </section>
            <section class="card" aria-labelledby="briefing-objectives">
              <h2 id="briefing-objectives">{t('briefing.objectives')}</h2>
              <ol class="objectives">
                {s.objectives.map((_, i) => (
                  <li key={i}>
                    <Glossed text={texts.text(textKey.objective(i))} />
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <aside class="briefing-side" aria-labelledby="briefing-how">
            <section class="card card-quiet">
              <h2 id="briefing-how">{t('briefing.howHeading')}</h2>
              <ul class="how-list">
                <li>{t('briefing.how.scored')}</li>
                {timed ? (
                  <>
                    <li>
                      {t('briefing.how.timedRule', {
                        free: Math.round(TIMELY_SHARE * 100),
                        floor: Math.round(LATE_FLOOR * 100),
                      })}
                    </li>
                    <li>{t('briefing.how.timeout')}</li>
                    <li>{t('briefing.how.stopClock')}</li>
                  </>
                ) : (
                  <li>{t('briefing.how.untimed')}</li>
                )}
                <li>{t('briefing.how.captions')}</li>
              </ul>
              <h3 class="subheading">{t('briefing.audience')}</h3>
              <AudienceChips roles={s.audience} />
              {timed && <TimeLimitsChoice value={timeLimits} onChange={chooseTimeLimits} />}
              <button
                type="button"
                class="button button-primary button-large button-block"
                onClick={() => onStart(timed ? timeLimits : 'standard')}
              >
                {t('briefing.start')}
              </button>
            </section>
          </aside>
        </div>
      </main>
      <AppFooter />
    </>
  );
}
