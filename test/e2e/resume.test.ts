import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { parseBackup, serializeBackup } from '../../src/storage/backup.ts';
import type { SavedRun } from '../../src/storage/saved-run.ts';
import { axeViolations, tabWalk } from './a11y-support.ts';
import { CHROMIUM, CHROMIUM_FLAGS, launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: trainees share laptops and lose power; closing the browser mid-decision and coming back must
// find the run at the same step with the same time left, and a browser that refuses storage must
// still let the run go on, with a way to take it away as a file.

const bundle = loadScenarioFolder('scenarios/15-1-base-gate').bundle as ScenarioBundle;
const text = (key: string) => bundle.texts.en![key]!;
const title = text(textKey.title());
const scenario = bundle.scenario;

/** The option of the first decision that leads to a timed decision, and that timed step. */
function firstWayToATimedDecision(): { option: string; step: string; limit: number } {
  const first = scenario.steps.find((s) => s.id === scenario.start)!;
  for (const o of first.decision!.options) {
    const run = createRun(scenario, [{ type: 'decision.chosen', optionIds: [o.id] }]);
    const step = scenario.steps.find((s) => s.id === run.context().step)!;
    if (step.decision?.timeLimit) return { option: o.id, step: step.id, limit: step.decision.timeLimit };
  }
  throw new Error('no option of the first decision leads to a timed decision');
}

/** Seconds left on the countdown, read as the trainee sees it. */
const secondsLeft = async (page: Page) =>
  Number(/(\d+) seconds? left/.exec((await page.getByRole('timer').textContent()) ?? '')?.[1]);

/** The world variables as shown (the values the score and the endings rest on). */
const gauges = async (page: Page) =>
  (await page.locator('.gauge-value').allInnerTexts()).map((t) => /[\d,.\s]+\/[\d,.\s]+/.exec(t)?.[0].trim());

/** Every saved run in the browser's store, read straight from IndexedDB. */
const storedRuns = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; status: string; run: { log: { type: string; optionIds?: string[] }[] } }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('pocsim-runs');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('runs').objectStore('runs').getAll();
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        },
      ),
  );

/** A saved run of §15.1 as the store keeps it. */
function savedRun(
  id: string,
  status: SavedRun['status'],
  log: SavedRun['run']['log'],
  version = scenario.version,
): SavedRun {
  return {
    id,
    status,
    savedAt: '2026-03-01T08:05:00.000Z',
    run: {
      format: 'pocsim-run',
      formatVersion: 1,
      scenario: { id: scenario.id, version },
      language: 'en',
      startedAt: '2026-03-01T08:00:00.000Z',
      log,
      ...(status === 'finished' ? { finishedAt: '2026-03-01T08:20:00.000Z' } : {}),
    },
  };
}

