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
import { createLmsState, type LmsConnection, type LmsState, uiLanguageOf } from './lms-connection.ts';
import { judgeRun } from './lms-verdict.ts';
import { createOutbox, type OutboxItem, type OutboxStorage, outboxKey } from './outbox.ts';
import { createRunTracker, suspendedRunOf } from './run-tracker.ts';
import { decodeSuspendData, encodeSuspendData } from './suspend-data.ts';
import {
  createXapiClient,
  fetchAuthToken,
  LmsRequestError,
  type StateScope,
  type XapiClient,
} from './xapi-client.ts';
import { CMI5, POCSIM_PROGRESS_STATE, VERBS } from './xapi-vocabulary.ts';

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
  tokenStore?: TokenStorage;
  /** Keeps every statement until the LRS acknowledges it, across launches (localStorage). */
  outboxStore?: OutboxStorage;
  /** Sends the browser to the LMS's return address after `terminated`. */
  navigate?: (url: string) => void;
  /** Waits between retries of a failed request. */
  wait?: (ms: number) => Promise<void>;
  /** Backoff between tries of one request; the last delay repeats. */
  retryDelays?: readonly number[];
  /** How long "Save and exit" waits for results still on their way before returning to the LMS. */
  exitWait?: number;
  /** How long connecting waits for `initialized` to be acknowledged before the app starts anyway. */
  connectWait?: number;
}

/** Where the auth token is kept: sessionStorage in the browser. */
export type TokenStorage = KeyValueStorage & { removeItem?(key: string): void };

const EXIT_WAIT = 10_000;
const CONNECT_WAIT = 2000;
/** Keepalive requests share a 64 KiB budget per page; the last try at unload stays under it. */
const KEEPALIVE_BUDGET = 60_000;

/**
 * Connects to the cmi5 LMS that launched the app: fetches the auth token, reads LMS.LaunchData,
 * the learner's preferences and pocsim's progress, and sends `initialized`. Never throws: when the
 * LMS cannot be reached the connection says so and the app still plays, reporting nothing.
 * Statements go through a durable outbox: kept until acknowledged, retried, and sent in order.
 */
