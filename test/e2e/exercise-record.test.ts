import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { MselItem } from '../../src/engine/scenario/scenario.schema.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';

// why: the review's first finding was a report that contradicted the room; this test runs the
// tabletop as a facilitator would, paused and jumping from inject to inject, and checks that what
// the table decided is what the report says.

const SHOTS = process.env.POCSIM_SHOTS ?? join(import.meta.dirname, '__screenshots__');
const bundle = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle as ScenarioBundle;
const x = bundle.scenario.exercise!;
const en = (key: string) => bundle.texts.en![key]!;
const item = (id: string) => x.msel.find((m) => m.id === id)!;
const role = (id: string) => en(textKey.exerciseRole(id));

/** Four roles, each deciding the option the file names as taking their expected action. */
const DECISIONS = [
  { inject: 'ev-cos-call', role: 'hom', action: 'act-convene' },
  { inject: 'ev-wara', role: 'fc', action: 'act-interpose' },
  { inject: 'ev-armed-men', role: 'pc', action: 'act-screen' },
  { inject: 'ev-video', role: 'spokesperson', action: 'act-first-statement' },
].map((d) => {
  const action = item(d.inject).expects.find((a) => a.id === d.action)!;
  return { ...d, option: action.satisfiedBy[0]!, contingency: action.contingency };
});

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

const line = (page: Page, m: MselItem) => page.locator(`.xc-msel-item[data-inject="${m.id}"]`);

/** Jumps from inject to inject, holding awaited actions open, until `target` is out. */
async function jumpTo(page: Page, target: MselItem) {
  for (let i = 0; i < 30; i++) {
    if ((await line(page, target).textContent())?.includes('Released')) return;
    await page.getByRole('button', { name: 'Jump, hold open' }).click();
    await page.waitForTimeout(50);
  }
  throw new Error(`never reached ${target.id}`);
}

