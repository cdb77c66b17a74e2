import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { exerciseSeconds } from '../../src/engine/exercise/exercise-time.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { MselItem } from '../../src/engine/scenario/scenario.schema.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';
import { isA4, readPdf, renderPdf } from './pdf.ts';

const SHOTS = join(import.meta.dirname, '__screenshots__');
const bundle = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle as ScenarioBundle;
const x = bundle.scenario.exercise!;
const en = (key: string) => bundle.texts.en![key]!;
const fr = (key: string) => bundle.texts.fr![key]!;
const title = (item: MselItem, lang: 'en' | 'fr' = 'en') =>
  (lang === 'en' ? en : fr)(textKey.mselTitle(item.id));
const role = (id: string) => en(textKey.exerciseRole(id));

// why: the test reads its injects from the file, so a rewritten MSEL changes the inputs, not the test.
const scheduled = x.msel
  .filter((m) => m.at !== undefined)
  .sort((a, b) => exerciseSeconds(a.at!) - exerciseSeconds(b.at!));
/** The first inject, released by the clock, and its expected action whose miss fires a contingency. */
const first = scheduled[0]!;
const missable = first.expects.find((a) => a.contingency)!;
const autoContingency = x.msel.find((m) => m.id === missable.contingency)!;
/** The next scheduled inject, meant for one role only: it must never reach the projector. */
const roleOnly = scheduled.find((m) => m !== first && !m.projector)!;
/** A later inject for the whole room that puts a step decision to the table, released by hand. */
const byHand = scheduled.find((m) => m.to === 'all' && m.step && m.projector && m !== first)!;
/** A contingency for the room, fired by hand. */
const manualContingency = x.msel.find((m) => m.contingency && m.projector && m.to === 'all')!;
const step = bundle.scenario.steps.find((s) => s.id === byHand.step)!;
// why: the option that stands for the step's expected actions, so recording it keeps their
// contingency (the one fired by hand below) from firing by itself while the clock runs on
const option =
  step.decision!.options.find((o) => byHand.expects.some((a) => a.satisfiedBy?.includes(o.id))) ??
  step.decision!.options[0]!;
const NOTE = 'Chief JOC needed two reminders before calling Headquarters.';

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

