import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun, initialLog } from '../../src/engine/run/run.ts';
import { effectiveLimit, type TimeLimitSetting } from '../../src/engine/run/time-limits.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { Decision } from '../../src/engine/scenario/scenario.schema.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: extended time exists for trainees who read slowly or use assistive technology; these play
// §15.3 (timed and pick-3 decisions) through to the debrief with it on, once by keyboard only and
// once by touch on a phone-sized screen, where every control must be at least 44 px.

const bundle = loadScenarioFolder('scenarios/15-3-idp-site').bundle as ScenarioBundle;
const en = (key: string) => bundle.texts.en![key]!;
const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
/** One path: the first option, or the first `pick` options. */
const firstChoice = (d: Decision) =>
  d.options.slice(0, d.mode === 'multi' ? (d.pick ?? 1) : 1).map((o) => o.id);

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const countdownLimit = async (page: Page) =>
  Number(/of (\d+) s/.exec((await page.locator('.countdown').textContent()) ?? '')?.[1]);

/** Controls smaller than 44 by 44 CSS pixels (WCAG 2.5.5), with what they say. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'main button, header button, main summary, [role="switch"], input[type="range"], label.option, label.time-limit, .segmented-option',
    );
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden, [hidden]')) continue;
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}": ${Math.round(r.width)}x${Math.round(r.height)}`,
        );
    }
    return small;
  });
}

describe('a playthrough of §15.3 with extended time', () => {
  it('by keyboard only, with time limits doubled', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.route(/phaser|situation-map/, (route) => route.abort());
    await page.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    await page.goto(app.url);
    const title = en(textKey.title());
    await page
      .getByRole('heading', { level: 3, name: title })
      .evaluate((h) =>
        h.closest('li')?.querySelector('.card-actions button')?.setAttribute('data-target', ''),
      );
    await tabTo(page, 'button[data-target]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // the time-limit choice is a radio group: arrows move and select, as in any radio group
    await tabTo(page, 'input[name="time-limits"]:checked');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="time-limits"]:checked').getAttribute('value')).toBe('x2');
    await tabTo(page, '.page-briefing .button-large');
    await page.keyboard.press('Enter');

    const mirror = createRun(bundle.scenario, initialLog('x2'));
    let timed = 0;
    while (!mirror.finished()) {
      const step = steps.get(mirror.context().step)!;
      await page.getByRole('heading', { level: 2, name: en(textKey.stepTitle(step.id)) }).waitFor();
      const d = step.decision;
      if (!d) {
        await tabTo(page, 'main .continue button');
        await page.keyboard.press('Enter');
        mirror.send({ type: 'step.continued' });
        continue;
      }
      if (d.timeLimit) {
        timed += 1;
        expect(await countdownLimit(page)).toBe(d.timeLimit * 2);
      }
      const wanted = firstChoice(d);
      await tabTo(page, '.options input');
      for (let i = 0; i < wanted.length; i++) {
        if (i > 0) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Space');
      }
      const checked = await page.$$eval('.options input:checked', (els) =>
        els.map((e) => (e as HTMLInputElement).value),
      );
      expect(checked.sort()).toEqual([...wanted].sort());
      await page.keyboard.press('Enter');
      expect(mirror.send({ type: 'decision.chosen', optionIds: wanted })).toBe(true);
      if (!mirror.finished()) {
        // what happened is told first; its heading has focus, Go on is the next stop
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('consequence-title');
        await tabTo(page, '.consequence .continue button');
        await page.keyboard.press('Enter');
      }
    }
    expect(timed).toBeGreaterThan(0);
    await page.locator('.page-debrief').waitFor();
    expect(await page.locator('.report-meta').textContent()).toContain('Time limits: Twice as long');
    expect(errors.filter((e) => !/Failed to load resource|situation-map|phaser/.test(e))).toEqual([]);
    await page.close();
  });

  it('by touch on a 360 x 740 phone, with time limits 1.5 times, and 44 px targets', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.route(/phaser|situation-map/, (route) => route.abort());
    await page.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    await page.goto(app.url);
    const title = en(textKey.title());
    await page
      .getByRole('heading', { level: 3, name: title })
      .locator('xpath=ancestor::li')
      .locator('.card-actions button')
      .tap();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const problems: string[] = (await smallTargets(page)).map((p) => `briefing: ${p}`);
    await page.locator('label.time-limit', { hasText: '1.5 × longer' }).tap();
    await page.locator('.page-briefing .button-large').tap();

    // the header is a compact bar that scrolls away, with its tools behind Menu
    const header = await page.locator('header.topbar').evaluate((h) => ({
      position: getComputedStyle(h).position,
      barHeight: h.querySelector('.topbar-inner')!.getBoundingClientRect().height,
    }));
    expect(header.position).toBe('static');
    expect(header.barHeight).toBeLessThanOrEqual(64);
    // language, sound and the clock's controls open from Menu, by touch, and close again
    expect(await page.getByRole('button', { name: 'Stop the clock' }).first().isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('switch', { name: 'Sound' }).waitFor();
    problems.push(...(await smallTargets(page)).map((p) => `menu open: ${p}`));
    await page.getByRole('button', { name: 'Menu' }).tap();

    const setting: TimeLimitSetting = 'x1.5';
    const mirror = createRun(bundle.scenario, initialLog(setting));
    let timedChecked = false;
    while (!mirror.finished()) {
      const step = steps.get(mirror.context().step)!;
      await page.getByRole('heading', { level: 2, name: en(textKey.stepTitle(step.id)) }).waitFor();
      problems.push(...(await smallTargets(page)).map((p) => `${step.id}: ${p}`));
      // the play screen never scrolls sideways (the debrief's layout is tested with the debrief)
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scroll, `${step.id}: page ${scroll}px wide in ${client}px`).toBeLessThanOrEqual(client + 1);
      const d = step.decision;
      if (!d) {
        await page.locator('main .continue button').tap();
        mirror.send({ type: 'step.continued' });
        continue;
      }
      if (d.timeLimit && !timedChecked) {
        timedChecked = true;
        expect(await countdownLimit(page)).toBe(effectiveLimit(d.timeLimit, setting));
        // scrolled to the decision, the countdown stays in view above the options: nothing covers it
        await page.locator('.options').scrollIntoViewIfNeeded();
        const countdownOnTop = await page.locator('.countdown').evaluate((c) => {
          const r = c.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.top >= 0 && r.bottom <= window.innerHeight && !!hit && c.contains(hit);
        });
        expect(countdownOnTop).toBe(true);
      }
      // taps land only on a control nothing covers, so each tap also proves the header stays clear
      for (const id of firstChoice(d)) await page.locator(`label.option:has(input[value="${id}"])`).tap();
      await page.locator('.decision button[type="submit"]').tap();
      expect(mirror.send({ type: 'decision.chosen', optionIds: firstChoice(d) })).toBe(true);
      if (!mirror.finished()) {
        await page.locator('.consequence').waitFor();
        problems.push(...(await smallTargets(page)).map((p) => `after ${step.id}: ${p}`));
        await page.locator('.consequence .continue button').tap();
      }
    }
    expect(timedChecked).toBe(true);
    await page.locator('.page-debrief').waitFor();
    expect(await page.locator('.report-meta').textContent()).toContain('Time limits: 1.5 × longer');
    expect(problems).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource|situation-map|phaser/.test(e))).toEqual([]);
    await context.close();
  });
});
