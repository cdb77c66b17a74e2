import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import validation from '@learninglocker/xapi-validation';
import { CMI5 } from '../../src/lms/xapi-vocabulary.ts';

// why: the cmi5 AU is tested against a real HTTP service that behaves as an LMS's LRS does (one-time
// token, LMS.LaunchData, state and agent profile documents, statements, CORS), validating every
// statement with Learning Locker's validator, not against a mock of pocsim's own client.

type Json = Record<string, any>;

// why: the package is CommonJS with `exports.default`; bundlers and Node interop disagree on the default.
const validateStatement: (s: unknown) => { path: string[]; typeName?: string; data?: unknown }[] =
  (validation as any).default ?? validation;

/** One AU launch the test LMS prepared. */
export interface TestLaunch {
  registration: string;
  sessionId: string;
  activityId: string;
  publisherId: string;
  actor: Json;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  /** The query string to append to the AU's URL. */
  query: string;
}

/** A statement as the LRS received it. */
export interface ReceivedStatement {
  statement: Json;
  /** Learning Locker's validation warnings, formatted. */
  warnings: string[];
  receivedAt: number;
}

export interface TestLrs {
  /** Base URL of the xAPI endpoint (ends with "/"). */
  endpoint: string;
  statements: ReceivedStatement[];
  /** Every request, as "METHOD path", in order. */
  requests: string[];
  /**
   * Outage switches: `down` answers 503 to every xAPI request (statements and state) without
   * keeping it; `loseAnswers` keeps what it is sent but answers 503, as when the answer is lost
   * on the way back; statements of a session in `closedSessions` are refused (403), as an LMS
   * may once it has marked a session abandoned.
   */
  outage: { down: boolean; loseAnswers: boolean; closedSessions: Set<string> };
  /** Statements sent again under an id the LRS already held (kept once, as xAPI requires). */
  repeats: string[];
  /** How many requests were kept but answered as lost (503) while `loseAnswers` was on. */
  lost(): number;
  /** Prepares a launch: registration, session, LMS.LaunchData and a one-time fetch URL. */
  launch(options: {
    publisherId: string;
    activityId?: string;
    registration?: string;
    launchMode?: TestLaunch['launchMode'];
    masteryScore?: number;
    returnURL?: string;
    languagePreference?: string;
  }): TestLaunch;
  /** The statements of one session, in the order received. */
  session(sessionId: string): Json[];
  /** A state document as stored. */
  state(stateId: string, launch: TestLaunch): unknown;
  close(): Promise<void>;
}

