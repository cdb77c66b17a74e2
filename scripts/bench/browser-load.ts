// Time to the first decision and to the map in headless Chromium over a slow field link (1.6 Mbit/s
// down, 750 kbit/s up, 300 ms round trip, set through the DevTools Protocol), cold (a fresh profile:
// no cache, no service worker) and warm (the second visit, with the service worker controlling the
// page), median of several runs. The scenario opened is the one with the largest chunk, the one
// the first-load section counts.
//
// What is timed, in the page (performance.now(), from navigation start):
// - menu ready: the scenario's Open button on the menu is visible and enabled;
// - briefing ready: from the click on Open to the briefing's Start button visible and enabled;
// - first decision: from the click on Start to the decision's first option visible and focusable;
// - map ready: from the click on Start to the Phaser map's first drawn frame (the `pocsim:map-ready`
//   mark of src/map/situation-map.ts).
// "To the first decision" adds the three parts: what a trainee who clicks at once waits for; the
// benchmark's own reaction time between seeing a button and clicking it is left out (kept in the
// JSON as `wall`). Clicks are real mouse events, so sound loads at the first one, as for a trainee.
import type { Browser, BrowserContext } from 'playwright-core';
import { MAP_READY } from '../../src/map/situation-map.ts';
import {
  builtApp,
  pageScript,
  SLOW_LINK,
  selectors,
  serveBuilt,
  startChromium,
  throttle,
} from './browser-app.ts';
import { firstLoadOf } from './first-load.ts';
import { type BenchRow, type BenchSection, median, round } from './section.ts';

/** Runs of each kind (cold, warm); BENCH_BROWSER_RUNS overrides. */
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
/** CPU slowdown through Emulation.setCPUThrottlingRate (1: none); BENCH_CPU_SLOWDOWN overrides. */
const CPU_RATE = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const TIMEOUT = 120_000;
const VIEWPORT = { width: 1280, height: 900 };

interface Recorded {
  marks: { menu?: number; briefing?: number; decision?: number };
  clicks: { card?: number; start?: number };
}

/** One visit's figures, in milliseconds unless named otherwise. */
interface Visit {
  menu: number;
  briefing: number;
  decision: number;
  toDecision: number;
  mapAfterStart: number;
  toMap: number;
  /** Times as they happened, the benchmark's clicks included. */
  wall: { decision: number; map: number };
  /** Bytes that came over the network (headers included) before the first option was shown. */
  bytesToDecision: number;
  /** Every request until the map was ready: file, bytes over the network, start and end (ms). */
  requests: string[];
  controlled: boolean;
  /** From navigation to the service worker active with everything precached (the first visit). */
  offlineReady?: number | undefined;
}

/** Installed before any script of the page: records when each moment first holds, and the clicks. */
function recorder(sel: { card: string; start: string; option: string }) {
  const rec: Recorded = { marks: {}, clicks: {} };
  (globalThis as unknown as { __pocsimBench: Recorded }).__pocsimBench = rec;
  const shown = (el: Element | null): el is HTMLElement & { disabled?: boolean } =>
    !!el && (el as HTMLElement).checkVisibility() && !(el as HTMLButtonElement).disabled;
  const check = () => {
    const now = performance.now();
    if (rec.marks.menu === undefined && shown(document.querySelector(sel.card))) rec.marks.menu = now;
    if (rec.marks.briefing === undefined && shown(document.querySelector(sel.start)))
      rec.marks.briefing = now;
    if (rec.marks.decision === undefined) {
      const option = document.querySelector(sel.option);
      if (shown(option)) {
        option.focus({ preventScroll: true });
        if (document.activeElement === option) rec.marks.decision = now;
      }
    }
    if (rec.marks.decision !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target as Element;
      if (rec.clicks.card === undefined && target.closest(sel.card)) rec.clicks.card = performance.now();
      if (rec.clicks.start === undefined && target.closest(sel.start)) rec.clicks.start = performance.now();
    },
    true,
  );
}

