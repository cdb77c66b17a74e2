import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en.json';
import fr from '../../src/i18n/locales/fr.json';
import { DEBRIEF_STRINGS } from '../../src/ui/debrief/debrief-strings.ts';

const UI_GROUPS = ['app', 'menu', 'briefing', 'play', 'decision', 'debrief', 'map', 'audio'] as const;

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

// why: the debrief screen also asks for keys of its own table, which travels with its lazy chunk.
const enKeys = new Set([...keysOf(en), ...keysOf(DEBRIEF_STRINGS.en)]);
const frKeys = new Set(keysOf(fr));

describe('UI locale tables', () => {
  it.each(UI_GROUPS)('%s has the same keys in English and French', (group) => {
    const enGroup = [...enKeys].filter((k) => k.startsWith(`${group}.`)).sort();
    const frGroup = [...frKeys].filter((k) => k.startsWith(`${group}.`)).sort();
    expect(enGroup.length).toBeGreaterThan(0);
    expect(frGroup).toEqual(enGroup);
  });

  it('has every literal key the UI components ask for', () => {
    const dir = 'src/ui';
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1]!;
        if (!enKeys.has(key) && !enKeys.has(`${key}_one`) && !enKeys.has(`${key}_other`))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
