import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

function copyOf(id: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pocsim-translate-'));
  cpSync(join('scenarios', id), join(dir, id), { recursive: true });
  return join(dir, id);
}

describe('pocsim translate', () => {
  it('creates a translation file a drafting validate accepts and a publishing one refuses', () => {
    const folder = copyOf('15-6-sv-imminent');
    const fr = join(folder, 'fr.yaml');
    writeFileSync(fr, '');
    const r = runCli(['translate', folder, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/updated .*fr\.yaml:\n {2}0 translated texts\n {2}\d+ new texts added/);
    expect(runCli(['validate', folder]).code).toBe(0);
    expect(runCli(['validate', '--strict', folder]).code).toBe(1);
  });

  it('round-trips through a PO file as Poedit writes it: translated entries in, fuzzy ones held back', () => {
    const folder = copyOf('15-7-sv-aftermath');
    const fr = join(folder, 'fr.yaml');
    const before = readFileSync(fr, 'utf8');
    const poFile = join(folder, 'fr.po');
    expect(runCli(['translate', folder, '--lang', 'fr', '--export', poFile]).code).toBe(0);
    const parsed = po.parse(readFileSync(poFile));
    expect(parsed.headers.Language).toBe('fr');
    const title = parsed.translations.title!;
    const entry = Object.values(title)[0]!;
    expect(entry.msgstr[0]).toMatch(/Kolané/);
    expect(entry.comments?.reference).toMatch(/scenario\.yaml:\d+$/);

    // a translator edits the file in Poedit: one entry changed, one marked fuzzy, one unknown added
    const text = readFileSync(poFile, 'utf8')
      .replace(/(msgctxt "title"\nmsgid "[^"]*"\nmsgstr )"[^"]*"/, '$1"Après la nuit de Kolané (revu)"')
      .replace(/(#\. summary\n)/, '$1#, fuzzy\n')
      .concat('\nmsgctxt "steps.nowhere.title"\nmsgid "Nowhere"\nmsgstr "Nulle part"\n');
    writeFileSync(poFile, text);
    const r = runCli(['translate', folder, '--lang', 'fr', '--import', poFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('not imported, no such text in the scenario: steps.nowhere.title');
    const after = readFileSync(fr, 'utf8');
    expect(after).toContain('title: "Après la nuit de Kolané (revu)"');
    // the fuzzy summary kept its earlier translation; nothing else moved
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual(['  title: "Après la nuit de Kolané (revu)"']);
    expect(existsSync(join(folder, 'fr.yaml'))).toBe(true);
    expect(runCli(['validate', '--strict', folder]).code).toBe(0);
  });

  it('refuses a language the scenario is written in, and a file that is not PO', () => {
    const folder = copyOf('15-7-sv-aftermath');
    expect(runCli(['translate', folder, '--lang', 'en']).stderr).toContain(
      'the scenario itself is written in en',
    );
    const bad = join(folder, 'bad.po');
    writeFileSync(bad, 'msgid "unterminated\n');
    const r = runCli(['translate', folder, '--lang', 'fr', '--import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.po: not a PO file/);
  });
});
