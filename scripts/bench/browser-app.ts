// The production build the browser sections measure (first-load, browser-load, map-frames): built
// once per `npm run bench` into a temporary folder with `vite build`, with what each chunk holds
// (module by module) recorded on the way, and served by `vite preview` as a trainee would load it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, type Plugin, preview } from 'vite';
import { launchBrowser } from '../../test/e2e/harness.ts';

/** One module's share of a chunk, as the bundler rendered it (before minification). */
export interface ModuleStat {
  id: string;
  renderedLength: number;
  code: string;
}

/** The built app: its folder, the Vite manifest, and the modules in each JavaScript chunk. */
export interface BuiltApp {
  outDir: string;
  manifest: Record<string, ManifestChunk>;
  /** Modules by chunk file name (for example `assets/index-abc.js`). */
  modules: Map<string, ModuleStat[]>;
  /** Wall seconds `vite build` took. */
  buildSeconds: number;
}

/** An entry of Vite's `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

let built: Promise<BuiltApp> | undefined;

/** Builds the app once per process (sections share it); the folder goes when the process exits. */
export function builtApp(): Promise<BuiltApp> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'pocsim-bench-'));
    process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const modules = new Map<string, ModuleStat[]>();
    const record: Plugin = {
      name: 'pocsim-bench-modules',
      apply: 'build',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          modules.set(
            chunk.fileName,
            Object.entries(chunk.modules).map(([id, m]) => ({
              id,
              renderedLength: m.renderedLength,
              code: m.code ?? '',
            })),
          );
        }
      },
    };
    const started = performance.now();
    await build({
      logLevel: 'error',
      plugins: [record],
      build: { outDir, emptyOutDir: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
    return { outDir, manifest, modules, buildSeconds: (performance.now() - started) / 1000 };
  })();
  return built;
}

/** Gzipped size of a built file (level 9, as a static host would pre-compress it). */
export function gzipOf(app: BuiltApp, file: string): number {
  return gzipSync(readFileSync(join(app.outDir, file)), { level: 9 }).length;
}

/** Serves the built app on a free localhost port until `close`. */
export async function serveBuilt(app: BuiltApp): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    logLevel: 'error',
    build: { outDir: app.outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  return {
    url,
    async close() {
      // why: Chromium keeps connections alive; closing them lets the server stop at once.
      (server.httpServer as Server).closeAllConnections?.();
      await server.close();
    },
  };
}

/** Debian's headless Chromium with the flags the end-to-end tests use (test/e2e/harness.ts). */
export function startChromium(): Promise<Browser> {
  return launchBrowser();
}

/** The 1.6 Mbit/s down, 750 kbit/s up, 300 ms round trip link of issue 8, in CDP's units (bytes/s, ms). */
export const SLOW_LINK = {
  offline: false,
  latency: 300,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;

/**
 * Sets the slow link (and a CPU slowdown when `cpuRate` > 1) on a page through the DevTools
 * Protocol, and on every service worker that serves it.
 * why: CDP emulates the link per target; a service worker is a target of its own, so without this
 * its precache would download at full speed beside a throttled page. Each target still gets a link
 * of its own: the precache does not take bandwidth from the page as it would on a real link.
 */
export async function throttle(context: BrowserContext, page: Page, cpuRate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  let id = 0;
  // why: Playwright's sessions are flat; a worker found by this page's auto-attach is reached
  // through Target.sendMessageToTarget, which needs the non-flat mode.
  const inWorker = (sessionId: string, method: string, params: object = {}) =>
    cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: ++id, method, params }),
    });
  cdp.on('Target.attachedToTarget', async (event) => {
    const { sessionId, targetInfo, waitingForDebugger } = event;
    try {
      if (targetInfo.type === 'service_worker') {
        await inWorker(sessionId, 'Network.enable');
        await inWorker(sessionId, 'Network.emulateNetworkConditions', SLOW_LINK);
        if (cpuRate > 1) await inWorker(sessionId, 'Emulation.setCPUThrottlingRate', { rate: cpuRate });
      }
      if (waitingForDebugger) await inWorker(sessionId, 'Runtime.runIfWaitingForDebugger');
    } catch {
      // why: a worker may go away while it is being set up; nothing is left to throttle then.
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
}

/**
 * A function and its argument as the source of a script for the page.
 * why: tsx wraps named inner functions in `__name(...)` calls; the page has no `__name`, so the
 * script brings a harmless one.
 */
export function pageScript<T>(fn: (arg: T) => void, arg: T): string {
  return `var __name = (f) => f;\n(${fn.toString()})(${JSON.stringify(arg)});`;
}

/** The ids of the menu's card button and the briefing's Start button for a scenario. */
export function selectors(scenarioId: string) {
  return {
    card: `li.scenario-card:has(#scenario-${scenarioId}-title) .card-actions button`,
    start: '.screen-briefing main button.button-primary',
    option: '.screen-play .options input',
  };
}
