import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, '../../src/i18n/locales');

// why: the core table (first load) sits at the top; each lazily loaded screen keeps its own pair in a folder.
const TABLES: { name: string; en: unknown; fr: unknown }[] = [
  { name: 'core', en: read('en.json'), fr: read('fr.json') },
  ...readdirSync(LOCALES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, en: read(`${d.name}/en.json`), fr: read(`${d.name}/fr.json`) })),
];

function read(file: string): unknown {
  return JSON.parse(readFileSync(join(LOCALES, file), 'utf8'));
}

function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') return { [prefix]: node };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

describe.each(TABLES)('UI string table $name', ({ en, fr }) => {
  const flatEn = flatten(en);
  const flatFr = flatten(fr);

  it('have the same keys in English and French', () => {
    expect(Object.keys(flatFr).sort()).toEqual(Object.keys(flatEn).sort());
  });

  it('have no empty strings, and French differs from English where words are meant to differ', () => {
    for (const [k, v] of Object.entries({ ...flatEn, ...flatFr })) expect(v.trim(), k).not.toBe('');
    const same = Object.keys(flatEn).filter(
      (k) => flatEn[k] === flatFr[k] && /[a-z]{4,}\s+[a-z]{3,}/i.test(flatEn[k]!),
    );
    expect(same).toEqual([]);
  });

  it('use the same interpolation parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(flatEn)) expect(params(flatFr[k] ?? ''), k).toEqual(params(flatEn[k]!));
  });
});
