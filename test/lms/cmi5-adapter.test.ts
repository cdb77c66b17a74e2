import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { connectCmi5 } from '../../src/lms/cmi5-adapter.ts';
import { readCmi5Launch } from '../../src/lms/detect-lms.ts';
import type { LmsConnection } from '../../src/lms/lms-connection.ts';
import { decodeSuspendData } from '../../src/lms/suspend-data.ts';
import { POCSIM_EXTENSIONS, POCSIM_PROGRESS_STATE, scenarioIri } from '../../src/lms/xapi-vocabulary.ts';
import { bundledScenario, faithful, openSession, play, reckless } from './lms-factories.ts';
import { checkCmi5Session, startTestLrs, type TestLaunch, type TestLrs } from './test-lrs.ts';

const bundle = bundledScenario('15-1-base-gate');
const scenario = { id: bundle.scenario.id, version: bundle.scenario.version };
const VERB = (s: Record<string, any>) => String(s.verb.id).split('/').pop();

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startTestLrs();
});
afterAll(() => lrs.close());

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

async function connect(launch: TestLaunch, extra: Partial<Parameters<typeof connectCmi5>[0]> = {}) {
  const read = readCmi5Launch(`?${launch.query}`);
  if (!read || 'problem' in read) throw new Error('launch not read');
  return connectCmi5({ launch: read, scenario, fetch, wait: async () => {}, ...extra });
}

const launchFor = (o: Partial<Parameters<TestLrs['launch']>[0]> = {}) =>
  lrs.launch({ publisherId: scenarioIri(scenario.id), masteryScore: 0.7, ...o });

