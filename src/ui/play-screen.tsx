import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Ambience, AudioPort, SoundCue } from '../audio/audio-port.ts';
import type { Run } from '../engine/run/run.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { InjectView, RunView } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { senderForms } from '../i18n/sender.ts';
import { AppHeader } from './app-header.tsx';
import { type Caption, Captions } from './captions.tsx';
import { ClockIcon, useFocusHeading } from './common.tsx';
import { ConsequencePanel } from './consequence-panel.tsx';
import { type ContentNote, TakeABreak } from './content-note.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { GlossedParagraphs } from './glossary.tsx';
import { useI18n } from './i18n-context.tsx';
import { InjectsFeed } from './injects-feed.tsx';
import { type ScenarioTexts, useScenarioTexts } from './scenario-text.ts';
import { type LoadSituationMap, SituationPanel } from './situation-panel.tsx';
import { useDocumentHidden, useRunView, useScenarioClock } from './use-run.ts';
import { VariableGauges } from './variable-gauges.tsx';

/** How many recent sound captions stay on screen (the older on one line; the messages list keeps every word). */
const CAPTIONS_KEPT = 2;

/** The play screen: the current step, its messages and decision, and the situation beside it. */
export function PlayScreen({
  bundle,
  run,
  audio,
  loadMap,
  onFinished,
  onQuit,
  contentNote,
  onTakeBreak,
  startPaused = false,
  held = false,
}: {
  bundle: ScenarioBundle;
  run: Run;
  audio: AudioPort;
  loadMap?: LoadSituationMap | undefined;
  /** Called once the run reaches an ending, with its log. */
  onFinished(log: readonly RunEvent[]): void;
  onQuit(): void;
  /** The note this run opened with; its "Take a break" stops the clock and offers a way out. */
  contentNote?: ContentNote | null;
  /** Leaves through "Take a break": the run is kept and nothing is scored for stopping. */
  onTakeBreak?(): void;
  /** Stops the clock while the app asks whether to leave the run. */
  held?: boolean;
  /**
   * Opens with the clock stopped when the run resumes on a timed decision.
   * why: a reload or a visit to the menu must not cost seconds; the trainee restarts the clock
   * when ready, with the same seconds left as when the run was left.
   */
  startPaused?: boolean;
}) {
  const { t, lang, formatClock } = useI18n();
  const texts = useScenarioTexts(bundle);
  const view = useRunView(run);
  const context = run.context();
  const [paused, setPaused] = useState(() => startPaused && view.decision?.timeLimit != null);
  const hidden = useDocumentHidden();
  const finished = view.ending !== null;
  // why: what a decision led to is read before the next step, with that step's clock stopped;
  // an outcome from before this screen opened (a resumed run) is not told again.
  const [toldOutcome, setToldOutcome] = useState(() => view.outcome?.key ?? null);
  const outcome = view.outcome && view.outcome.key !== toldOutcome && !finished ? view.outcome : null;
  useScenarioClock(run, !paused && !held && !hidden && !finished && !outcome);

  // why: a step can open more than once in a run; its opening time tells the visits apart.
  const stepKey = `${view.step?.id ?? ''}@${context.stepOpenedAt}`;
  const shownKey = outcome ? `outcome:${outcome.key}` : stepKey;
  const heading = useFocusHeading(shownKey);
  const captions = useSoundCues(audio, view, stepKey, !outcome, context.startOfDay, lang, texts);
  useAmbience(audio, bundle.scenario.setting.ambience ?? null);
  const changes = useChangesSinceLastStep(view, stepKey);
  const announcement = useDecisionAnnouncement(view, shownKey, texts);

  const reported = useRef(false);
  useEffect(() => {
    if (!finished || reported.current) return;
    reported.current = true;
    onFinished(run.log);
  }, [finished, run, onFinished]);

  // why: a break stops the clock while the dialog is open, and gives back the pause as it was.
  const pausedForBreak = useRef(false);
  const breakOpen = (open: boolean) => {
    if (open) {
      pausedForBreak.current = !paused;
      setPaused(true);
    } else if (pausedForBreak.current) {
      pausedForBreak.current = false;
      setPaused(false);
    }
  };

  // why: the app asks with its own dialog (LeaveRunDialog) before the run is left.
  const quit = onQuit;

  const scenarioTitle = texts.text(textKey.title());
  return (
    <>
      <AppHeader
        tools={
          <>
            {contentNote && onTakeBreak && <TakeABreak onLeave={onTakeBreak} onOpenChange={breakOpen} />}
            <button
              type="button"
              class="tool-button"
              aria-pressed={paused}
              onClick={() => setPaused(!paused)}
            >
              <PauseIcon paused={paused} />
              {paused ? t('play.resume') : t('play.pause')}
            </button>
            <button type="button" class="tool-button" onClick={quit}>
              {t('play.quit')}
            </button>
          </>
        }
        status={
          <>
            <h1 class="play-title" lang={texts.lang} title={scenarioTitle}>
              {scenarioTitle}
            </h1>
            <dl class="play-facts">
              {view.step && (
                <div class="play-fact">
                  <dt class="visually-hidden">{t('play.phase')}</dt>
                  <dd>
                    <span class={`badge phase phase-${view.step.phase}`}>
                      {t(`doctrine.phase.${view.step.phase}`)}
                    </span>
                  </dd>
                </div>
              )}
              {view.progress.about > 0 && (
                <div class="play-fact">
                  <dt class="visually-hidden">{t('play.progress')}</dt>
                  <dd class="progress-text">
                    {view.progress.current === null
                      ? t('play.progressTaken', { count: view.progress.taken, about: view.progress.about })
                      : t('play.progressAt', { current: view.progress.current, about: view.progress.about })}
                  </dd>
                </div>
              )}
              {view.timeLimits !== 'standard' && (
                <div class="play-fact">
                  <dt class="visually-hidden">{t('timeLimits.legend')}</dt>
                  <dd class="progress-text">
                    {t('timeLimits.recorded', {
                      setting: t(`timeLimits.setting.${view.timeLimits.replace('.', '_')}`),
                    })}
                  </dd>
                </div>
              )}
              <div class="play-fact">
                <dt class="visually-hidden">{t('play.clock')}</dt>
                <dd>
                  <time class="clock">
                    <ClockIcon />
                    {formatClock(context.startOfDay + view.clock.elapsed)}
                  </time>
                </dd>
              </div>
            </dl>
            <Captions captions={captions} />
          </>
        }
      />
      <main id="main" class="page page-play">
        {/* why: focus moves to the step's heading; this tells screen-reader users a decision is waiting. */}
        <p class="visually-hidden decision-announcer" aria-live="polite">
          {announcement}
        </p>
        {(paused || hidden) && (
          <div class="notice notice-paused" role="status">
            <p>{t(view.decision ? 'play.pausedDecision' : 'play.paused')}</p>
            {paused && (
              <button type="button" class="button button-secondary" onClick={() => setPaused(false)}>
                {t('play.resume')}
              </button>
            )}
          </div>
        )}
        <div class="play-layout">
          <div class="play-main">
            {outcome && (
              <ConsequencePanel
                outcome={outcome}
                learning={view.feedbackMode === 'learning'}
                texts={texts}
                heading={heading}
                onContinue={() => setToldOutcome(outcome.key)}
              />
            )}
            {view.step && !outcome && (
              <article class="card step" aria-labelledby="step-title">
                <h2 id="step-title" ref={heading} tabIndex={-1} class="step-title" lang={texts.lang}>
                  {texts.text(view.step.titleKey)}
                </h2>
                <div class="narration" lang={texts.lang}>
                  <GlossedParagraphs text={texts.text(view.step.narrationKey)} />
                </div>
                <InjectsFeed injects={view.injects} startOfDay={context.startOfDay} texts={texts} />
              </article>
            )}
            {view.decision && view.step && !outcome && (
              <DecisionPanel
                key={stepKey}
                stepId={view.step.id}
                decision={view.decision}
                texts={texts}
                paused={paused || hidden}
                onPause={() => setPaused(true)}
                onChoose={(optionIds) => run.send({ type: 'decision.chosen', optionIds })}
              />
            )}
            {view.canContinue && !outcome && (
              <div class="continue">
                <button
                  type="button"
                  class="button button-primary button-large"
                  onClick={() => run.send({ type: 'step.continued' })}
                >
                  {t('play.continue')}
                  <span aria-hidden="true" class="button-arrow">
                    →
                  </span>
                </button>
              </div>
            )}
          </div>
          <aside class="play-side" aria-labelledby="situation-heading">
            <h2 id="situation-heading" class="visually-hidden">
              {t('play.situation')}
            </h2>
            <section class="card" aria-labelledby="world-heading">
              <h3 id="world-heading" class="section-label">
                {t('play.world')}
              </h3>
              <VariableGauges variables={view.variables} changes={changes} texts={texts} />
            </section>
            <SituationPanel scenario={bundle.scenario} view={view} texts={texts} loadMap={loadMap} />
          </aside>
        </div>
      </main>
    </>
  );
}

