import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { launchBrowser, watchErrors } from './harness.ts';

// why: the networked room end to end, through a real `pocsim serve` process: the console, its
// projector and four participants' browsers (one a phone) play the opening of the leadership
// tabletop. Role-only injects must reach only their role, answers must tick the console's expected
// actions, and neither a dropped phone nor a restarted server may lose anything. The hang limit is
// generous: on the shared 2-core machine under load it took about 100 s.

const ROOT = resolve(import.meta.dirname, '../..');
const TTX = 'ttx-leadership-tessako';
const bundle = loadScenarioFolder(`scenarios/${TTX}`).bundle as ScenarioBundle;
const en = (key: string) => bundle.texts.en![key]!;
const SHOTS = process.env.POCSIM_ROOM_SHOTS; // docs/screenshots/room when making the docs' pictures

let browser: Browser;
let server: { child: ChildProcess; port: number } | undefined;
let data: string;
let scenarios: string;
const contexts: BrowserContext[] = [];

/** Starts `pocsim serve` as a user would (the CLI in its own process) and waits for its address. */
async function serve(port = 0): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      data,
      '--app',
      inject('e2eBuild'),
      '--scenarios',
      scenarios,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = await new Promise<number>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /on port (\d+)/.exec(out);
      if (m) done(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`pocsim serve exited (${code}): ${out}`)));
  });
  return { child, port: started };
}

async function stop(s: { child: ChildProcess }) {
  const exited = new Promise((done) => s.child.once('exit', done));
  s.child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'pocsim-room-data-'));
  // why: the server reads only the scenario this test plays, so it starts (and restarts) quickly.
  scenarios = mkdtempSync(join(tmpdir(), 'pocsim-room-scenarios-'));
  symlinkSync(join(ROOT, 'scenarios', TTX), join(scenarios, TTX));
  [browser, server] = await Promise.all([launchBrowser(), serve()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  if (server) await stop(server);
  rmSync(data, { recursive: true, force: true });
  rmSync(scenarios, { recursive: true, force: true });
});

async function context(options: Parameters<Browser['newContext']>[0] = {}) {
  // why: the offline service worker would precache the whole app in every context; rooms need the network anyway.
  const c = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    serviceWorkers: 'block',
    ...options,
  });
  contexts.push(c);
  return c;
}

/** A participant's page that records every frame its socket receives (WebSocket and long-polling). */
async function participant(url: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const ctx = await context(options);
  const page = await ctx.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  page.on('response', (r) => {
    if (r.url().includes('/socket.io/'))
      void r.text().then(
        (t) => frames.push(t),
        () => undefined,
      );
  });
  const errors = watchErrors(page);
  await page.goto(url);
  return { ctx, page, frames, errors };
}

async function joinAs(page: Page, role: string) {
  await page.getByRole('button', { name: en(`exercise.roles.${role}.name`), exact: true }).click();
  await page.locator('.room-inbox').waitFor();
}

const injectCard = (page: Page, id: string) => page.locator(`.room-inject[data-inject="${id}"]`);

