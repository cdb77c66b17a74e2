import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';
import { readPdf, renderPdf } from './pdf.ts';

// why: the review found a debrief 17 screens long that printed on 12 pages, one nearly empty. This
// plays the ten-day §15.3 scenario as a trainee would, with good and bad answers, and holds the
// debrief to what a trainee reads: one screen first at a laptop's and a phone's size, sections that
// open from the keyboard, and a summary that prints on one or two A4 pages.

const bundle = loadScenarioFolder('scenarios/15-3-idp-site').bundle as ScenarioBundle;
/** Set POCSIM_SHOTS=<folder> to keep the screenshots and printed pages there for a look. */
const shots = process.env.POCSIM_SHOTS;
const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Plays by clicking: the first option, except every third decision takes the last (often a Don't). */
async function playMixed(page: Page, lang: 'en' | 'fr') {
  const mirror = createRun(bundle.scenario);
  const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
  let k = 0;
  while (!mirror.finished()) {
    const step = steps.get(mirror.context().step)!;
    await page
      .getByRole('heading', { level: 2, name: bundle.texts[lang]![textKey.stepTitle(step.id)]! })
      .waitFor();
    const d = step.decision;
    if (!d) {
      await page.locator('main button.button-primary').first().click();
      mirror.send({ type: 'step.continued' });
      continue;
    }
    const pick = k++ % 3 === 1 ? d.options[d.options.length - 1]!.id : d.options[0]!.id;
    await page.locator(`.options input[value="${pick}"]`).check();
    await page
      .getByRole('button', { name: lang === 'en' ? 'Confirm decision' : 'Confirmer la décision' })
      .click();
    mirror.send({ type: 'decision.chosen', optionIds: [pick] });
    if (!mirror.finished()) await page.locator('.consequence .continue button').click();
  }
}

/** Text of the summary that runs past the window's right edge, and how wide the page scrolls. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll('.debrief-first *, .page-intro *, .debrief-actions *')]
      .filter((el) => el.childElementCount === 0 && (el.textContent ?? '').trim() !== '')
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 40));
    return { cut, scrollWidth: document.documentElement.scrollWidth, width };
  });
}

describe('the debrief a trainee reads', () => {
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await serveApp();
    browser = await launchBrowser();
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(['en', 'fr'] as const)(
    'opens on one screen, opens its sections from the keyboard, and prints a one- or two-page summary (%s)',
    async (lang) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.addInitScript((l) => localStorage.setItem('pocsim.language', l), lang);
      await page.goto(app.url);
      await page
        .getByRole('heading', { level: 3, name: bundle.texts[lang]![textKey.title()]! })
        .evaluate((h) => (h.closest('li')!.querySelector('button') as HTMLButtonElement).click());
      await page.locator('.screen-briefing main button.button-primary').click();
      await playMixed(page, lang);
      await page.locator('.page-debrief').waitFor();

      // a ten-day run lasts days, and says so
      const meta = (await page.locator('.report-meta').textContent()) ?? '';
      expect(meta).toMatch(lang === 'en' ? /lasted 9 days \d+ h \d+ min/ : /durée de 9 jours \d+ h \d+ min/);

      // the summary fits the first screen of a laptop, and nothing is cut off at any size
      await page.evaluate(() => window.scrollTo(0, 0));
      const first = (await page.locator('.debrief-first').boundingBox())!;
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        const o = await overflow(page);
        expect(o.cut, `${size.width} px`).toEqual([]);
        expect(o.scrollWidth, `${size.width} px`).toBeLessThanOrEqual(o.width);
        if (shots) await page.screenshot({ path: join(shots, `debrief-summary-${lang}-${size.width}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(first.y + first.height).toBeLessThanOrEqual(768);
      expect(await page.locator('.remember-item').count()).toBe(3);

      // the full report's sections open with the keyboard
      const timeline = page.locator('details#more-timeline');
      await timeline.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await timeline.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      const clocks = await timeline.locator('.timeline-clock').allTextContents();
      expect(clocks[0]).toMatch(lang === 'en' ? /^Day 1, 07:30$/ : /^Jour 1, 07:30$/);
      expect(clocks.at(-1)).toMatch(lang === 'en' ? /^Day 10, / : /^Jour 10, /);
      await page.keyboard.press('Enter');
      expect(await timeline.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

      // print: stub the dialog, print as the button sets the page up
      await page.evaluate(() => {
        window.print = () => {};
      });
      const t =
        lang === 'en'
          ? { summary: 'Print summary', full: 'Print full report', caption: 'The thick line' }
          : { summary: 'Imprimer le résumé', full: 'Imprimer le rapport complet', caption: 'Le trait épais' };
      await page.getByRole('button', { name: t.summary }).click();
      await page.emulateMedia({ media: 'print' });
      const summaryPdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const summary = (await readPdf(summaryPdf)).pages;
      expect(summary.length).toBeGreaterThanOrEqual(1);
      expect(summary.length).toBeLessThanOrEqual(2);
      const summaryText = summary.map((p) => p.text).join(' ');
      for (const headline of await page.locator('.remember-headline').allTextContents())
        expect(summaryText.replace(/\s+/g, ' ')).toContain(headline.slice(0, 30));
      expect(summaryText).not.toContain(t.caption);

      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: t.full }).click();
      await page.emulateMedia({ media: 'print' });
      const fullPdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const full = (await readPdf(fullPdf)).pages;
      expect(full.length).toBeGreaterThan(summary.length);
      const fullText = full.map((p) => p.text).join(' ');
      expect(fullText).not.toContain(t.caption);
      if (shots) {
        await renderPdf(summaryPdf, shots, `debrief-print-summary-${lang}-p`, 1.5);
        await renderPdf(fullPdf, shots, `debrief-print-full-${lang}-p`);
        writeFileSync(join(shots, `debrief-print-summary-${lang}.pdf`), summaryPdf);
        writeFileSync(join(shots, `debrief-print-full-${lang}.pdf`), fullPdf);
      }
      // no page is left nearly empty at the end
      expect(full.at(-1)!.filled).toBeGreaterThan(0.2);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