const STATEMENT_ORDER_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
const DEFINED_VERBS = new Set(Object.values(STATEMENT_ORDER_VERBS));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Starts the test LRS on a free loopback port. */
export async function startTestLrs(): Promise<TestLrs> {
  const statements: ReceivedStatement[] = [];
  const requests: string[] = [];
  const outage = { down: false, loseAnswers: false, closedSessions: new Set<string>() };
  const repeats: string[] = [];
  let lost = 0;
  const byId = new Map<string, string>();
  const tokens = new Map<string, { token: string; used: boolean }>();
  const documents = new Map<string, string>();
  const profiles = new Map<string, string>();
  const validTokens = new Set<string>();

  const stateKey = (q: URLSearchParams) =>
    JSON.stringify([
      q.get('stateId'),
      q.get('activityId'),
      JSON.parse(q.get('agent') ?? 'null'),
      q.get('registration'),
    ]);

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'X-Experience-API-Version');
    if (req.method === 'OPTIONS') return end(res, 204);
    const body = await readBody(req);

    if (url.pathname.startsWith('/fetch/')) {
      const entry = tokens.get(url.pathname.slice('/fetch/'.length));
      if (req.method !== 'POST' || !entry)
        return json(res, 200, { 'error-code': '2', 'error-text': 'unknown fetch URL' });
      if (entry.used)
        return json(res, 200, {
          'error-code': '1',
          'error-text': 'The authorization token has already been returned.',
        });
      entry.used = true;
      return json(res, 200, { 'auth-token': entry.token });
    }
    if (!url.pathname.startsWith('/xapi/')) return end(res, 404);
    if (outage.down) return end(res, 503, 'the LRS is down for maintenance');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Basic ') || !validTokens.has(auth.slice(6))) return end(res, 401, 'bad token');
    if (!req.headers['x-experience-api-version'])
      return end(res, 400, 'X-Experience-API-Version header missing');
    const resource = url.pathname.slice('/xapi/'.length);

    if (resource === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return end(res, 400, 'statement is not JSON');
      }
      const list = (Array.isArray(parsed) ? parsed : [parsed]) as Json[];
      // why: xAPI keeps one statement per id: the same statement again changes nothing, a
      // different one under a known id is a conflict (409).
      for (const s of list) {
        if (req.method === 'PUT') s.id ??= url.searchParams.get('statementId');
        if (outage.closedSessions.has(s.context?.extensions?.[CMI5.sessionId]))
          return end(res, 403, 'that session was abandoned; its statements are no longer accepted');
        const known = typeof s.id === 'string' ? byId.get(s.id) : undefined;
        if (known !== undefined && known !== JSON.stringify(s))
          return end(res, 409, `statement ${s.id} already exists with other content`);
      }
      for (const s of list) {
        if (typeof s.id === 'string' && byId.has(s.id)) {
          repeats.push(s.id);
          continue;
        }
        const warnings = validateStatement(s).map(
          (w) => `${w.path.join('.')}: not a valid ${w.typeName ?? 'value'} (${JSON.stringify(w.data)})`,
        );
        statements.push({ statement: s, warnings, receivedAt: Date.now() });
        if (warnings.length) return end(res, 400, warnings.join('\n'));
        if (typeof s.id === 'string') byId.set(s.id, JSON.stringify(s));
      }
      if (outage.loseAnswers) {
        lost++;
        return end(res, 503, 'answer lost');
      }
      return req.method === 'PUT'
        ? end(res, 204)
        : json(
            res,
            200,
            list.map((s) => s.id),
          );
    }
    if (resource === 'activities/state') {
      const key = stateKey(url.searchParams);
      if (req.method === 'GET') {
        const doc = documents.get(key);
        return doc === undefined ? end(res, 404) : send(res, 200, doc, 'application/json');
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        documents.set(key, body);
        return end(res, outage.loseAnswers ? 503 : 204);
      }
      if (req.method === 'DELETE') {
        documents.delete(key);
        return end(res, 204);
      }
    }
    if (resource === 'agents/profile' && req.method === 'GET') {
      const doc = profiles.get(`${url.searchParams.get('profileId')}|${url.searchParams.get('agent')}`);
      return doc === undefined ? end(res, 404) : send(res, 200, doc, 'application/json');
    }
    return end(res, 405);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint = `${base}/xapi/`;

  return {
    endpoint,
    statements,
    requests,
    outage,
    repeats,
    lost: () => lost,
    launch(o) {
      const registration = o.registration ?? randomUUID();
      const sessionId = randomUUID();
      const activityId = o.activityId ?? `https://lms.example.test/activities/${randomUUID()}`;
      const actor = {
        objectType: 'Agent',
        name: 'Trainee Aminata',
        account: { homePage: 'https://lms.example.test', name: 'trainee-042' },
      };
      const launchMode = o.launchMode ?? 'Normal';
      const launchData: Json = {
        contextTemplate: {
          contextActivities: { grouping: [{ objectType: 'Activity', id: o.publisherId }] },
          extensions: { [CMI5.sessionId]: sessionId },
        },
        launchMode,
        moveOn: 'CompletedAndPassed',
        launchMethod: 'AnyWindow',
      };
      if (o.masteryScore !== undefined) launchData.masteryScore = o.masteryScore;
      if (o.returnURL) launchData.returnURL = o.returnURL;
      const stateQuery = new URLSearchParams({
        stateId: CMI5.launchDataState,
        activityId,
        agent: JSON.stringify(actor),
        registration,
      });
      documents.set(stateKey(stateQuery), JSON.stringify(launchData));
      if (o.languagePreference)
        profiles.set(
          `${CMI5.learnerPreferences}|${JSON.stringify(actor)}`,
          JSON.stringify({ languagePreference: o.languagePreference, audioPreference: 'on' }),
        );
      const key = randomUUID();
      const token = Buffer.from(`${key}:${randomUUID()}`).toString('base64');
      tokens.set(key, { token, used: false });
      validTokens.add(token);
      const query = new URLSearchParams({
        endpoint,
        fetch: `${base}/fetch/${key}`,
        actor: JSON.stringify(actor),
        registration,
        activityId,
      }).toString();
      return {
        registration,
        sessionId,
        activityId,
        publisherId: o.publisherId,
        actor,
        launchMode,
        ...(o.masteryScore !== undefined ? { masteryScore: o.masteryScore } : {}),
        query,
      };
    },
    session: (sessionId) =>
      statements.map((r) => r.statement).filter((s) => s.context?.extensions?.[CMI5.sessionId] === sessionId),
    state(stateId, l) {
      const doc = documents.get(
        stateKey(
          new URLSearchParams({
            stateId,
            activityId: l.activityId,
            agent: JSON.stringify(l.actor),
            registration: l.registration,
          }),
        ),
      );
      return doc === undefined ? undefined : JSON.parse(doc);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Checks one AU session's statements against the cmi5 rules on order and required fields
 * (cmi5 §7.1, §9.1-9.7, §10 launchMode). `earlier` holds the statements of the registration's
 * previous sessions, for the rules that span a registration.
 */
export function checkCmi5Session(session: Json[], launch: TestLaunch, earlier: Json[] = []): string[] {
  const problems: string[] = [];
  const verbOf = (s: Json) => String(s.verb?.id ?? '');
  const name = (s: Json, i: number) => `#${i + 1} ${verbOf(s).split('/').pop()}`;
  if (!session.length) return ['no statements in the session'];
  if (verbOf(session[0]!) !== STATEMENT_ORDER_VERBS.initialized)
    problems.push('the first statement is not initialized');
  const terminatedAt = session.findIndex((s) => verbOf(s) === STATEMENT_ORDER_VERBS.terminated);
  if (terminatedAt === -1) problems.push('no terminated statement');
  else if (terminatedAt !== session.length - 1)
    problems.push(`statements after terminated (${name(session[terminatedAt + 1]!, terminatedAt + 1)})`);

  const seen = new Set<string>();
  let judged = 0;
  for (const [i, s] of session.entries()) {
    const at = name(s, i);
    const verb = verbOf(s);
    const ctx = s.context ?? {};
    const categories: string[] = (ctx.contextActivities?.category ?? []).map((a: Json) => a.id);
    const defined = DEFINED_VERBS.has(verb) && categories.includes(CMI5.categoryCmi5);
    if (!UUID.test(String(s.id))) problems.push(`${at}: id is not a UUID`);
    if (typeof s.timestamp !== 'string' || !s.timestamp.endsWith('Z'))
      problems.push(`${at}: no UTC timestamp`);
    if (i > 0 && Date.parse(s.timestamp) < Date.parse(session[i - 1]!.timestamp))
      problems.push(`${at}: timestamp earlier than the statement before`);
    if (JSON.stringify(s.actor) !== JSON.stringify(launch.actor))
      problems.push(`${at}: actor differs from the launch actor`);
    if (ctx.registration !== launch.registration) problems.push(`${at}: registration missing or wrong`);
    if (ctx.extensions?.[CMI5.sessionId] !== launch.sessionId)
      problems.push(`${at}: session id missing or wrong`);
    if (!(ctx.contextActivities?.grouping ?? []).some((a: Json) => a.id === launch.publisherId))
      problems.push(`${at}: publisher id grouping from the context template missing`);
    const r = s.result ?? {};
    const moveOn = categories.includes(CMI5.categoryMoveOn);
    if (DEFINED_VERBS.has(verb) && !defined) problems.push(`${at}: cmi5 verb without the cmi5 category`);
    if (!defined) {
      if (categories.includes(CMI5.categoryCmi5))
        problems.push(`${at}: allowed statement carries the cmi5 category`);
      if (moveOn) problems.push(`${at}: allowed statement carries the moveOn category`);
      continue;
    }
    if (s.object?.id !== launch.activityId) problems.push(`${at}: object is not the AU's activityId`);
    if (seen.has(verb)) problems.push(`${at}: verb repeated in the session`);
    seen.add(verb);
    const wantsMoveOn = 'success' in r || 'completion' in r;
    if (wantsMoveOn !== moveOn)
      problems.push(
        `${at}: moveOn category ${moveOn ? 'on a statement without' : 'missing on a statement with'} success/completion`,
      );
    if ('score' in r && verb !== STATEMENT_ORDER_VERBS.passed && verb !== STATEMENT_ORDER_VERBS.failed)
      problems.push(`${at}: score on a statement that may not carry one`);
    if ('success' in r && verb !== STATEMENT_ORDER_VERBS.passed && verb !== STATEMENT_ORDER_VERBS.failed)
      problems.push(`${at}: success on a statement that may not carry it`);
    if ('completion' in r && verb !== STATEMENT_ORDER_VERBS.completed)
      problems.push(`${at}: completion on a statement other than completed`);
    const mastery = launch.masteryScore;
    switch (verb) {
      case STATEMENT_ORDER_VERBS.completed:
        if (r.completion !== true || !r.duration)
          problems.push(`${at}: needs completion true and a duration`);
        break;
      case STATEMENT_ORDER_VERBS.passed:
      case STATEMENT_ORDER_VERBS.failed: {
        judged++;
        const passed = verb === STATEMENT_ORDER_VERBS.passed;
        if (r.success !== passed || !r.duration)
          problems.push(`${at}: needs success ${passed} and a duration`);
        const scaled = r.score?.scaled;
        if (mastery !== undefined) {
          if (ctx.extensions?.[CMI5.masteryScore] !== mastery)
            problems.push(`${at}: masteryScore extension missing`);
          if (typeof scaled === 'number' && (passed ? scaled < mastery : scaled >= mastery))
            problems.push(`${at}: scaled score ${scaled} contradicts the mastery score ${mastery}`);
        }
        break;
      }
      case STATEMENT_ORDER_VERBS.terminated:
        if (!r.duration) problems.push(`${at}: terminated needs a duration`);
        break;
    }
    if (
      launch.launchMode !== 'Normal' &&
      verb !== STATEMENT_ORDER_VERBS.initialized &&
      verb !== STATEMENT_ORDER_VERBS.terminated
    )
      problems.push(`${at}: ${launch.launchMode} mode allows only initialized and terminated`);
  }
  if (judged > 1) problems.push('more than one of passed/failed in the session');
  const definedVerbs = (list: Json[]) =>
    list
      .filter((s) =>
        (s.context?.contextActivities?.category ?? []).some((a: Json) => a.id === CMI5.categoryCmi5),
      )
      .map(verbOf);
  const all = [...definedVerbs(earlier), ...definedVerbs(session)];
  if (all.filter((v) => v === STATEMENT_ORDER_VERBS.completed).length > 1)
    problems.push('completed more than once in the registration');
  if (all.filter((v) => v === STATEMENT_ORDER_VERBS.passed).length > 1)
    problems.push('passed more than once in the registration');
  const passedAt = all.indexOf(STATEMENT_ORDER_VERBS.passed);
  if (passedAt !== -1 && all.slice(passedAt).includes(STATEMENT_ORDER_VERBS.failed))
    problems.push('failed after passed in the registration');
  return problems;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function end(res: ServerResponse, status: number, text = '') {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'X-Experience-API-Version': '1.0.3' });
  res.end(text);
}

function send(res: ServerResponse, status: number, text: string, type: string) {
  res.writeHead(status, { 'Content-Type': type, 'X-Experience-API-Version': '1.0.3' });
  res.end(text);
}

function json(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json');
}
