import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DOCTRINE, SITUATIONS } from '../../../src/engine/doctrine/catalogue.ts';
import { PHASES, TIERS } from '../../../src/engine/doctrine/doctrine-entry.ts';

// Counted against the handbook by hand; docs/doctrine-count.md gives the line where each list starts.
const HANDBOOK_COUNTS: Record<string, { do: number; dont: number }> = {
  '15.1': { do: 16, dont: 7 },
  '15.2': { do: 11, dont: 6 },
  '15.3': { do: 14, dont: 6 },
  '15.4': { do: 11, dont: 4 },
  '15.5': { do: 10, dont: 8 },
  '15.6': { do: 5, dont: 3 },
  '15.7': { do: 4, dont: 7 },
};

describe('the Chapter 15 doctrine catalogue', () => {
  it("has one entry per Do and Don't of each situation, as counted in the handbook", () => {
    for (const [section, count] of Object.entries(HANDBOOK_COUNTS)) {
      const of = (kind: string) => DOCTRINE.filter((e) => e.section === section && e.kind === kind).length;
      expect({ section, do: of('do'), dont: of('dont') }).toEqual({ section, ...count });
    }
    expect(DOCTRINE).toHaveLength(112);
    expect(readFileSync('docs/doctrine-count.md', 'utf8')).toContain('**Total entries: 112**');
  });

  it('numbers ids by section, kind and position, each once', () => {
    expect(CATALOGUE.size).toBe(DOCTRINE.length);
    const next = new Map<string, number>();
    for (const e of DOCTRINE) {
      const key = `${e.section}-${e.kind}`;
      const n = (next.get(key) ?? 0) + 1;
      next.set(key, n);
      expect(e.id).toBe(`${key}-${n}`);
    }
  });

  it("gives every Don't a severity and no Do one", () => {
    for (const e of DOCTRINE) {
      if (e.kind === 'dont') expect(['critical', 'major', 'minor'], e.id).toContain(e.severity);
      else expect(e.severity, e.id).toBeUndefined();
    }
  });

  it('tags every entry with valid tiers and phases and a summary in both languages', () => {
    for (const e of DOCTRINE) {
      expect(e.tiers.length, e.id).toBeGreaterThan(0);
      expect(e.phases.length, e.id).toBeGreaterThan(0);
      for (const t of e.tiers) expect(TIERS).toContain(t);
      for (const p of e.phases) expect(PHASES).toContain(p);
      expect(e.summary.en.length, e.id).toBeGreaterThan(10);
      expect(e.summary.fr.length, e.id).toBeGreaterThan(10);
      expect(e.summary.fr, e.id).not.toBe(e.summary.en);
      expect(e.summary.en.length, e.id).toBeLessThanOrEqual(170);
    }
  });

  it('names all seven situations in both languages', () => {
    expect(SITUATIONS.map((s) => s.section)).toEqual(Object.keys(HANDBOOK_COUNTS));
    for (const s of SITUATIONS) expect(s.title.fr).not.toBe(s.title.en);
  });
});
