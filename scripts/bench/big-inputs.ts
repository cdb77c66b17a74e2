// Big but legal inputs in headless Chromium (review defects 6 and 8), on a built app:
// - the cohort view opening 500 ordinary run files (a training centre's year) and 50 run files of
//   about 1 MB each: time from picking the folder to the table, and the longest main-thread task;
// - the menu of a browser holding 20,000 runs in progress (as after importing a big backup): time
//   from navigation to the menu with its runs to continue, the longest main-thread task, and how
//   many elements the page holds;
// - importing a backup of 20,000 runs through the menu: time to the report, longest task.
// "Longest task" is the longest entry a PerformanceObserver of type 'longtask' saw (Chromium
// reports tasks over 50 ms): the longest time the page could not answer a click.
// BENCH_BEFORE_DIR=<folder of an older build> measures that build too, for a before/after table.
// BENCH_BIG_FILES (default 50) and BENCH_YEAR_FILES (default 500) change the cohort sizes;
// BENCH_PARTS=menu,year,big,import picks the measurements (default all). Each row is printed as it
// is measured, so a long run that is stopped still leaves its figures in the log.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { serializeBackup } from '../../src/storage/backup.ts';
import type { SavedRun } from '../../src/storage/saved-run.ts';
import { launchBrowser } from '../../test/e2e/harness.ts';
import { writeBigRuns, writeYearOfRuns } from '../../test/fixtures/cohort/big.ts';
import { loadBundledScenarios } from '../../test/fixtures/cohort/generate.ts';
import { type BenchRow, type BenchSection, round } from './section.ts';

const BIG = Number(process.env.BENCH_BIG_FILES ?? 50);
const YEAR = Number(process.env.BENCH_YEAR_FILES ?? 500);
const RUNS = 20_000;
const TIMEOUT = 900_000;

async function serve(outDir: string) {
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    async close() {
      (server.httpServer as Server).closeAllConnections?.();
      await server.close();
    },
  };
}

/** Records long tasks from the very start of every page of the context. */
const LONG_TASKS = `(() => {
  window.__longest = 0; window.__longTasks = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__longTasks++; window.__longest = Math.max(window.__longest, e.duration); } })
    .observe({ type: 'longtask', buffered: true });
})();`;
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

function savedRuns(scenario: { id: string; version: string }, count: number): SavedRun[] {
  return Array.from({ length: count }, (_, i) => {
    const savedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    return {
      id: `bulk-${i}`,
      status: 'in-progress',
      savedAt,
      run: {
        format: 'pocsim-run',
        formatVersion: 1,
        scenario,
        language: 'en',
        startedAt: savedAt,
        savedAt,
        log: [
          { type: 'clock.ticked', seconds: 12 },
          { type: 'decision.chosen', optionIds: ['alert-plan'] },
          { type: 'clock.ticked', seconds: 3 },
        ],
      },
    } as SavedRun;
  });
}

async function openCohort(browser: Browser, url: string, folder: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  await page.goto(`${url}#cohort`);
  await page.locator('h1').waitFor();
  const started = Date.now();
  await page.locator('input[data-cohort-input="folder"]').setInputFiles(folder);
  await page.locator('.cohort-table').waitFor({ timeout: TIMEOUT });
  const ms = Date.now() - started;
  const worst = await longest(page);
  await context.close();
  return { ms, worst };
}

async function menuWithRuns(browser: Browser, url: string, runs: SavedRun[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.scenario-card').first().waitFor();
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pocsim-runs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('runs', 'readwrite');
          for (const r of all) tx.objectStore('runs').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    runs,
  );
  const times: number[] = [];
  let worst = 0;
  let nodes = 0;
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await page.reload();
    await page
      .getByRole('region', { name: 'Continue where you stopped' })
      .getByRole('button')
      .first()
      .waitFor({
        timeout: TIMEOUT,
      });
    // the runs listed have replayed against their scenario (their Continue buttons are enabled)
    await page
      .locator('.saved-run button.button-primary:not([disabled])')
      .first()
      .waitFor({ timeout: TIMEOUT });
    times.push(Date.now() - started);
    worst = Math.max(worst, await longest(page));
    nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  }
  await context.close();
  return { ms: times.sort((a, b) => a - b)[1]!, worst, nodes };
}

