import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCommand } from '../../src/cli/package-command.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { POCSIM_PROGRESS_STATE } from '../../src/lms/xapi-vocabulary.ts';
import { bundledScenario, faithful } from '../lms/lms-factories.ts';
import { checkCmi5Session, startTestLrs, type TestLaunch, type TestLrs } from '../lms/test-lrs.ts';
import { launchBrowser, watchErrors } from './harness.ts';
import { playInApp, serveFolders, unzipPackage, watchRequests } from './lms-host/lms-harness.ts';

// why: the cmi5 package as an LMS runs it: unzipped and served, its cmi5.xml read for the AU's id,
// launch URL and mastery score, launched in Chromium with real launch parameters against a test
// LRS on another origin that validates every statement.

const bundle = bundledScenario('15-1-base-gate');
const VERB = (s: Record<string, any>) => String(s.verb.id).split('/').pop();

describe('the cmi5 package against a test LRS', () => {
  let work: string;
  let lrs: TestLrs;
  let server: Awaited<ReturnType<typeof serveFolders>>;
  let browser: Browser;
  let au: { id: string; url: string; masteryScore: number };

  beforeAll(async () => {
    lrs = await startTestLrs();
    work = mkdtempSync(join(tmpdir(), 'pocsim-cmi5-e2e-'));
    const zip = join(work, 'course.zip');
    const built = await packageCommand(
      ['--cmi5', zip, '--scenarios', bundle.scenario.id, '--connect', new URL(lrs.endpoint).origin],
      work,
    );
    expect(built.stderr).toBe('');
    const files = unzipPackage(zip, join(work, 'course'));
    expect(files).toContain('cmi5.xml');
    const xml = readFileSync(join(work, 'course', 'cmi5.xml'), 'utf8');
    const auTag = /<au id="([^"]+)"[^>]*masteryScore="([\d.]+)"/.exec(xml)!;
    au = {
      id: auTag[1]!,
      masteryScore: Number(auTag[2]),
      url: /<url>([^<]+)<\/url>/.exec(xml)![1]!.replace(/&amp;/g, '&'),
    };
    server = await serveFolders(
      { '/course/': join(work, 'course') },
      {
        '/lms/returned': (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end('<!doctype html><title>LMS</title><link rel="icon" href="data:,"><h1>Back in the LMS</h1>');
        },
      },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await lrs?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(launch: TestLaunch, page: Page) {
    await page.goto(`${server.origin}/course/${au.url}&${launch.query}`);
    return page;
  }
  const returned = (page: Page) => page.waitForURL(`${server.origin}/lms/returned`);

  /**
   * Page errors, less the browser's log line for each 404 an LRS gives for a document it does not
   * hold yet (xAPI answers 404 for a state or profile never written); the 404s must be those only.
   */
  function watchLmsErrors(page: Page): () => string[] {
    const errors = watchErrors(page);
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(`${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    return () => {
      expect(
        missing.every((m) => /^GET \/xapi\/(activities\/state|agents\/profile)$/.test(m)),
        missing.join(),
      ).toBe(true);
      const notFound = errors.filter((e) => e.includes('status of 404'));
      expect(notFound).toHaveLength(missing.length);
      return errors.filter((e) => !e.includes('status of 404'));
    };
  }

  it('sends initialized, an answered per decision, completed, passed and terminated; resumes in a later session', async () => {
    expect(au).toEqual({
      id: `https://pocsim.org/xapi/scenarios/${bundle.scenario.id}`,
      url: `index.html?scenario=${bundle.scenario.id}`,
      masteryScore: bundle.scenario.masteryScore / 100,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchLmsErrors(page);
    const requests = watchRequests(page);
    const returnURL = `${server.origin}/lms/returned`;

    // session 1: three decisions, then the trainee leaves through the LMS bar
    const first = lrs.launch({ publisherId: au.id, masteryScore: au.masteryScore, returnURL });
    await open(first, page);
    await page.getByRole('heading', { level: 1, name: bundle.texts.en![textKey.title()]! }).waitFor();
    await expect.poll(() => page.locator('.lms-bar').textContent()).toContain('your results are recorded');
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-cmi5-briefing.png') });
    await page.locator('.screen-briefing main button.button-primary').click();
    const mirror = await playInApp(page, bundle, faithful, { decisions: 3 });
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-cmi5-play.png') });
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await returned(page);
    const one = lrs.session(first.sessionId);
    expect(one.map(VERB)).toEqual(['initialized', 'answered', 'answered', 'answered', 'terminated']);
    expect(checkCmi5Session(one, first)).toEqual([]);
    expect((lrs.state(POCSIM_PROGRESS_STATE, first) as { run: string | null }).run).toMatch(/^pocsim1:/);

    // session 2 of the same registration: the run reopens at the same step and ends
    const second = lrs.launch({
      publisherId: au.id,
      activityId: first.activityId,
      registration: first.registration,
      masteryScore: au.masteryScore,
      returnURL,
    });
    await open(second, page);
    const stepTitle = bundle.texts.en![textKey.stepTitle(mirror.context().step)]!;
    await expect.poll(() => page.locator('#step-title').textContent(), { timeout: 15_000 }).toBe(stepTitle);
    const finished = await playInApp(page, bundle, faithful, { mirror });
    expect(finished.finished()).toBe(true);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/\d+ \/ 100/);
    const shown = Number(/(\d+) \/ 100/.exec((await page.locator('main').textContent()) ?? '')![1]);
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-cmi5-debrief.png'), fullPage: false });
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await returned(page);

    const two = lrs.session(second.sessionId);
    const answered = two.filter((s) => VERB(s) === 'answered');
    expect(two.map(VERB)).toEqual([
      'initialized',
      ...answered.map(() => 'answered'),
      'completed',
      'passed',
      'terminated',
    ]);
    expect(answered.length + 3).toBe(
      mirror.context().history.filter((h) => h.type === 'decision.made').length,
    );
    expect(checkCmi5Session(two, second, one)).toEqual([]);
    const passed = two.find((s) => VERB(s) === 'passed')!;
    expect(passed.result.score.scaled).toBe(shown / 100);
    for (const s of answered) {
      expect(s.object.definition.interactionType).toBe('choice');
      expect(s.result.duration).toMatch(/^PT\d+(\.\d+)?S$/);
    }
    expect(lrs.statements.filter((r) => r.warnings.length).flatMap((r) => r.warnings)).toEqual([]);
    const allowed = [server.origin, new URL(lrs.endpoint).origin];
    expect(
      requests.filter((u) => !allowed.some((o) => u.startsWith(o)) && !/^(data|blob|about):/.test(u)),
    ).toEqual([]);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('in Browse mode, in the learner’s language, records only initialized and terminated', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchLmsErrors(page);
    const launch = lrs.launch({
      publisherId: au.id,
      launchMode: 'Browse',
      languagePreference: 'fr-FR,en-US',
    });
    await open(launch, page);
    await page.getByRole('heading', { level: 1, name: bundle.texts.fr![textKey.title()]! }).waitFor();
    await expect.poll(() => page.locator('.lms-bar').textContent()).toContain('Mode consultation');
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-cmi5-browse-fr.png') });
    await page.locator('.screen-briefing main button.button-primary').click();
    await playInApp(page, bundle, faithful, { decisions: 2, language: 'fr' });
    await page.getByRole('button', { name: 'Enregistrer et quitter' }).click();
    await expect.poll(() => page.locator('.lms-bar').textContent()).toContain('Session fermée');
    // why: the bar says the session is closed once terminated is queued; the LRS has it a moment later
    await expect.poll(() => lrs.session(launch.sessionId).map(VERB)).toEqual(['initialized', 'terminated']);
    const statements = lrs.session(launch.sessionId);
    expect(checkCmi5Session(statements, launch)).toEqual([]);
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('keeps completed and passed through an LRS outage at the end of a run, and delivers them once in a later launch', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const first = lrs.launch({ publisherId: au.id, masteryScore: au.masteryScore });
    await open(first, page);
    await expect
      .poll(() => page.locator('.lms-bar').textContent())
      .toContain('vos résultats sont enregistrés');
    await page.locator('.screen-briefing main button.button-primary').click();
    const mirror = await playInApp(page, bundle, faithful, { decisions: 2, language: 'fr' });
    await expect.poll(() => lrs.session(first.sessionId).length).toBe(3);

    // the LRS goes down for the rest of the run and the whole of this launch
    lrs.outage.down = true;
    await playInApp(page, bundle, faithful, { mirror, language: 'fr' });
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/\d+ \/ 100/);
    await expect
      .poll(() => page.locator('.lms-bar').textContent())
      .toMatch(/\d+ résultats en attente d’envoi à votre plateforme de formation/);
    await page.getByRole('button', { name: 'Enregistrer et quitter' }).click();
    await expect.poll(() => page.locator('.lms-bar').textContent()).toContain('Session fermée');
    await expect
      .poll(() => page.locator('.lms-bar').textContent())
      .toContain('à la prochaine ouverture de cette activité');
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-cmi5-waiting.png') });
    await page.close();
    expect(lrs.session(first.sessionId).map(VERB)).toEqual(['initialized', 'answered', 'answered']);

    // a later launch of the same registration, with the LRS back
    lrs.outage.down = false;
    const second = lrs.launch({
      publisherId: au.id,
      activityId: first.activityId,
      registration: first.registration,
      masteryScore: au.masteryScore,
    });
    const again = await context.newPage();
    await open(second, again);
    await expect
      .poll(() => again.locator('.lms-bar').textContent())
      .toContain('vos résultats sont enregistrés');
    await again.getByRole('button', { name: 'Enregistrer et quitter' }).click();
    await expect.poll(() => lrs.session(second.sessionId).map(VERB)).toEqual(['initialized', 'terminated']);

    const one = lrs.session(first.sessionId);
    const decisions = mirror.context().history.filter((h) => h.type === 'decision.made').length;
    expect(one.map(VERB)).toEqual([
      'initialized',
      ...Array.from({ length: decisions }, () => 'answered'),
      'completed',
      'passed',
      'terminated',
    ]);
    expect(checkCmi5Session(one, first)).toEqual([]);
    expect(checkCmi5Session(lrs.session(second.sessionId), second, one)).toEqual([]);
    const inRegistration = lrs.statements
      .map((r) => r.statement)
      .filter((s) => s.context.registration === first.registration);
    expect(inRegistration.filter((s) => VERB(s) === 'completed')).toHaveLength(1);
    expect(inRegistration.filter((s) => VERB(s) === 'passed')).toHaveLength(1);
    expect(lrs.state(POCSIM_PROGRESS_STATE, second)).toEqual({ completed: true, passed: true, run: null });
    expect(lrs.statements.filter((r) => r.warnings.length).flatMap((r) => r.warnings)).toEqual([]);
    expect(await again.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await context.close();
  });
});
