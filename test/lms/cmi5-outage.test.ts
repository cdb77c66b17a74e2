import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectCmi5, launchOriginProblem } from '../../src/lms/cmi5-adapter.ts';
import { readCmi5Launch } from '../../src/lms/detect-lms.ts';
import { outboxKey } from '../../src/lms/outbox.ts';
import { CMI5, POCSIM_PROGRESS_STATE, scenarioIri } from '../../src/lms/xapi-vocabulary.ts';
import { bundledScenario, faithful, openSession, play } from './lms-factories.ts';
import { checkCmi5Session, startTestLrs, type TestLaunch, type TestLrs } from './test-lrs.ts';

// why: review defect 1 — an LRS that fails for a few seconds at the end of a run used to lose
// `completed` and `passed` for good. Every statement must reach the LRS exactly once, in order,
// whether the outage is in the middle of a run, at its end, or lasts until a later launch.

const bundle = bundledScenario('15-1-base-gate');
const scenario = { id: bundle.scenario.id, version: bundle.scenario.version };
const VERB = (s: Record<string, any>) => String(s.verb.id).split('/').pop();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startTestLrs();
});
afterAll(() => lrs.close());

function memoryStore() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

/** A page's lifetime: once `close()`d its retries stop, as a closed tab's would. */
function pageLife() {
  let closed = false;
  return {
    wait: (ms: number) => (closed ? new Promise<void>(() => {}) : sleep(Math.min(ms, 5))),
    close() {
      closed = true;
    },
  };
}

async function connect(launch: TestLaunch, extra: Partial<Parameters<typeof connectCmi5>[0]> = {}) {
  const read = readCmi5Launch(`?${launch.query}`);
  if (!read || 'problem' in read) throw new Error('launch not read');
  return connectCmi5({ launch: read, scenario, fetch, wait: (ms) => sleep(Math.min(ms, 5)), ...extra });
}

const launchFor = (o: Partial<Parameters<TestLrs['launch']>[0]> = {}) =>
  lrs.launch({ publisherId: scenarioIri(scenario.id), masteryScore: 0.7, ...o });
const relaunch = (first: TestLaunch) =>
  launchFor({ activityId: first.activityId, registration: first.registration });

/** Every statement of a registration, in the order the LRS kept them. */
const registration = (launch: TestLaunch) =>
  lrs.statements.map((r) => r.statement).filter((s) => s.context?.registration === launch.registration);

function expectEachOnceAndValid(launch: TestLaunch) {
  const all = registration(launch);
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  expect(lrs.statements.filter((r) => r.warnings.length).flatMap((r) => r.warnings)).toEqual([]);
  return all;
}

