import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { parseRunFile } from '../../src/engine/results/run-file.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { parseBackup } from '../../src/storage/backup.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: trainees sit on slow, intermittent links; after one visit the whole app (the debrief, its
// exports and the map included) must work with the network gone, and the page must never reach
// another origin or run anything the Content-Security-Policy refuses.

const bundle = loadScenarioFolder('scenarios/15-1-base-gate').bundle as ScenarioBundle;
const title = bundle.texts.en![textKey.title()]!;

/** Every request a context makes, from its pages and its service worker. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Requests that left for another origin (data: and blob: URLs stay in the page). */
function foreign(urls: readonly string[], appUrl: string): string[] {
  const own = new URL(appUrl).origin;
  return urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== own);
}

/** Collects Content-Security-Policy violations the page reports. */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Opens a scenario from the menu and plays it to its debrief, taking the first option each time. */
async function playToDebrief(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Read the briefing: ${title}` }).click();
  await page.getByRole('button', { name: 'Start the scenario' }).click();
  const back = page.getByRole('button', { name: 'Back to scenarios' }).first();
  for (let i = 0; i < 100; i++) {
    const next = await Promise.race([
      back.waitFor().then(() => 'done' as const),
      page
        .locator('.options input')
        .first()
        .waitFor()
        .then(() => 'decide' as const),
      // a step's Continue, or the Go on after a decision's consequence
      page
        .locator('.continue button')
        .first()
        .waitFor()
        .then(() => 'continue' as const),
    ]);
    if (next === 'done') return;
    if (next === 'decide') {
      const heading = await page.locator('#step-title').textContent();
      await page.locator('.options input').first().check();
      await page.getByRole('button', { name: 'Confirm decision' }).click();
      await page.waitForFunction(
        (h) =>
          document.querySelector('#step-title')?.textContent !== h ||
          !document.querySelector('.options input'),
        heading,
      );
    } else await page.locator('.continue button').click();
  }
  throw new Error('the scenario did not reach its debrief in 100 steps');
}

describe('offline after one visit', () => {
  let app: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await serveApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows no CSP violation and asks no other origin on menu, play, map, debrief and author preview', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests = recordRequests(context);
    await watchCsp(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe');
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    await page.getByRole('button', { name: `Read the briefing: ${title}` }).click();
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    // the drawn map (Phaser) and the sound code (after the first gesture) load on the play screen
    await page.locator('.map-host canvas').waitFor();
    await page.keyboard.press('Shift');
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave the scenario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    await playToDebrief(page);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Back to scenarios' }).first().click();
    await page.getByText('For trainers and facilitators').click();
    await page.getByRole('button', { name: 'Preview your own scenario file' }).click();
    await page.getByLabel('Scenario and translation files').setInputFiles('test/fixtures/mini/scenario.yaml');
    await page.getByText(/states explored/).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreign(requests, app.url)).toEqual([]);
    await context.close();
  });

  it('offers a new version on the menu, never during a run, and switches to it when asked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.goto(app.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // a later visit: the page is now served by the worker
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('button', { name: `Read the briefing: ${title}` }).click();
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    await page.locator('#step-title').waitFor();

    // a new build is published while the trainee plays
    const swFile = join(app.outDir, 'sw.js');
    const sw = readFileSync(swFile, 'utf8');
    const published = sw.replace(
      /\{url:"index\.html",revision:"[0-9a-f]+"\}/,
      '{url:"index.html",revision:"new-build"}',
    );
    expect(published).not.toBe(sw);
    writeFileSync(swFile, published);
    // why: Chromium settles update() only long after the new worker waits, so the test does not await it.
    await page.evaluate(() => {
      void navigator.serviceWorker.getRegistration().then((r) => r?.update());
    });
    await page.waitForFunction(() =>
      navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state === 'installed'),
    );
    const notice = page.getByRole('complementary', { name: 'New version' });
    expect(await notice.count()).toBe(0);
    await page.locator('.options input').first().check();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    expect(await notice.count()).toBe(0);

    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave the scenario' }).click();
    await notice.getByText('A new version of pocsim is ready.').waitFor();
    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    const versions = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r?.waiting, controlled: !!navigator.serviceWorker.controller };
    });
    expect(versions).toEqual({ waiting: false, controlled: true });
    expect(await notice.count()).toBe(0);
    // the run left before the update is still there to continue
    await page.getByRole('button', { name: `Continue ${title}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reloads with the network off and plays a scenario to its debrief, its PDF and JSON exported', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const requests = recordRequests(context);
    await watchCsp(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    // the service worker activates once everything is precached
    const precached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      let count = 0;
      for (const name of names) count += (await (await caches.open(name)).keys()).length;
      return count;
    });
    expect(precached).toBeGreaterThan(50);

    await app.stop();
    await context.setOffline(true);
    const before = requests.length;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    // why: the server is stopped and the context offline, so the page can only have come from the
    // service worker (navigator.onLine no longer follows Playwright's offline emulation in Chromium 156)
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await playToDebrief(page);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.map-host canvas').count();

    await page.locator('#more-export summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the run (JSON)' }).click(),
    ]);
    const json = readFileSync((await download.path())!, 'utf8');
    const run = parseRunFile(json, download.suggestedFilename());
    expect(run.ok && run.run.scenario.id).toBe(bundle.scenario.id);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });

    // every run and the progress leave the browser in one file, still offline
    await page.getByRole('button', { name: 'Back to scenarios' }).first().click();
    const [backup] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all runs to a file' }).click(),
    ]);
    const read = parseBackup(readFileSync((await backup.path())!, 'utf8'), backup.suggestedFilename());
    expect(read.ok && read.runs.map((r) => [r.status, r.run.scenario.id])).toContainEqual([
      'finished',
      bundle.scenario.id,
    ]);

    // nothing reached the network: the server is gone and every request was answered from the cache
    const offline = requests.slice(before).filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offline.length).toBeGreaterThan(5);
    expect(foreign(requests, app.url)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('precaches the app shell, every scenario, the lazy screens, the map and the audio', () => {
    const distSw = readFileSync(join(app.outDir, 'sw.js'), 'utf8');
    for (const part of [
      'index.html',
      'manifest.webmanifest',
      'phaser-',
      'debrief-page-',
      'author-page-',
      'lint-worker-',
      'saved-runs-more-',
      'register-',
      'radio-',
      'alert-',
      '.mp3',
      ...['15-1-base-gate', '15-4-conflict-zone', '15-7-sv-aftermath'].map((id) => `${id}-`),
    ])
      expect(distSw, part).toContain(part);
  });
});
