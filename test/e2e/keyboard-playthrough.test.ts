import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { CATALOGUE, SEVERITY_WEIGHT } from '../../src/engine/doctrine/catalogue.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { Decision, Option } from '../../src/engine/scenario/scenario.schema.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: a trainee who cannot use a mouse must get from the scenario list through a whole run, its
// content note and a break, to the debrief and its downloads, with the keyboard alone. No click
// below: only Tab, Shift+Tab, arrows, Space, Enter, Escape and typing.

const bundle = loadScenarioFolder('scenarios/15-6-sv-imminent').bundle as ScenarioBundle;
const en = (key: string) => bundle.texts.en![key]!;

const doctrineValue = (o: Option) =>
  o.follows.length - o.breaks.reduce((sum, id) => sum + SEVERITY_WEIGHT[CATALOGUE.get(id)!.severity!], 0);

/** What doctrine favours: the best option, or the best few of a "pick up to N". */
function faithful(d: Decision): string[] {
  const ranked = [...d.options].sort((a, b) => doctrineValue(b) - doctrineValue(a));
  if (d.mode !== 'multi') return [ranked[0]!.id];
  const good = ranked.filter((o) => doctrineValue(o) > 0).slice(0, d.pick ?? 1);
  return (good.length ? good : ranked.slice(0, 1)).map((o) => o.id);
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user moves through a page. */
async function tabTo(page: Page, selector: string, { back = false, limit = 80 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${selector}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a keyboard-only playthrough', () => {
  it('goes from the list through the content note, a break and every decision to the debrief, then saves and prints the report', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript(() => {
      localStorage.setItem('pocsim.language', 'en');
      // why: the print dialog is the browser's own; the test only needs to know it was asked for.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.locator('h1').waitFor();

    // the scenario list: Tab to the scenario's button and open its briefing
    const title = en(textKey.title());
    await page
      .getByRole('heading', { level: 3, name: title })
      .evaluate((h) =>
        h.closest('li')?.querySelector('.card-actions button')?.setAttribute('data-target', ''),
      );
    await tabTo(page, 'button[data-target]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // the content note comes right after the title, and says a break is there at any point
    await tabTo(page, '.content-note button');
    expect(await page.locator('.content-note').textContent()).toContain(
      'This scenario deals with sexual violence.',
    );
    await tabTo(page, '.page-briefing .button-large');
    await page.keyboard.press('Enter');

    const mirror = createRun(bundle.scenario);
    const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
    let tookBreak = false;
    while (!mirror.finished()) {
      const step = steps.get(mirror.context().step)!;
      const heading = page.getByRole('heading', { level: 2, name: en(textKey.stepTitle(step.id)) });
      await heading.waitFor();
      await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
      const d = step.decision;
      if (!tookBreak && d?.timeLimit) {
        // a break by keyboard: the dialog takes focus, Escape returns to the scenario where it was
        tookBreak = true;
        await tabTo(page, '.take-a-break', { back: true });
        await page.keyboard.press('Enter');
        await page.locator('.break-dialog[open]').waitFor();
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
        expect(await page.locator('.notice-paused').count()).toBe(1);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.notice-paused').count()).toBe(0);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('take-a-break')))
          .toBe(true);
      }
      if (!d) {
        await tabTo(page, 'main .continue button');
        await page.keyboard.press('Enter');
        mirror.send({ type: 'step.continued' });
        continue;
      }
      const wanted = faithful(d);
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
      // what the decision led to comes before the next step; its heading takes focus
      if (!mirror.finished()) {
        await tabTo(page, '.consequence .continue button');
        await page.keyboard.press('Enter');
      }
    }
    expect(tookBreak).toBe(true);

    // the debrief: its heading takes focus, the score is the engine's
    const expected = buildDebrief(bundle.scenario, mirror.log);
    await page.locator('.page-debrief').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect((await page.locator('main').textContent()) ?? '').toContain(`${expected.score.overall} / 100`);

    // the exports, by keyboard: open their section, type a name, download the run and the decisions, print
    await tabTo(page, '#more-export summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '#trainee-name');
    await page.keyboard.type('Capt. Keyboard');
    await tabTo(page, '.export-buttons button:nth-child(1)');
    expect(await focusedText(page)).toBe('Download the run (JSON)');
    const [json] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const run = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(run.scenario.id).toBe(bundle.scenario.id);
    expect(run.trainee).toEqual({ name: 'Capt. Keyboard' });
    expect(run.log.filter((e: { type: string }) => e.type === 'decision.chosen')).toHaveLength(
      mirror.log.filter((e) => e.type === 'decision.chosen').length,
    );
    await page.getByText(`Downloaded ${json.suggestedFilename()}.`).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Download the decisions (CSV)');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const rows = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(rows).toHaveLength(expected.decisions.length + 1);
    expect(csv.suggestedFilename()).toMatch(/keyboard/i);

    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Print or save as PDF');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // and back to the list, still by keyboard, where the run counts as finished
    await tabTo(page, '.debrief-actions .button-secondary:last-child', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    const card = page.getByRole('heading', { level: 3, name: title }).locator('xpath=ancestor::li');
    expect(await card.textContent()).toMatch(/Finished once/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves a run through "Take a break" and finds it kept, to continue at the same step', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    const title = en(textKey.title());
    await page
      .getByRole('heading', { level: 3, name: title })
      .evaluate((h) =>
        h.closest('li')?.querySelector('.card-actions button')?.setAttribute('data-target', ''),
      );
    await tabTo(page, 'button[data-target]');
    await page.keyboard.press('Enter');
    await tabTo(page, '.page-briefing .button-large');
    await page.keyboard.press('Enter');
    // one decision, then a break in the next step
    const first = bundle.scenario.steps.find((s) => s.id === bundle.scenario.start)!;
    await tabTo(page, '.options input');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await tabTo(page, '.consequence .continue button');
    await page.keyboard.press('Enter');
    const second = createRun(bundle.scenario);
    second.send({ type: 'decision.chosen', optionIds: [first.decision!.options[0]!.id] });
    const stepTitle = en(textKey.stepTitle(second.context().step));
    await page.getByRole('heading', { level: 2, name: stepTitle }).waitFor();
    await tabTo(page, '.take-a-break', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, '.break-dialog .button-secondary');
    expect(await focusedText(page)).toBe('Leave this scenario');
    await page.keyboard.press('Enter');

    const left = page.getByRole('heading', { level: 1, name: 'You have left the scenario' });
    await left.waitFor();
    expect(await page.locator('main').textContent()).toContain(`Your run of “${title}” is kept as it was.`);
    await tabTo(page, '.page-break .button-primary');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();

    // the list offers the run back; continuing opens the step where the trainee left
    await tabTo(page, `button[aria-label="Continue ${title}"]`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: stepTitle }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
