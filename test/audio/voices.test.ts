import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radioCalls, VOICE_MANIFEST, voiceFile, voiceFingerprint } from '../../scripts/voices.ts';
import { findScenarioFolders, loadScenarioFolder } from '../../src/cli/scenario-files.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const VOICES = join(ROOT, 'assets', 'voices');
const manifest: Record<string, string> = JSON.parse(readFileSync(join(VOICES, VOICE_MANIFEST), 'utf8'));

describe('voiced radio calls of the bundled scenarios', () => {
  const calls = findScenarioFolders([join(ROOT, 'scenarios')]).flatMap((folder) => {
    const { bundle } = loadScenarioFolder(folder, ROOT);
    return bundle ? radioCalls(bundle) : [];
  });

  it('exist for every radio inject in English and French', () => {
    expect(calls.length).toBeGreaterThan(100);
    const missing = calls.filter((c) => !existsSync(join(VOICES, voiceFile(c.scenario, c.inject, c.lang))));
    expect(missing.map((c) => voiceFile(c.scenario, c.inject, c.lang))).toEqual([]);
    expect(new Set(calls.map((c) => c.lang))).toEqual(new Set(['en', 'fr']));
  });

  it('say the current words: a reworded inject must be voiced again (npx tsx scripts/make-voices.ts)', () => {
    const stale = calls.filter(
      (c) => manifest[voiceFile(c.scenario, c.inject, c.lang)] !== voiceFingerprint(c),
    );
    expect(stale.map((c) => voiceFile(c.scenario, c.inject, c.lang))).toEqual([]);
  });
});
