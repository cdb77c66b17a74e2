import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  createExercise,
  type Exercise,
  type ExerciseEvent,
  ExerciseReplayError,
} from '../../engine/exercise/exercise-log.ts';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { UiLanguage } from '../../i18n/i18n.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import { type ClockPort, createExerciseClock } from './exercise-clock-driver.ts';
import {
  exerciseLogKey,
  readStoredExercise,
  type SetAsideReason,
  setAside,
  writeStoredExercise,
} from './exercise-store.ts';
import { openSyncPort, type SyncPort } from './exercise-sync.ts';
import { buildProjectorView } from './projector-view.ts';

/** Something the console tells the facilitator once, on opening an exercise. */
export type OpeningNotice =
  /** The saved log was restored; the clock was running when the console closed, so it waits paused. */
  | { kind: 'restored'; paused: boolean }
  /** The saved log could not be used; it was kept under `keptAt` and a new exercise starts. */
  | { kind: 'set-aside'; reason: SetAsideReason | 'replay'; detail: string; keptAt: string | null };

/** An open exercise with everything the console needs to drive it. */
export interface ExerciseSession {
  exercise: Exercise;
  state: ExerciseState;
  /** Offers an event; false when the engine refused it (nothing is logged then). */
  send(event: ExerciseEvent): boolean;
  notice: OpeningNotice | null;
  dismissNotice(): void;
  /** The browser refused to keep the log (private mode, full storage). */
  saveFailed: boolean;
  /** The module whose questions the projector shows, if any. */
  discussion: string | null;
  /** Puts a module's discussion questions on the projector, or (null) takes them off. */
  showDiscussion(module: string | null): void;
}

/** Where the session's side effects go; tests pass fakes. */
export interface SessionPorts {
  storage: KeyValueStorage | undefined;
  /** The channel to projector windows. */
  port?: SyncPort | undefined;
  /** The exercise clock; by default the engine's XState clock actor on real time. */
  clock?: ((onTick: (seconds: number) => void) => ClockPort) | undefined;
}

/** Opens an exercise from its saved log (or afresh), keeps the log saved, the clock running and projectors in step. */
export function useExerciseSession(
  bundle: ScenarioBundle,
  fresh: boolean,
  language: UiLanguage,
  { storage, port: givenPort, clock: makeClock = createExerciseClock }: SessionPorts,
): ExerciseSession {
  const opened = useMemo(() => openExercise(bundle, storage, fresh), [bundle, storage, fresh]);
  const { exercise } = opened;
  const [state, setState] = useState(() => exercise.state());
  const [notice, setNotice] = useState<OpeningNotice | null>(opened.notice);
  const [saveFailed, setSaveFailed] = useState(false);
  const id = bundle.scenario.id;
  const port = useMemo(() => givenPort ?? openSyncPort(), [givenPort]);
  const languageRef = useRef(language);
  languageRef.current = language;
  const [discussion, setDiscussion] = useState<string | null>(null);
  const discussionRef = useRef<string | null>(null);
  discussionRef.current = discussion;

  const publish = useCallback(
    () =>
      port.post({
        kind: 'projector.view',
        view: {
          ...buildProjectorView(
            bundle.scenario,
            exercise.state(),
            languageRef.current,
            discussionRef.current,
          ),
        },
      }),
    [port, bundle, exercise],
  );

  useEffect(() => {
    const save = () =>
      setSaveFailed(!writeStoredExercise(storage, id, bundle.scenario.version, exercise.log));
    // why: a freshly opened exercise is written at once, so a set-aside or new log is on disk before anything happens.
    save();
    const stop = exercise.subscribe(() => {
      setState(exercise.state());
      save();
      publish();
    });
    // why: an event sent between the first render and this subscription must still reach the screen.
    setState(exercise.state());
    return stop;
  }, [exercise, storage, id, bundle, publish]);

  useEffect(() => {
    const stop = port.listen((m) => {
      if (m.kind === 'projector.hello' && m.exercise === id) publish();
    });
    publish();
    return () => {
      stop();
      port.post({ kind: 'console.left', exercise: id });
      if (!givenPort) port.close();
    };
  }, [port, id, publish, givenPort]);

  useEffect(() => {
    publish();
  }, [language, discussion, publish]);

  // why: the clock runs only while the exercise does; each real second it offers a tick of `speed` scenario seconds.
  const clock = useMemo(
    () => makeClock((seconds) => exercise.send({ type: 'clock.ticked', seconds })),
    [makeClock, exercise],
  );
  useEffect(() => () => clock.stop(), [clock]);
  useEffect(() => {
    clock.setSpeed(state.speed);
    if (state.status === 'running') clock.run();
    else clock.hold();
  }, [clock, state.status, state.speed]);

  // why: "restored, paused" is stale once the facilitator resumes; a set-aside message stays until dismissed.
  const firstStatus = useRef(state.status);
  useEffect(() => {
    if (state.status !== firstStatus.current) setNotice((n) => (n?.kind === 'restored' ? null : n));
  }, [state.status]);

  const send = useCallback((event: ExerciseEvent) => exercise.send(event), [exercise]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return {
    exercise,
    state,
    send,
    notice,
    dismissNotice,
    saveFailed,
    discussion,
    showDiscussion: setDiscussion,
  };
}

/** Opens an exercise from storage; anything unusable is set aside (never dropped) and reported. */
export function openExercise(
  bundle: ScenarioBundle,
  storage: KeyValueStorage | undefined,
  fresh: boolean,
): { exercise: Exercise; notice: OpeningNotice | null } {
  const { scenario } = bundle;
  const key = exerciseLogKey(scenario.id);
  if (fresh) {
    let raw: string | null = null;
    try {
      raw = storage?.getItem(key) ?? null;
    } catch {
      raw = null;
    }
    // why: starting afresh keeps the earlier run's log, in case its report is still wanted.
    if (raw) setAside(storage, key, raw);
    return { exercise: createExercise(scenario), notice: null };
  }
  const read = readStoredExercise(storage, scenario.id);
  if (read.state === 'none') return { exercise: createExercise(scenario), notice: null };
  if (read.state === 'set-aside') {
    const { reason, detail, keptAt } = read;
    return { exercise: createExercise(scenario), notice: { kind: 'set-aside', reason, detail, keptAt } };
  }
  let exercise: Exercise;
  try {
    exercise = createExercise(scenario, read.stored.log);
  } catch (e) {
    if (!(e instanceof ExerciseReplayError)) throw e;
    const keptAt = setAside(storage, key, JSON.stringify(read.stored));
    return {
      exercise: createExercise(scenario),
      notice: { kind: 'set-aside', reason: 'replay', detail: e.message, keptAt },
    };
  }
  if (read.stored.log.length === 0) return { exercise, notice: null };
  // why: real time that passed while the console was closed is not scenario time; the room resumes deliberately.
  const wasRunning = exercise.state().status === 'running';
  if (wasRunning) exercise.send({ type: 'exercise.paused' });
  return { exercise, notice: { kind: 'restored', paused: wasRunning } };
}
