import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { inject } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags this machine's headless Chromium needs: no sandbox as root, and no calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The production build served on a free localhost port. */
export interface ServedApp {
  url: string;
  /** The folder the build was written to. */
  outDir: string;
  /** Stops answering (the build stays on disk), as when the network goes down; offline tests use it. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Serves a copy of the run's production build (test/e2e/build-once.ts) as a trainee would load it. */
export async function serveApp(): Promise<ServedApp> {
  // why: a copy, because the offline test publishes a "new build" by rewriting sw.js in place.
  const outDir = mkdtempSync(join(tmpdir(), 'pocsim-e2e-'));
  const prebuilt = builtForThisRun();
  if (prebuilt) cpSync(prebuilt, outDir, { recursive: true });
  // why: the screenshot scripts serve the app outside the test runner, where nothing built it.
  else await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  let stopped: Promise<void> | undefined;
  const stop = () => {
    // why: Chromium keeps connections alive; closing them lets the server stop at once.
    (server.httpServer as import('node:http').Server).closeAllConnections?.();
    stopped ??= server.close();
    return stopped;
  };
  return {
    url,
    outDir,
    stop,
    async close() {
      await stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The test run's build, or undefined outside the test runner (vitest's `inject` throws there). */
function builtForThisRun(): string | undefined {
  try {
    return inject('e2eBuild');
  } catch {
    return undefined;
  }
}

/** Starts Debian's Chromium headless; fails with the install command when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  // why: in software WebGL each frame of the map's 1 s move-and-fade costs ~90 ms, and Playwright
  // waits for still frames before every click; tests therefore run as a trainee who asked for
  // reduced motion (the app honours it everywhere). A test of motion passes reducedMotion itself.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Collects page errors and console errors, so a test can assert the page stayed healthy. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
