import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: the projector is read from the back of a room; this measures what Chromium actually renders
// (no scrolling, the smallest text) at the two screen sizes a mission's projectors give.

const SHOTS = process.env.POCSIM_SHOTS ?? join(import.meta.dirname, '__screenshots__');
const bundle = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle as ScenarioBundle;
const en = (key: string) => bundle.texts.en![key]!;
const SIZES = [
  { width: 1920, height: 1080, min: 28, mapLabel: 18 },
  { width: 1280, height: 720, min: 18, mapLabel: 12 },
] as const;

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The smallest computed font size of any visible text in the projector view, and where it is. */
function measure(page: Page) {
  return page.evaluate(() => {
    const sizes: { text: string; px: number; cls: string }[] = [];
    const legend: number[] = [];
    const walker = document.createTreeWalker(document.querySelector('.xp')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim()) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!box.width || !box.height || style.visibility === 'hidden' || el.closest('.visually-hidden'))
        continue;
      // the map's legend is a map label (18 px), not body text
      if (el.closest('.map-legend')) {
        // the letters on its symbols are part of the drawing, as on the map
        if (!el.closest('svg')) legend.push(Number.parseFloat(style.fontSize));
        continue;
      }
      sizes.push({
        text: n.textContent.trim().slice(0, 40),
        px: Number.parseFloat(style.fontSize),
        cls: el.className,
      });
    }
    const doc = document.documentElement;
    // the canvas's words: the smallest label (10 layout px) times the words' scale, fitted to the canvas
    const wrap = document.querySelector<HTMLElement>('.xp-map [data-layout-width]');
    const canvas = wrap?.querySelector('canvas');
    const mapLabel =
      wrap && canvas
        ? (10 * Number(wrap.dataset.labelScale) * canvas.getBoundingClientRect().width) /
          Number(wrap.dataset.layoutWidth)
        : 0;
    return {
      mapLabel,
      legend: Math.min(...legend),
      scrollHeight: Math.max(doc.scrollHeight, document.body.scrollHeight),
      scrollWidth: doc.scrollWidth,
      innerHeight,
      innerWidth,
      smallest: sizes.sort((a, b) => a.px - b.px).slice(0, 3),
      injectText: Number.parseFloat(
        getComputedStyle(document.querySelector('.xp-inject-text') ?? document.body).fontSize,
      ),
      injectTitle: Number.parseFloat(
        getComputedStyle(document.querySelector('.xp-inject-title') ?? document.body).fontSize,
      ),
      module: Number.parseFloat(
        getComputedStyle(document.querySelector('.xp-module') ?? document.body).fontSize,
      ),
      clock: Number.parseFloat(
        getComputedStyle(document.querySelector('.xp-time') ?? document.body).fontSize,
      ),
    };
  });
}

describe('the projector on a room’s screen', () => {
  it('fits 1920x1080 and 1280x720 without scrolling, paused or not, with no text under 28 px at 1080p', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      if (!localStorage.getItem('pocsim.language')) localStorage.setItem('pocsim.language', 'en');
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}#console`);
    await page.getByRole('button', { name: `Prepare the exercise: ${en(textKey.title())}` }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // to the gate: a public inject for the whole room, with earlier ones below it
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Jump, hold open' }).click();
    const projector = await context.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(`${app.url}#projector/ttx-leadership-tessako`);
    await projector.getByRole('heading', { name: en(textKey.mselTitle('ev-gate')) }).waitFor();
    const measured: Record<string, unknown> = {};
    for (const lang of ['en', 'fr'] as const) {
      if (lang === 'fr') {
        await page.getByRole('button', { name: 'Français' }).click();
        await projector.getByText('Exercice en pause').first().waitFor();
        await page.screenshot({ path: join(SHOTS, 'console-fr.png') });
      } else await page.screenshot({ path: join(SHOTS, 'console-en.png') });
      for (const size of SIZES) {
        await projector.setViewportSize({ width: size.width, height: size.height });
        // the map fits its labels again a moment after the window changes size
        await projector.waitForTimeout(800);
        await projector.locator('.xp-map .map-frame.is-ready [data-map-ready]').waitFor();
        for (const paused of [true, false]) {
          if (!paused)
            await page
              .getByRole('button', { name: lang === 'en' ? 'Resume' : 'Reprendre', exact: true })
              .click();
          // the map fits its words again a moment after its box changes size (a banner goes, the feed fills)
          let m = await measure(projector);
          await expect
            .poll(
              async () => {
                m = await measure(projector);
                const loading = await projector.locator('.xp-map .map-status').count();
                // why: on a loaded machine the window's new size can reach the page's layout a moment late
                return loading === 0 && m.mapLabel >= size.mapLabel && m.smallest[0]!.px >= size.min;
              },
              { timeout: 15_000 },
            )
            .toBe(true);
          measured[`${lang}-${size.width}x${size.height}-${paused ? 'paused' : 'running'}`] = m;
          await projector.screenshot({
            path: join(SHOTS, `projector-${lang}-${size.width}x${size.height}${paused ? '-paused' : ''}.png`),
          });
          expect(m.scrollHeight).toBeLessThanOrEqual(size.height);
          expect(m.scrollWidth).toBeLessThanOrEqual(size.width);
          expect(m.smallest[0]!.px, JSON.stringify(m.smallest)).toBeGreaterThanOrEqual(size.min);
          // map labels, in the picture and in its legend: 18 px at 1080p, in proportion below
          expect(m.legend).toBeGreaterThanOrEqual(18);
          expect(m.mapLabel).toBeGreaterThanOrEqual(size.mapLabel);
          if (!paused)
            await page.getByRole('button', { name: lang === 'en' ? 'Pause' : 'Pause', exact: true }).click();
        }
      }
    }
    // the facilitator puts the current module's questions on the wall, and takes them off again
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Discussion' }).click();
    await page.getByRole('button', { name: 'Show these questions on the projector' }).click();
    const question = en(textKey.exerciseQuestion('q-gate-where'));
    await projector.getByText(question).waitFor();
    const withQuestions = await measure(projector);
    expect(withQuestions.scrollHeight).toBeLessThanOrEqual(720);
    await projector.screenshot({ path: join(SHOTS, 'projector-en-1280x720-questions.png') });
    await page.getByRole('button', { name: 'Take them off the projector' }).click();
    await expect.poll(() => projector.getByText(question).count()).toBe(0);
    writeFileSync(join(SHOTS, 'projector-fonts.json'), `${JSON.stringify(measured, null, 2)}\n`);
    expect(errors).toEqual([]);
    expect(projectorErrors.filter((e) => !/GL Driver|GPU stall/.test(e))).toEqual([]);
    await context.close();
  });
});
