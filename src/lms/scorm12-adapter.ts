import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { scoreRun } from '../engine/score/score-run.ts';
import type { RunObserver, RunSession } from '../progress/run-observer.ts';
import type { Scorm12Api } from './detect-lms.ts';
import { scormTimespan } from './durations.ts';
import { createLmsState, type LmsConnection, type LmsState, uiLanguageOf } from './lms-connection.ts';
import { judgeRun } from './lms-verdict.ts';
import type { OutboxStorage } from './outbox.ts';
import { createRunTracker, suspendedRunOf } from './run-tracker.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspend-data.ts';

/** What connecting to a SCORM 1.2 LMS needs. */
export interface Scorm12Options {
  api: Scorm12Api;
  /** The scenario this SCO plays. */
  scenario: { id: string; version: string };
  now?: () => number;
  /** Keeps a verdict the LMS has not committed yet, for the next launch (localStorage). */
  store?: OutboxStorage;
  /** Waits between retries of a failed LMSCommit. */
  wait?: (ms: number) => Promise<void>;
  /** Backoff between tries of LMSCommit; the last delay repeats. */
  retryDelays?: readonly number[];
}

/** A verdict set in the LMS but not yet committed by it. */
interface PendingVerdict {
  status: 'passed' | 'failed';
  raw: string | null;
}

const COMMIT_DELAYS = [1000, 2000, 4000, 8000, 15_000, 30_000];

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
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const delays = options.retryDelays ?? COMMIT_DELAYS;
  const get = (element: string) => String(api.LMSGetValue(element) ?? '');
  const entry = get('cmi.core.entry');
  const mode = get('cmi.core.lesson_mode');
  const recording = mode !== 'browse' && mode !== 'review';
  let base: LmsState = recording
    ? { status: 'recording' }
    : { status: 'not-recording', mode: mode === 'browse' ? 'browse' : 'review' };
  const state = createLmsState(base);
  let problem: string | undefined;
  /** Values were set that the LMS has not committed yet. */
  let uncommitted = false;
  /** The verdict set but not committed: it counts only once LMSCommit succeeds. */
  let pending: PendingVerdict | null = null;
  let retrying = false;
  const pendingKey = `pocsim.scorm12.verdict:${get('cmi.core.student_id')}:${scenario.id}`;
  const refresh = () =>
    state.set({
      ...base,
      ...(base.status === 'recording' && problem ? { saveFailed: problem } : {}),
      waiting: pending ? 1 : 0,
      progressWaiting: uncommitted && !pending,
    });
  const failedTo = (why: string) => {
    problem = why;
    refresh();
  };
  const set = (element: string, value: string) => {
    uncommitted = true;
    if (String(api.LMSSetValue(element, value)) !== 'true') failedTo(`${element}: ${lastError()}`);
  };
  const keepPending = () => {
    try {
      if (pending) options.store?.setItem(pendingKey, JSON.stringify(pending));
      else options.store?.removeItem?.(pendingKey);
    } catch {
      // why: refused storage still leaves the retries of this launch.
    }
  };
  const committed = () => {
    uncommitted = false;
    problem = undefined;
    if (pending) {
      status = pending.status;
      pending = null;
      keepPending();
    }
    refresh();
  };
  // why: a SCORM LMS may fail a commit (its server unreachable); the values set stay in the API
  // and another LMSCommit sends them, so commits are retried with backoff until one succeeds.
  const commit = () => {
    if (String(api.LMSCommit('')) === 'true') {
      committed();
      return;
    }
    failedTo(`LMSCommit: ${lastError()}`);
    if (retrying || ended) return;
    retrying = true;
    void (async () => {
      for (let attempt = 0; uncommitted && !ended; attempt++) {
        await wait(delays[Math.min(attempt, delays.length - 1)]!);
        if (!uncommitted || ended) break;
        if (String(api.LMSCommit('')) === 'true') committed();
      }
      retrying = false;
    })();
  };

  /** The lesson status the LMS has committed: only that one counts. */
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
  let ended = false;
  if (recording && (status === 'not attempted' || status === '')) {
    set('cmi.core.lesson_status', 'incomplete');
    commit();
    if (!uncommitted) status = 'incomplete';
  }
  if (recording) {
    // why: a verdict an earlier launch could not get committed is set again, unless the LMS
    // already holds it or holds a pass it must not lose.
    const left = readPending(options.store, pendingKey);
    if (left && status !== 'passed' && status !== left.status) recordVerdict(left);
    else if (left) keepPending();
  }

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
      // why: a later failed run must not take away a pass the trainee already earned in this SCO,
      // committed or on its way.
      const passedAlready = status === 'passed' || pending?.status === 'passed';
      suspended = '';
      set('cmi.suspend_data', '');
      set('cmi.core.exit', '');
      if (!(passedAlready && !verdict.passed))
        recordVerdict({
          status: verdict.passed ? 'passed' : 'failed',
          raw: verdict.overall === null ? null : String(verdict.overall),
        });
      else commit();
      current = null;
    },
    left(session) {
      if (!ours(session)) return;
      suspend(session);
      current = null;
    },
  };

  function recordVerdict(verdict: PendingVerdict) {
    if (verdict.raw !== null) {
      set('cmi.core.score.min', '0');
      set('cmi.core.score.max', '100');
      set('cmi.core.score.raw', verdict.raw);
    }
    set('cmi.core.lesson_status', verdict.status);
    pending = verdict;
    keepPending();
    commit();
  }
  refresh();

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
      // why: what LMSCommit did not take stays in this browser (the verdict) for the next launch.
      api.LMSFinish('');
      base = { status: 'ended', returning: false };
      refresh();
    },
  };
}

function readPending(store: OutboxStorage | undefined, key: string): PendingVerdict | null {
  try {
    const data = JSON.parse(store?.getItem(key) ?? 'null') as Partial<PendingVerdict> | null;
    if (data && (data.status === 'passed' || data.status === 'failed'))
      return { status: data.status, raw: typeof data.raw === 'string' ? data.raw : null };
  } catch {
    // why: an unreadable record is not a verdict.
  }
  return null;
}
