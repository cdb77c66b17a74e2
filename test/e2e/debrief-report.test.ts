import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { parseRunFile } from '../../src/engine/results/run-file.ts';
import { placeRun } from '../../src/engine/results/run-standing.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { launchBrowser, type ServedApp, serveApp, watchErrors } from './harness.ts';
import { isA4, readPdf, renderPdf } from './pdf.ts';

// why: the exports are where a trainee's work leaves the browser; this checks them as a trainee
// gets them (real downloads, a real print to PDF on A4) and that the CLI re-renders the same run.

const FOLDER = 'scenarios/15-1-base-gate';
const bundle = loadScenarioFolder(FOLDER).bundle as ScenarioBundle;
const out = mkdtempSync(join(tmpdir(), 'pocsim-debrief-e2e-'));
/** Set POCSIM_KEEP_PDF=<folder> to keep the printed pages there for a look. */
const keep = process.env.POCSIM_KEEP_PDF;

/** Plays the scenario by clicking, mixing good and bad answers so the debrief has something to teach. */
async function playMixed(page: Page, lang: 'en' | 'fr') {
  const mirror = createRun(bundle.scenario);
  const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
  let k = 0;
  while (!mirror.finished()) {
    const step = steps.get(mirror.context().step)!;
    await page
      .getByRole('heading', { level: 2, name: bundle.texts[lang]![textKey.stepTitle(step.id)]! })
      .waitFor();
    const d = step.decision;
    if (!d) {
      await page.locator('main button.button-primary').first().click();
      mirror.send({ type: 'step.continued' });
      continue;
    }
    const pick = k++ % 3 === 1 ? d.options[d.options.length - 1]!.id : d.options[0]!.id;
    await page.locator(`.options input[value="${pick}"]`).check();
    await page
      .getByRole('button', { name: lang === 'en' ? 'Confirm decision' : 'Confirmer la décision' })
      .click();
    mirror.send({ type: 'decision.chosen', optionIds: [pick] });
    if (!mirror.finished()) await page.locator('.consequence .continue button').click();
  }
}

/** Serious or critical accessibility problems axe finds in the page. */
async function axeProblems(page: Page): Promise<string[]> {
  // why: evaluation over the DevTools protocol is not a page script, so the app's content
  // security policy need not be loosened to bring axe in.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run('main', {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the debrief’s exports in the browser', () => {
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await serveApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it.each(['en', 'fr'] as const)(
    'downloads the run and the decisions, and prints a clean A4 report (%s)',
    async (lang) => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.addInitScript((l) => localStorage.setItem('pocsim.language', l), lang);
      await page.goto(app.url);
      const title = bundle.texts[lang]![textKey.title()]!;
      await page
        .getByRole('heading', { level: 3, name: title })
        .evaluate((h) => (h.closest('li')!.querySelector('button') as HTMLButtonElement).click());
      await page.locator('.screen-briefing main button.button-primary').click();
      await playMixed(page, lang);
      await page.locator('.page-debrief').waitFor();
      const shown = (await page.locator('.score-big').textContent())!.trim();
      await page.waitForSelector('.path-graph svg.graph-svg', { state: 'attached' });
      expect(await axeProblems(page)).toEqual([]);
      if (keep) {
        await page.waitForSelector('.path-graph svg.graph-svg', { state: 'attached' });
        await page.screenshot({ path: join(keep, `screen-debrief-${lang}.png`), fullPage: true });
      }

      const t =
        lang === 'en'
          ? {
              name: 'Your name (optional, for your trainer)',
              json: 'Download the run (JSON)',
              csv: 'Download the decisions (CSV)',
            }
          : {
              name: 'Votre nom (facultatif, pour votre formateur)',
              json: 'Télécharger la partie (JSON)',
              csv: 'Télécharger les décisions (CSV)',
            };
      // the exports wait in the full report's last section, closed until the trainee opens it
      await page.locator('#more-export summary').click();
      await page.getByRole('textbox', { name: t.name }).fill('Capt. Amina Diallo');

      // JSON: a run file that re-scores to what the page shows, and that the CLI reports the same way
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.json }).click(),
      ]);
      expect(json.suggestedFilename()).toMatch(/^15-1-base-gate-capt-amina-diallo-\d{4}-\d{2}-\d{2}\.json$/);
      const jsonPath = join(out, `${lang}-${json.suggestedFilename()}`);
      await json.saveAs(jsonPath);
      const parsed = parseRunFile(readFileSync(jsonPath, 'utf8'), jsonPath);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
      expect(parsed.run).toMatchObject({
        scenario: { id: bundle.scenario.id },
        language: lang,
        trainee: { name: 'Capt. Amina Diallo' },
      });
      const standing = placeRun(parsed.run, [bundle.scenario]);
      if (standing.kind !== 'current') throw new Error(standing.kind);
      expect(shown).toBe(`${standing.debrief.score.overall} / 100`);
      expect(standing.debrief.score.criticalBreach).toBe(true);
      // why: the robot answers faster than a person can, which the report flags; accepted here
      const cli = runCli(['report', jsonPath, '--format', 'md', '--accept-implausible']);
      expect(cli.code).toBe(0);
      expect(cli.stdout).toContain(`**${shown}**`);
      for (const v of standing.debrief.violations) expect(cli.stdout).toContain(`\`${v.doctrine}\``);

      // CSV: UTF-8 with a byte-order mark, one row per decision
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.csv }).click(),
      ]);
      const csvPath = join(out, `${lang}-${csv.suggestedFilename()}`);
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(rows).toHaveLength(standing.debrief.decisions.length + 1);
      expect(rows[1]).toContain(
        standing.debrief.decisions[0]!.followed[0] ?? standing.debrief.decisions[0]!.score,
      );

      // Print: A4 pages, the report's content and none of its controls
      // the full report, as "Print full report" sets it up (the print dialog itself is stubbed)
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page
        .getByRole('button', { name: lang === 'en' ? 'Print full report' : 'Imprimer le rapport complet' })
        .click();
      await page.emulateMedia({ media: 'print' });
      const pdfPath = join(keep ?? out, `debrief-${lang}.pdf`);
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
      // why: pdf.js reads the pages; the suite needs no poppler.
      const printed = await readPdf(pdfPath);
      for (const p of printed.pages) expect(isA4(p)).toBe(true);
      expect(printed.pages.length).toBeGreaterThan(1);
      const text = printed.text.replace(/\s+/g, ' ');
      expect(text).toContain(title.split(':')[0]!);
      expect(text).toMatch(lang === 'en' ? /critical Don’t,? broken/ : /critique,? enfreint/);
      expect(text).toContain(
        lang === 'en' ? 'Trainee: Capt. Amina Diallo' : 'Stagiaire : Capt. Amina Diallo',
      );
      expect(text).toContain(standing.debrief.violations[0]!.doctrine);
      expect(text).toContain(CATALOGUE.get(standing.debrief.violations[0]!.doctrine)!.section);
      for (const control of [
        t.json,
        t.csv,
        lang === 'en' ? 'Replay from this decision' : 'Rejouer à partir de cette décision',
      ])
        expect(text).not.toContain(control);
      // the pages become images a reviewer can look at
      await renderPdf(pdfPath, keep ?? out, `debrief-${lang}`);
      expect(existsSync(pdfPath)).toBe(true);

      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