describe('the cmi5 AU against a test LRS', () => {
  it('reports a doctrine-faithful run: initialized, one answered per decision, completed, passed, terminated', async () => {
    const launch = launchFor();
    const lms = await connect(launch);
    expect(lms.state()).toEqual({ status: 'recording' });
    const session = openSession(bundle, [lms.observer]);
    const run = play(session, [lms.observer], faithful);
    await lms.exit();

    const statements = lrs.session(launch.sessionId);
    const debrief = buildDebrief(bundle.scenario, run.log, CATALOGUE);
    expect(statements.map(VERB)).toEqual([
      'initialized',
      ...debrief.decisions.map(() => 'answered'),
      'completed',
      'passed',
      'terminated',
    ]);
    expect(checkCmi5Session(statements, launch)).toEqual([]);
    expect(lrs.statements.filter((r) => r.warnings.length)).toEqual([]);

    const passed = statements.find((s) => VERB(s) === 'passed')!;
    expect(passed.result.score.scaled).toBe(debrief.score.overall! / 100);
    expect(passed.result.score.scaled).toBeGreaterThanOrEqual(0.7);

    const first = statements.find((s) => VERB(s) === 'answered')!;
    const d = debrief.decisions[0]!;
    expect(first.object.definition.interactionType).toBe('choice');
    expect(first.object.definition.choices.map((c: { id: string }) => c.id)).toEqual(
      bundle.scenario.steps.find((s) => s.id === d.step)!.decision!.options.map((o) => o.id),
    );
    expect(first.result.response).toBe(d.options.join('[,]'));
    expect(first.result.duration).toBe(`PT${d.elapsed}S`);
    expect(first.context.contextActivities.parent).toEqual([
      { objectType: 'Activity', id: launch.activityId },
    ]);
    expect(first.context.extensions[POCSIM_EXTENSIONS.tiers]).toEqual(d.tiers);
    expect(first.context.extensions[POCSIM_EXTENSIONS.phase]).toBe(d.phase);
    expect(first.context.extensions[POCSIM_EXTENSIONS.doctrineFollowed]).toEqual(d.followed);
    expect(lrs.state(POCSIM_PROGRESS_STATE, launch)).toEqual({ completed: true, passed: true, run: null });
  });

  it('reports a reckless run as failed with a score below the mastery score, and returns to the LMS', async () => {
    const launch = launchFor({ returnURL: 'https://lms.example.test/course/7' });
    const went: string[] = [];
    const lms = await connect(launch, { navigate: (url) => went.push(url) });
    const session = openSession(bundle, [lms.observer]);
    play(session, [lms.observer], reckless);
    await lms.exit();
    const statements = lrs.session(launch.sessionId);
    expect(statements.map(VERB).slice(-3)).toEqual(['completed', 'failed', 'terminated']);
    const failed = statements.find((s) => VERB(s) === 'failed')!;
    expect(failed.result.score.scaled).toBeLessThan(0.7);
    expect(failed.result.extensions[POCSIM_EXTENSIONS.failedBecause]).toContain('critical-dont-broken');
    expect(checkCmi5Session(statements, launch)).toEqual([]);
    expect(went).toEqual(['https://lms.example.test/course/7']);
    expect(lms.state()).toEqual({ status: 'ended', returning: true });
  });

  it.each(['Browse', 'Review'] as const)(
    'sends only initialized and terminated in %s mode',
    async (launchMode) => {
      const launch = launchFor({ launchMode });
      const lms = await connect(launch);
      expect(lms.state()).toEqual({ status: 'not-recording', mode: launchMode.toLowerCase() });
      play(openSession(bundle, [lms.observer]), [lms.observer], faithful);
      await lms.exit();
      const statements = lrs.session(launch.sessionId);
      expect(statements.map(VERB)).toEqual(['initialized', 'terminated']);
      expect(checkCmi5Session(statements, launch)).toEqual([]);
    },
  );

  it('resumes an unfinished run in the next session and reports only the new decisions', async () => {
    const first = launchFor();
    const store = memoryStore();
    const a = await connect(first, { tokenStore: store });
    const session = openSession(bundle, [a.observer]);
    play(session, [a.observer], faithful, { decisions: 3 });
    await a.exit({ unloading: true });
    const saved = lrs.state(POCSIM_PROGRESS_STATE, first) as { run: string };
    const decoded = decodeSuspendData(saved.run);
    expect(decoded.ok && decoded.run.log).toEqual(session.run.log);

    const second = lrs.launch({
      publisherId: first.publisherId,
      activityId: first.activityId,
      registration: first.registration,
      masteryScore: 0.7,
    });
    const b = await connect(second);
    expect(b.resume?.log).toEqual(session.run.log);
    expect(b.resume?.id).toBe(session.id);
    const resumed = openSession(bundle, [b.observer], b.resume);
    expect(resumed.run.context().step).toBe(session.run.context().step);
    const run = play(resumed, [b.observer], faithful);
    await b.exit();

    const all = buildDebrief(bundle.scenario, run.log, CATALOGUE).decisions.length;
    const inFirst = lrs.session(first.sessionId).filter((s) => VERB(s) === 'answered').length;
    const inSecond = lrs.session(second.sessionId);
    expect(inFirst).toBe(3);
    expect(inSecond.filter((s) => VERB(s) === 'answered')).toHaveLength(all - 3);
    expect(checkCmi5Session(lrs.session(first.sessionId), first)).toEqual([]);
    expect(checkCmi5Session(inSecond, second, lrs.session(first.sessionId))).toEqual([]);
  });

  it('does not send completed or passed twice in a registration', async () => {
    const first = launchFor();
    const a = await connect(first);
    play(openSession(bundle, [a.observer]), [a.observer], faithful);
    await a.exit();
    const second = lrs.launch({
      publisherId: first.publisherId,
      activityId: first.activityId,
      registration: first.registration,
      masteryScore: 0.7,
    });
    const b = await connect(second);
    play(openSession(bundle, [b.observer]), [b.observer], reckless);
    play(openSession(bundle, [b.observer]), [b.observer], faithful);
    await b.exit();
    const again = lrs.session(second.sessionId).map(VERB);
    expect(again.filter((v) => v !== 'answered')).toEqual(['initialized', 'terminated']);
    expect(checkCmi5Session(lrs.session(second.sessionId), second, lrs.session(first.sessionId))).toEqual([]);
  });

  it('keeps the one-time token across a reload, and says why when it cannot get one', async () => {
    const launch = launchFor();
    const store = memoryStore();
    const a = await connect(launch, { tokenStore: store });
    expect(a.state().status).toBe('recording');
    const reloaded = await connect(launch, { tokenStore: store });
    expect(reloaded.state().status).toBe('recording');
    const withoutStore = await connect(launch);
    expect(withoutStore.state()).toEqual({
      status: 'failed',
      problem: 'the LMS refused the session token: The authorization token has already been returned.',
    });
    await a.exit();
  });

  it('plays on, reporting nothing, when the LMS cannot be reached', async () => {
    const launch = launchFor();
    const dead = await startTestLrs();
    await dead.close();
    const read = readCmi5Launch(
      `?${launch.query.replace(encodeURIComponent(lrs.endpoint), encodeURIComponent(dead.endpoint))}`,
    )!;
    if ('problem' in read) throw new Error(read.problem);
    const lms: LmsConnection = await connectCmi5({
      launch: { ...read, fetch: `${dead.endpoint}../fetch/x` },
      scenario,
      fetch,
    });
    expect(lms.state().status).toBe('failed');
    expect(() => play(openSession(bundle, [lms.observer]), [lms.observer], faithful)).not.toThrow();
  });
});