describe('the cmi5 AU when the LRS fails', () => {
  it('delivers every statement once and in order through outages in the middle and at the end of a run', async () => {
    const launch = launchFor();
    const store = memoryStore();
    const lms = await connect(launch, { outboxStore: store, exitWait: 50 });
    const session = openSession(bundle, [lms.observer]);
    play(session, [lms.observer], faithful, { decisions: 2 });
    await lms.delivered!();

    lrs.outage.down = true;
    play(session, [lms.observer], faithful, { decisions: 3 });
    await sleep(40);
    expect(lms.state()).toMatchObject({ status: 'recording', waiting: 3, progressWaiting: true });
    // the answers that were kept are also in durable storage, not just in memory
    expect(store.getItem(outboxKey(launch.registration, launch.activityId))).toContain('answered');
    lrs.outage.down = false;
    lrs.outage.loseAnswers = true;
    // why: wait for a lost answer itself, not a fixed time: under load no retry may come in 30 ms
    await vi.waitFor(() => expect(lrs.lost()).toBeGreaterThan(0), { timeout: 15_000, interval: 10 });
    lrs.outage.loseAnswers = false;
    await lms.delivered!();
    expect(lms.state()).toEqual({ status: 'recording' });

    lrs.outage.down = true;
    play(session, [lms.observer], faithful);
    await lms.exit();
    const waiting = lms.state();
    expect(waiting).toMatchObject({ status: 'ended', progressWaiting: true });
    expect(waiting.waiting).toBeGreaterThanOrEqual(3); // the last answers, completed and passed
    expect(lrs.state(POCSIM_PROGRESS_STATE, launch)).not.toMatchObject({ completed: true });

    lrs.outage.down = false;
    await lms.delivered!();
    expect(lms.state()).toEqual({ status: 'ended', returning: false });
    const all = expectEachOnceAndValid(launch);
    const decisions = session.run.context().history.filter((h) => h.type === 'decision.made').length;
    expect(all.map(VERB)).toEqual([
      'initialized',
      ...Array.from({ length: decisions }, () => 'answered'),
      'completed',
      'passed',
      'terminated',
    ]);
    expect(lrs.repeats.length).toBeGreaterThan(0); // answers were lost and the same ids sent again
    expect(checkCmi5Session(lrs.session(launch.sessionId), launch)).toEqual([]);
    expect(lrs.state(POCSIM_PROGRESS_STATE, launch)).toEqual({ completed: true, passed: true, run: null });
    expect(store.map.size).toBe(0);
  });

  it('sends what a closed launch left before anything new, and records completion and pass once', async () => {
    const first = launchFor();
    const store = memoryStore();
    const page1 = pageLife();
    const a = await connect(first, { outboxStore: store, wait: page1.wait, exitWait: 30 });
    const session = openSession(bundle, [a.observer]);
    play(session, [a.observer], faithful, { decisions: 1 });
    await a.delivered!();
    lrs.outage.down = true;
    play(session, [a.observer], faithful);
    await a.exit({ unloading: true });
    page1.close();
    expect(a.state()).toMatchObject({ status: 'ended', progressWaiting: true });
    expect(registration(first).map(VERB)).toEqual(['initialized', 'answered']);

    lrs.outage.down = false;
    const second = relaunch(first);
    const b = await connect(second, { outboxStore: store });
    expect(b.state()).toEqual({ status: 'recording' });
    expect(b.resume).toBeUndefined(); // the run finished: nothing to reopen
    play(openSession(bundle, [b.observer]), [b.observer], faithful);
    await b.exit();

    const all = expectEachOnceAndValid(first);
    const verbs = all.map(VERB);
    const end1 = verbs.indexOf('terminated');
    expect(verbs.slice(end1 - 2, end1 + 2)).toEqual(['completed', 'passed', 'terminated', 'initialized']);
    expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
    expect(verbs.filter((v) => v === 'passed')).toHaveLength(1);
    expect(
      all.slice(0, end1 + 1).every((s) => s.context.extensions[CMI5.sessionId] === first.sessionId),
    ).toBe(true);
    const one = lrs.session(first.sessionId);
    expect(checkCmi5Session(one, first)).toEqual([]);
    expect(checkCmi5Session(lrs.session(second.sessionId), second, one)).toEqual([]);
    expect(lrs.state(POCSIM_PROGRESS_STATE, second)).toEqual({ completed: true, passed: true, run: null });
  });

  it('counts a completion as sent only once the LRS has it: a launch that never delivered it sends it', async () => {
    // The outbox of the first launch is lost (another computer): the flags were never set, so the
    // next launch, whose run also finishes, reports completed and passed itself.
    const first = launchFor();
    const page1 = pageLife();
    const a = await connect(first, { outboxStore: memoryStore(), wait: page1.wait, exitWait: 20 });
    lrs.outage.down = true;
    play(openSession(bundle, [a.observer]), [a.observer], faithful);
    await a.exit();
    page1.close();
    lrs.outage.down = false;
    expect(lrs.state(POCSIM_PROGRESS_STATE, first) ?? {}).not.toMatchObject({ completed: true });

    const second = relaunch(first);
    const b = await connect(second, { outboxStore: memoryStore() });
    play(openSession(bundle, [b.observer]), [b.observer], faithful);
    await b.exit();
    expect(
      lrs
        .session(second.sessionId)
        .map(VERB)
        .filter((v) => v !== 'answered'),
    ).toEqual(['initialized', 'completed', 'passed', 'terminated']);
  });

  it('makes a completion and pass again in the new session when the LMS refuses the old session', async () => {
    const first = launchFor();
    const store = memoryStore();
    const page1 = pageLife();
    const a = await connect(first, { outboxStore: store, wait: page1.wait, exitWait: 20 });
    lrs.outage.down = true;
    play(openSession(bundle, [a.observer]), [a.observer], faithful);
    await a.exit();
    page1.close();
    lrs.outage.down = false;
    lrs.outage.closedSessions.add(first.sessionId);

    const second = relaunch(first);
    const b = await connect(second, { outboxStore: store });
    await b.exit();
    const verbs = lrs.session(second.sessionId).map(VERB);
    expect(verbs).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(checkCmi5Session(lrs.session(second.sessionId), second)).toEqual([]);
    expect(lrs.state(POCSIM_PROGRESS_STATE, second)).toMatchObject({ completed: true, passed: true });
  });

  it('forgets the auth token when the session ends', async () => {
    const launch = launchFor();
    const tokens = memoryStore();
    const lms = await connect(launch, { tokenStore: tokens });
    expect(tokens.map.size).toBe(1);
    await lms.exit();
    expect(tokens.map.size).toBe(0);
  });

  it('refuses a launch whose token and results addresses are on different sites', async () => {
    const launch = launchFor();
    const before = lrs.requests.length;
    const read = readCmi5Launch(`?${launch.query}`);
    if (!read || 'problem' in read) throw new Error('launch not read');
    const lms = await connectCmi5({
      launch: { ...read, endpoint: 'https://elsewhere.example.test/xapi/' },
      scenario,
      fetch,
    });
    expect(lms.state()).toMatchObject({ status: 'failed' });
    expect((lms.state() as { problem: string }).problem).toMatch(/two different sites/);
    expect(lrs.requests.length).toBe(before); // the one-time fetch URL was not used up
    expect(launchOriginProblem({ endpoint: 'javascript:alert(1)', fetch: read.fetch })).toMatch(
      /only http and https/,
    );
    expect(launchOriginProblem({ endpoint: read.endpoint, fetch: read.fetch })).toBeNull();
  });
});
