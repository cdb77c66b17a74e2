import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createRun, type Run } from '../../../src/engine/run/run.ts';
import type { ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import { textKey } from '../../../src/engine/scenario/text-keys.ts';
import type { Policy } from '../../lms/lms-factories.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.map': 'application/json',
};

/** Unzips a package into a folder, as an LMS does on upload; returns the file names. */
export function unzipPackage(zip: string, into: string): string[] {
  const files = unzipSync(readFileSync(zip));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const path = join(into, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  return Object.keys(files);
}

/** A static file server on loopback: URL prefixes mapped to folders, plus optional routes. */
export async function serveFolders(
  folders: Record<string, string>,
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {},
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) return route(req, res);
    for (const [prefix, dir] of Object.entries(folders)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) break;
      try {
        if (!statSync(file).isFile()) break;
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Records every request the page (and its frames) makes, to prove a package fetches nothing from elsewhere. */
export function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/**
 * Plays a scenario in the app by clicking, as a trainee would, mirroring every step in the engine.
 * Stops after `decisions` decisions when given; `mirror` continues an earlier mirror (a resumed run).
 */
export async function playInApp(
  app: Page | FrameLocator,
  bundle: ScenarioBundle,
  policy: Policy,
  options: { decisions?: number; mirror?: Run; language?: 'en' | 'fr' } = {},
): Promise<Run> {
  const mirror = options.mirror ?? createRun(bundle.scenario);
  const texts = bundle.texts[options.language ?? 'en']!;
  const steps = new Map(bundle.scenario.steps.map((s) => [s.id, s]));
  let made = 0;
  while (!mirror.finished() && made < (options.decisions ?? Number.POSITIVE_INFINITY)) {
    const step = steps.get(mirror.context().step)!;
    await expect
      .poll(() => app.locator('#step-title').textContent(), { timeout: 15_000 })
      .toBe(texts[textKey.stepTitle(step.id)]);
    const d = step.decision;
    if (!d) {
      await app.locator('main button.button-primary').click();
      mirror.send({ type: 'step.continued' });
      continue;
    }
    const wanted = policy(d);
    // why: a resumed timed decision opens with its clock stopped and its options hidden
    const restart = app.getByRole('button', { name: 'Restart the clock' });
    if (await restart.count()) await restart.first().click();
    for (const id of wanted) await app.locator(`.options input[value="${id}"]`).check();
    await app.locator('.decision-footer button[type="submit"]').click();
    expect(mirror.send({ type: 'decision.chosen', optionIds: wanted })).toBe(true);
    made++;
    // why: what happened is told before the next step; after the last decision the debrief comes
    if (!mirror.finished()) await app.locator('.consequence .continue button').click();
  }
  return mirror;
}
