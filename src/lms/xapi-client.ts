// why: the few xAPI calls a cmi5 AU makes, over the browser's fetch; tests run them against a real
// HTTP server (the test LRS), not a mock of this module.

/** The xAPI version pocsim speaks. */
export const XAPI_VERSION = '1.0.3';

type FetchLike = typeof fetch;

/** A failed call to the LMS, with what to tell the trainee. */
export class LmsRequestError extends Error {
  override name = 'LmsRequestError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** POSTs to the cmi5 fetch URL once and returns the auth token (cmi5 §8.2). */
export async function fetchAuthToken(fetchUrl: string, fetchImpl: FetchLike): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(fetchUrl, { method: 'POST', credentials: 'omit' });
  } catch (e) {
    throw new LmsRequestError(`the LMS token address could not be reached (${(e as Error).message})`, 0);
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const token = body?.['auth-token'];
  if (response.ok && typeof token === 'string' && token) return token;
  const why = typeof body?.['error-text'] === 'string' ? body['error-text'] : `HTTP ${response.status}`;
  throw new LmsRequestError(`the LMS refused the session token: ${why}`, response.status);
}

/** Identifies a state document: the AU, the learner and the registration. */
export interface StateScope {
  activityId: string;
  agent: Record<string, unknown>;
  registration: string;
}

/** The calls pocsim makes to the LMS's xAPI endpoint. */
export interface XapiClient {
  sendStatement(statement: object, options?: { keepalive?: boolean }): Promise<void>;
  /** Sends several statements in one request, in order (the LRS takes all or none). */
  sendStatements(statements: readonly object[], options?: { keepalive?: boolean }): Promise<void>;
  /** A state document, or null when there is none. */
  getState(stateId: string, scope: StateScope): Promise<unknown>;
  putState(
    stateId: string,
    scope: StateScope,
    document: object,
    options?: { keepalive?: boolean },
  ): Promise<void>;
  /** An agent profile document, or null when there is none or the LMS does not share it. */
  getAgentProfile(profileId: string, agent: Record<string, unknown>): Promise<unknown>;
}

/** An xAPI client for the launch's endpoint and auth token. */
export function createXapiClient(endpoint: string, token: string, fetchImpl: FetchLike): XapiClient {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const headers = (json: boolean): Record<string, string> => ({
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': XAPI_VERSION,
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  const call = async (path: string, init: RequestInit, what: string): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(base + path, { credentials: 'omit', ...init });
    } catch (e) {
      throw new LmsRequestError(`${what}: the LMS could not be reached (${(e as Error).message})`, 0);
    }
    if (!response.ok && response.status !== 404) {
      const detail = await response.text().catch(() => '');
      throw new LmsRequestError(
        `${what}: the LMS answered HTTP ${response.status}${detail ? ` (${detail.slice(0, 200)})` : ''}`,
        response.status,
      );
    }
    return response;
  };
  const stateQuery = (stateId: string, s: StateScope) =>
    `activities/state?${new URLSearchParams({
      stateId,
      activityId: s.activityId,
      agent: JSON.stringify(s.agent),
      registration: s.registration,
    })}`;
  const readJson = async (r: Response) => (r.status === 404 ? null : r.json().catch(() => null));

  return {
    async sendStatement(statement, options) {
      const r = await call(
        'statements',
        {
          method: 'POST',
          headers: headers(true),
          body: JSON.stringify(statement),
          keepalive: !!options?.keepalive,
        },
        'sending a statement',
      );
      if (r.status === 404)
        throw new LmsRequestError('sending a statement: no statements resource (HTTP 404)', 404);
    },
    async sendStatements(statements, options) {
      await call(
        'statements',
        {
          method: 'POST',
          headers: headers(true),
          body: JSON.stringify(statements),
          keepalive: !!options?.keepalive,
        },
        'sending statements',
      );
    },
    async getState(stateId, scope) {
      return readJson(
        await call(stateQuery(stateId, scope), { headers: headers(false) }, `reading ${stateId}`),
      );
    },
    async putState(stateId, scope, document, options) {
      await call(
        stateQuery(stateId, scope),
        {
          method: 'PUT',
          headers: headers(true),
          body: JSON.stringify(document),
          keepalive: !!options?.keepalive,
        },
        `saving ${stateId}`,
      );
    },
    async getAgentProfile(profileId, agent) {
      try {
        const query = new URLSearchParams({ profileId, agent: JSON.stringify(agent) });
        return await readJson(
          await call(`agents/profile?${query}`, { headers: headers(false) }, 'reading preferences'),
        );
      } catch {
        // why: cmi5 §11 lets an LMS refuse the learner preferences; the AU then uses its own defaults.
        return null;
      }
    },
  };
}
