// Takes the networked-room screenshots of docs/networked-exercises.md (docs/screenshots/room/) from a
// built app: a participant's inbox on a phone (360x740) and a laptop (1366x768), and the join screen
// on the projector (1920x1080), in English and French.
// `npm run build && npx tsx scripts/room-screenshots.ts [dist] [out]`
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadScenarioFolder } from '../src/cli/scenario-files.ts';
import type { Scenario } from '../src/engine/scenario/scenario.schema.ts';
import { startExerciseServer } from '../src/server/exercise-server.ts';
import { launchBrowser } from '../test/e2e/harness.ts';

const DIST = process.argv[2] ?? 'dist';
const OUT = process.argv[3] ?? 'docs/screenshots/room';
const TTX = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle!;
const server = await startExerciseServer({
  dataDir: mkdtempSync(join(tmpdir(), 'pocsim-room-shots-')),
  scenarios: new Map<string, Scenario>([[TTX.scenario.id, TTX.scenario]]),
  texts: new Map([[TTX.scenario.id, TTX.texts]]),
  appDir: DIST,
  // why: the join screen shows a LAN address as it would in a room, not the loopback one.
  addresses: () => ['http://192.168.1.20:8080/'],
});
mkdirSync(OUT, { recursive: true });
const browser: Browser = await launchBrowser();

async function page(lang: string, width: number, height: number, mobile = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: mobile,
    hasTouch: mobile,
    serviceWorkers: 'block',
  });
  await context.addInitScript((l) => localStorage.setItem('pocsim.language', l), lang);
  return context.newPage();
}

try {
  for (const lang of ['en', 'fr'] as const) {
    const con = await page(lang, 1366, 900);
    await con.goto(`${server.url}/#console/${TTX.scenario.id}`);
    await con.locator('.room-open').click();
    const code = (await con.locator('.room-code').textContent())!;
    const [projector] = await Promise.all([
      con.context().waitForEvent('page'),
      con.locator('.xc-projector-button').click(),
    ]);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.locator('.room-screen-code').waitFor();
    await projector.waitForTimeout(300);
    await projector.screenshot({ path: `${OUT}/projector-join-${lang}.png` });

    const phone = await page(lang, 360, 740, true);
    await phone.goto(`${server.url}/#join/${code}`);
    await phone.locator('.room-role').first().waitFor();
    await phone.screenshot({ path: `${OUT}/join-role-phone-${lang}.png` });
    await phone.locator('.room-role').first().click(); // the Head of Mission
    const laptop = await page(lang, 1366, 768);
    await laptop.goto(`${server.url}/#join/${code}`);
    await laptop.locator('.room-role').nth(2).click(); // the Force Commander
    await laptop.locator('.room-inbox').waitFor();

    await con.locator('.xc-start, button:has-text("Start"), button:has-text("Démarrer")').first().click();
    await con.keyboard.press('Space');
    for (const id of ['ev-first-report', 'ev-cos-call', 'ev-gate'])
      await con.locator(`li.xc-msel-item[data-inject="${id}"] .xc-msel-actions button`).first().click();
    await phone.locator('[data-inject="ev-cos-call"]').waitFor();
    // the Force Commander has answered; the Head of Mission is choosing
    const gate = laptop.locator('[data-inject="ev-gate"]');
    await gate.locator('[data-option="per-east-field"]').click();
    await gate.locator('.room-send-answer').click();
    await gate.locator('.room-given').waitFor();
    await phone.locator('[data-inject="ev-cos-call"] [data-option="alarm-convene"]').click();
    await phone.locator('[data-inject="ev-cos-call"]').scrollIntoViewIfNeeded();
    await phone.waitForTimeout(300);
    await phone.screenshot({ path: `${OUT}/inbox-phone-${lang}.png` });
    await laptop.evaluate(() => scrollTo(0, 0));
    await laptop.waitForTimeout(300);
    await laptop.screenshot({ path: `${OUT}/inbox-laptop-${lang}.png` });
    await con.locator('.room-feed li').first().waitFor();
    // why: the console's header is sticky; from the top the whole panel shows below it.
    await con.evaluate(() => scrollTo(0, 0));
    await con.locator('.room-panel').screenshot({ path: `${OUT}/console-room-${lang}.png` });
    await con.context().close();
    await phone.context().close();
    await laptop.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
