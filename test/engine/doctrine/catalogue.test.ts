import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DOCTRINE, SITUATIONS } from '../../../src/engine/doctrine/catalogue.ts';
import { CHAPTER_15 } from '../../../src/engine/doctrine/chapter-15.ts';
import { PHASES, TIERS } from '../../../src/engine/doctrine/doctrine-entry.ts';
import { EXERCISE_DOCTRINE, EXERCISE_SITUATIONS } from '../../../src/engine/doctrine/exercise-doctrine.ts';

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

// why: the handbook text lives beside the repository (../shared/seeds); checks that read it are
// skipped where it is absent rather than failing for a reason unrelated to the code.
const seeds = join('..', 'shared', 'seeds');
const handbookFile = existsSync(seeds) ? readdirSync(seeds).find((f) => /^004_.*\.txt$/.test(f)) : undefined;
const handbook = handbookFile ? readFileSync(join(seeds, handbookFile), 'utf8') : '';
const handbookLines = handbook.split('\n');

/** The line of the handbook where a section's heading sits: `8.2 POC THREAT…`, `Annex V: SOP…`. */
const headingLine = (section: string) => {
  const escaped = section.replace(/\./g, '\\.');
  const heading = section.startsWith('Annex') ? new RegExp(`^${escaped}: `) : new RegExp(`^${escaped} \\S`);
  // why: the table of contents lists every heading first (with page numbers); the body comes after.
  return handbookLines.findLastIndex((l) => heading.test(l));
};

const idPrefix = (section: string) => section.toLowerCase().replace(/\s+/g, '-');
const countOf = (entries: readonly { section: string; kind: string }[], section: string, kind: string) =>
  entries.filter((e) => e.section === section && e.kind === kind).length;

describe('the Chapter 15 doctrine catalogue', () => {
  it("has one entry per Do and Don't of each situation, as counted in the handbook", () => {
    for (const [section, count] of Object.entries(HANDBOOK_COUNTS)) {
      expect({
        section,
        do: countOf(DOCTRINE, section, 'do'),
        dont: countOf(DOCTRINE, section, 'dont'),
      }).toEqual({ section, ...count });
    }
    expect(DOCTRINE.filter((e) => e.section.startsWith('15.'))).toEqual(CHAPTER_15);
    expect(CHAPTER_15).toHaveLength(112);
    expect(readFileSync('docs/doctrine-count.md', 'utf8')).toContain('**Total entries: 112**');
  });

  it('names all seven situations in both languages', () => {
    expect(SITUATIONS.map((s) => s.section).filter((s) => s.startsWith('15.'))).toEqual(
      Object.keys(HANDBOOK_COUNTS),
    );
  });
});

