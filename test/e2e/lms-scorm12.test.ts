import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCommand } from '../../src/cli/package-command.ts';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import { decodeSuspendData, SUSPEND_DATA_LIMIT } from '../../src/lms/suspend-data.ts';
import { bundledScenario, faithful } from '../lms/lms-factories.ts';
import { launchBrowser, watchErrors } from './harness.ts';
import { playInApp, serveFolders, unzipPackage, watchRequests } from './lms-host/lms-harness.ts';

// why: the SCORM 1.2 package as an LMS runs it: unzipped, its imsmanifest.xml read for the launch
// address and mastery score, scorm-again's runtime as window.API in the page that frames it.

const bundle = bundledScenario('15-4-conflict-zone');
const other = bundledScenario('15-6-sv-imminent');
const ITEM = `item-${bundle.scenario.id}`;

describe('the SCORM 1.2 package under scorm-again', () => {
  let work: string;
  let zipFile: string;
  let server: Awaited<ReturnType<typeof serveFolders>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let requests: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pocsim-scorm-e2e-'));
    zipFile = join(work, 'course.zip');
    const built = await packageCommand(
      ['--scorm12', zipFile, '--scenarios', `${bundle.scenario.id},${other.scenario.id}`],
      work,
    );
    expect(built.stderr).toBe('');
    unzipPackage(zipFile, join(work, 'course'));
    server = await serveFolders({
      '/course/': join(work, 'course'),
      '/host/': join(import.meta.dirname, 'lms-host'),
      '/scorm-again/': join(import.meta.dirname, '../../node_modules/scorm-again/dist'),
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchErrors(page);
    requests = watchRequests(page);
    await page.goto(`${server.origin}/host/scorm-host.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const cmi = () => page.evaluate(() => (window as any).lms.cmi());
  const sco = () => page.frameLocator('#sco');

  it('records status, score and session time, and resumes a run from suspend_data after a relaunch', async () => {
    const launched = await page.evaluate((item) => (window as any).lms.launch(item), ITEM);
    expect(launched).toBe(`index.html?scenario=${bundle.scenario.id}`);
    // the launch opens the scenario's briefing directly, under the LMS bar
    await sco().getByRole('heading', { level: 1, name: bundle.texts.en![textKey.title()]! }).waitFor();
    await expect.poll(() => sco().locator('.lms-bar').textContent()).toContain('your results are recorded');
    expect((await cmi()).core.lesson_status).toBe('incomplete');
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-scorm-briefing.png') });

    await sco().locator('.screen-briefing main button.button-primary').click();
    const mirror = await playInApp(sco(), bundle, faithful, { decisions: 3 });
    const suspended: string = (await cmi()).suspend_data;
    expect(suspended.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    const saved = decodeSuspendData(suspended);
    if (!saved.ok) throw new Error('suspend_data did not decode');
    const decisions = (log: readonly { type: string }[]) => log.filter((e) => e.type !== 'clock.ticked');
    expect(decisions(saved.run.log)).toEqual(decisions(mirror.log));

    // the learner closes the course; the LMS keeps the data and relaunches the item later
    expect(await page.evaluate((item) => (window as any).lms.close(item), ITEM)).toBe(true);
    await page.evaluate((item) => (window as any).lms.launch(item), ITEM);
    expect((await cmi()).core.entry).toBe('resume');
    const stepTitle = bundle.texts.en![textKey.stepTitle(mirror.context().step)]!;
    await expect.poll(() => sco().locator('#step-title').textContent(), { timeout: 15_000 }).toBe(stepTitle);

    const finished = await playInApp(sco(), bundle, faithful, { mirror });
    expect(finished.finished()).toBe(true);
    const main = sco().locator('main');
    await expect.poll(() => main.textContent(), { timeout: 15_000 }).toMatch(/\d+ \/ 100/);
    const shown = Number(/(\d+) \/ 100/.exec((await main.textContent()) ?? '')![1]);
    const data = await cmi();
    expect(data.core.lesson_status).toBe('passed');
    expect(data.core.score).toMatchObject({ raw: String(shown), min: '0', max: '100' });
    expect(data.suspend_data).toBe('');
    await page.screenshot({ path: join(tmpdir(), 'pocsim-lms-scorm-debrief.png') });

    await sco().getByRole('button', { name: 'Save and exit' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).lms.terminated())).toBe(true);
    const stored = await cmi();
    expect(stored.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(stored.core.exit).toBe('');
    await expect.poll(() => sco().locator('.lms-bar').textContent()).toContain('Session closed');

    expect(requests.filter((u) => !u.startsWith(server.origin) && !/^(data|blob|about):/.test(u))).toEqual(
      [],
    );
    expect(errors).toEqual([]);
    expect(statSync(zipFile).size).toBeGreaterThan(0);
  });
});
