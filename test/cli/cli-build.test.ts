import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

// why: an installed pocsim runs this one file with no dependencies (docs/performance.md); if the
// build ever leaned on a package at run time, `npm install pocsim --omit=dev` would break.
const out = mkdtempSync(join(tmpdir(), 'pocsim-cli-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the one-file CLI build', () => {
  it('imports nothing but Node’s own modules (and Vite, for a package it refuses), and runs validate and play', async () => {
    await build({ configFile: 'vite.cli.config.ts', build: { outDir: out } });
    const file = join(out, 'pocsim.js');
    const code = readFileSync(file, 'utf8');
    const imports = [
      ...code.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+)["']/g),
    ].map((m) => m[1]!);
    const dynamic = [...code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(
      [...imports, ...dynamic].filter(
        (s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'vite',
      ),
    ).toEqual([]);
    const { runCliAsync } = (await import(
      pathToFileURL(file).href
    )) as typeof import('../../src/cli/main.ts');
    expect(await runCliAsync(['validate', 'test/fixtures/mini'])).toEqual({
      code: 0,
      stdout: '1 of 1 scenario valid, 0 errors\n',
      stderr: '',
    });
    const played = await runCliAsync([
      'play',
      'test/fixtures/mini',
      '--choose',
      'open,night-patrol+cla',
      '--lang',
      'fr',
    ]);
    expect(played.stdout).toContain('Score global');
    const packaged = await runCliAsync(['package', '--cmi5', join(out, 'x.zip')]);
    expect(packaged.code).toBe(1);
    expect(packaged.stderr).toContain('npm run sim -- package');
  }, 120_000);
});