async function importBackup(browser: Browser, url: string, file: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.scenario-card').first().waitFor();
  const input = page.locator('.backup-actions input[type=file]');
  await input.waitFor({ state: 'attached' });
  const started = Date.now();
  await input.setInputFiles(file);
  await page.getByText(/^Imported /).waitFor({ timeout: TIMEOUT });
  const ms = Date.now() - started;
  const worst = await longest(page);
  await context.close();
  return { ms, worst };
}

export async function run(): Promise<BenchSection> {
  const work = mkdtempSync(join(tmpdir(), 'pocsim-bench-big-'));
  const bundles = loadBundledScenarios();
  writeYearOfRuns(bundles, join(work, 'year'), YEAR);
  writeBigRuns(bundles[0]!, join(work, 'big'), BIG);
  const gate = bundles[0]!.scenario;
  const runs = savedRuns({ id: gate.id, version: gate.version }, RUNS);
  const backup = join(work, 'backup.json');
  writeFileSync(backup, serializeBackup({ runs, progress: {}, exportedAt: '2026-03-02T10:00:00.000Z' }));

  const outDir = join(work, 'dist');
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const builds: [string, string][] = [['now', outDir]];
  if (process.env.BENCH_BEFORE_DIR) builds.push(['before', process.env.BENCH_BEFORE_DIR]);
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  const parts = new Set((process.env.BENCH_PARTS ?? 'menu,year,big,import').split(','));
  const push = (...more: BenchRow[]) => {
    rows.push(...more);
    for (const r of more) console.log(`  ${r.metric}: ${r.value} ${r.unit}`);
  };
  try {
    for (const [label, dir] of builds) {
      const app = await serve(dir);
      try {
        if (parts.has('menu')) {
          const menu = await menuWithRuns(browser, app.url, runs);
          details[`${label}-menu`] = menu;
          push(
            {
              metric: `${label}: menu with ${RUNS} runs in progress, to its runs listed`,
              value: menu.ms,
              unit: 'ms',
            },
            {
              metric: `${label}: menu with ${RUNS} runs, longest main-thread task`,
              value: round(menu.worst),
              unit: 'ms',
            },
            {
              metric: `${label}: menu with ${RUNS} runs, elements in the page`,
              value: menu.nodes,
              unit: 'elements',
            },
          );
        }
        if (parts.has('year')) {
          const year = await openCohort(browser, app.url, join(work, 'year'));
          details[`${label}-year`] = year;
          push(
            {
              metric: `${label}: cohort of ${YEAR} run files, to the table`,
              value: year.ms,
              unit: 'ms',
              budget: '< 5000 ms',
              ok: year.ms < 5000,
            },
            {
              metric: `${label}: cohort of ${YEAR} run files, longest main-thread task`,
              value: round(year.worst),
              unit: 'ms',
            },
          );
        }
        if (parts.has('big') && (label === 'now' || process.env.BENCH_BEFORE_BIG)) {
          const big = await openCohort(browser, app.url, join(work, 'big'));
          details[`${label}-big`] = big;
          push(
            { metric: `${label}: cohort of ${BIG} files of ~1 MB, to the table`, value: big.ms, unit: 'ms' },
            {
              metric: `${label}: cohort of ${BIG} files of ~1 MB, longest main-thread task`,
              value: round(big.worst),
              unit: 'ms',
            },
          );
        }
        if (parts.has('import')) {
          const imported = await importBackup(browser, app.url, backup);
          details[`${label}-import`] = imported;
          push(
            {
              metric: `${label}: import of a ${RUNS}-run backup, to the report`,
              value: imported.ms,
              unit: 'ms',
            },
            {
              metric: `${label}: import of a ${RUNS}-run backup, longest main-thread task`,
              value: round(imported.worst),
              unit: 'ms',
            },
          );
        }
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { title: 'Big inputs: cohort files, many saved runs (headless Chromium)', rows, details };
}
