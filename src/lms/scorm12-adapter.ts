import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { scoreRun } from '../engine/score/score-run.ts';
import type { RunObserver, RunSession } from '../progress/run-observer.ts';
import type { Scorm12Api } from './detect-lms.ts';
import { scormTimespan } from './durations.ts';
import { createLmsState, type LmsConnection, uiLanguageOf } from './lms-connection.ts';
import { judgeRun } from './lms-verdict.ts';
import { createRunTracker, suspendedRunOf } from './run-tracker.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspend-data.ts';

/** What connecting to a SCORM 1.2 LMS needs. */
export interface Scorm12Options {
  api: Scorm12Api;
  /** The scenario this SCO plays. */
  scenario: { id: string; version: string };
  now?: () => number;
}

/**
 * Opens the SCORM 1.2 session (LMSInitialize), reads where the trainee stopped, and returns the
 * connection that writes status, score, session time and the run's log as `cmi.suspend_data`.
 * Never throws: a refused initialisation gives a connection that reports nothing.
 */
export function connectScorm12(options: Scorm12Options): LmsConnection {
  const { api, scenario } = options;
  const now = options.now ?? Date.now;
  const lastError = () => {
    const code = api.LMSGetLastError();
    return `SCORM error ${code}: ${api.LMSGetErrorString(code)}`;
  };
  if (String(api.LMSInitialize('')) !== 'true') {
    const failed = createLmsState({ status: 'failed', problem: `LMSInitialize failed (${lastError()})` });
    return {
      kind: 'scorm12',
      observer: {},
      state: failed.get,
      subscribe: failed.subscribe,
      exit: async () => {},
    };
  }
  const startedAt = now();
  const get = (element: string) => String(api.LMSGetValue(element) ?? '');
  const entry = get('cmi.core.entry');
  const mode = get('cmi.core.lesson_mode');
  const recording = mode !== 'browse' && mode !== 'review';
  const state = createLmsState(
    recording
      ? { status: 'recording' }
      : { status: 'not-recording', mode: mode === 'browse' ? 'browse' : 'review' },
  );
  const failedTo = (problem: string) => {
    if (state.get().status === 'recording') state.set({ status: 'recording', saveFailed: problem });
  };
  const set = (element: string, value: string) => {
    if (String(api.LMSSetValue(element, value)) !== 'true') failedTo(`${element}: ${lastError()}`);
  };
  const commit = () => {
    if (String(api.LMSCommit('')) !== 'true') failedTo(`LMSCommit: ${lastError()}`);
  };

  let status = get('cmi.core.lesson_status');
  const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
  const lmsMastery = Number.isFinite(mastery) ? mastery / 100 : undefined;
  let suspended = get('cmi.suspend_data');

  let resume: LmsConnection['resume'];
  let resumeProblem: string | undefined;
  // why: SCORM 1.2 says "resume" after an exit of "suspend"; some LMSs leave entry blank, so any
  // run we saved is reopened unless the LMS says the attempt starts afresh.
  if (entry !== 'ab-initio') {
    const saved = decodeSuspendData(suspended);
    if (saved.ok && saved.run.scenario.id === scenario.id) {
      if (saved.run.scenario.version === scenario.version)
        resume = { id: saved.run.id, log: saved.run.log, startedAt: saved.run.startedAt };
      else
        resumeProblem = `the saved run was played on version ${saved.run.scenario.version} of the scenario; this is version ${scenario.version}`;
    } else if (!saved.ok && !saved.empty) resumeProblem = saved.problem;
  }
  if (recording && (status === 'not attempted' || status === '')) {
    status = 'incomplete';
    set('cmi.core.lesson_status', status);
    commit();
  }

  let ended = false;
  let current: { session: RunSession; tracker: ReturnType<typeof createRunTracker> } | null = null;
  const ours = (session: RunSession) => current?.session === session && recording && !ended;
  const suspend = (session: RunSession) => {
    const text = encodeSuspendData(suspendedRunOf(session));
    // why: an LMS may cut or refuse longer data; keeping the last save that fitted loses less.
    if (text.length > SUSPEND_DATA_LIMIT) {
      failedTo(`the run is too long to save (${text.length} characters)`);
      return;
    }
    suspended = text;
    set('cmi.suspend_data', text);
    set('cmi.core.exit', 'suspend');
    commit();
  };

  const observer: RunObserver = {
    opened(session) {
      if (session.bundle.scenario.id !== scenario.id) return;
      current = { session, tracker: createRunTracker(session) };
      if (recording && !ended) suspend(session);
    },
    changed(session) {
      if (!ours(session)) return;
      if (current!.tracker.movedOn() && !session.run.finished()) suspend(session);
    },
    finished(session) {
      if (!ours(session)) return;
      const { score } = scoreRun(session.bundle.scenario, session.run.context().history, CATALOGUE);
      const verdict = judgeRun(score, lmsMastery);
      // why: a later failed run must not take away a pass the trainee already earned in this SCO.
      if (!(status === 'passed' && !verdict.passed)) {
        if (verdict.overall !== null) {
          set('cmi.core.score.min', '0');
          set('cmi.core.score.max', '100');
          set('cmi.core.score.raw', String(verdict.overall));
        }
        status = verdict.passed ? 'passed' : 'failed';
        set('cmi.core.lesson_status', status);
      }
      suspended = '';
      set('cmi.suspend_data', '');
      set('cmi.core.exit', '');
      commit();
      current = null;
    },
    left(session) {
      if (!ours(session)) return;
      suspend(session);
      current = null;
    },
  };

  return {
    kind: 'scorm12',
    observer,
    resume,
    resumeProblem,
    language: uiLanguageOf([get('cmi.student_preference.language')]),
    state: state.get,
    subscribe: state.subscribe,
    async exit() {
      if (ended) return;
      if (recording && current && !current.session.run.finished()) suspend(current.session);
      set('cmi.core.exit', recording && suspended ? 'suspend' : '');
      set('cmi.core.session_time', scormTimespan(now() - startedAt));
      commit();
      ended = true;
      api.LMSFinish('');
      state.set({ status: 'ended', returning: false });
    },
  };
}