describe('the cmi5 session check itself', () => {
  const launch: TestLaunch = {
    registration: '0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d6e',
    sessionId: 's-1',
    activityId: 'https://lms.example.test/a/1',
    publisherId: 'https://pocsim.org/xapi/scenarios/x',
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.test', name: 'u1' } },
    launchMode: 'Normal',
    masteryScore: 0.7,
    query: '',
  };
  const cat = (...ids: string[]) => ids.map((id) => ({ objectType: 'Activity', id }));
  const cmi5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  const moveOn = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  let n = 0;
  const st = (verb: string, result?: object, categories = cat(cmi5), extensions: object = {}) => ({
    id: `0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d${String(10 + n).padStart(2, '0')}`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString(),
    actor: launch.actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { objectType: 'Activity', id: launch.activityId },
    ...(result ? { result } : {}),
    context: {
      registration: launch.registration,
      contextActivities: { grouping: cat(launch.publisherId), category: categories },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1', ...extensions },
    },
  });
  const mastery = { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.7 };

  it('accepts a well-formed session and names each broken rule', () => {
    const good = [
      st('initialized'),
      st('completed', { completion: true, duration: 'PT1S' }, cat(cmi5, moveOn)),
      st('passed', { success: true, duration: 'PT1S', score: { scaled: 0.8 } }, cat(cmi5, moveOn), mastery),
      st('terminated', { duration: 'PT2S' }),
    ];
    expect(checkCmi5Session(good, launch)).toEqual([]);
    expect(checkCmi5Session([good[1]!, good[0]!, good[3]!], launch)).toContain(
      'the first statement is not initialized',
    );
    expect(checkCmi5Session([...good, st('answered', {}, [])], launch)).toContain(
      'statements after terminated (#5 answered)',
    );
    const low = st(
      'passed',
      { success: true, duration: 'PT1S', score: { scaled: 0.5 } },
      cat(cmi5, moveOn),
      mastery,
    );
    expect(checkCmi5Session([good[0]!, low, good[3]!], launch).join()).toMatch(
      /contradicts the mastery score/,
    );
    const allowedWithCategory = st('answered', { response: 'a' }, cat(cmi5));
    expect(checkCmi5Session([good[0]!, allowedWithCategory, good[3]!], launch).join()).toMatch(
      /cmi5 verb|cmi5 category/,
    );
    expect(checkCmi5Session([good[0]!, good[1]!, good[3]!], launch, [good[1]!])).toContain(
      'completed more than once in the registration',
    );
  });
});
