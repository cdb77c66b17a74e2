// Screenshots of the situation map for a human to look at: `npx tsx scripts/map-screenshot.ts [outDir]`.
// Serves scripts/map-preview.html with Vite and drives Debian's Chromium (CHROMIUM_PATH to override).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_FLAGS } from '../test/e2e/harness.ts';

const out = process.argv[2] ?? '/tmp/pocsim-map';
const port = 5199;

const shots: {
  name: string;
  query: string;
  frames: number[];
  viewport: [number, number];
  scale?: number;
  reduced?: boolean;
}[] = [
  { name: 'mini', query: 'scenario=mini', frames: [0, 1, 2], viewport: [1000, 800] },
  { name: 'demo', query: 'scenario=demo', frames: [0, 1], viewport: [1000, 800] },
  { name: 'base-gate', query: 'scenario=15-1-base-gate', frames: [0, 3, 6], viewport: [1000, 800] },
  { name: 'base-gate-fr', query: 'scenario=15-1-base-gate&lang=fr', frames: [6], viewport: [1000, 800] },
  { name: 'demo-hidpi', query: 'scenario=demo', frames: [1], viewport: [1000, 800], scale: 2 },
  { name: 'demo-narrow', query: 'scenario=demo&width=560', frames: [1], viewport: [600, 700] },
  { name: 'demo-reduced', query: 'scenario=demo', frames: [1], viewport: [1000, 800], reduced: true },
];

async function run() {
  mkdirSync(out, { recursive: true });
  // why: a config of its own, so the preview does not depend on the app's Vite config or plugins.
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    // why: found late, these would make Vite re-optimise and reload the page mid-screenshot.
    optimizeDeps: { entries: ['scripts/map-preview.html'], include: ['phaser', 'yaml', 'zod', 'xstate'] },
    server: { port, strictPort: true, host: '127.0.0.1' },
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    for (const shot of shots) {
      const page = await browser.newPage({
        viewport: { width: shot.viewport[0], height: shot.viewport[1] },
        deviceScaleFactor: shot.scale ?? 1,
        reducedMotion: shot.reduced ? 'reduce' : 'no-preference',
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          console.log(`[${shot.name}] ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => console.log(`[${shot.name}] page error: ${e.message}`));
      await page.goto(`http://127.0.0.1:${port}/scripts/map-preview.html?${shot.query}`);
      await page.waitForFunction(() => window.mapReady === true || window.mapError !== undefined, null, {
        timeout: 30_000,
      });
      const error = await page.evaluate(() => window.mapError);
      if (error) throw new Error(`${shot.name}: ${error}`);
      const renderer = await page.evaluate(() => {
        const canvas = document.querySelector('canvas');
        return canvas
          ? canvas.getContext('webgl2')
            ? 'webgl2'
            : canvas.getContext('webgl')
              ? 'webgl'
              : '2d'
          : 'none';
      });
      for (const frame of shot.frames) {
        await page.evaluate((n) => window.showFrame?.(n), frame);
        await page.waitForTimeout(shot.reduced ? 150 : 1200);
        const file = join(out, `${shot.name}-${frame}.png`);
        await page.locator('#map').screenshot({ path: file });
        console.log(`${file} (${renderer})`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
