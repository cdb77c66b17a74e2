import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DYNAMIC_KEYS } from './dynamic-keys.ts';
import {
  checkStrings,
  type DynamicKeys,
  type SourceFile,
  type StringFinding,
  type StringTable,
} from './string-check.ts';

const LOCALES = 'src/i18n/locales';
// why: scenario text keys (`steps.<id>.title`) are checked against fr.yaml by the scenario loader.
const SCENARIO_KEY_FILES = ['src/engine/scenario/text-keys.ts'];

function readTables(): StringTable[] {
  const read = (file: string) => JSON.parse(readFileSync(join(LOCALES, file), 'utf8'));
  return [
    { name: 'core', en: read('en.json'), fr: read('fr.json') },
    ...readdirSync(LOCALES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ name: d.name, en: read(`${d.name}/en.json`), fr: read(`${d.name}/fr.json`) })),
  ];
}

function readSources(): SourceFile[] {
  return (readdirSync('src', { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join('src', f))
    .map((path) => ({ path, code: readFileSync(path, 'utf8') }));
}

const lines = (findings: StringFinding[]) => findings.map((f) => `${f.kind} ${f.where}: ${f.message}`);

describe('every UI string has a key, in English and French, and every key is used', () => {
  let sources: SourceFile[];
  let tables: StringTable[];
  const check = (over: { sources?: SourceFile[]; tables?: StringTable[]; dynamic?: DynamicKeys } = {}) =>
    checkStrings({
      sources: over.sources ?? sources,
      tables: over.tables ?? tables,
      dynamic: over.dynamic ?? DYNAMIC_KEYS,
      scenarioKeyFiles: SCENARIO_KEY_FILES,
    });
  beforeAll(() => {
    sources = readSources();
    tables = readTables();
  });

  it('finds no missing key, unused key or hard-coded text in src/', () => {
    expect(lines(check())).toEqual([]);
  });

  it('fails when a French key the code uses is removed', () => {
    const copy = structuredClone(tables);
    const core = copy.find((t) => t.name === 'core')!;
    delete (core.fr as { menu: Record<string, unknown> }).menu.heading;
    const missing = check({ tables: copy }).filter((f) => f.kind === 'missing');
    expect(missing.map((f) => f.subject)).toContain('menu.heading');
    expect(missing.find((f) => f.subject === 'menu.heading')!.message).toMatch(/French/);
    expect(missing.find((f) => f.subject === 'menu.heading')!.where).toMatch(/^src\/ui\/\S+\.tsx:\d+:\d+$/);
  });

  it('fails when a French key built at run time from an enum is removed', () => {
    const copy = structuredClone(tables);
    const core = copy.find((t) => t.name === 'core')!;
    delete (core.fr as { doctrine: { phase: Record<string, unknown> } }).doctrine.phase['pre-emption'];
    const missing = check({ tables: copy }).filter((f) => f.kind === 'missing');
    expect(missing.map((f) => f.subject)).toContain('doctrine.phase.pre-emption');
  });

  it('fails on a key no code uses, and on a plural or context form only when its base is unused', () => {
    const copy = structuredClone(tables);
    const core = copy.find((t) => t.name === 'core')!;
    for (const lang of ['en', 'fr'] as const) {
      const menu = (core[lang] as { menu: Record<string, unknown> }).menu;
      menu.forgotten = 'Nobody reads this';
      menu.count_zero = 'No scenario';
    }
    const unused = check({ tables: copy }).filter(
      (f) => f.kind === 'unused' && f.subject.startsWith('menu.'),
    );
    expect(unused.map((f) => f.subject)).toEqual(['menu.forgotten']);
  });

  it('fails on words typed into JSX text or a user-facing attribute, not on arrows and symbols', () => {
    const file: SourceFile = {
      path: 'src/ui/example.tsx',
      code: [
        "import { useI18n } from './i18n-context.tsx';",
        'export function Example({ on }: { on: boolean }) {',
        '  const { t } = useI18n();',
        '  return (',
        '    <p title="Close" class="plain-class">',
        '      {t(\'menu.heading\')} <span aria-hidden="true">→ ✓</span> Loading',
        "      <img alt={on ? 'Map' : ''} src=\"x.png\" />",
        '    </p>',
        '  );',
        '}',
      ].join('\n'),
    };
    const hardCoded = check({ sources: [...sources, file] }).filter((f) => f.kind === 'hard-coded');
    expect(hardCoded.map((f) => `${f.where} ${f.subject}`)).toEqual([
      'src/ui/example.tsx:6:62 Loading',
      'src/ui/example.tsx:5:14 Close',
      'src/ui/example.tsx:7:22 Map',
    ]);
  });

  it('fails on t() with a key in no table, but not on event names that look like keys', () => {
    const file: SourceFile = {
      path: 'src/ui/example.ts',
      code: [
        "type Ev = { type: 'decision.chosen' } | { type: 'step.continued' };",
        "export const isChoice = (e: Ev) => e.type === 'decision.chosen';",
        "export const label = (t: (k: string) => string) => t('menu.notThere');",
      ].join('\n'),
    };
    const found = check({ sources: [...sources, file] }).filter((f) => f.where.startsWith('src/ui/example'));
    expect(found.map((f) => `${f.kind} ${f.subject}`)).toEqual([
      'missing menu.notThere',
      'missing menu.notThere',
    ]);
  });

  it('fails on a key built at run time that the allow-list does not cover, and on a stale entry', () => {
    const file: SourceFile = {
      path: 'src/ui/example.ts',
      code: `export const word = (t: (k: string) => string, x: string) => t(\`menu.mystery.\${x}\`);`,
    };
    const findings = check({
      sources: [...sources, file],
      dynamic: { ...DYNAMIC_KEYS, 'menu.nothing.*': ['a'] },
    });
    expect(findings.filter((f) => f.kind === 'unlisted-dynamic').map((f) => f.subject)).toEqual([
      'menu.mystery.*',
    ]);
    expect(findings.filter((f) => f.kind === 'stale-dynamic').map((f) => f.subject)).toEqual([
      'menu.nothing.*',
    ]);
  });

  it('reads the values of a key built over a list written beside it', () => {
    const file: SourceFile = {
      path: 'src/ui/example.tsx',
      code: `export const w = (t: (k: string) => string) => (['heading', 'gone'] as const).map((k) => t(\`menu.\${k}\`));`,
    };
    const found = check({ sources: [...sources, file] }).filter((f) => f.where.startsWith('src/ui/example'));
    expect(found.map((f) => `${f.kind} ${f.subject}`)).toEqual(['missing menu.gone', 'missing menu.gone']);
  });
});
