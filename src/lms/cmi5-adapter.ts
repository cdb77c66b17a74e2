import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { scoreRun } from '../engine/score/score-run.ts';
import type { RunObserver, RunSession } from '../progress/run-observer.ts';
import type { KeyValueStorage } from '../progress/settings.ts';
import {
  createStatementBuilder,
  type LaunchData,
  parseLaunchData,
  type XapiStatement,
} from './cmi5-statements.ts';
import type { Cmi5Launch } from './detect-lms.ts';
import { createLmsState, type LmsConnection, uiLanguageOf } from './lms-connection.ts';
import { judgeRun } from './lms-verdict.ts';
import { createRunTracker, suspendedRunOf } from './run-tracker.ts';
import { decodeSuspendData, encodeSuspendData } from './suspend-data.ts';
import {
  createXapiClient,
  fetchAuthToken,
  LmsRequestError,
  type StateScope,
  type XapiClient,
} from './xapi-client.ts';
import { CMI5, POCSIM_PROGRESS_STATE } from './xapi-vocabulary.ts';

/** What pocsim keeps per registration in its own state document. */
interface ProgressDocument {
  /** `completed` was sent in this registration (cmi5 allows it once). */
  completed: boolean;
  /** `passed` was sent in this registration (cmi5 allows it once, and no `failed` after it). */
  passed: boolean;
  /** The unfinished run, as suspend data, or null. */
  run: string | null;
}

/** What connecting to a cmi5 LMS needs. */
export interface Cmi5Options {
  launch: Cmi5Launch;
  /** The scenario this AU plays. */
  scenario: { id: string; version: string };
  fetch: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** Keeps the auth token across a reload of the AU, since the fetch URL works only once. */
  tokenStore?: KeyValueStorage;
  /** Sends the browser to the LMS's return address after `terminated`. */
  navigate?: (url: string) => void;
  /** Waits between retries of a failed request. */
  wait?: (ms: number) => Promise<void>;
}

const RETRY_DELAYS = [500, 2000];

/**
 * Connects to the cmi5 LMS that launched the app: fetches the auth token, reads LMS.LaunchData,
 * the learner's preferences and pocsim's progress, and sends `initialized`. Never throws: when the
 * LMS cannot be reached the connection says so and the app still plays, reporting nothing.
 */