describe('the whole doctrine catalogue', () => {
  it('holds Chapter 15 and the exercise doctrine, each entry once, in handbook order', () => {
    expect(DOCTRINE).toHaveLength(CHAPTER_15.length + EXERCISE_DOCTRINE.length);
    expect(CATALOGUE.size).toBe(DOCTRINE.length);
    expect(DOCTRINE.findIndex((e) => e.section === '15.1')).toBeGreaterThan(
      DOCTRINE.findLastIndex((e) => e.section === '13.3'),
    );
    expect(DOCTRINE.findIndex((e) => e.section === 'Annex IV')).toBeGreaterThan(
      DOCTRINE.findLastIndex((e) => e.section === '15.7'),
    );
  });

  it('numbers ids by section, kind and position, each once', () => {
    const next = new Map<string, number>();
    for (const e of DOCTRINE) {
      const key = `${idPrefix(e.section)}-${e.kind}`;
      const n = (next.get(key) ?? 0) + 1;
      next.set(key, n);
      expect(e.id).toBe(`${key}-${n}`);
    }
  });

  it("gives every Don't a severity and no Do or principle one", () => {
    for (const e of DOCTRINE) {
      if (e.kind === 'dont') expect(['critical', 'major', 'minor'], e.id).toContain(e.severity);
      else expect(e.severity, e.id).toBeUndefined();
    }
  });

  it("weighs a duty only on Do's, and only those the handbook words as obligations (docs/severity-rubric.md)", () => {
    for (const e of DOCTRINE) if (e.duty !== undefined) expect(e.kind, e.id).toBe('do');
    const duties = Object.fromEntries(DOCTRINE.filter((e) => e.duty).map((e) => [e.id, e.duty]));
    expect(duties).toEqual({
      '15.1-do-1': 'major',
      '15.1-do-4': 'critical',
      '15.2-do-4': 'critical',
      '15.2-do-8': 'major',
      '15.2-do-11': 'critical',
      '15.4-do-5': 'critical',
      '15.4-do-11': 'major',
      '15.5-do-4': 'major',
      '15.5-do-8': 'critical',
      '15.6-do-1': 'critical',
      '15.6-do-5': 'major',
      '15.7-do-1': 'major',
      '15.7-do-2': 'major',
    });
    const rubric = readFileSync('docs/severity-rubric.md', 'utf8');
    for (const id of Object.keys(duties)) expect(rubric, id).toContain(`\`${id}\``);
  });

  it('tags every entry with valid tiers and phases and a short summary in both languages', () => {
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

  it('titles every section that groups entries, in both languages, and lists no empty section', () => {
    const sections = new Set(DOCTRINE.map((e) => e.section));
    expect(SITUATIONS.map((s) => s.section).sort()).toEqual([...sections].sort());
    for (const s of SITUATIONS) expect(s.title.fr, s.section).not.toBe(s.title.en);
    // why: pickers and menus show sections in the order the catalogue gives them.
    expect([...sections]).toEqual(SITUATIONS.map((s) => s.section));
  });
});

describe('the exercise doctrine beyond Chapter 15', () => {
  it('covers the sections the CPOC exercise and the leadership tabletop train', () => {
    expect(EXERCISE_SITUATIONS.map((s) => s.section)).toEqual([
      '8.2',
      '8.3',
      '10.1',
      '10.2',
      '11.4.6',
      '11.4.7',
      '11.5',
      '12.4',
      '13.3',
      'Annex IV',
      'Annex V',
      'Annex VI',
    ]);
    expect(EXERCISE_DOCTRINE.some((e) => e.section.startsWith('15.'))).toBe(false);
  });

  it("takes §10.1's own What to DO / What NOT to do lists whole: twelve Do's and ten Don'ts", () => {
    expect({
      do: countOf(EXERCISE_DOCTRINE, '10.1', 'do'),
      dont: countOf(EXERCISE_DOCTRINE, '10.1', 'dont'),
    }).toEqual({
      do: 12,
      dont: 10,
    });
  });

  it('keeps critical severity for grave harm to civilians only', () => {
    const critical = EXERCISE_DOCTRINE.filter((e) => e.severity === 'critical').map((e) => e.id);
    // why: docs/severity-rubric.md: questioning victims, photographing children, exposing victims to the
    // authorities, indiscriminate force and standing by during an attack directly endanger people.
    expect(critical.sort()).toEqual([
      '10.1-dont-4',
      '10.1-dont-5',
      '10.1-dont-6',
      '12.4-dont-1',
      '12.4-dont-2',
    ]);
  });

  it("carries no duties: its obligations are already written as Don'ts", () => {
    expect(EXERCISE_DOCTRINE.filter((e) => e.duty !== undefined).map((e) => e.id)).toEqual([]);
  });

  it('lists every entry with its section in docs/doctrine-beyond-15.md', () => {
    const doc = readFileSync('docs/doctrine-beyond-15.md', 'utf8');
    for (const e of EXERCISE_DOCTRINE) expect(doc, e.id).toContain(`\`${e.id}\``);
    expect(doc).toContain(`**Total entries: ${EXERCISE_DOCTRINE.length}**`);
  });

  it.skipIf(!handbook)('cites only sections that exist as headings in the handbook, in its order', () => {
    const lines = EXERCISE_SITUATIONS.map((s) => ({ section: s.section, line: headingLine(s.section) }));
    expect(lines.filter((l) => l.line < 0).map((l) => l.section)).toEqual([]);
    const order = SITUATIONS.map((s) => headingLine(s.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.skipIf(!handbook)("paraphrases: no summary repeats eight words in a row of the handbook's text", () => {
    const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const run = 8;
    const source = words(handbook);
    const seen = new Set<string>();
    for (let i = 0; i + run <= source.length; i++) seen.add(source.slice(i, i + run).join(' '));
    for (const e of EXERCISE_DOCTRINE) {
      const mine = words(e.summary.en);
      const copied = mine
        .map((_, i) => mine.slice(i, i + run).join(' '))
        .filter((g, i) => i + run <= mine.length && seen.has(g));
      expect(copied, e.id).toEqual([]);
    }
  });
});
