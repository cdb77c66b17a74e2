import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort, loadBundledScenarios, writeCohort } from '../fixtures/cohort/generate.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: the pseudo-locale (English made about 40% longer and accented, in brackets) shows where a
// longer language would be cut off or push the page sideways; right to left shows whether the
// layout mirrors as Arabic would need. Every screen is photographed for a person to look at too.

const SHOTS = join(import.meta.dirname, '__screenshots__');
const EXERCISE = 'ttx-leadership-tessako';

let app: ServedApp;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  folder = mkdtempSync(join(tmpdir(), 'pocsim-layout-'));
  writeCohort(generateCohort(loadBundledScenarios()), folder);
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * What is wrong with the layout as it is now: the page scrolls sideways, or text is cut off
 * inside its box (unless the box says the whole of it in a tooltip, as a cut title does).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in ${root.clientWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('main *, header *, footer *')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden' || el.closest('svg, [aria-hidden="true"]'))
        continue;
      if (el.classList.contains('visually-hidden') || el.closest('.visually-hidden')) continue;
      const clips = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
      const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
      if (!clips || scrolls || el.title) continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim())
        problems.push(
          `text cut off in ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: "${el.textContent!.trim().slice(0, 60)}"`,
        );
    }
    // controls and words pushed past the edge of a box that clips them (a narrow column, a tab row);
    // a box meant to scroll sideways (a wide table, a graph) may hold wider content
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a, input, select, label, h1, h2, h3, h4, p, li, td, th, time, strong, span',
    )) {
      if (el.closest('.visually-hidden, svg, dialog:not([open])')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible') continue;
        const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
        if (scrolls && a.querySelector('table, svg, pre, canvas')) break;
        const left = a.getBoundingClientRect().left + a.clientLeft;
        const right = left + a.clientWidth;
        if (r.right > right + 1 || r.left < left - 1) {
          problems.push(
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}" runs past the edge of ${a.tagName.toLowerCase()}.${[...a.classList].join('.')}`,
          );
          break;
        }
      }
    }
    // buttons and links whose words spill out of them
    for (const el of document.querySelectorAll<HTMLElement>('button, a, .badge, .chip')) {
      if (el.closest('.visually-hidden, svg') || getComputedStyle(el).display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (el.scrollWidth > el.clientWidth + 2)
        problems.push(
          `words spill out of ${el.tagName.toLowerCase()}: "${(el.textContent ?? '').trim().slice(0, 60)}"`,
        );
    }
    return problems;
  });
}

async function shot(page: Page, name: string) {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Plays on with the first option (or Continue) until the debrief shows. */
async function playToDebrief(page: Page) {
  for (let i = 0; i < 40 && (await page.locator('.page-debrief').count()) === 0; i++) {
    const option = page.locator('.options input').first();
    if (await option.count()) {
      await option.check();
      await page.locator('.decision button[type="submit"]').click();
    } else if (await page.locator('.continue button').count()) await page.locator('.continue button').click();
    await page.waitForTimeout(50);
  }
  await page.locator('.page-debrief').waitFor();
}

describe.each([
  ['pseudo', 'ltr'],
  ['pseudo-rtl', 'rtl'],
] as const)('every screen in the %s layout', (name, dir) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const query = `?lang=pseudo${dir === 'rtl' ? '&dir=rtl' : ''}`;
  const open = async (hash = '') => {
    await page.goto('about:blank');
    await page.goto(`${app.url}${query}${hash}`);
    await page.locator('h1').first().waitFor();
  };

  beforeAll(async () => {
    // why: one test adds a style of its own to show the check can fail; the app's CSP would refuse it.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  it('menu: the page is laid out in the asked direction, in the pseudo-locale', async () => {
    await open();
    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    expect(await page.locator('h1').textContent()).toMatch(/^\[.*\]$/);
    await page.locator('.staff-tools-summary').click();
    await page.locator('.trainer-settings > button').click();
    // the brand sits at the start of the top bar: left in ltr, right in rtl
    const brand = (await page.locator('.brand').boundingBox())!;
    if (dir === 'rtl') expect(brand.x + brand.width).toBeGreaterThan(1280 - 120);
    else expect(brand.x).toBeLessThan(120);
    await shot(page, `${name}-menu`);
    expect(await layoutProblems(page)).toEqual([]);
    // the check sees a box too narrow for its words: squeeze the top bar's tools and it complains
    const squeeze = await page.addStyleTag({
      content: '.topbar-tools { flex-wrap: nowrap; overflow: hidden; max-inline-size: 12rem; }',
    });
    expect((await layoutProblems(page)).join('\n')).toMatch(/runs past the edge of div\.topbar-tools/);
    await squeeze.evaluate((el) => (el as HTMLElement).remove());
  });

  it('briefing with a content note, the play screen and the debrief', async () => {
    await page
      .locator('.scenario-card')
      .filter({ has: page.locator('h3') })
      .nth(5)
      .locator('.card-actions button')
      .click();
    await page.locator('.page-briefing h1').waitFor();
    await shot(page, `${name}-briefing`);
    expect(await layoutProblems(page)).toEqual([]);

    await page.locator('.page-briefing .button-large').click();
    await page.locator('.options input').first().check();
    await page.locator('.decision button[type="submit"]').click();
    await page.locator('.consequence .continue button').click();
    await page.locator('.countdown').waitFor();
    await page.locator('.feed-item').first().waitFor();
    await shot(page, `${name}-play`);
    expect(await layoutProblems(page)).toEqual([]);

    await page.locator('.take-a-break').click();
    await page.locator('.break-dialog[open]').waitFor();
    await shot(page, `${name}-break-dialog`);
    expect(await layoutProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await playToDebrief(page);
    // the path graph sits in a section of the full report, closed until opened
    await page.locator('details#more-path > summary').click();
    await page.locator('.path-graph-slot .graph-svg').waitFor({ timeout: 20_000 });
    await shot(page, `${name}-debrief`);
    expect(await layoutProblems(page)).toEqual([]);

    await page.locator('.take-a-break').click();
    await page.locator('.break-dialog[open] .button-secondary').click();
    await page.locator('.page-break h1').waitFor();
    await shot(page, `${name}-break`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('cohort view with runs loaded', async () => {
    await open('#cohort');
    await page.locator('input[data-cohort-input="folder"]').setInputFiles(join(folder, 'runs'));
    await page.locator('.cohort-table').waitFor();
    await shot(page, `${name}-cohort`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('authoring preview with a file loaded', async () => {
    await open('#author');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(['scenarios/15-1-base-gate/scenario.yaml', 'scenarios/15-1-base-gate/fr.yaml']);
    await page.locator('.scenario-graph .graph-svg').waitFor({ timeout: 20_000 });
    await shot(page, `${name}-author`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('facilitator console, running, and the projector', async () => {
    await open(`#console/${EXERCISE}`);
    await page.locator('button.xc-go').click();
    await page.waitForTimeout(1500);
    await shot(page, `${name}-console`);
    expect(await layoutProblems(page)).toEqual([]);
    const projector = await context.newPage();
    await projector.goto(`${app.url}${query}#projector/${EXERCISE}`);
    await projector.locator('h1').waitFor();
    await projector.waitForTimeout(800);
    await projector.screenshot({ path: join(SHOTS, `${name}-projector.png`), fullPage: true });
    expect(await layoutProblems(projector)).toEqual([]);
    await projector.close();
  });
});
