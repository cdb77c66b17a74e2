/**
 * The app's addresses. Every screen has one, kept in the part after `#` (the app is served from
 * any folder with relative asset paths, from an LMS package, and offline from one cached page,
 * so only the hash can change without the server knowing): `#/` the menu, `#/scenario/<id>` its
 * briefing, `/play`, `/debrief` and `/break` after it, `#/author`, `#/cohort`,
 * `#/console[/<exercise>]`, `#/projector/<exercise>`. The older `#author`, `#console/x`… still open
 * the same screens: the router ignores the slash after `#`.
 */

/** What a trainee's scenario screens are called in their address. */
export type ScenarioView = 'briefing' | 'play' | 'debrief' | 'break';

export const address = {
  menu: '/',
  author: '/author',
  cohort: '/cohort',
  console: (exercise?: string | null) => (exercise ? `/console/${exercise}` : '/console'),
  projector: (exercise: string) => `/projector/${exercise}`,
  /** A bundled scenario's screens; a trainer's own file previewed from `/author` lives under `/preview`. */
  scenario: (id: string, view: ScenarioView = 'briefing', preview = false) =>
    `/${preview ? 'preview' : 'scenario'}/${id}${view === 'briefing' ? '' : `/${view}`}`,
};

/** The route patterns of the scenario screens, for the router. */
export const SCENARIO_ROUTE = '/scenario/:id/:view?';
export const PREVIEW_ROUTE = '/preview/:id/:view?';

/** Reads the view part of a scenario address; anything unknown is the briefing. */
export function scenarioViewOf(view: string | undefined): ScenarioView | null {
  if (view === undefined) return 'briefing';
  return view === 'play' || view === 'debrief' || view === 'break' ? view : null;
}

/** A screen the page can be asked to open on (tests, and the older start option). */
export type StartScreen = 'menu' | 'author' | 'cohort' | { console: string | null } | { projector: string };

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The screen an older hash address opens; unknown addresses open the menu. */
export function startScreenFor(hash: string): StartScreen {
  const path = `/${hash.replace(/^#?\/?/, '')}`;
  if (path === address.author) return 'author';
  if (path === address.cohort) return 'cohort';
  const [, first, second, ...rest] = path.split('/');
  if (rest.length) return 'menu';
  if (first === 'console' && (second === undefined || ID.test(second))) return { console: second ?? null };
  if (first === 'projector' && second && ID.test(second)) return { projector: second };
  return 'menu';
}

/** The address of a start screen. */
export function addressOfStart(start: StartScreen): string {
  if (start === 'menu') return address.menu;
  if (start === 'author' || start === 'cohort') return address[start];
  return 'projector' in start ? address.projector(start.projector) : address.console(start.console);
}

/** The address the page was opened on, in the router's form (`#author` and `#/author` alike). */
export function addressOfHash(hash: string): string {
  return `/${hash.replace(/^#?\/?/, '')}`;
}