/** The log of a whole run that takes the first option of every decision. */
function firstOptionsLog(): SavedRun['run']['log'] {
  const run = createRun(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  while (!run.finished()) {
    const d = steps.get(run.context().step)!.decision;
    run.send(d ? { type: 'decision.chosen', optionIds: [d.options[0]!.id] } : { type: 'step.continued' });
  }
  return [...run.log];
}

async function openBriefingAndStart(page: Page) {
  await page.getByRole('button', { name: `Read the briefing: ${title}` }).click();
  await page.getByRole('button', { name: 'Start the scenario' }).click();
}

describe('runs survive a closed browser, and a browser that refuses storage', () => {
  let app: ServedApp;
  let browser: Browser;
  const profile = mkdtempSync(join(tmpdir(), 'pocsim-profile-'));
  const launchProfile = (): Promise<BrowserContext> =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 900 },
    });

  beforeAll(async () => {
    app = await serveApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('reopens a run closed during a timed decision at the same step, time left and decisions', async () => {
    const way = firstWayToATimedDecision();
    const stepTitle = text(textKey.stepTitle(way.step));
    const optionLabel = text(textKey.optionLabel(way.option));

    let context = await launchProfile();
    let page = context.pages()[0] ?? (await context.newPage());
    const errorsBefore = watchErrors(page);
    await page.goto(app.url);
    await openBriefingAndStart(page);
    await page.getByRole('radio', { name: optionLabel }).check();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.locator('.consequence .continue button').click();
    await page.getByRole('heading', { level: 2, name: stepTitle }).waitFor();
    await expect.poll(() => secondsLeft(page), { timeout: 10_000 }).toBeLessThanOrEqual(way.limit - 4);
    const left = await secondsLeft(page);
    const world = await gauges(page);
    // the whole browser goes away, as when a laptop is shut
    await context.close();
    expect(errorsBefore).toEqual([]);

    context = await launchProfile();
    page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    await page.goto(app.url);
    const resume = page.getByRole('region', { name: 'Continue where you stopped' });
    await resume.getByText(`At: ${stepTitle}`).waitFor();
    // time on the menu costs nothing: the clock is not running there
    await page.waitForTimeout(3000);
    await resume.getByRole('button', { name: `Continue ${title}` }).click();
    await page.getByRole('heading', { level: 2, name: stepTitle }).waitFor();
    // the run comes back with the clock stopped and the options hidden, until the trainee restarts it
    await page.waitForTimeout(2000);
    const leftAfter = await secondsLeft(page);
    expect(
      Math.abs(leftAfter - left),
      `${left} s left at close, ${leftAfter} s after reopening`,
    ).toBeLessThanOrEqual(1);
    expect(await page.locator('.options input').first().isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Restart the clock' }).first().click();
    await page.locator('.options input').first().waitFor();
    expect(await gauges(page)).toEqual(world);
    const [saved] = await storedRuns(page);
    expect(saved?.status).toBe('in-progress');
    expect(saved?.run.log.filter((e) => e.type === 'decision.chosen').map((e) => e.optionIds)).toEqual([
      [way.option],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns when storage is refused, lets the run go on and exports it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // as a browser set to block site data: both storages throw on access
    await context.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
      Object.defineProperty(window, 'indexedDB', { get: refuse });
      Object.defineProperty(window, 'localStorage', { get: refuse });
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    const banner = page.getByRole('complementary', { name: 'Saving your runs' });
    await banner.getByText('Your runs are not being saved.').waitFor();
    await openBriefingAndStart(page);
    await page.locator('.options input').first().check();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.locator('.consequence .continue button').click();
    await page.locator('#step-title').waitFor();
    expect(await banner.isVisible()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Export my runs now' }).click(),
    ]);
    const read = parseBackup(readFileSync((await download.path())!, 'utf8'), download.suggestedFilename());
    expect(read.ok && read.runs.map((r) => [r.status, r.run.log.length > 0])).toEqual([
      ['in-progress', true],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('keeps the saved runs, the import report and the storage warning accessible', async () => {
    // why: axe comes in as a script tag, which the app's CSP would refuse.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    const records = [
      savedRun('left', 'in-progress', [{ type: 'clock.ticked', seconds: 40 }]),
      savedRun('done', 'finished', firstOptionsLog()),
      savedRun('changed', 'in-progress', [{ type: 'decision.chosen', optionIds: ['gone'] }], '0.1.0'),
      { id: 'damaged', status: 'in-progress' },
    ];
    await page.evaluate(
      (values) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('pocsim-runs');
          open.onsuccess = () => {
            const tx = open.result.transaction('runs', 'readwrite');
            for (const v of values) tx.objectStore('runs').put(v);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );
    await page.reload();
    await page.getByRole('button', { name: `Continue ${title}` }).waitFor();
    await page
      .getByRole('region', { name: 'Saved runs that cannot be continued' })
      .getByText(/version 0\.1\.0/)
      .waitFor();
    const backup = page.getByRole('region', { name: 'Your runs on this browser' });
    await backup.getByText('1 finished run').click();
    await backup.getByRole('button', { name: /^Open the debrief of / }).waitFor();
    const file = serializeBackup({
      runs: [savedRun('other', 'in-progress', [{ type: 'clock.ticked', seconds: 5 }])],
      progress: {},
      exportedAt: '2026-03-02T10:00:00.000Z',
    }).replace('"seconds":5', '"seconds":-5');
    await backup
      .locator('input[type=file]')
      .setInputFiles({ name: 'runs.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await backup.getByText(/runs\.json:\d+:\d+ runs\[0\]\.run\.log\[0\]\.seconds/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const stops = await tabWalk(page);
    expect(stops.filter((s) => !s.visible).map((s) => s.element)).toEqual([]);
    expect(stops.map((s) => s.element).join(' ')).toContain('Import runs from a file');

    const blocked = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const play = await blocked.newPage();
    await play.goto(app.url);
    await openBriefingAndStart(play);
    await play.getByRole('complementary', { name: 'Saving your runs' }).waitFor();
    // why: only the warning is this test's concern; the rest of the play screen is test/e2e/a11y.test.ts's.
    expect((await axeViolations(play)).filter((v) => /storage-banner|app-notices/.test(v))).toEqual([]);
    expect(errors).toEqual([]);
    await blocked.close();
    await context.close();
  });
});
