import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/e2e/**'],
            environment: 'node',
            // why: unit files are CPU-bound and independent, so they use both cores of the 2-core
            // CI box; the browser files run after them (group 1), so a Chromium never competes
            // with them for the CPU its timings depend on.
            maxWorkers: 2,
            // why: a third of the unit run was each file importing the engine, i18n and Preact
            // afresh; no file leaves state another reads (the suite passes with and without
            // isolation), so each worker keeps its modules across files.
            isolate: false,
            sequence: { groupOrder: 0 },
            // why: on a loaded 2-core machine (the CI box, or eight sessions at once) a test that
            // spawns the CLI or scans src/ can take several times its usual second; 5 s failed
            // them for load, not for a fault. Hangs still fail, at 30 s.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            sequence: { groupOrder: 1 },
            globalSetup: ['test/e2e/build-once.ts'],
            testTimeout: 120_000,
            hookTimeout: 180_000,
            // why: a browser file spends most of its time waiting on the page (clocks, workers,
            // a server): two at a time kept the two cores under half busy, three fill them better.
            // Each file has its own Chromium and its own copy of the app.
            maxWorkers: 3,
          },
        },
      ],
    },
  }),
);