/**
 * Opens the app, the scenario and its first decision over the slow link, then waits for the map.
 * With `offline`, then also waits for the service worker to have precached everything, telling
 * `offline` once the app is out of the way (the page stays open on the origin: its DevTools
 * session is what slows the worker's link).
 */
async function visit(
  context: BrowserContext,
  url: string,
  scenarioId: string,
  offline?: { mapReady(): void },
): Promise<Visit> {
  const sel = selectors(scenarioId);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await throttle(context, page, CPU_RATE);
  const marked = (name: keyof Recorded['marks']) =>
    page.waitForFunction(
      (n) => (globalThis as unknown as { __pocsimBench: Recorded }).__pocsimBench.marks[n] !== undefined,
      name,
      { timeout: TIMEOUT },
    );
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
  await marked('menu');
  await page.click(sel.card, { timeout: TIMEOUT });
  await marked('briefing');
  await page.click(sel.start, { timeout: TIMEOUT });
  await marked('decision');
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, MAP_READY, {
    timeout: TIMEOUT,
  });
  const got = await page.evaluate((mapMark) => {
    const resources = performance
      .getEntriesByType('resource')
      .map((r) => r as PerformanceResourceTiming)
      .map((r) => ({ name: r.name, bytes: r.transferSize, start: r.startTime, end: r.responseEnd }));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      rec: (globalThis as unknown as { __pocsimBench: Recorded }).__pocsimBench,
      map: performance.getEntriesByName(mapMark)[0]!.startTime,
      resources: [{ name: nav.name, bytes: nav.transferSize, start: 0, end: nav.responseEnd }, ...resources],
      controlled: navigator.serviceWorker?.controller != null,
    };
  }, MAP_READY);
  let offlineReady: number | undefined;
  if (offline) {
    // why: a light document of the same origin instead of the app, so the map's render loop does
    // not load the machine while the other runs go on; the worker stays attached, so still slowed.
    const origin = await page.evaluate(() => performance.timeOrigin);
    await page.goto(new URL('manifest.webmanifest', url).href, { waitUntil: 'commit', timeout: TIMEOUT });
    offline.mapReady();
    let timer: NodeJS.Timeout | undefined;
    const readyAt = await Promise.race([
      page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        return performance.timeOrigin + performance.now();
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the service worker took over 5 minutes to install')),
          300_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    offlineReady = readyAt - origin;
  }
  await page.close();
  if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
  const { marks, clicks } = got.rec;
  if (
    marks.menu === undefined ||
    marks.briefing === undefined ||
    marks.decision === undefined ||
    clicks.card === undefined ||
    clicks.start === undefined
  )
    throw new Error(`a moment was not recorded: ${JSON.stringify(got.rec)}`);
  const menu = marks.menu;
  const briefing = marks.briefing - clicks.card;
  const decision = marks.decision - clicks.start;
  const mapAfterStart = got.map - clicks.start;
  const before = got.resources.filter((r) => r.end <= marks.decision!);
  return {
    menu,
    briefing,
    decision,
    toDecision: menu + briefing + decision,
    mapAfterStart,
    toMap: menu + briefing + mapAfterStart,
    wall: { decision: marks.decision, map: got.map },
    bytesToDecision: before.reduce((n, r) => n + r.bytes, 0),
    requests: got.resources.map(
      (r) =>
        `${new URL(r.name).pathname.split('/').pop() || 'index.html'} ${r.bytes} B ${Math.round(r.start)}–${Math.round(r.end)} ms`,
    ),
    controlled: got.controlled,
    offlineReady,
  };
}

/** Cold: a fresh profile with no cache and service workers blocked. */
async function coldVisit(browser: Browser, url: string, scenarioId: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript({ content: pageScript(recorder, selectors(scenarioId)) });
  try {
    return await visit(context, url, scenarioId);
  } finally {
    await context.close();
  }
}

/** Warm: a fresh profile visited once (at full speed) until its service worker is active, then visited again. */
async function warmVisit(browser: Browser, url: string, scenarioId: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: pageScript(recorder, selectors(scenarioId)) });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated')
        await new Promise((done) =>
          worker.addEventListener('statechange', () => worker.state === 'activated' && done(0)),
        );
    });
    await page.close();
    const warm = await visit(context, url, scenarioId);
    if (!warm.controlled) throw new Error('the second visit was not controlled by the service worker');
    return warm;
  } finally {
    await context.close();
  }
}