export async function connectCmi5(options: Cmi5Options): Promise<LmsConnection> {
  const { launch, scenario } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const state = createLmsState({ status: 'recording' });
  const scope: StateScope = {
    activityId: launch.activityId,
    agent: launch.actor,
    registration: launch.registration,
  };

  let client: XapiClient;
  let launchData: LaunchData;
  let progress: ProgressDocument = { completed: false, passed: false, run: null };
  let language: LmsConnection['language'];
  try {
    client = createXapiClient(launch.endpoint, await authToken(options), options.fetch);
    const parsed = parseLaunchData(await client.getState(CMI5.launchDataState, scope));
    if ('problem' in parsed) throw new LmsRequestError(parsed.problem, 200);
    launchData = parsed;
    const [prefs, saved] = await Promise.all([
      client.getAgentProfile(CMI5.learnerPreferences, launch.actor),
      client.getState(POCSIM_PROGRESS_STATE, scope),
    ]);
    const tags = (prefs as { languagePreference?: unknown } | null)?.languagePreference;
    language = typeof tags === 'string' ? uiLanguageOf(tags.split(',')) : undefined;
    progress = readProgress(saved);
  } catch (e) {
    return failedConnection((e as Error).message);
  }

  const builder = createStatementBuilder(
    {
      actor: launch.actor,
      registration: launch.registration,
      activityId: launch.activityId,
      launchData,
      scenario,
    },
    { now, newId },
  );
  const normal = launchData.launchMode === 'Normal';
  let initializedAt = now();
  try {
    const first = builder.initialized();
    await client.sendStatement(first);
    initializedAt = Date.parse(first.timestamp);
  } catch (e) {
    return failedConnection((e as Error).message);
  }
  if (!normal)
    state.set({ status: 'not-recording', mode: launchData.launchMode === 'Browse' ? 'browse' : 'review' });

  const seconds = () => Math.max(0, (now() - initializedAt) / 1000);
  let ended = false;
  let chain: Promise<void> = Promise.resolve();
  // why: statements must reach the LRS in order (initialized first, terminated last), so every
  // request waits for the one before; a failure is shown to the trainee and the next still goes.
  const enqueue = (what: (keepalive: boolean) => Promise<void>, keepalive = false) => {
    chain = chain.then(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await what(keepalive);
          return;
        } catch (e) {
          const status = e instanceof LmsRequestError ? e.status : 0;
          const retriable = status === 0 || status === 429 || status >= 500;
          if (!retriable || attempt >= RETRY_DELAYS.length || keepalive) {
            if (state.get().status === 'recording')
              state.set({ status: 'recording', saveFailed: (e as Error).message });
            return;
          }
          await wait(RETRY_DELAYS[attempt]!);
        }
      }
    });
    return chain;
  };
  const send = (s: XapiStatement, keepalive = false) =>
    enqueue((k) => client.sendStatement(s, { keepalive: k }), keepalive);
  const saveProgress = (keepalive = false) => {
    const doc = { ...progress };
    return enqueue((k) => client.putState(POCSIM_PROGRESS_STATE, scope, doc, { keepalive: k }), keepalive);
  };

  let current: { session: RunSession; tracker: ReturnType<typeof createRunTracker> } | null = null;
  let judgedThisSession = false;
  const ours = (session: RunSession) => current?.session === session && normal && !ended;
  const reportDecisions = () => {
    if (!current) return;
    for (const d of current.tracker.takeNewDecisions())
      send(builder.answered({ bundle: current.session.bundle, step: d.step, decision: d.decision }));
  };
  const keepRun = () => {
    if (current && !current.session.run.finished())
      progress.run = encodeSuspendData(suspendedRunOf(current.session));
  };

  const observer: RunObserver = {
    opened(session) {
      if (session.bundle.scenario.id !== scenario.id) return;
      current = { session, tracker: createRunTracker(session) };
      if (!normal || ended) return;
      keepRun();
      saveProgress();
    },
    changed(session) {
      if (!ours(session)) return;
      reportDecisions();
      if (current!.tracker.movedOn() && !session.run.finished()) {
        keepRun();
        saveProgress();
      }
    },
    finished(session) {
      if (!ours(session)) return;
      reportDecisions();
      const { score } = scoreRun(session.bundle.scenario, session.run.context().history, CATALOGUE);
      const verdict = judgeRun(score, launchData.masteryScore);
      if (!progress.completed) {
        send(builder.completed(seconds()));
        progress.completed = true;
      }
      // why: cmi5 allows one of passed/failed per session, one passed per registration and no
      // failed after a passed; a later run in the same session is still reported decision by decision.
      if (!progress.passed && !judgedThisSession) {
        send(
          builder.judged({
            passed: verdict.passed,
            overall: verdict.overall,
            duration: seconds(),
            ending: session.run.context().ending ?? null,
            failedBecause: verdict.failedBecause,
          }),
        );
        judgedThisSession = true;
        if (verdict.passed) progress.passed = true;
      }
      progress.run = null;
      saveProgress();
      current = null;
    },
    left(session) {
      if (!ours(session)) return;
      keepRun();
      saveProgress();
      current = null;
    },
  };

  const saved = decodeSuspendData(progress.run ?? '');
  let resume: LmsConnection['resume'];
  let resumeProblem: string | undefined;
  if (saved.ok && saved.run.scenario.id === scenario.id) {
    if (saved.run.scenario.version === scenario.version)
      resume = { id: saved.run.id, log: saved.run.log, startedAt: saved.run.startedAt };
    else
      resumeProblem = `the saved run was played on version ${saved.run.scenario.version} of the scenario; this is version ${scenario.version}`;
  } else if (!saved.ok && !saved.empty) resumeProblem = saved.problem;

  return {
    kind: 'cmi5',
    observer,
    resume,
    resumeProblem,
    language,
    state: state.get,
    subscribe: state.subscribe,
    async exit(exitOptions) {
      if (ended) return chain;
      const unloading = !!exitOptions?.unloading;
      if (normal && current && !current.session.run.finished()) {
        keepRun();
        saveProgress(unloading);
      }
      const last = send(builder.terminated(seconds()), unloading);
      ended = true;
      const returning = !unloading && !!launchData.returnURL;
      state.set({ status: 'ended', returning });
      await last;
      if (returning) (options.navigate ?? ((url: string) => location.assign(url)))(launchData.returnURL!);
    },
  };

  function failedConnection(problem: string): LmsConnection {
    const failed = createLmsState({ status: 'failed', problem });
    return {
      kind: 'cmi5',
      observer: {},
      state: failed.get,
      subscribe: failed.subscribe,
      exit: async () => {},
    };
  }
}

async function authToken(options: Cmi5Options): Promise<string> {
  const key = `pocsim.cmi5.token:${options.launch.fetch}`;
  try {
    const kept = options.tokenStore?.getItem(key);
    if (kept) return kept;
  } catch {
    // why: storage can be refused (private mode, sandboxed frames); the token is then fetched.
  }
  const token = await fetchAuthToken(options.launch.fetch, options.fetch);
  try {
    options.tokenStore?.setItem(key, token);
  } catch {
    // same as above
  }
  return token;
}

function readProgress(data: unknown): ProgressDocument {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Partial<
    Record<keyof ProgressDocument, unknown>
  >;
  return {
    completed: d.completed === true,
    passed: d.passed === true,
    run: typeof d.run === 'string' ? d.run : null,
  };
}