describe('the record of a facilitated tabletop in Chromium', () => {
  it('credits four roles’ decisions to their expected actions, fires no contingency for them, takes a correction back and forth, and the report agrees', async () => {
    expect(DECISIONS.every((d) => d.option)).toBe(true);
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript(() => {
      if (!localStorage.getItem('pocsim.language')) localStorage.setItem('pocsim.language', 'en');
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}#console`);
    await page.getByRole('button', { name: `Prepare the exercise: ${en(textKey.title())}` }).click();
    await page.getByRole('heading', { name: 'Before you start' }).waitFor();

    // printed inject cards for the role-only injects: one A4 page per recipient, in English and French
    const cards = x.msel
      .filter((m) => !m.projector)
      .reduce((n, m) => n + (m.to === 'all' ? x.roles.length : m.to.length), 0);
    await page.getByRole('button', { name: 'Printables' }).click();
    await page.getByRole('button', { name: 'Inject cards', exact: true }).click();
    for (const lang of ['en', 'fr'] as const) {
      if (lang === 'fr') await page.getByRole('button', { name: 'Français' }).click();
      await page
        .getByRole('button', { name: lang === 'en' ? 'Print the cards' : 'Imprimer les fiches' })
        .waitFor();
      expect(await page.locator('.xpr-card').count()).toBe(cards);
      await page.screenshot({ path: join(SHOTS, `printable-inject-cards-${lang}.png`) });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      writeFileSync(join(SHOTS, `printable-inject-cards-${lang}.pdf`), pdf);
      // why: counted from the PDF's own page objects (no poppler); one card, one page.
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(cards);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Back to the console' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // Space pauses, as the screen says; the room talks while the clock stands still
    await page.getByText('Keys: Space pauses or resumes, R releases the next inject').waitFor();
    await page.locator('h1').first().focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();

    for (const d of DECISIONS) {
      const m = item(d.inject);
      await jumpTo(page, m);
      await line(page, m).locator('.xc-msel-select').click();
      const card = page.getByRole('article', { name: en(textKey.mselTitle(m.id)) });
      await card.getByRole('radio', { name: en(textKey.optionLabel(d.option)) }).check();
      await card.getByRole('combobox', { name: 'Decided by' }).selectOption(d.role);
      await card.getByRole('button', { name: 'Record decision' }).click();
      await card.getByText(`Decision recorded for ${role(d.role)}.`).waitFor();
      const said = (await card.getByRole('status').textContent())!;
      expect(said).toContain('Counted as taken: ');
      expect(said).toContain(en(textKey.expectedAction(d.action)));
    }

    // "Next inject" passes awaited actions only after asking: it names them and what would fire
    await page.getByRole('button', { name: 'Next inject', exact: true }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    const asked = (await ask.textContent())!;
    expect(asked).toMatch(/Moving to the next inject passes \d+ awaited actions?/);
    for (const d of DECISIONS) expect(asked).not.toContain(en(textKey.expectedAction(d.action)));
    await page.screenshot({ path: join(SHOTS, 'console-next-inject-asks-en.png') });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.count()).toBe(0);

    // a correction: the Force Commander's decision undone (the action is awaited again), then redone
    const fc = DECISIONS[1]!;
    await page.getByRole('tab', { name: 'Log' }).click();
    const records = page.getByRole('region', { name: 'Correct the record' });
    const fcRecord = `${role('fc')}: ${en(textKey.optionLabel(fc.option))}`;
    await records.getByRole('button', { name: `Undo: ${fcRecord}` }).click();
    await records.getByRole('button', { name: `Redo: ${fcRecord}` }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-correction-undone-en.png') });
    await records.getByRole('button', { name: `Redo: ${fcRecord}` }).click();
    await records.getByRole('button', { name: `Undo: ${fcRecord}` }).waitFor();

    // on to the end of the MSEL, holding open what is still awaited, then end
    await jumpTo(page, item('ev-crisis-meeting'));
    await page.screenshot({ path: join(SHOTS, 'console-running-en.png') });
    await page.getByRole('button', { name: 'End exercise' }).click();
    await page.getByRole('heading', { name: 'What went well, what to improve' }).waitFor();
    await page.getByRole('button', { name: /Draft the after-action report/ }).click();
    const report = page.getByRole('article', { name: en(textKey.title()) });
    await report.getByRole('heading', { name: 'Improvement plan', exact: true }).waitFor();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exportedText = readFileSync((await json.path())!, 'utf8');
    const exported = JSON.parse(exportedText);
    writeFileSync(join(SHOTS, 'ttx-record-exported.json'), exportedText);

    // the report agrees with the room: each action taken on time by the role that decided it
    const rows = exported.report.expectedActions as { action: string; status: string; takenBy?: string }[];
    for (const d of DECISIONS)
      expect(rows.find((r) => r.action === d.action)).toMatchObject({ status: 'taken', takenBy: d.role });
    const released = exported.report.timeline.map((e: { inject: string }) => e.inject);
    for (const d of DECISIONS) if (d.contingency) expect(released).not.toContain(d.contingency);
    // why: holding open at every jump, nothing was missed behind the facilitator's back.
    expect(rows.filter((r) => r.status === 'missed')).toEqual([]);
    for (const d of DECISIONS)
      expect(
        exported.report.byRole.find((r: { role: string }) => r.role === d.role).decisions.length,
      ).toBeGreaterThanOrEqual(1);
    expect(exported.log.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['record.undone', 'record.redone', 'clock.jumped']),
    );
    const text = (await report.textContent())!;
    for (const d of DECISIONS) expect(text).toContain(en(textKey.expectedAction(d.action)));
    await page.screenshot({ path: join(SHOTS, 'report-en.png') });

    // the exported exercise comes back into the console on another browser and can be continued
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await other.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
    const fresh = await other.newPage();
    const freshErrors = watchErrors(fresh);
    await fresh.goto(`${app.url}#console`);
    await fresh
      .getByRole('region', { name: 'Continue an exported exercise' })
      .locator('input[type="file"]')
      .setInputFiles(join(SHOTS, 'ttx-record-exported.json'));
    await fresh.getByRole('heading', { name: 'What went well, what to improve' }).waitFor();
    await fresh.getByRole('button', { name: /Draft the after-action report/ }).click();
    const again = fresh.getByRole('article', { name: en(textKey.title()) });
    await again.getByRole('heading', { name: 'Improvement plan', exact: true }).waitFor();
    expect((await again.textContent())!.replace(/\s+/g, ' ')).toContain(
      en(textKey.expectedAction(DECISIONS[0]!.action)),
    );

    expect(errors).toEqual([]);
    expect(freshErrors).toEqual([]);
    await other.close();
    await context.close();
  });
});
