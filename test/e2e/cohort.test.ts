import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort, loadBundledScenarios, writeCohort } from '../fixtures/cohort/generate.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

const SHOTS = join(import.meta.dirname, '__screenshots__');
const generated = generateCohort(loadBundledScenarios());
const gateRuns = generated.runs.filter((r) => r.scenario === '15-1-base-gate');
const idpRuns = generated.runs.filter((r) => r.scenario === '15-3-idp-site');

let app: ServedApp;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pocsim-cohort-'));
  writeCohort(generated, folder);
  mkdirSync(SHOTS, { recursive: true });
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function openCohort(language: 'en' | 'fr') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript((lang) => localStorage.setItem('pocsim.language', lang), language);
  await page.goto(`${app.url}#cohort`);
  await page.locator('h1').waitFor();
  return { page, errors, close: () => context.close() };
}

const tableRows = (page: Page) => page.locator('.cohort-table tbody tr');

/** Serious or critical accessibility problems axe finds inside the page's main region. */
async function axeProblems(page: Page): Promise<string[]> {
  // why: the app's content security policy refuses inline scripts; evaluation over the DevTools
  // protocol is not a page script, so axe can be brought in without weakening the policy.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run('main', {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the cohort view in Chromium', () => {
  it('reads a folder of run files: table, most-broken doctrine, heatmap, choices, and files set aside with positions', async () => {
    const { page, errors, close } = await openCohort('en');
    await page.locator('input[data-cohort-input="folder"]').setInputFiles(join(folder, 'runs'));
    await page.locator('.cohort-table').waitFor();

    expect(await tableRows(page).count()).toBe(gateRuns.length);
    await expect
      .poll(() => page.locator('.cohort-stat').first().textContent())
      .toContain(String(gateRuns.filter((r) => r.counted).length));
    expect(await page.locator('.broken-list > li').count()).toBeGreaterThan(0);
    expect(await page.locator('.broken-list > li').first().textContent()).toMatch(
      /broken in \d+ of \d+ runs/,
    );
    expect(await page.locator('.cohort-matrix td.heat-cell:not(.heat-empty)').count()).toBeGreaterThan(0);
    expect(await page.locator('.cohort-matrix').textContent()).toMatch(/✓ \d\.\d/);
    expect(await page.locator('.path-card').count()).toBeGreaterThan(5);
    expect(await page.locator('.bar-best').count()).toBeGreaterThan(5);
    expect(await page.locator('.path-card').first().textContent()).toMatch(/\d+ of \d+ \(\d+%\)/);

    const files = page.locator('#cohort-files');
    for (const s of generated.setAside) {
      const item = files.locator('.cohort-problem', { hasText: s.file.replace(/^runs\//, '') });
      expect(await item.count(), s.file).toBe(1);
      expect(await item.locator('code').first().textContent(), s.file).toMatch(/\.json:\d+:\d+ /);
    }
    expect(await files.textContent()).toContain('notes.txt');
    await page.getByRole('button', { name: /Review them/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cohort-files');

    await page.locator('#cohort-scenario-picker').selectOption('15-3-idp-site');
    await expect.poll(() => tableRows(page).count()).toBe(idpRuns.length);
    await page.locator('#cohort-scenario-picker').selectOption('15-1-base-gate');
    await expect.poll(() => tableRows(page).count()).toBe(gateRuns.length);

    await page.getByRole('button', { name: /^Score/ }).click();
    const scores = await page.locator('.cohort-table tbody .row-score-number').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the table as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^trainee,trainee_id,file,scenario,/);
    expect(lines).toHaveLength(gateRuns.length + 1);

    // an implausible run (its summary was edited to a pass) is shown, not counted, until accepted
    const counted = gateRuns.filter((r) => r.counted).length;
    const suspect = page.locator('.cohort-table tbody tr', { hasText: 'Capt. Viktor Petrov' });
    await expect
      .poll(() => suspect.locator('.flag-implausible').textContent())
      .toMatch(/^Implausible, not counted/);
    await page
      .getByRole('button', { name: 'Accept the run of Capt. Viktor Petrov as genuine and count it' })
      .click();
    // why: accepting re-scores the folder in the worker, which takes seconds on a loaded machine
    await expect
      .poll(() => page.locator('.cohort-stat').first().textContent(), { timeout: 30_000 })
      .toContain(String(counted + 1));
    expect(await suspect.locator('.flag-implausible').textContent()).toMatch(/^Implausible, accepted by you/);
    await page.getByRole('button', { name: 'Stop counting the run of Capt. Viktor Petrov' }).click();
    await expect
      .poll(() => page.locator('.cohort-stat').first().textContent(), { timeout: 30_000 })
      .toContain(String(counted));

    expect(await axeProblems(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'cohort-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  it('adds picked files to those open, in French, and never loses a damaged one', async () => {
    const { page, errors, close } = await openCohort('fr');
    await page
      .locator('input[data-cohort-input="files"]')
      .setInputFiles(['runs/truncated.json', 'runs/newer-format.json'].map((f) => join(folder, f)));
    await page.locator('#cohort-files').waitFor();
    expect(await page.locator('#cohort-files .cohort-problem').count()).toBe(2);
    await page.locator('input[data-cohort-input="folder"]').setInputFiles(join(folder, 'runs'));
    await page.locator('.cohort-table').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Résultats d’une promotion');
    expect(await tableRows(page).count()).toBe(gateRuns.length);
    // picked alone, then again inside the folder (another path): each is kept and listed, none dropped
    expect(await page.locator('#cohort-files .cohort-problem', { hasText: 'truncated.json' }).count()).toBe(
      2,
    );
    expect(await page.locator('.cohort-jump a').count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'cohort-fr.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
