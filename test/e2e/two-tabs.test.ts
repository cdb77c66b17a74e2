import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { bundledScenario, reckless } from '../lms/lms-factories.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';
import { playInApp } from './lms-host/lms-harness.ts';

// why: review defect 2 — two tabs of one browser wrote the same run in turns (the stored copy
// flipped between two diverging logs) and replaced each other's progress from stale copies.

const gate = bundledScenario('15-1-base-gate');
const refuge = bundledScenario('15-2-individual-refuge');
const titleOf = (b: typeof gate) => b.texts.en![textKey.title()]!;

/** Saved runs and the progress record, read straight from IndexedDB. */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{
        runs: { id: string; savedAt: string; run: { log: { type: string; optionIds?: string[] }[] } }[];
        progress: any;
      }>((resolve, reject) => {
        const open = indexedDB.open('pocsim-runs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['runs', 'meta']);
          const runs = tx.objectStore('runs').getAll();
          const progress = tx.objectStore('meta').get('progress');
          tx.oncomplete = () => resolve({ runs: runs.result, progress: progress.result?.scenarios });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
const choices = (run: { log: { type: string; optionIds?: string[] }[] }) =>
  run.log.filter((e) => e.type === 'decision.chosen').map((e) => e.optionIds!.join('+'));

async function start(page: Page, title: string) {
  // why: Chromium stops animation frames in a tab behind another, and every click waits for frames
  await page.bringToFront();
  await page.getByRole('button', { name: `Read the briefing: ${title}` }).click();
  await page.getByRole('button', { name: 'Start the scenario' }).click();
}

describe('two tabs of one browser', () => {
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

  it('never both write one run: the second tab takes it over and the first stops saving it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const a = await context.newPage();
    const errors = watchErrors(a);
    await a.goto(app.url);
    await start(a, titleOf(gate));
    await playInApp(a, gate, () => ['alert-plan'], { decisions: 1 });
    const second = gate.scenario.steps.find((s) =>
      s.decision?.options.some((o) => o.id === 'gate-disperse'),
    )!;
    await expect
      .poll(() => a.locator('#step-title').textContent())
      .toBe(gate.texts.en![textKey.stepTitle(second.id)]);

    const b = await context.newPage();
    await b.goto(app.url);
    const resume = b.getByRole('region', { name: 'Continue where you stopped' });
    await resume.getByText('This run is open in another tab of this browser.').waitFor();
    await b.screenshot({ path: join(tmpdir(), 'pocsim-two-tabs-menu.png') });
    await resume.getByRole('button', { name: `Take over here: ${titleOf(gate)}` }).click();
    await expect
      .poll(() => b.locator('#step-title').textContent())
      .toBe(gate.texts.en![textKey.stepTitle(second.id)]);
    await a.getByText('A run you were playing here was taken over in another tab.').waitFor();
    await a.screenshot({ path: join(tmpdir(), 'pocsim-two-tabs-taken.png') });

    // each tab now makes a different choice; only the owner's reaches the store
    await a.locator('.options input[value="gate-open-adjacent"]').check();
    await a.locator('.decision-footer button[type="submit"]').click();
    // a resumed timed decision opens with its clock stopped and its options hidden
    const restart = b.getByRole('button', { name: 'Restart the clock' });
    if (await restart.count()) await restart.first().click();
    await b.locator('.options input[value="gate-disperse"]').check();
    await b.locator('.decision-footer button[type="submit"]').click();
    const samples: string[][] = [];
    for (let i = 0; i < 8; i++) {
      await a.waitForTimeout(300);
      const { runs } = await stored(a);
      expect(runs).toHaveLength(1);
      samples.push(choices(runs[0]!.run));
    }
    expect(samples).toEqual(Array.from({ length: 8 }, () => ['alert-plan', 'gate-disperse']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the progress of both when each tab finishes a different scenario', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(app.url);
    await b.goto(app.url);
    await a.getByRole('button', { name: `Read the briefing: ${titleOf(gate)}` }).waitFor();
    await b.getByRole('button', { name: `Read the briefing: ${titleOf(refuge)}` }).waitFor();

    await start(a, titleOf(gate));
    await playInApp(a, gate, reckless);
    await expect.poll(() => a.locator('main').textContent(), { timeout: 15_000 }).toMatch(/\d+ \/ 100/);
    await expect.poll(async () => Object.keys((await stored(a)).progress ?? {})).toEqual([gate.scenario.id]);

    await start(b, titleOf(refuge));
    await playInApp(b, refuge, reckless);
    await expect.poll(() => b.locator('main').textContent(), { timeout: 15_000 }).toMatch(/\d+ \/ 100/);
    await expect
      .poll(async () => Object.keys((await stored(b)).progress ?? {}).sort())
      .toEqual([gate.scenario.id, refuge.scenario.id].sort());

    const fresh = await context.newPage();
    await fresh.goto(app.url);
    await expect.poll(() => fresh.locator('main').textContent()).toMatch(/Finished once[\s\S]*Finished once/);
    await context.close();
    // why: it plays two whole scenarios, each decision now followed by its consequence screen
  }, 300_000);
});
