import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type ExerciseState, previewClock } from '../../engine/exercise/exercise-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import type { ScenarioEntry } from '../app.tsx';
import { AppFooter, AppHeader } from '../app-header.tsx';
import { useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { RoomPanel } from '../room/room-panel.tsx';
import { type ScenarioTexts, useScenarioTexts } from '../scenario-text.ts';
import { AfterActionReport } from './after-action-report.tsx';
import { type JumpAsk, JumpDialog, useConsoleKeys } from './clock-jump.tsx';
import { buildMselRows, type SendExerciseEvent, secondsToNextInject } from './console-model.ts';
import { ContingencyAlert } from './contingency-alert.tsx';
import type { ClockPort } from './exercise-clock-driver.ts';
import { ExerciseOverview } from './exercise-overview.tsx';
import { ExercisePicker } from './exercise-picker.tsx';
import type { SyncPort } from './exercise-sync.ts';
import { exerciseClockFace } from './exercise-time-format.ts';
import { Hotwash } from './hotwash.tsx';
import { InjectCard, WatchList } from './inject-card.tsx';
import { MselTimeline } from './msel-timeline.tsx';
import { PrintShelf } from './printables.tsx';
import { RecordCorrections } from './record-corrections.tsx';
import { SessionTimer } from './session-timer.tsx';
import { SidePanel } from './side-panel.tsx';
import { type OpeningNotice, useExerciseSession } from './use-exercise.ts';

/** Speeds the console offers, in scenario seconds per real second. */
export const SPEEDS = [1, 2, 4, 10, 60] as const;

/** What the console page may be given from outside; tests pass fakes for the ports. */
export interface ConsolePageProps {
  scenarios: readonly ScenarioEntry[];
  storage: KeyValueStorage | undefined;
  /** The exercise the address names (`#console/<id>`), opened from its saved log. */
  exercise: string | null;
  onBack(): void;
  port?: SyncPort;
  clock?: (onTick: (seconds: number) => void) => ClockPort;
  /** Opens the projector window (by default a new browser window on `#projector/<id>`); false when the browser blocked it. */
  openProjector?: (exercise: string) => boolean;
}

interface Opened {
  bundle: ScenarioBundle;
  fresh: boolean;
  /** Counts openings, so opening the same exercise afresh starts a new console. */
  n: number;
}

/** The facilitator console: pick an exercise, then run it, hotwash it and draft its after-action report. */
export function ConsolePage({
  scenarios,
  storage,
  exercise,
  onBack,
  port,
  clock,
  openProjector = openProjectorWindow,
}: ConsolePageProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState<{ id: string; failed: boolean } | null>(null);
  const open = useCallback(
    (id: string, fresh: boolean) => {
      const entry = scenarios.find((s) => s.id === id && s.facilitated);
      if (!entry) {
        setOpening({ id, failed: true });
        return;
      }
      setOpening({ id, failed: false });
      entry.load().then(
        (bundle) => {
          setOpening(null);
          setOpened((o) => ({ bundle, fresh, n: (o?.n ?? 0) + 1 }));
        },
        () => setOpening({ id, failed: true }),
      );
    },
    [scenarios],
  );
  useEffect(() => {
    if (exercise) open(exercise, false);
  }, []);
  const id = opened?.bundle.scenario.id ?? null;
  // why: the address names the open exercise, so a reload (or a bookmark) comes back to it.
  useEffect(() => {
    if (typeof history === 'undefined' || typeof location === 'undefined') return;
    const want = id ? `#/console/${id}` : '#/console';
    if (location.hash !== want) history.replaceState(null, '', want);
  }, [id]);

  if (!opened) {
    return (
      <>
        <AppHeader
          sound={false}
          tools={
            <button type="button" class="tool-button" onClick={onBack}>
              {t('exercise.console.toScenarios')}
            </button>
          }
        />
        <ExercisePicker scenarios={scenarios} storage={storage} opening={opening} onOpen={open} />
        <AppFooter />
      </>
    );
  }
  return (
    <ExerciseConsole
      key={`${id}-${opened.n}`}
      bundle={opened.bundle}
      fresh={opened.fresh}
      storage={storage}
      port={port}
      clock={clock}
      onLeave={() => setOpened(null)}
      openProjector={() => openProjector(opened.bundle.scenario.id)}
    />
  );
}

/** Where the console is once the exercise has ended. */
export type AfterStage = 'hotwash' | 'report';

function ExerciseConsole({
  bundle,
  fresh,
  storage,
  port,
  clock,
  onLeave,
  openProjector,
}: {
  bundle: ScenarioBundle;
  fresh: boolean;
  storage: KeyValueStorage | undefined;
  port?: SyncPort | undefined;
  clock?: ((onTick: (seconds: number) => void) => ClockPort) | undefined;
  onLeave(): void;
  openProjector(): boolean;
}) {
  const { t, lang } = useI18n();
  const texts = useScenarioTexts(bundle);
  const session = useExerciseSession(bundle, fresh, lang, { storage, port, clock });
  const { state, send } = session;
  const scenario = bundle.scenario;
  const rows = useMemo(() => buildMselRows(scenario, state), [scenario, state]);
  const [picked, setPicked] = useState<string | null>(null);
  const [pinned, setPinned] = useState(false);
  const [printing, setPrinting] = useState(false);
  // why: unless the facilitator pins an inject, the card follows each new one, contingencies included.
  const releasedCount = state.released.length;
  useEffect(() => {
    if (!pinned) setPicked(null);
  }, [releasedCount]);
  // why: a reload after the report was drafted comes back to the report, not to the hotwash.
  const stageKey = `pocsim.exercise.${scenario.id}.stage`;
  const [stage, setStage] = useState<AfterStage>(() => {
    try {
      return storage?.getItem(stageKey) === 'report' ? 'report' : 'hotwash';
    } catch {
      return 'hotwash';
    }
  });
  useEffect(() => {
    try {
      if (state.status === 'ended') storage?.setItem(stageKey, stage);
      else if (storage?.getItem(stageKey)) storage.setItem(stageKey, '');
    } catch {
      // the browser refused; the stage is only a convenience
    }
  }, [stage, state.status, storage, stageKey]);
  const [projectorBlocked, setProjectorBlocked] = useState(false);
  const ended = state.status === 'ended';
  const heading = useFocusHeading<HTMLHeadingElement>(ended ? stage : 'console');
  const [jumpAsk, setJumpAsk] = useState<JumpAsk | null>(null);
  useConsoleKeys(state, send);
  // why: "Next inject" never passes awaited actions silently; when it would, the facilitator chooses.
  const next = useCallback(() => {
    const seconds = secondsToNextInject(state);
    if (!seconds) return;
    const preview = previewClock(scenario, state, seconds);
    if (preview.missed.length === 0) send({ type: 'clock.jumped', seconds, hold: false });
    else setJumpAsk({ seconds, preview });
  }, [scenario, state, send]);

  // why: until the facilitator picks one, the inject in focus follows the exercise: the latest released, else the next.
  const latest = state.released[state.released.length - 1]?.inject;
  const selected = picked ?? latest ?? state.upcoming[0]?.inject ?? null;
  const item = scenario.exercise?.msel.find((m) => m.id === selected) ?? null;
  const title = texts.text(textKey.title());

  return (
    <>
      <AppHeader
        sound={false}
        tools={
          <>
            <button type="button" class="tool-button" onClick={onLeave}>
              {t('exercise.console.toExercises')}
            </button>
            <button type="button" class="tool-button" onClick={() => setPrinting(true)}>
              {t('exercisePrint.open')}
            </button>
            <button
              type="button"
              class="tool-button xc-projector-button"
              onClick={() => setProjectorBlocked(!openProjector())}
            >
              <ScreenIcon />
              {t('exercise.console.openProjector')}
            </button>
          </>
        }
        status={
          <ConsoleStatus
            title={title}
            texts={texts}
            format={scenario.exercise?.format ?? 'tabletop'}
            startClock={scenario.startClock}
            state={state}
            send={send}
            onNext={next}
          />
        }
      />
      <main id="main" class={`page page-console${ended ? ' is-ended' : ''}`}>
        <h1 ref={heading} tabIndex={-1} class="visually-hidden">
          {ended ? t(`exercise.after.${stage}Heading`, { title }) : t('exercise.console.heading', { title })}
        </h1>
        {jumpAsk && !ended && (
          <JumpDialog
            ask={jumpAsk}
            texts={texts}
            startClock={scenario.startClock}
            send={send}
            onClose={() => setJumpAsk(null)}
          />
        )}
        {session.notice && <Notice notice={session.notice} onDismiss={session.dismissNotice} />}
        {projectorBlocked && (
          <div class="xc-alert xc-alert-bad" role="alert">
            <p>{t('exercise.console.projectorBlocked')}</p>
            <a href={`#/projector/${scenario.id}`} target="_blank" rel="noopener">
              {t('exercise.console.projectorLink')}
            </a>
          </div>
        )}
        {session.saveFailed && (
          <p class="xc-alert xc-alert-bad" role="alert">
            {t('exercise.console.saveFailed')}
          </p>
        )}
        {!ended && (
          <div class="xc-keys no-print">
            <SessionTimer scenario={scenario} state={state} texts={texts} storage={storage} />
            <p class="muted">{t('exerciseRecord.keys')}</p>
          </div>
        )}
        {/* why: the room stays in reach through the exercise and its hotwash (devices keep answering). */}
        {!printing && (
          <RoomPanel
            exercise={session.exercise}
            state={state}
            texts={texts}
            storage={storage}
            discussion={session.discussion}
          />
        )}
        {printing ? (
          <PrintShelf bundle={bundle} texts={texts} onClose={() => setPrinting(false)} />
        ) : !ended ? (
          <div class="xc-layout">
            <MselTimeline
              rows={rows}
              state={state}
              texts={texts}
              startClock={scenario.startClock}
              selected={selected}
              onSelect={setPicked}
              send={send}
            />
            <div class="xc-center">
              {state.status === 'ready' && (
                <ExerciseOverview bundle={bundle} texts={texts} speed={state.speed} />
              )}
              <ContingencyAlert state={state} texts={texts} onShow={setPicked} />
              <WatchList state={state} texts={texts} send={send} onSelect={setPicked} />
              {item && (
                <label class="xc-pin" title={t('exerciseRecord.pinHint')}>
                  <input
                    type="checkbox"
                    checked={pinned}
                    onChange={(e) => {
                      setPinned(e.currentTarget.checked);
                      if (e.currentTarget.checked) setPicked(selected);
                    }}
                  />
                  {t('exerciseRecord.pin')}
                </label>
              )}
              {item ? (
                <InjectCard
                  key={item.id}
                  bundle={bundle}
                  item={item}
                  state={state}
                  texts={texts}
                  send={send}
                />
              ) : (
                <p class="card xc-empty">{t('exercise.inject.none')}</p>
              )}
            </div>
            <SidePanel
              bundle={bundle}
              state={state}
              texts={texts}
              send={send}
              discussion={session.discussion}
              onDiscussion={session.showDiscussion}
            />
          </div>
        ) : (
          <>
            <nav class="xc-stages no-print" aria-label={t('exercise.after.stagesLabel')}>
              {(['hotwash', 'report'] as const).map((s, i) => (
                <button
                  key={s}
                  type="button"
                  class="xc-stage"
                  aria-current={stage === s ? 'step' : undefined}
                  onClick={() => setStage(s)}
                >
                  <span class="xc-stage-n" aria-hidden="true">
                    {i + 1}
                  </span>
                  {t(`exercise.after.${s}Stage`)}
                </button>
              ))}
            </nav>
            {stage === 'hotwash' ? (
              <>
                <Hotwash
                  bundle={bundle}
                  state={state}
                  texts={texts}
                  send={send}
                  onDone={() => setStage('report')}
                />
                {/* why: hotwash entries, ratings and decisions stay correctable once the clock has stopped. */}
                <div class="card xc-panel no-print">
                  <RecordCorrections bundle={bundle} state={state} texts={texts} send={send} />
                </div>
              </>
            ) : (
              <AfterActionReport
                bundle={bundle}
                state={state}
                texts={texts}
                send={send}
                log={session.exercise.log}
              />
            )}
          </>
        )}
      </main>
    </>
  );
}

/** The clock and its controls, in the header's second row so they stay in view. */
function ConsoleStatus({
  title,
  texts,
  format,
  startClock,
  state,
  send,
  onNext,
}: {
  title: string;
  texts: ScenarioTexts;
  format: string;
  startClock: string;
  state: ExerciseState;
  send: SendExerciseEvent;
  onNext(): void;
}) {
  const { t } = useI18n();
  const face = exerciseClockFace(startClock, state.time, t('exercise.time.dayUnit'));
  const toNext = secondsToNextInject(state);
  const end = () => {
    if (globalThis.confirm?.(t('exercise.console.endConfirm')) ?? true) send({ type: 'exercise.ended' });
  };
  return (
    <div class="xc-status">
      <p class="play-title xc-title" lang={texts.lang} title={title}>
        {title}
        <span class="visually-hidden"> · {t(`exercise.format.${format}`)}</span>
      </p>
      <p class="xc-clockface">
        <span class="visually-hidden">{t('exercise.console.clockLabel')}: </span>
        <span class="xc-day">{t('exercise.time.day', { day: face.day })}</span>
        <time class="clock xc-time">{face.timeOfDay}</time>
        <span class="xc-elapsed">{t('exercise.time.elapsed', { time: face.elapsed })}</span>
      </p>
      <span class={`xc-state xc-state-${state.status}`} role="status">
        <span class="xc-state-dot" aria-hidden="true" />
        {t(`exercise.status.${state.status}`)}
      </span>
      {state.status !== 'ended' && (
        <div class="xc-controls">
          {state.status === 'ready' && (
            <button
              type="button"
              class="tool-button xc-go"
              onClick={() => send({ type: 'exercise.started' })}
            >
              <PlayIcon />
              {t('exercise.console.start')}
            </button>
          )}
          {state.status === 'running' && (
            <button
              type="button"
              class="tool-button"
              aria-keyshortcuts="Space"
              onClick={() => send({ type: 'exercise.paused' })}
            >
              <PauseIcon />
              {t('exercise.console.pause')}
            </button>
          )}
          {state.status === 'paused' && (
            <button
              type="button"
              class="tool-button xc-go"
              aria-keyshortcuts="Space"
              onClick={() => send({ type: 'exercise.resumed' })}
            >
              <PlayIcon />
              {t('exercise.console.resume')}
            </button>
          )}
          <fieldset class="segmented xc-speed">
            <legend class="visually-hidden">{t('exercise.console.speed')}</legend>
            {SPEEDS.map((s) => (
              <button
                key={s}
                type="button"
                class="segmented-option"
                aria-pressed={state.speed === s}
                aria-label={t('exercise.console.speedLabel', { count: s })}
                title={t('exercise.console.speedLabel', { count: s })}
                onClick={() => send({ type: 'speed.changed', speed: s })}
              >
                ×{s}
              </button>
            ))}
          </fieldset>
          <button
            type="button"
            class="tool-button"
            disabled={state.status === 'ready' || !toNext}
            title={t('exercise.console.jumpHint')}
            onClick={onNext}
          >
            <SkipIcon />
            {t('exercise.console.jump')}
          </button>
          <button
            type="button"
            class="tool-button"
            disabled={state.status === 'ready' || !toNext}
            title={t('exerciseRecord.jumpHoldHint')}
            onClick={() => {
              if (toNext) send({ type: 'clock.jumped', seconds: toNext });
            }}
          >
            {t('exerciseRecord.jumpHold')}
          </button>
          {state.status !== 'ready' && (
            <button type="button" class="tool-button xc-end" onClick={end}>
              {t('exercise.console.end')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Notice({ notice, onDismiss }: { notice: OpeningNotice; onDismiss(): void }) {
  const { t } = useI18n();
  const bad = notice.kind === 'set-aside';
  return (
    <div class={`xc-alert ${bad ? 'xc-alert-bad' : 'xc-alert-info'}`} role={bad ? 'alert' : 'status'}>
      <p>
        {notice.kind === 'restored'
          ? t(notice.paused ? 'exercise.notice.restoredPaused' : 'exercise.notice.restored')
          : t(`exercise.notice.setAside.${notice.reason}`)}
      </p>
      {notice.kind === 'set-aside' && (
        <p class="xc-alert-detail">
          {notice.keptAt
            ? t('exercise.notice.keptAt', { key: notice.keptAt, detail: notice.detail })
            : t('exercise.notice.notKept', { detail: notice.detail })}
        </p>
      )}
      <button type="button" class="button button-link" onClick={onDismiss}>
        {t('exercise.notice.dismiss')}
      </button>
    </div>
  );
}

function openProjectorWindow(exercise: string): boolean {
  const url = `${location.pathname}${location.search}#/projector/${exercise}`;
  // why: a named window, so pressing the button again brings the same projector forward instead of opening another.
  const w = window.open(url, `pocsim-projector-${exercise}`, 'popup=yes,width=1280,height=720');
  w?.focus();
  return w !== null;
}

function PlayIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M7 5l12 7-12 7z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M7 5h4v14H7zM13 5h4v14h-4z" fill="currentColor" />
    </svg>
  );
}

function SkipIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M4 5l9 7-9 7zM13 5l7 7-7 7z" fill="currentColor" />
    </svg>
  );
}

function ScreenIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M3 4h18v12H3zM8 20h8M12 16v4" stroke="currentColor" stroke-width="2" fill="none" />
    </svg>
  );
}
