import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/scenario/load-scenario.ts';
import { axeViolations } from './a11y-support.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: a trainer must be able to build a bilingual scenario without typing a file: this drives the
// editor from a situation template to a saved folder (a File System Access mock in the page keeps
// what the editor writes), checks the saved files with the command line's loader, and plays it.

const SHOTS = process.env.POCSIM_SHOTS;

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A folder the page can open and write, as Chromium's showDirectoryPicker gives; writes land in `window.__saved`. */
function mockFolderPicker() {
  const saved: Record<string, string> = {};
  (window as unknown as { __saved: Record<string, string> }).__saved = saved;
  const folder = {
    kind: 'directory',
    name: 'night-alert',
    async *values() {},
    async getFileHandle(name: string) {
      return {
        kind: 'file',
        name,
        async getFile() {
          return new File([saved[name] ?? ''], name);
        },
        async createWritable() {
          let text = '';
          return {
            async write(data: string) {
              text += data;
            },
            async close() {
              saved[name] = text;
            },
          };
        },
      };
    },
  };
  (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () =>
    folder;
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

async function waitValid(page: Page) {
  await page.getByText('No errors: ready to play.').waitFor({ timeout: 20_000 });
}

describe('the visual editor', () => {
  it('builds a bilingual scenario from a template without typing YAML, saves it, and plays it to an ending', async () => {
    // why: axe is injected as an inline script, which the app's Content-Security-Policy refuses
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await context.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    await context.addInitScript(mockFolderPicker);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}#author`);

    // Start from the §15.4 template.
    await page.getByRole('heading', { name: 'Write a scenario here' }).waitFor();
    await page.getByLabel('Handbook situation').selectOption('15.4');
    await page.getByLabel('Scenario id (lower-case letters, digits and hyphens)').fill('night-alert');
    await page.getByRole('button', { name: 'Start a new scenario' }).click();
    await waitValid(page);
    await shot(page, 'editor-template');

    // Add a step after the first, and write its texts.
    await page.getByRole('button', { name: 'Add a step after this one' }).first().click();
    const step = page.locator('[data-edit-step="step"]');
    await step.waitFor();
    await step.getByLabel('Title', { exact: true }).first().fill('Shots near the village at night');
    await step.getByLabel('Narration').fill('At 02:00 the village focal point calls: shots near the wells.');
    await step.getByLabel('Question to the trainee').fill('What do you do?');

    // A reload loses nothing: the draft is offered back.
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole('button', { name: 'Resume the draft' }).click();
    await page.locator('[data-edit-step="step"]').waitFor();
    expect(await step.getByLabel('Narration').inputValue()).toContain('shots near the wells');

    // Options: labels and doctrine from the picker.
    const first = step.locator('[data-edit-option="step-a"]');
    await first.getByLabel('Label').fill('Send a patrol to the wells at once');
    await first
      .getByRole('group', { name: "Doctrine followed (Do's)" })
      .getByRole('button', { name: 'Find doctrine…' })
      .click();
    await first.getByLabel('Words or id').fill('patrol');
    await first.getByLabel('Section').selectOption('');
    const add = first.locator('.ed-picker-entry button').first();
    const picked = (await add.getAttribute('aria-label'))!.replace('Add ', '');
    await add.click();
    await first.getByRole('button', { name: 'Close the doctrine search' }).click();
    const second = step.locator('[data-edit-option="step-b"]');
    await second.getByLabel('Label').fill('Wait for daylight');
    await second
      .getByRole('group', { name: "Doctrine broken (Don'ts)" })
      .getByRole('button', { name: 'Find doctrine…' })
      .click();
    await second.getByLabel('Words or id').fill('15.4-dont-1');
    await second.getByRole('button', { name: 'Add 15.4-dont-1' }).click();

    // An ending of its own.
    await page.getByRole('tab', { name: 'Endings' }).click();
    await page.getByRole('button', { name: 'Add an ending' }).click();
    const ending = page.locator('[data-edit-ending="end"]');
    await ending.getByLabel('Title').fill('The wells were guarded');
    await ending.getByLabel('What happened').fill('The patrol reached the wells before the raiders did.');
    await ending.getByLabel('Outcome').selectOption('protected');

    // Connect: the first step's right choice to the new step by dragging its ● handle onto the
    // step on the graph, and the new step's first option to the new ending with "Leads to" (the
    // keyboard alternative).
    await page.getByRole('tab', { name: 'Steps and decisions' }).click();
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await page
      .locator('[data-edit-option="right-choice"] .ed-port')
      .dragTo(page.locator('.ed-graph g[data-step="step"] .graph-box'));
    await expect
      .poll(() => page.locator('[data-edit-option="right-choice"]').getByLabel('Leads to').inputValue())
      .toBe('step');
    await page.locator('[data-edit-option="step-a"]').getByLabel('Leads to').selectOption('end');
    await shot(page, 'editor-steps');
    // the editor's forms, picker and graph pass the same WCAG checks as the other screens
    await first
      .getByRole('group', { name: "Doctrine followed (Do's)" })
      .getByRole('button', { name: 'Find doctrine…' })
      .click();
    expect(await axeViolations(page)).toEqual([]);
    await first.getByRole('button', { name: 'Close the doctrine search' }).click();

    // The French side: every new text, side by side with its English source.
    await page.getByRole('tab', { name: 'French translation' }).click();
    const rows = page.locator('.ed-translation-table tr.ed-untranslated');
    expect(await rows.count()).toBeGreaterThan(10);
    await shot(page, 'editor-translation');
    const keys = await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.key!));
    for (const key of keys) {
      const row = page.locator(`.ed-translation-table tr[data-key="${key}"]`);
      const source = (await row.locator('td[lang="en"] p').textContent()) ?? '';
      await row.locator('textarea').fill(`FR ${source}`);
    }
    await page.keyboard.press('Tab');
    await expect.poll(() => rows.count()).toBe(0);
    await waitValid(page);

    // Save into the folder; the command line's loader accepts what was written.
    await page.getByRole('button', { name: 'Save to a folder…' }).click();
    await page.getByText('Saved to the folder “night-alert”.').waitFor();
    const saved = await page.evaluate(
      () => (window as unknown as { __saved: Record<string, string> }).__saved,
    );
    expect(Object.keys(saved).sort()).toEqual(['fr.yaml', 'scenario.yaml']);
    expect(saved['fr.yaml']).not.toContain('# untranslated');
    const loaded = loadScenario({ path: 'scenario.yaml', text: saved['scenario.yaml']! }, [
      { path: 'fr.yaml', text: saved['fr.yaml']! },
    ]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const s = loaded.bundle!.scenario;
    expect(s.steps.map((x) => x.id)).toEqual(['first-step', 'step']);
    expect(s.steps[1]!.decision!.options[0]!.follows).toEqual([picked]);
    expect(s.steps[1]!.decision!.options[1]!.breaks).toEqual(['15.4-dont-1']);
    expect(loaded.bundle!.texts.fr!['endings.end.title']).toBe('FR The wells were guarded');
    // the template's comments are still there
    expect(saved['scenario.yaml']).toContain('# Doctrine of §15.4');

    // Play it: the briefing first, then both decisions, to the new ending.
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    await page.getByRole('radio', { name: 'The action doctrine asks for' }).click();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    // what happened is told before the next step, when the option says what happened
    const goOn = () =>
      page
        .locator('.continue button')
        .first()
        .waitFor({ timeout: 3_000 })
        .then(
          () => page.locator('.continue button').first().click(),
          () => undefined,
        );
    await goOn();
    await page.getByRole('radio', { name: 'Send a patrol to the wells at once' }).click();
    await page.getByRole('button', { name: 'Confirm decision' }).click();
    await goOn();
    await page.getByText('The wells were guarded').first().waitFor({ timeout: 20_000 });
    await shot(page, 'editor-debrief');
    // Back to the editor, as it was.
    await page.getByRole('button', { name: 'Back to your scenario preview' }).first().click();
    await page.locator('[data-edit-step="step"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('draws every bundled scenario at "fit" on a 1366x768 laptop with no word under 11 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}#author`);
    await page.getByRole('heading', { name: 'Write a scenario here' }).waitFor();
    const report: string[] = [];
    for (const folder of readdirSync('scenarios').sort()) {
      const file = (name: string) => ({
        name,
        mimeType: 'text/yaml',
        buffer: readFileSync(`scenarios/${folder}/${name}`),
      });
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles([file('scenario.yaml'), file('fr.yaml')]);
      const graph = page.locator('.author-graph');
      await graph.getByRole('button', { name: 'Fit to view' }).waitFor({ timeout: 20_000 });
      const measure = () =>
        graph.evaluate((root) => {
          const svg = root.querySelector<SVGSVGElement>('svg.graph-svg')!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')]
            .filter((t) => t.getClientRects().length > 0 && (t.textContent ?? '').trim())
            .map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
          const viewport = root.querySelector<HTMLElement>('.graph-viewport')!;
          return {
            min: Math.min(...sizes),
            texts: sizes.length,
            overflow: svg.getBoundingClientRect().width - viewport.clientWidth,
          };
        });
      // why: the French file and the lint land a moment after the graph first shows, and redraw it;
      // "fit" is pressed again until the drawing it fitted is the one on screen
      await expect
        .poll(
          async () => {
            await graph.getByRole('button', { name: 'Fit to view' }).click();
            return (await measure()).overflow;
          },
          { timeout: 15_000 },
        )
        .toBeLessThanOrEqual(0);
      const measured = await measure();
      report.push(
        `${folder}: smallest word ${measured.min.toFixed(1)} px, ${measured.texts} words, ${Math.max(0, Math.round(measured.overflow))} px to scroll`,
      );
      expect(measured.min, folder).toBeGreaterThanOrEqual(11);
      // "fit" fits: the overview wraps into bands rather than scroll sideways
      expect(measured.overflow, folder).toBeLessThanOrEqual(0);
      if (SHOTS && folder.startsWith('15-1')) await graph.screenshot({ path: `${SHOTS}/fit-${folder}.png` });
      // back to the empty page for the next folder
      await page.reload();
      await page.getByRole('heading', { name: 'Write a scenario here' }).waitFor();
    }
    console.log(report.join('\n'));
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