/** Plays the sound cues of a run and keeps a caption for each: radio calls, and the alert of a timed decision. */
function useSoundCues(
  audio: AudioPort,
  view: RunView,
  stepKey: string,
  /** False while the previous decision's outcome is read: the step's sounds wait until it shows. */
  active: boolean,
  startOfDay: number,
  lang: string,
  texts: ScenarioTexts,
): Caption[] {
  const { formatClock } = useI18n();
  const [captions, setCaptions] = useState<Caption[]>([]);
  const counter = useRef(0);
  const heard = useRef(new Set<string>());
  const last = useRef<{ cue: SoundCue; timeOfDay: string } | null>(null);
  const cue = useCallback(
    (sound: SoundCue, timeOfDay: string, call?: { inject: InjectView }) => {
      // why: a timed decision's alert and an opening message's alert are one sound at one moment;
      // playing and captioning it twice read as "[Alert tone]" twice in the ticker.
      if (!call && last.current?.cue === sound && last.current.timeOfDay === timeOfDay) return;
      last.current = call ? null : { cue: sound, timeOfDay };
      audio.play(sound, call ? { scenario: view.scenarioId, inject: call.inject.id, lang } : undefined);
      counter.current += 1;
      const n = counter.current;
      const said = call
        ? {
            from: senderForms(lang, texts.lang, texts.text(call.inject.fromKey)).from,
            text: texts.text(call.inject.textKey),
          }
        : undefined;
      setCaptions((cs) =>
        [...cs, { n, cue: sound, timeOfDay, ...(said ? { said } : {}) }].slice(-CAPTIONS_KEPT),
      );
    },
    [audio, view.scenarioId, lang, texts],
  );
  const timed = view.decision?.timeLimit != null;
  // why: the alert sounds once per step visit, when a timed decision opens.
  useEffect(() => {
    if (timed && active) cue('alert', formatClock(startOfDay + view.clock.elapsed));
  }, [stepKey, active]);
  useEffect(() => {
    if (!active) return;
    for (const inj of view.injects) {
      const key = `${stepKey}:${inj.id}`;
      if (heard.current.has(key)) continue;
      heard.current.add(key);
      // why: a radio inject is voiced (when a recording exists) and its caption carries the words.
      if (inj.sound) {
        cue(
          inj.sound,
          formatClock(startOfDay + inj.at),
          inj.channel === 'radio' && inj.sound === 'radio' ? { inject: inj } : undefined,
        );
      }
    }
  }, [view.injects, stepKey, active, startOfDay, cue, formatClock]);
  return captions;
}