describe('a networked room', () => {
  const t0 = Date.now();
  const mark = (what: string) =>
    process.env.POCSIM_ROOM_TIMES && console.log(`${Date.now() - t0} ms ${what}`);
  it('plays the opening of the tabletop on six devices through a real server, losing nothing', async () => {
    const base = `http://127.0.0.1:${server!.port}`;
    const consoleCtx = await context({ viewport: { width: 1366, height: 900 } });
    const con = await consoleCtx.newPage();
    const consoleErrors = watchErrors(con);
    await con.goto(`${base}/#console/${TTX}`);
    await con.getByRole('button', { name: 'Open a room' }).click();
    const code = (await con.locator('.room-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expect.poll(() => con.locator('.room-state').textContent()).toContain('Room open');

    mark('the projector joins');
    // the projector joins as a display and shows the join screen large
    const [projector] = await Promise.all([
      consoleCtx.waitForEvent('page'),
      con.getByRole('button', { name: 'Open projector' }).click(),
    ]);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => projector.locator('.room-screen-code').textContent()).toBe(code);
    await expect(projector.locator('.room-screen-qr').isVisible()).resolves.toBe(true);
    await expect.poll(() => con.locator('.room-panel').textContent()).toContain('1 projector connected');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await projector.screenshot({ path: join(SHOTS, 'projector-join-en.png') });
    }

    mark('four participants');
    // four participants: the Head of Mission on a phone, three on laptops
    const hom = await participant(`${base}/#join/${code}`, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await joinAs(hom.page, 'hom');
    const jmac = await participant(`${base}/#join`);
    await jmac.page.locator('.room-code-input').fill(code.toLowerCase());
    await jmac.page.getByRole('button', { name: 'Join', exact: true }).click();
    await joinAs(jmac.page, 'chief-jmac');
    const fc = await participant(`${base}/#join/${code}`);
    await joinAs(fc.page, 'fc');
    const pc = await participant(`${base}/#join/${code}`);
    await joinAs(pc.page, 'pc');
    await expect.poll(() => con.locator('.room-devices li').count()).toBe(4);

    // touch targets on the phone are at least 44 px high
    const small = await hom.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.room-page button, .room-page select, .room-page summary')]
        .filter((e) => e.offsetParent && e.getBoundingClientRect().height < 44)
        .map((e) => e.textContent),
    );
    expect(small).toEqual([]);

    mark('the facilitator starts');
    // the facilitator starts and releases the first injects by hand
    await con.getByRole('button', { name: 'Start', exact: true }).click();
    await con.getByRole('button', { name: 'Pause', exact: true }).click();
    const release = (id: string) =>
      con.locator(`li.xc-msel-item[data-inject="${id}"] .xc-msel-actions button`).first().click();
    await release('ev-first-report');
    await release('ev-cos-call');
    await release('ev-m9-intent');
    // the role-only call reaches the Head of Mission (with its decision), not the others
    await injectCard(hom.page, 'ev-cos-call').waitFor();
    await injectCard(jmac.page, 'ev-m9-intent').waitFor();
    await injectCard(fc.page, 'ev-first-report').waitFor();
    expect(await fc.page.locator('.room-inject').count()).toBe(1);
    expect(await hom.page.locator('[data-inject="ev-m9-intent"]').count()).toBe(0);
    if (SHOTS) await hom.page.screenshot({ path: join(SHOTS, 'inbox-phone-en.png'), fullPage: false });

    mark('the Head of Mission answers');
    // the Head of Mission answers on the phone: the console ticks "convene" at once
    await injectCard(hom.page, 'ev-cos-call').locator('[data-option="alarm-convene"]').click();
    await injectCard(hom.page, 'ev-cos-call').locator('.room-send-answer').click();
    await injectCard(hom.page, 'ev-cos-call').locator('.room-given').waitFor();
    await con.locator('li.xc-msel-item[data-inject="ev-cos-call"] .xc-msel-select').click();
    await con.locator('li.xc-expect.is-taken[data-action="act-convene"]').waitFor();
    await expect.poll(() => con.locator('.room-feed').textContent()).toContain('Head of Mission');

    mark("the JMAC's laptop");
    // the JMAC's laptop drops off the network; an inject released meanwhile arrives when it is back
    await jmac.ctx.setOffline(true);
    await jmac.page.locator('.room-offline').waitFor({ timeout: 15_000 });
    await release('ev-gate');
    await injectCard(fc.page, 'ev-gate').waitFor();
    await jmac.ctx.setOffline(false);
    await injectCard(jmac.page, 'ev-gate').waitFor({ timeout: 15_000 });
    expect(await jmac.page.locator('.room-offline').count()).toBe(0);
    expect(await jmac.page.locator('[data-inject="ev-gate"]').count()).toBe(1);

    mark('the server restarts');
    // the server restarts mid-exercise: every device comes back, nothing is lost
    await stop(server!);
    await con.locator('.room-state-offline').waitFor();
    // the console goes on alone meanwhile
    await release('ev-ocha');
    server = await serve(server!.port);
    await expect
      .poll(() => con.locator('.room-state').textContent(), { timeout: 20_000 })
      .toContain('Room open');
    await injectCard(hom.page, 'ev-cos-call').locator('.room-given').waitFor();
    mark('the Force Commander answers');
    // the Force Commander answers after the restart: the console ticks both actions the answer meets
    const gate = injectCard(fc.page, 'ev-gate');
    await gate.locator('[data-option="per-east-field"]').click({ timeout: 20_000 });
    await gate.locator('.room-send-answer').click();
    await gate.locator('.room-given').waitFor();
    await con.locator('li.xc-msel-item[data-inject="ev-gate"] .xc-msel-select').click();
    await con.locator('li.xc-expect.is-taken[data-action="act-perimeter"]').waitFor();
    await con.locator('li.xc-expect.is-taken[data-action="act-compound-decision"]').waitFor();
    // the event the console took alone reached the room: the DSRSG's inject is in the server's log
    const log = (await con.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
      `pocsim.room.v1.${TTX}`,
    )) as { pending: unknown[] };
    expect(log.pending).toEqual([]);
    // the console's log has both answers once each
    const decisions = await con.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => /^pocsim\.exercise\.ttx-leadership-tessako\.v\d+$/.test(k))
        .map((k) => localStorage.getItem(k) ?? '')
        .join('\n'),
    );
    expect(decisions.match(/"alarm-convene"/g)).toHaveLength(1);
    expect(decisions.match(/"per-east-field"/g)).toHaveLength(1);

    mark('a message from the PC');
    // a message from the PC to the Head of Mission reaches the phone only
    await pc.page.locator('.room-message-form select').selectOption('hom');
    await pc.page.locator('.room-message-form textarea').fill('Armed men seen near the east field');
    await pc.page.getByRole('button', { name: 'Send message' }).click();
    await expect
      .poll(() => hom.page.locator('.room-message-list').textContent())
      .toContain('Armed men seen near the east field');

    mark('frame audit');
    // frame audit: everything the phone's connection received
    await hom.page.waitForTimeout(300);
    const homFrames = hom.frames.join('\n');
    expect(homFrames).toContain('ev-cos-call');
    expect(homFrames).toContain(en('msel.ev-cos-call.title'));
    expect(homFrames).not.toContain('ev-m9-intent');
    expect(homFrames).not.toContain(en('msel.ev-m9-intent.title'));
    expect(homFrames).not.toContain('ev-ocha');
    expect(homFrames).not.toMatch(/act-[a-z]/);
    expect(homFrames).not.toMatch(/satisfiedBy|feedback|consequence|"notes"|ratings|doctrine/);
    const fcFrames = fc.frames.join('\n');
    expect(fcFrames).not.toContain('ev-cos-call');
    expect(fcFrames).not.toContain('Armed men seen');

    if (SHOTS) await fc.page.screenshot({ path: join(SHOTS, 'inbox-laptop-en.png') });
    // why: while the server is down or the network is off, the browser logs the failed reconnections.
    const real = (errors: string[]) =>
      errors.filter((e) => !/ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED/.test(e));
    for (const p of [hom, jmac, fc, pc]) expect(real(p.errors)).toEqual([]);
    expect(real(consoleErrors)).toEqual([]);
  }, 180_000);
});
