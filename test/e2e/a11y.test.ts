import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { generateCohort, loadBundledScenarios, writeCohort } from '../fixtures/cohort/generate.ts';
import { axeViolations, colourOnlyStates, type FocusStop, movingElements, tabWalk } from './a11y-support.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: every screen a trainee, trainer or facilitator sees, in English and French, checked by axe
// against WCAG 2.2 A/AA, walked with Tab for a visible focus, and with reduced motion asked for.

type Lang = 'en' | 'fr';
const sv = loadScenarioFolder('scenarios/15-6-sv-imminent').bundle as ScenarioBundle;
const gate = loadScenarioFolder('scenarios/15-1-base-gate').bundle as ScenarioBundle;
const EXERCISE = 'ttx-leadership-tessako';
const WORDS = {
  en: {
    start: 'Start the scenario',
    continue: 'Continue',
    confirm: 'Confirm decision',
    takeBreak: 'Take a break',
    startExercise: 'Start',
  },
  fr: {
    start: 'Commencer le scénario',
    continue: 'Continuer',
    confirm: 'Confirmer la décision',
    takeBreak: 'Faire une pause',
    startExercise: 'Démarrer',
  },
};

let app: ServedApp;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pocsim-a11y-'));
  writeCohort(generateCohort(loadBundledScenarios()), folder);
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const hidden = (stops: FocusStop[]) => stops.filter((s) => !s.visible).map((s) => s.element);