/** Serious or critical accessibility problems axe finds in the page. */
async function axeProblems(page: Page, scope: string): Promise<string[]> {
  // why: the app's content security policy refuses inline scripts; evaluation over the DevTools
  // protocol is not a page script, so axe can be brought in without weakening the policy.
  await page.evaluate(axe.source);
  return page.evaluate(async (within) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(within, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, scope);
}

const line = (page: Page, item: MselItem) => page.locator(`.xc-msel-item[data-inject="${item.id}"]`);
const consoleTime = (page: Page) => page.locator('.xc-status .xc-elapsed');

// why: the exercise clock is the engine's XState actor on real time, at its default x60: one
// scenario minute per real second, so the first inject (0:10) comes after ten real seconds.
const SECOND = 1000;

describe('the facilitator console in Chromium, with the projector window open', () => {
  it('runs the leadership tabletop: on time and by hand, a pause, three roles, contingencies, then the after-action report', async () => {
    expect([first, roleOnly, byHand, manualContingency, autoContingency].every(Boolean)).toBe(true);
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

    // the menu leads facilitators to the console
    await page.goto(app.url);
    await page.getByText('For trainers and facilitators').click();
    await page.getByRole('button', { name: 'Open the facilitator console' }).click();
    await page.getByRole('heading', { level: 1, name: 'Run a facilitated exercise' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/console$/);
    await page.getByRole('button', { name: `Prepare the exercise: ${en(textKey.title())}` }).click();
    await page.getByRole('heading', { name: 'Before you start' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/console\/ttx-leadership-tessako$/);

    // the projector opens in a second window of the same browser
    const [projector] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open projector' }).click(),
    ]);
    const projectorErrors = watchErrors(projector);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.getByRole('heading', { level: 1, name: en(textKey.title()) }).waitFor();
    expect(projector.url()).toMatch(/#\/projector\/ttx-leadership-tessako$/);
    await projector.getByText('The exercise will begin shortly.').waitFor();

    // on time: the first inject comes out when the clock reaches it, not before
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const firstAt = exerciseSeconds(first.at!) / 60;
    expect(await line(page, first).textContent()).toContain('Next, in');
    await expect
      .poll(() => line(page, first).textContent(), { timeout: (firstAt + 5) * SECOND })
      .toContain('Released on time');
    expect(await line(page, first).textContent()).toContain(`T+00:${String(firstAt).padStart(2, '0')}`);
    await projector.getByRole('heading', { name: title(first) }).waitFor();

    // a pause: the clock stops and nothing comes out, however long the room talks
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const pausedAt = await consoleTime(page).textContent();
    await projector.getByText('Exercise paused').waitFor();
    await page.waitForTimeout(3 * SECOND);
    expect(await consoleTime(page).textContent()).toBe(pausedAt);
    expect(await line(page, roleOnly).textContent()).not.toContain('Released');
    await page.getByRole('button', { name: 'Resume', exact: true }).click();

    // why: first, while its window is still open: at one exercise minute a second, the records
    // below take long enough on a loaded machine for the window to lapse.
    // an expected action ticked for the role that took it, from the watch list
    const other = first.expects.find((a) => a !== missable)!;
    await page
      .getByRole('region', { name: /^Watching for/ })
      .getByRole('button', { name: `Mark as taken: ${en(textKey.expectedAction(other.id))}` })
      .click();

    // by hand: an inject released now, its decision recorded for the Force Commander
    await page.getByRole('button', { name: `Release now: ${title(byHand)}` }).click();
    await expect.poll(() => line(page, byHand).textContent()).toContain('Released by hand');
    await line(page, byHand).locator('.xc-msel-select').click();
    const card = page.getByRole('article', { name: title(byHand) });
    await card
      .getByRole(step.decision!.mode === 'multi' ? 'checkbox' : 'radio', {
        name: en(textKey.optionLabel(option.id)),
      })
      .check();
    await card.getByRole('combobox', { name: 'Decided by' }).selectOption('fc');
    await card.getByRole('button', { name: 'Record decision' }).click();
    await card.getByText(`Decision recorded for ${role('fc')}.`).waitFor();

    // free-text decisions for the Head of Mission and the Police Commissioner, tagged; a note
    const side = page.getByRole('tabpanel');
    await side.getByRole('combobox', { name: 'Role' }).selectOption('hom');
    await side
      .getByRole('textbox', { name: 'What was decided' })
      .fill('Convene the crisis management team now.');
    await side.getByRole('checkbox', { name: 'Tier I', exact: true }).check();
    await side.getByRole('checkbox', { name: 'Response', exact: true }).check();
    await side.getByRole('combobox', { name: 'Doctrine followed' }).selectOption('15.1-do-1');
    await side.getByRole('button', { name: 'Add', exact: true }).click();
    await side.getByRole('button', { name: 'Record decision' }).click();
    await side.getByText(`Decision recorded for ${role('hom')}.`).waitFor();
    await side.getByRole('combobox', { name: 'Role' }).selectOption('pc');
    await side.getByRole('textbox', { name: 'What was decided' }).fill('FPU to the screening point.');
    await side.getByRole('checkbox', { name: 'Tier II', exact: true }).check();
    await side.getByRole('button', { name: 'Record decision' }).click();
    await side.getByText(`Decision recorded for ${role('pc')}.`).waitFor();
    await side.getByRole('combobox', { name: 'Role' }).selectOption('chief-joc');
    await side.getByRole('button', { name: 'Note', exact: true }).click();
    await side.getByRole('textbox', { name: 'Note (kept off the projector)' }).fill(NOTE);
    await side.getByRole('button', { name: 'Record note' }).click();
    await side.getByText(NOTE).waitFor();

    // a contingency fires by itself when its expected action is missed, another by hand
    await expect
      .poll(() => line(page, autoContingency).textContent(), {
        timeout: (exerciseSeconds(missable.within) / 60 + 5) * SECOND,
      })
      .toContain('Contingency fired');
    await expect.poll(() => line(page, roleOnly).textContent()).toContain('Released on time');
    await page.getByRole('button', { name: `Fire now: ${title(manualContingency)}` }).click();
    await expect.poll(() => line(page, manualContingency).textContent()).toContain('Released by hand');

    // the projector: time and the room's injects, never notes or role-only injects
    await projector.getByRole('heading', { name: title(manualContingency) }).waitFor();
    // why: paused, so the console's time holds still while the projector's is compared with it.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const consoleClock = (await page.locator('.xc-status .xc-time').textContent())!;
    await expect.poll(() => projector.getByRole('timer').textContent()).toContain(consoleClock);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    const wall = (await projector.locator('body').textContent())!;
    expect(wall).toContain(title(first));
    expect(wall).toContain(title(byHand));
    for (const secret of [NOTE, title(roleOnly), 'Convene the crisis management team now.'])
      expect(wall).not.toContain(secret);
    if (!autoContingency.projector) expect(wall).not.toContain(title(autoContingency));

    // reloading either window restores the exercise from its log
    await projector.reload();
    await projector.getByRole('heading', { name: title(manualContingency) }).waitFor();
    expect(await projector.locator('body').textContent()).not.toContain(NOTE);
    await page.screenshot({ path: join(SHOTS, 'exercise-console-en.png') });
    await projector.screenshot({ path: join(SHOTS, 'exercise-projector-en.png') });
    expect(await axeProblems(page, 'body')).toEqual([]);
    expect(await axeProblems(projector, 'body')).toEqual([]);
    await page.reload();
    await page
      .getByText(
        'The exercise was restored from its saved log. The clock is paused: resume when the room is ready.',
      )
      .waitFor();
    await expect.poll(() => line(page, manualContingency).textContent()).toContain('Released by hand');

    // the projector follows the console's language
    await page.getByRole('button', { name: 'Français' }).click();
    await projector.getByRole('heading', { level: 1, name: fr(textKey.title()) }).waitFor();
    await projector.getByRole('heading', { name: title(manualContingency, 'fr') }).waitFor();
    await page.getByRole('button', { name: 'Reprendre', exact: true }).click();
    await page.screenshot({ path: join(SHOTS, 'exercise-console-fr.png') });
    await projector.screenshot({ path: join(SHOTS, 'exercise-projector-fr.png') });
    await page.getByRole('button', { name: 'English' }).click();

    // the end: hotwash per role, ratings, then the drafted report
    await page.getByRole('button', { name: 'End exercise' }).click();
    await page.getByRole('heading', { name: 'What went well, what to improve' }).waitFor();
    await projector.getByText('Ended').first().waitFor();
    await page
      .getByRole('textbox', { name: `Add a strength for ${role('fc')}` })
      .fill('Clear orders at the gate.');
    await page.getByRole('button', { name: `Add a strength for ${role('fc')}` }).click();
    await page
      .getByRole('textbox', { name: `Add an area for improvement for ${role('chief-joc')}` })
      .fill('Tell Headquarters before the press does.');
    await page.getByRole('button', { name: `Add an area for improvement for ${role('chief-joc')}` }).click();
    const point = x.evaluation[0]!;
    await page
      .getByRole('group', { name: en(textKey.evaluationPoint(point.id)) })
      .getByRole('radio', { name: 'Performed with some challenges' })
      .check({ force: true });
    await page.getByRole('button', { name: /Draft the after-action report/ }).click();

    const report = page.getByRole('article', { name: en(textKey.title()) });
    await report.getByRole('heading', { name: 'Improvement plan', exact: true }).waitFor();
    expect(await axeProblems(page, 'body')).toEqual([]);
    const reportText = (await report.textContent())!;
    expect(reportText).toContain(en(textKey.exerciseObjective(x.objectives[0]!.id)));
    expect(reportText).toContain('Performed with some challenges');
    expect(reportText).toContain(en(textKey.expectedAction(missable.id)));
    for (const r of ['fc', 'hom', 'pc']) expect(reportText).toContain(role(r));
    expect(reportText).toContain('Convene the crisis management team now.');
    expect(reportText).toContain('Clear orders at the gate.');
    expect(await report.getByRole('textbox', { name: 'Corrective action 1' }).inputValue()).toBe(
      'Tell Headquarters before the press does.',
    );
    // the improvement plan fits the report's width on a 1440 px screen: nothing to scroll sideways
    const plan = report.locator('.aar-corrective').locator('xpath=..');
    expect(await plan.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    await report.locator('.aar-plan').screenshot({ path: join(SHOTS, 'exercise-plan-en.png') });
    await report.getByLabel('Due date of action 1').fill('2026-12-31');
    await report.getByLabel('Due date of action 1').blur();

    // exported as Markdown and JSON
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain(`# After-action report: ${en(textKey.title())}`);
    expect(markdown).toContain('| 1 | Tell Headquarters before the press does. |');
    expect(markdown).toContain('2026-12-31');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.report.byRole.find((r: { role: string }) => r.role === 'fc').decisions).toHaveLength(1);

    // printed on A4, the report only, in English and French
    for (const lang of ['en', 'fr'] as const) {
      if (lang === 'fr') {
        await page.getByRole('button', { name: 'Français' }).click();
        await page.getByRole('heading', { name: 'Plan d’amélioration', exact: true }).waitFor();
      }
      await page.screenshot({ path: join(SHOTS, `exercise-report-${lang}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const pdfPath = join(SHOTS, `exercise-report-${lang}.pdf`);
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      const pdf = await readPdf(pdfPath);
      expect(pdf.pages.length).toBeGreaterThan(0);
      expect(pdf.pages.every(isA4)).toBe(true);
      const text = pdf.text;
      expect(text).toContain(lang === 'en' ? 'Improvement plan' : 'Plan d’amélioration');
      expect(text).toContain('2026-12-31');
      // the first page is the summary: what was missed and the plan's first actions; detail follows
      const first = pdf.pages[0]!.text.toLowerCase();
      expect(first).toContain(
        lang === 'en' ? 'first actions of the improvement plan' : 'premières actions du plan d’amélioration',
      );
      expect(first).toContain(lang === 'en' ? 'in the report below' : 'dans le rapport ci-dessous');
      expect(pdf.pages[1]!.text.toLowerCase().startsWith(lang === 'en' ? 'objectives' : 'objectifs')).toBe(
        true,
      );
      for (const control of lang === 'en'
        ? ['Export Markdown', 'Open projector', 'Add to the plan']
        : ['Exporter en Markdown', 'Ouvrir la projection', 'Ajouter au plan'])
        expect(text).not.toContain(control);
      const pngs = await renderPdf(pdfPath, SHOTS, `exercise-report-${lang}`);
      for (const png of pngs) expect(png.inked, png.file).toBeGreaterThan(0.001);
    }

    expect(errors).toEqual([]);
    expect(projectorErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
