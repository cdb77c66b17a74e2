import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addItem,
  getValue,
  hasMark,
  insertItem,
  keysMarked,
  moveItem,
  removeValue,
  setMarkedValue,
  setValue,
} from '../../../../src/ui/author/editor/yaml-edit.ts';

const ROOT = join(import.meta.dirname, '../../../../scenarios');
const FOLDERS = readdirSync(ROOT).sort();

/** Lines of `after` that differ from `before`, for texts of the same line count. */
function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((l, i) => (l === b[i] ? [] : [{ line: i + 1, before: l, after: b[i]! }]));
}

describe('a one-label edit on every bundled scenario changes exactly one line', () => {
  it.each(FOLDERS)('%s/scenario.yaml', (folder) => {
    const text = readFileSync(join(ROOT, folder, 'scenario.yaml'), 'utf8');
    const data = parse(text);
    const step = data.steps.findIndex((s: { decision?: unknown }) => s.decision);
    const path = ['steps', step, 'decision', 'options', 0, 'label'];
    const edited = setValue(text, path, 'Call the sector commander first');
    const diff = changedLines(text, edited);
    expect(diff).toHaveLength(1);
    expect(diff[0]!.after).toMatch(/label: Call the sector commander first$/);
    // everything else reads back the same
    const back = parse(edited);
    back.steps[step].decision.options[0].label = data.steps[step].decision.options[0].label;
    expect(back).toEqual(data);
  });

  it.each(FOLDERS)('%s/fr.yaml', (folder) => {
    const text = readFileSync(join(ROOT, folder, 'fr.yaml'), 'utf8');
    const data = parse(text);
    // a label written on one line, so that changing it can change one line
    const lines = text.split('\n');
    const key = Object.keys(data.texts).find(
      (k) =>
        k.startsWith('options.') &&
        k.endsWith('.label') &&
        lines.some((l) => l.startsWith(`  ${k}: `) && !/: [>|]/.test(l)),
    )!;
    const edited = setValue(text, ['texts', key], 'Appeler d’abord le commandant de secteur');
    const diff = changedLines(text, edited);
    expect(diff).toHaveLength(1);
    expect(parse(edited).texts[key]).toBe('Appeler d’abord le commandant de secteur');
  });
});

const SAMPLE = `# a comment on top
id: demo # trailing
version: 1.0.0
title: 'Quoted: title'
steps:
  # --- first section
  - id: a
    tiers: [II]
    effects: { harm: 1 }
    narration: >-
      A folded text
      on two lines.
  # --- second section
  - id: b
    next: end
endings:
  - id: end
`;

describe('structural edits keep the rest of the file', () => {
  it('keeps quotes where a plain value would change meaning', () => {
    const out = setValue(SAMPLE, ['title'], 'Morning: families decide');
    expect(parse(out).title).toBe('Morning: families decide');
    expect(out).toContain("title: 'Morning: families decide'");
    expect(parse(setValue(SAMPLE, ['version'], '06:00')).version).toBe('06:00');
  });

  it('rewrites a folded text in its block style', () => {
    const out = setValue(
      SAMPLE,
      ['steps', 0, 'narration'],
      'A new text that is long enough to stay in a folded block, so it does.',
    );
    expect(out).toContain('narration: >-\n      A new text');
    expect(parse(out).steps[0].narration).toBe(
      'A new text that is long enough to stay in a folded block, so it does.',
    );
  });

  it('adds a missing key at the indentation of its map, and nested maps', () => {
    const out = setValue(SAMPLE, ['steps', 1, 'phase'], 'response');
    expect(out).toContain('    next: end\n    phase: response\n');
    const deeper = setValue(SAMPLE, ['steps', 1, 'decision', 'prompt'], 'What now?');
    expect(parse(deeper).steps[1].decision).toEqual({ prompt: 'What now?' });
    expect(deeper.startsWith('# a comment on top\nid: demo # trailing\n')).toBe(true);
  });

  it('replaces flow lists and maps on their own line', () => {
    const out = setValue(SAMPLE, ['steps', 0, 'tiers'], ['I', 'II']);
    expect(changedLines(SAMPLE, out)).toEqual([
      { line: 8, before: '    tiers: [II]', after: '    tiers: [ I, II ]' },
    ]);
    const fx = setValue(SAMPLE, ['steps', 0, 'effects', 'trust'], 2);
    expect(parse(fx).steps[0].effects).toEqual({ harm: 1, trust: 2 });
  });

  it('appends, inserts, removes and moves list items with their comments', () => {
    const added = addItem(SAMPLE, ['endings'], { id: 'end-2', title: 'Two', outcome: 'harmed' });
    expect(parse(added).endings).toEqual([{ id: 'end' }, { id: 'end-2', title: 'Two', outcome: 'harmed' }]);
    expect(added).toContain('  - id: end-2\n    title: Two\n    outcome: harmed\n');
    const inserted = insertItem(SAMPLE, ['steps'], 1, { id: 'mid' });
    expect(parse(inserted).steps.map((s: { id: string }) => s.id)).toEqual(['a', 'mid', 'b']);
    const removed = removeValue(SAMPLE, ['steps', 0]);
    expect(parse(removed).steps.map((s: { id: string }) => s.id)).toEqual(['b']);
    const moved = moveItem(SAMPLE, ['steps'], 1, 0);
    expect(parse(moved).steps.map((s: { id: string }) => s.id)).toEqual(['b', 'a']);
    expect(moved).toMatch(/# --- second section\n {2}- id: b[\s\S]*# --- first section\n {2}- id: a/);
    expect(removeValue(SAMPLE, ['steps', 0, 'effects'])).not.toContain('effects');
  });

  it('marks a translated value untranslated with a trailing comment, and clears the mark', () => {
    const fr = 'texts:\n  title: Titre\n';
    const marked = setMarkedValue(fr, ['texts', 'summary'], 'An English summary', 'untranslated');
    expect(marked).toBe('texts:\n  title: Titre\n  summary: An English summary # untranslated\n');
    expect(hasMark(marked, ['texts', 'summary'], 'untranslated')).toBe(true);
    const done = setMarkedValue(marked, ['texts', 'summary'], 'Un résumé', null);
    expect(done).toBe('texts:\n  title: Titre\n  summary: Un résumé\n');
    expect(hasMark(done, ['texts', 'summary'], 'untranslated')).toBe(false);
    const block = 'texts:\n  a: >-\n    A long text\n    on two lines.\n  b: B # untranslated\n';
    const both = setMarkedValue(block, ['texts', 'a'], 'A long text on two lines.', 'untranslated');
    expect(parse(both).texts).toEqual({ a: 'A long text on two lines.', b: 'B' });
    expect([...keysMarked(both, ['texts'], 'untranslated')].sort()).toEqual(['a', 'b']);
    expect(getValue(done, ['texts', 'summary'])).toBe('Un résumé');
    const empty = setMarkedValue('language: fr\ntexts: {}\n', ['texts', 'title'], 'Title', 'untranslated');
    expect(empty).toBe('language: fr\ntexts:\n  title: Title # untranslated\n');
  });
});
