import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import cohort from '../../../src/i18n/locales/cohort/en.json';
import core from '../../../src/i18n/locales/en.json';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('the cohort view’s strings', () => {
  it('has every literal key its components ask for, in its own table or the core one', () => {
    const keys = new Set([...keysOf(core), ...keysOf(cohort)]);
    const dir = 'src/ui/cohort';
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1]!;
        if (!keys.has(key) && !keys.has(`${key}_one`) && !keys.has(`${key}_other`))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
