// why: this small module is all an LMS build loads before it knows whether an LMS launched it; the
// adapters (and the scoring they need) are imported only once a launch is found.

/** The launch parameters a cmi5 LMS appends to the AU's URL (cmi5 §8.1). */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

/** The SCORM 1.2 runtime API an LMS exposes as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** An LMS launch found in the page: cmi5 parameters, or a SCORM 1.2 API in a parent or opener window. */
export type LmsLaunch =
  | { kind: 'cmi5'; launch: Cmi5Launch }
  | { kind: 'cmi5'; problem: string }
  | { kind: 'scorm12'; api: Scorm12Api };

const CMI5_PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** Reads cmi5 launch parameters from a query string; null when it is not a cmi5 launch. */
export function readCmi5Launch(search: string): Cmi5Launch | { problem: string } | null {
  const params = new URLSearchParams(search);
  if (!params.has('endpoint') || !params.has('fetch')) return null;
  const missing = CMI5_PARAMS.filter((p) => !params.get(p));
  if (missing.length) return { problem: `the launch address lacks ${missing.join(', ')}` };
  let actor: unknown;
  try {
    actor = JSON.parse(params.get('actor')!);
  } catch {
    return { problem: 'the launch address carries an actor that is not JSON' };
  }
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor))
    return { problem: 'the launch address carries an actor that is not an xAPI Agent' };
  return {
    endpoint: params.get('endpoint')!,
    fetch: params.get('fetch')!,
    actor: actor as Record<string, unknown>,
    registration: params.get('registration')!,
    activityId: params.get('activityId')!,
  };
}

/** How many parent windows the search climbs, as ADL's reference algorithm does. */
const MAX_PARENTS = 7;

function apiIn(win: Window): Scorm12Api | null {
  let here: Window = win;
  for (let i = 0; i <= MAX_PARENTS; i++) {
    try {
      const api = (here as Window & { API?: Scorm12Api }).API;
      if (api && typeof api.LMSInitialize === 'function') return api;
    } catch {
      // why: a parent from another origin refuses access; the API is not there.
      return null;
    }
    if (!here.parent || here.parent === here) return null;
    here = here.parent;
  }
  return null;
}

/** Finds a SCORM 1.2 API in this window, its parents, or its opener and the opener's parents. */
export function findScorm12Api(win: Window): Scorm12Api | null {
  const found = apiIn(win);
  if (found) return found;
  try {
    return win.opener ? apiIn(win.opener as Window) : null;
  } catch {
    return null;
  }
}

/** Looks for the launch of the given kind of LMS package; null when the page was opened directly. */
export function detectLmsLaunch(win: Window, kind: 'cmi5' | 'scorm12'): LmsLaunch | null {
  if (kind === 'cmi5') {
    const read = readCmi5Launch(win.location.search);
    if (!read) return null;
    return 'problem' in read ? { kind, problem: read.problem } : { kind, launch: read };
  }
  const api = findScorm12Api(win);
  return api ? { kind, api } : null;
}
