// Screenshots of the main screens in English and French, for looking at the product as a person
// would: npx tsx scripts/screenshots.ts [outDir]. Builds the app and drives Debian's Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, serveApp } from '../test/e2e/harness.ts';

const out = process.argv[2] ?? '/tmp/pocsim-shots';
mkdirSync(out, { recursive: true });
const app = await serveApp();
const browser = await launchBrowser();
try {
  for (const lang of ['en', 'fr']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: lang });
    await page.addInitScript((l) => localStorage.setItem('pocsim.language', l), lang);
    await page.goto(app.url);
    await page.waitForSelector('.scenario-card');
    await page.screenshot({ path: join(out, `${lang}-1-menu.png`), fullPage: true });
    await page.locator('.scenario-card button').first().click();
    await page.locator('.screen-briefing').waitFor();
    await page.screenshot({ path: join(out, `${lang}-2-briefing.png`), fullPage: true });
    await page.locator('.screen-briefing button.button-primary').first().click();
    await page.locator('.decision').waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: join(out, `${lang}-3-decision.png`) });
    await page.screenshot({ path: join(out, `${lang}-3-decision-full.png`), fullPage: true });
    // Play on, always the first option, to the debrief.
    for (let i = 0; i < 40 && !(await page.locator('.screen-debrief').count()); i++) {
      const inputs = page.locator('.options input');
      if (await inputs.count()) {
        await inputs.first().click();
        await page.locator('.decision button[type=submit]').click();
      } else {
        const next = page.locator('main button.button-primary').first();
        if (await next.count()) await next.click();
      }
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(out, `${lang}-4-debrief.png`) });
    await page.screenshot({ path: join(out, `${lang}-4-debrief-full.png`), fullPage: true });
    if (lang === 'en')
      await page.pdf({ path: join(out, 'en-debrief.pdf'), format: 'A4', printBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
console.log(`screenshots in ${out}`);
