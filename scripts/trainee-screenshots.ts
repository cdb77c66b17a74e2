// The trainee's screens at four widths in English and French, for issue 14's review: the menu, a
// briefing, a timed decision, a pick-N decision, a consequence, the debrief summary and the printed
// summary (its first A4 page rendered to PNG). Anyone can run it again; it is not part of npm test:
//   npx tsx scripts/trainee-screenshots.ts [outDir]     (default docs/screenshots/trainee)
// It builds the app, serves it with `vite preview` and drives Debian's Chromium (playwright-core).
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderPdf } from '../test/e2e/pdf.ts';
import { builtApp, serveBuilt, startChromium } from './bench/browser-app.ts';

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'screenshots', 'trainee');
const WIDTHS = [360, 768, 1366, 1920] as const;
const HEIGHT: Record<number, number> = { 360: 740, 768: 1024, 1366: 768, 1920: 1080 };
/** 15-3 has each kind of decision early: a choice, a pick-3 assessment, then a timed one. */
const SCENARIO = '15-3-idp-site';

mkdirSync(out, { recursive: true });
const app = await builtApp();
const server = await serveBuilt(app);
const browser = await startChromium();

/** Screenshots of the screen in view at every width, then back to the widest. */
async function atEveryWidth(page: Page, name: string, lang: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT[width]! });
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(out, `${lang}-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const goOn = (page: Page) => page.locator('.consequence .continue button').click();
const confirm = (page: Page) => page.locator('.decision button[type=submit]').click();

try {
  for (const lang of ['en', 'fr']) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('pocsim.language', l), lang);
    await page.goto(server.url);
    await page.waitForSelector('.scenario-card');
    await atEveryWidth(page, '1-menu', lang);

    await page.goto(`${server.url}#/scenario/${SCENARIO}`);
    await page.locator('.screen-briefing main button.button-primary').waitFor();
    await atEveryWidth(page, '2-briefing', lang);
    await page.locator('.screen-briefing main button.button-primary').click();

    // decision 1: one choice, then its consequence
    await page.locator('.options input').first().waitFor();
    await page.locator('.options input').first().check();
    await confirm(page);
    await page.locator('.consequence').waitFor();
    await atEveryWidth(page, '5-consequence', lang);
    await goOn(page);

    // decision 2: pick 3
    await page.locator('.options input[type=checkbox]').first().waitFor();
    for (const i of [0, 1, 2]) await page.locator('.options input').nth(i).check();
    await atEveryWidth(page, '4-pick-n', lang);
    await confirm(page);
    await goOn(page);

    // on to the first timed decision
    for (let i = 0; i < 20 && !(await page.locator('.countdown, [role=timer]').count()); i++) {
      if (await page.locator('.consequence .continue button').count()) await goOn(page);
      else if (await page.locator('.options input').count()) {
        await page.locator('.options input').first().check();
        await confirm(page);
      } else if (await page.locator('main .continue button, main button.button-primary').count())
        await page.locator('main .continue button, main button.button-primary').first().click();
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(1500);
    await atEveryWidth(page, '3-timed', lang);

    // play on, first option each time, to the debrief
    for (let i = 0; i < 60 && !(await page.locator('.page-debrief').count()); i++) {
      if (await page.locator('.consequence .continue button').count()) await goOn(page);
      else if (await page.locator('.options input').count()) {
        // why: a pick-N decision takes up to N; the first option alone is always an answer.
        await page.locator('.options input').first().check();
        await confirm(page);
      } else if (await page.locator('main .continue button').count())
        await page.locator('main .continue button').first().click();
      await page.waitForTimeout(200);
    }
    await page.locator('.page-debrief').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await atEveryWidth(page, '6-debrief-summary', lang);

    // the printed summary, its first A4 page as an image
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole('button', { name: lang === 'en' ? 'Print summary' : 'Imprimer le résumé' }).click();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = await renderPdf(pdf, out, `${lang}-7-printed-summary`, 1.5);
    for (const [i, p] of pages.entries())
      renameSync(p.file, join(out, `${lang}-7-printed-summary-p${i + 1}.png`));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
