import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { faithful, type Policy, reckless } from '../play-policies.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

const load = (folder: string) => loadScenarioFolder(folder).bundle as ScenarioBundle;
const bundle = load('scenarios/15-1-base-gate');
const text = (key: string) => bundle.texts.en![key]!;

/** Presses Tab until the focused element matches, as a keyboard user would move through the page. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits for the debrief's verdict, which names the ending the run reached. */
async function debriefNamesEnding(page: Page, title: string): Promise<void> {
  const ending = page.locator('.verdict-ending-title');
  await ending.waitFor();
  expect(await ending.textContent()).toBe(title);
}

/** Plays the scenario through the UI with the keyboard only, mirroring each step in the engine. */
async function playWithKeyboard(page: Page, policy: Policy, language: 'en' | 'fr' = 'en', played = bundle) {
  const mirror = createRun(played.scenario);
  const steps = new Map(played.scenario.steps.map((s) => [s.id, s]));
  while (!mirror.finished()) {
    const step = steps.get(mirror.context().step)!;
    const heading = page.getByRole('heading', {
      level: 2,
      name: played.texts[language]![textKey.stepTitle(step.id)]!,
    });
    await heading.waitFor().catch(async (e: Error) => {
      const shown = await page.locator('main h2').allTextContents();
      throw new Error(`${e.message}\nthe page shows: ${shown.join(' | ')}`);
    });
    // the new step's heading takes focus, so screen-reader and keyboard users start from it
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const d = step.decision;
    if (!d) {
      await tabTo(page, 'main button.button-primary');
      await page.keyboard.press('Enter');
      mirror.send({ type: 'step.continued' });
      continue;
    }
    const wanted = policy(d);
    await tabTo(page, '.options input');
    for (const [i, o] of d.options.entries()) {
      if (d.mode === 'multi') {
        if (wanted.includes(o.id)) await page.keyboard.press('Space');
      } else if (o.id === wanted[0]) {
        if (i === 0) await page.keyboard.press('Space');
        break;
      }
      if (i < d.options.length - 1) await page.keyboard.press('ArrowDown');
    }
    const checked = await page.$$eval('.options input:checked', (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(checked.sort()).toEqual([...wanted].sort());
    await page.keyboard.press('Enter');
    expect(mirror.send({ type: 'decision.chosen', optionIds: wanted })).toBe(true);
    if (!mirror.finished()) {
      await tabTo(page, '.consequence .continue button');
      await page.keyboard.press('Enter');
    }
  }
  return buildDebrief(played.scenario, mirror.log);
}

describe('playing §15.1 in the browser with the keyboard', () => {
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

  async function openScenario(language: 'en' | 'fr', opened = bundle) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.addInitScript((l) => localStorage.setItem('pocsim.language', l), language);
    await page.goto(app.url);
    const title = opened.texts[language]![textKey.title()]!;
    const card = page.getByRole('heading', { level: 3, name: title });
    await card.waitFor();
    await card.evaluate((h) => h.closest('li')?.querySelector('button')?.setAttribute('data-target', ''));
    await tabTo(page, '.scenario-card button[data-target]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await tabTo(page, '.screen-briefing main button.button-primary');
    await page.keyboard.press('Enter');
    return { page, errors };
  }

  it.each([
    ['doctrine-faithful', faithful],
    ['reckless', reckless],
  ] as const)('a %s run ends in its ending with the score the engine gives', async (_name, policy) => {
    const { page, errors } = await openScenario('en');
    const expected = await playWithKeyboard(page, policy);
    const ending = bundle.scenario.endings.find((e) => e.id === expected.ending!.id)!;

    await debriefNamesEnding(page, text(textKey.endingTitle(ending.id)));
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain(`${expected.score.overall} / 100`);
    expect(body).toContain(expected.score.passed ? 'Passed' : 'Not passed');
    // every decision is listed with its handbook references
    for (const d of expected.decisions) {
      expect(body).toContain(text(textKey.stepTitle(d.step)));
      for (const id of [...d.followed, ...d.broken.map((b) => b.doctrine)]) {
        expect(body).toContain(CATALOGUE.get(id)!.summary.en);
      }
    }
    if (expected.score.criticalBreach) {
      // the critical Don't leads the things to remember, and has its own section in the full report
      const first = page.locator('.remember-item').first();
      expect((await first.textContent()) ?? '').toContain('A critical Don’t');
      const section = page.getByRole('group', { name: /critical Don.ts? broken/ });
      expect(await section.count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives the two runs different endings, and the reckless one a lower, flagged score', () => {
    const run = (policy: Policy) => {
      const r = createRun(bundle.scenario);
      const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
      while (!r.finished()) {
        const d = steps.get(r.context().step)!.decision;
        r.send(d ? { type: 'decision.chosen', optionIds: policy(d) } : { type: 'step.continued' });
      }
      return buildDebrief(bundle.scenario, r.log);
    };
    const a = run(faithful);
    const b = run(reckless);
    expect(a.ending?.id).not.toBe(b.ending?.id);
    expect(a.score.overall!).toBeGreaterThan(b.score.overall!);
    expect(a.score.passed).toBe(true);
    expect(b.score.criticalBreach).toBe(true);
  });

  it('plays in French from briefing to debrief', async () => {
    const { page, errors } = await openScenario('fr');
    expect(await page.getByRole('button', { name: 'Confirmer la décision' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const expected = await playWithKeyboard(page, reckless, 'fr');
    const fr = bundle.texts.fr!;
    await debriefNamesEnding(page, fr[textKey.endingTitle(expected.ending!.id)]!);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Non réussi');
    expect(body).toContain('Score par niveau et par phase');
    for (const v of expected.violations) expect(body).toContain(CATALOGUE.get(v.doctrine)!.summary.fr);
    expect(errors).toEqual([]);
    await page.close();
  });
});