/**
 * What a live region says when a step opens a decision: its prompt, and the time allowed.
 * why: the region stays on the page across steps, so the change is read out; set after the step renders.
 */
function useDecisionAnnouncement(view: RunView, stepKey: string, texts: ScenarioTexts): string {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const decision = view.decision;
  useEffect(() => {
    if (!decision || stepKey.startsWith('outcome:')) {
      setText('');
      return;
    }
    const prompt = texts.text(decision.promptKey);
    setText(
      decision.timeLimit === null
        ? t('decision.opened', { prompt })
        : t('decision.openedTimed', { prompt, count: decision.timeLimit }),
    );
  }, [stepKey, decision === null]);
  return text;
}

/** Plays the setting's background sound while the run is on screen. */
function useAmbience(audio: AudioPort, ambience: Ambience | null): void {
  useEffect(() => {
    audio.setAmbience(ambience);
    return () => audio.setAmbience(null);
  }, [audio, ambience]);
}

/** How much each world variable changed between the previous step and this one. */
function useChangesSinceLastStep(view: RunView, stepKey: string): Record<string, number> {
  const now = Object.fromEntries(view.variables.map((v) => [v.id, v.value]));
  const track = useRef({ key: stepKey, base: now, last: now });
  if (track.current.key !== stepKey) track.current = { key: stepKey, base: track.current.last, last: now };
  else track.current.last = now;
  const base = track.current.base;
  return Object.fromEntries(view.variables.map((v) => [v.id, v.value - (base[v.id] ?? v.value)]));
}

function PauseIcon({ paused }: { paused: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      {paused ? (
        <path d="M7 5l12 7-12 7z" fill="currentColor" />
      ) : (
        <path d="M7 5h4v14H7zM13 5h4v14h-4z" fill="currentColor" />
      )}
    </svg>
  );
}
