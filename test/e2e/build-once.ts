import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build every end-to-end file serves a copy of. */
    e2eBuild: string;
  }
}

/** Builds the app once for the whole end-to-end run, instead of once per test file. */
export default async function buildOnce(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'pocsim-e2e-build-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  project.provide('e2eBuild', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