/** The first visit as it happens: the service worker registers and precaches over the same slow link. */
async function firstVisit(
  browser: Browser,
  url: string,
  scenarioId: string,
  mapReady: () => void,
): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: pageScript(recorder, selectors(scenarioId)) });
  try {
    return await visit(context, url, scenarioId, { mapReady });
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchSection> {
  const app = await builtApp();
  const scenario = firstLoadOf(app).largestScenario;
  const served = await serveBuilt(app);
  const browser = await startChromium();
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  let first: Visit;
  try {
    // why: precaching over the slow link takes over a minute of mostly waiting; the cold and warm
    // runs go on meanwhile, once the first visit's page has its map (so no two pages load at once).
    let mapReady!: () => void;
    const mapped = new Promise<void>((done) => {
      mapReady = done;
    });
    const firstRun = firstVisit(browser, served.url, scenario.id, mapReady);
    firstRun.catch(() => undefined);
    await Promise.race([mapped, firstRun]);
    // why: cold and warm alternate, so load from other work on the machine falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      cold.push(await coldVisit(browser, served.url, scenario.id));
      warm.push(await warmVisit(browser, served.url, scenario.id));
    }
    first = await firstRun;
  } finally {
    await browser.close();
    await served.close();
  }
  const med = (visits: Visit[], pick: (v: Visit) => number) => Math.round(median(visits.map(pick)));
  const spread = (visits: Visit[], pick: (v: Visit) => number) => {
    const xs = visits.map(pick);
    return `runs ${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
  };
  const rows: BenchRow[] = [];
  for (const [kind, visits] of [
    ['cold', cold],
    ['warm', warm],
  ] as const) {
    const row = (metric: string, pick: (v: Visit) => number): BenchRow => ({
      metric: `${kind}: ${metric}`,
      value: med(visits, pick),
      unit: 'ms',
      note: spread(visits, pick),
    });
    rows.push(
      row('to the first decision, from navigation', (v) => v.toDecision),
      row('  menu ready, from navigation', (v) => v.menu),
      row('  briefing ready, after Open', (v) => v.briefing),
      row('  first option focusable, after Start', (v) => v.decision),
      row('to map ready, from navigation', (v) => v.toMap),
      row('  map ready, after Start', (v) => v.mapAfterStart),
      {
        metric: `${kind}: bytes over the network before the first decision`,
        value: round(median(visits.map((v) => v.bytesToDecision)) / 1024, 3),
        unit: 'KiB',
      },
    );
  }
  rows.push(
    {
      metric: 'first visit with the service worker precaching: to the first decision',
      value: Math.round(first.toDecision),
      unit: 'ms',
      note: 'one run',
    },
    { metric: '  to map ready, from navigation', value: Math.round(first.toMap), unit: 'ms' },
    {
      metric: '  offline-ready (everything precached), from navigation',
      value: round((first.offlineReady ?? Number.NaN) / 1000, 3),
      unit: 's',
    },
  );
  return {
    title: `Load in headless Chromium over ${SLOW_LINK.downloadThroughput * 0.008} kbit/s down, ${SLOW_LINK.uploadThroughput * 0.008} kbit/s up, ${SLOW_LINK.latency} ms round trip; CPU ${CPU_RATE > 1 ? `slowed ${CPU_RATE}×` : 'not slowed'}; median of ${RUNS} (scenario ${scenario.id})`,
    rows,
    details: {
      scenario: scenario.id,
      link: SLOW_LINK,
      cpuSlowdown: CPU_RATE,
      runs: RUNS,
      cold,
      warm,
      first,
    },
  };
}