export async function connectCmi5(options: Cmi5Options): Promise<LmsConnection> {
  const { launch, scenario } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const scope: StateScope = {
    activityId: launch.activityId,
    agent: launch.actor,
    registration: launch.registration,
  };
  const originProblem = launchOriginProblem(launch);
  if (originProblem) return failedConnection(originProblem, 0);

  let client: XapiClient | undefined;
  let sessionId = '';
  let problem: string | undefined;
  let base: LmsState = { status: 'recording' };
  const state = createLmsState(base);
  const outbox = createOutbox({
    store: options.outboxStore,
    key: outboxKey(launch.registration, launch.activityId),
    wait,
    ...(options.retryDelays ? { delays: options.retryDelays } : {}),
    deliver: (item) =>
      item.kind === 'statement'
        ? client!.sendStatement(item.statement)
        : client!.putState(item.stateId, scope, item.document),
    deliverUnloading(items) {
      const statements: object[] = [];
      let size = 0;
      for (const item of items) {
        if (item.kind !== 'statement') continue;
        size += JSON.stringify(item.statement).length;
        if (size > KEEPALIVE_BUDGET) break;
        statements.push(item.statement);
      }
      // why: one request keeps the order; a lost answer is harmless, since the next launch sends
      // the same statements again under the same ids and the LRS keeps each id once.
      if (statements.length) void client!.sendStatements(statements, { keepalive: true }).catch(() => {});
      const doc = items.findLast((i) => i.kind === 'state');
      if (doc?.kind === 'state' && size + JSON.stringify(doc.document).length <= KEEPALIVE_BUDGET)
        void client!.putState(doc.stateId, scope, doc.document, { keepalive: true }).catch(() => {});
    },
    onChange: () => refresh(),
    onDelivered: (item) => acknowledged(item),
    onProblem(message, item) {
      problem = message;
      if (item) refusedForGood(item);
      refresh();
    },
  });
  const refresh = () => {
    const pending = outbox.pending();
    const waiting = pending.filter(isResult).length;
    const progressWaiting = pending.some((i) => !isResult(i));
    const saveFailed = base.status === 'recording' && problem ? { saveFailed: problem } : {};
    state.set({ ...base, ...saveFailed, waiting, progressWaiting });
  };

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
    return failedConnection((e as Error).message, outbox.pending().filter(isResult).length);
  }
  // why: a progress document still in the outbox is newer than the LMS's copy; the flags stand
  // for results the LRS acknowledged, wherever they were recorded.
  const kept = outbox.pending().findLast((i) => i.kind === 'state' && i.stateId === POCSIM_PROGRESS_STATE);
  if (kept?.kind === 'state') {
    const local = readProgress(kept.document);
    progress = {
      completed: progress.completed || local.completed,
      passed: progress.passed || local.passed,
      run: local.run,
    };
  }
  sessionId = String(launchData.contextTemplate.extensions?.[CMI5.sessionId] ?? '');

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
  if (!normal)
    base = { status: 'not-recording', mode: launchData.launchMode === 'Browse' ? 'browse' : 'review' };
  const send = (statement: XapiStatement) => outbox.add({ kind: 'statement', session: sessionId, statement });
  const saveProgress = () =>
    outbox.add({
      kind: 'state',
      session: sessionId,
      stateId: POCSIM_PROGRESS_STATE,
      document: { ...progress },
    });
  /** Whether a statement with this verb is still on its way (from this launch or an earlier one). */
  const queued = (verb: keyof typeof VERBS) =>
    outbox.pending().some((i) => i.kind === 'statement' && i.statement.verb.id === VERBS[verb]);

  let ended = false;
  let judgedThisSession = false;
  const first = builder.initialized();
  const initializedAt = Date.parse(first.timestamp);
  // why: what earlier launches left goes first, so the LMS sees their sessions end before this one.
  outbox.start();
  send(first);
  // why: the bar's first words should be true; a short wait lets a working LRS acknowledge
  // initialized (and anything left from before) without holding the app back when it is down.
  await settle(outbox.delivered(), options.connectWait ?? CONNECT_WAIT);
  refresh();

  function acknowledged(item: OutboxItem) {
    if (item.kind !== 'statement') return;
    // why: a result counts as sent once the LRS has it, not when it was queued; the flags then
    // stop a later session from sending it twice, so they must never run ahead of the LRS.
    const verb = item.statement.verb.id;
    if (verb === VERBS.completed && !progress.completed) {
      progress.completed = true;
      saveProgress();
    } else if (verb === VERBS.passed && !progress.passed) {
      progress.passed = true;
      saveProgress();
    }
  }
  function refusedForGood(item: OutboxItem) {
    // why: an LMS may close an earlier session (cmi5 "abandoned") and refuse its statements; a
    // completion or verdict that never got in is made again in this session rather than lost.
    if (item.kind !== 'statement' || item.session === sessionId || !normal) return;
    const verb = item.statement.verb.id;
    if (verb === VERBS.completed && !progress.completed && !queued('completed'))
      send(builder.again(item.statement as XapiStatement));
    else if ((verb === VERBS.passed || verb === VERBS.failed) && !progress.passed && !judgedThisSession) {
      if (verb === VERBS.failed && queued('passed')) return;
      judgedThisSession = true;
      send(builder.again(item.statement as XapiStatement));
    }
  }

  const seconds = () => Math.max(0, (now() - initializedAt) / 1000);
  let current: { session: RunSession; tracker: ReturnType<typeof createRunTracker> } | null = null;
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
      if (!progress.completed && !queued('completed')) send(builder.completed(seconds()));
      // why: cmi5 allows one of passed/failed per session, one passed per registration and no
      // failed after a passed; a later run in the same session is still reported decision by
      // decision. A passed still in the outbox counts: it will get there.
      if (!progress.passed && !queued('passed') && !judgedThisSession) {
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
    delivered: () => outbox.delivered(),
    async exit(exitOptions) {
      if (ended) return;
      const unloading = !!exitOptions?.unloading;
      if (normal && current && !current.session.run.finished()) {
        keepRun();
        saveProgress();
      }
      send(builder.terminated(seconds()));
      ended = true;
      // why: the token is worth nothing once the session is over, and anything else of this origin
      // in the tab could read it. A page going away keeps it: that may be a reload of the same launch.
      if (!unloading) forgetToken(options);
      const returning = !unloading && !!launchData.returnURL;
      base = { status: 'ended', returning };
      refresh();
      if (unloading) outbox.unload();
      await settle(outbox.delivered(), options.exitWait ?? EXIT_WAIT);
      // why: what is still waiting stays on this computer and goes with the next launch.
      if (returning) (options.navigate ?? ((url: string) => location.assign(url)))(launchData.returnURL!);
    },
  };

  function failedConnection(why: string, waiting: number): LmsConnection {
    const failed = createLmsState({ status: 'failed', problem: why, waiting });
    return {
      kind: 'cmi5',
      observer: {},
      state: failed.get,
      subscribe: failed.subscribe,
      exit: async () => {},
    };
  }
}

/**
 * Why a launch's addresses are refused, or null: the fetch URL (which hands out the token) and
 * the xAPI endpoint (which receives it) must be web addresses on one origin, so a crafted link
 * cannot send the token, or use up the one-time fetch URL, for another site.
 */
export function launchOriginProblem(launch: Pick<Cmi5Launch, 'endpoint' | 'fetch'>): string | null {
  let endpoint: URL;
  let fetchUrl: URL;
  try {
    endpoint = new URL(launch.endpoint);
    fetchUrl = new URL(launch.fetch);
  } catch {
    return 'the launch address carries an endpoint or fetch address that is not a web address';
  }
  for (const u of [endpoint, fetchUrl])
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
      return `the launch address carries a ${u.protocol} address; only http and https are used`;
  if (endpoint.origin !== fetchUrl.origin)
    return `the launch address names two different sites (token from ${fetchUrl.origin}, results to ${endpoint.origin}); pocsim connects only when both are the same`;
  return null;
}

/** A result the trainee earned (a decision, completion or verdict), as against session bookkeeping. */
function isResult(item: OutboxItem): boolean {
  if (item.kind !== 'statement') return false;
  const verb = item.statement.verb.id;
  return verb !== VERBS.initialized && verb !== VERBS.terminated;
}

/** Waits for a promise, at most `ms` milliseconds. */
async function settle(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

function tokenKey(options: Cmi5Options) {
  return `pocsim.cmi5.token:${options.launch.fetch}`;
}

function forgetToken(options: Cmi5Options) {
  try {
    options.tokenStore?.removeItem?.(tokenKey(options));
  } catch {
    // why: storage that refuses access holds no token either.
  }
}

async function authToken(options: Cmi5Options): Promise<string> {
  const key = tokenKey(options);
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