describe.each(['en', 'fr'] as const)('accessibility of every screen in %s', (lang: Lang) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const w = WORDS[lang];

  beforeAll(async () => {
    // why: axe is brought in as a script tag, which the app's content security policy would refuse.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await context.addInitScript((l) => {
      try {
        if (!localStorage.getItem('pocsim.language')) localStorage.setItem('pocsim.language', l);
      } catch {
        // about:blank has no storage
      }
    }, lang);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  /** Checks the screen as it is now: axe, then Tab through it for a visible focus on every stop. */
  async function checkScreen(): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    // colour is never the only signal: a state shown in colour is also said in words
    expect(await colourOnlyStates(page)).toEqual([]);
    const stops = await tabWalk(page);
    expect(stops.length).toBeGreaterThan(2);
    expect(hidden(stops)).toEqual([]);
  }

  it('menu, with the trainers’ content-note settings open', async () => {
    await page.goto(app.url);
    await page.locator('h1').waitFor();
    await page.locator('.staff-tools-summary').click();
    await page.locator('.trainer-settings > button').click();
    await page.locator('#trainer-settings-panel input[type="checkbox"]').first().waitFor();
    await checkScreen();
    // the colour check sees a state with no words: a phase shown by colour alone
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'colour-only';
      box.innerHTML = '<div><span class="badge phase-response" style="padding: 4px"></span></div>';
      document.querySelector('main')!.append(box);
    });
    expect(await colourOnlyStates(page)).toEqual(['span.badge.phase-response']);
    await page.evaluate(() => document.getElementById('colour-only')!.remove());
  });

  it('briefing, opening with its content note', async () => {
    const title = sv.texts[lang]![textKey.title()]!;
    await page.getByRole('heading', { level: 3, name: title }).locator('xpath=ancestor::li//button').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.content-note').waitFor();
    await checkScreen();
  });

  it('decision: a timed decision open, its messages shown and announced, with the clock running', async () => {
    await page.getByRole('button', { name: w.start }).click();
    // the first step's decision is untimed: take its first option to reach the timed one
    await page.locator('.options input').first().waitFor();
    await page.locator('.options input').first().check();
    await page.getByRole('button', { name: w.confirm }).click();
    // what the first decision led to is told first, and is checked like any screen
    await page.locator('.consequence').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.consequence .continue button').click();
    await page.locator('.countdown').waitFor();
    await page.locator('.feed-item').first().waitFor();
    // new messages and the open decision reach screen readers through live regions
    expect(await page.locator('.feed-log').getAttribute('aria-live')).toBe('polite');
    const prompt = sv.texts[lang]![textKey.prompt('approach')]!;
    await expect.poll(() => page.locator('.decision-announcer').textContent()).toContain(prompt);
    expect(await page.locator('.decision-announcer').getAttribute('aria-live')).toBe('polite');
    await checkScreen();
  });

  it('the break dialog of a run with a content note', async () => {
    await page.getByRole('button', { name: w.takeBreak }).click();
    await page.locator('.break-dialog[open]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // the dialog keeps focus inside it, and Escape takes the trainee back to the scenario
    const inDialog = await page.evaluate(() => !!document.activeElement?.closest('dialog'));
    expect(inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.break-dialog[open]').count()).toBe(0);
  });

  it('debrief, with its path graph drawn', async () => {
    for (let i = 0; i < 40 && (await page.locator('.page-debrief').count()) === 0; i++) {
      const option = page.locator('.options input').first();
      const next = page.getByRole('button', { name: w.continue, exact: true });
      if (await option.count()) {
        await option.check();
        await page.getByRole('button', { name: w.confirm }).click();
      } else if (await next.count()) await next.click();
      else if (await page.locator('.consequence .continue button').count())
        await page.locator('.consequence .continue button').click();
      await page.waitForTimeout(50);
    }
    await page.locator('.page-debrief').waitFor();
    // the path graph sits in its own section of the full report, closed until the trainee opens it
    await page.locator('#more-path summary').click();
    await page.locator('.path-graph-slot .graph-svg').waitFor({ timeout: 20_000 });
    await checkScreen();
  });

  it('the screen after leaving through "Take a break"', async () => {
    await page.getByRole('button', { name: w.takeBreak }).click();
    await page.locator('.break-dialog[open] .button-secondary').click();
    await page.locator('.page-break h1').waitFor();
    await checkScreen();
    // the focus check sees a focus that cannot be seen: take the outline away and it complains
    const hide = await page.addStyleTag({ content: ':focus-visible { outline: none !important; }' });
    expect(hidden(await tabWalk(page)).length).toBeGreaterThan(0);
    await hide.evaluate((el) => (el as HTMLElement).remove());
  });

  it('cohort view with a folder of runs loaded', async () => {
    // why: a new address, not a hash change, so the app opens on that screen whatever it showed before
    await page.goto('about:blank');
    await page.goto(`${app.url}#cohort`);
    await page.locator('h1').waitFor();
    await page.locator('input[data-cohort-input="folder"]').setInputFiles(join(folder, 'runs'));
    await page.locator('.cohort-table').waitFor();
    await checkScreen();
  });

  it('authoring preview with a scenario file and its translation loaded', async () => {
    // why: a new address, not a hash change, so the app opens on that screen whatever it showed before
    await page.goto('about:blank');
    await page.goto(`${app.url}#author`);
    await page.locator('h1').waitFor();
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(['scenarios/15-1-base-gate/scenario.yaml', 'scenarios/15-1-base-gate/fr.yaml']);
    await page.getByText(gate.texts[lang]![textKey.title()]!, { exact: false }).first().waitFor();
    await page.locator('.scenario-graph .graph-svg').waitFor({ timeout: 20_000 });
    await checkScreen();
  });

  it('facilitator console with the exercise running', async () => {
    // why: a new address, not a hash change, so the app opens on that screen whatever it showed before
    await page.goto('about:blank');
    await page.goto(`${app.url}#console/${EXERCISE}`);
    await page.locator('h1').waitFor();
    await page.getByRole('button', { name: w.startExercise, exact: true }).click();
    await page.waitForTimeout(1500);
    await checkScreen();
  });

  it('projector view of the running exercise', async () => {
    const projector = await context.newPage();
    const projectorErrors = watchErrors(projector);
    await projector.goto(`${app.url}#projector/${EXERCISE}`);
    await projector.locator('h1').waitFor();
    await projector.waitForTimeout(1000);
    expect(await axeViolations(projector)).toEqual([]);
    expect(projectorErrors).toEqual([]);
    await projector.close();
  });
});

describe('motion', () => {
  it('stops animations and transitions when the system asks for reduced motion', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'no-preference',
    });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    await page.goto(app.url);
    const title = gate.texts.en![textKey.title()]!;
    await page.getByRole('heading', { level: 3, name: title }).locator('xpath=ancestor::li//button').click();
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    // the first decision is untimed: its first option leads to the timed one at the gate
    await page.locator('.options input').first().check();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await page.locator('.consequence .continue button').click();
    await page.locator('.countdown').waitFor();
    // the countdown bar, the gauges and the newest message move when nothing asks otherwise
    expect((await movingElements(page)).length).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await movingElements(page)).toEqual([]);
    await context.close();
  });
});
