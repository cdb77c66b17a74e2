// First-load bytes to the first decision against DESIGN.md's 120 KiB budget: index.html, the entry
// chunk with its static imports and their CSS, plus the largest scenario chunk (a scenario is
// fetched when it is opened), gzipped. Lists what each file holds, module by module for the entry
// chunk, and the chunks that come later (the Phaser map, sound, the debrief). Same counting as
// scripts/first-load-size.ts (`npm run size`), on the bench's own build.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { stripSourceTexts } from '../../src/engine/scenario/scenario-listing.ts';
import { type BuiltApp, builtApp, gzipOf } from './browser-app.ts';
import { type BenchRow, type BenchSection, round } from './section.ts';

export const FIRST_LOAD_BUDGET_KIB = 120;
const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIO_PREFIX = 'virtual:pocsim-scenario/';
const TEXTS_PREFIX = 'virtual:pocsim-scenario-texts/';

/** A file of the first load with its gzipped size and what it is. */
export interface LoadedFile {
  file: string;
  gzip: number;
  role: string;
}

/** What a trainee downloads before the first decision, and what comes after. */
export interface FirstLoad {
  files: LoadedFile[];
  total: number;
  /** Structure plus its heaviest language's texts: a trainee fetches the two for one scenario. */
  largestScenario: {
    id: string;
    file: string;
    gzip: number;
    texts: { file: string; gzip: number; language: string };
  };
  later: LoadedFile[];
  phaserInFirstLoad: boolean;
}

/** Walks the Vite manifest from the entry: the files fetched before the first decision. */
export function firstLoadOf(app: BuiltApp): FirstLoad {
  const { manifest } = app;
  const first = new Map<string, string>([['index.html', 'page']]);
  const visit = (key: string, role: string) => {
    const chunk = manifest[key];
    if (!chunk || first.has(chunk.file)) return;
    first.set(chunk.file, role);
    for (const css of chunk.css ?? []) first.set(css, 'stylesheet');
    for (const imp of chunk.imports ?? []) visit(imp, 'static import of the entry');
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key, 'entry chunk');

  const textsOf = (id: string) =>
    Object.entries(manifest)
      .filter(([key]) => key.startsWith(`${TEXTS_PREFIX}${id}/`))
      .map(([key, chunk]) => ({
        file: chunk.file,
        language: key.split('/').pop()!,
        gzip: gzipOf(app, chunk.file),
      }))
      .sort((a, b) => b.gzip - a.gzip)[0] ?? { file: '', language: '', gzip: 0 };
  const scenarios = Object.entries(manifest)
    .filter(([key]) => key.startsWith(SCENARIO_PREFIX))
    .map(([key, chunk]) => {
      const id = key.slice(SCENARIO_PREFIX.length);
      return { id, file: chunk.file, gzip: gzipOf(app, chunk.file), texts: textsOf(id) };
    })
    .sort((a, b) => b.gzip + b.texts.gzip - (a.gzip + a.texts.gzip));
  const largestScenario = scenarios[0];
  if (!largestScenario) throw new Error('the build has no scenario chunk');

  const files = [...first].map(([file, role]) => ({ file, role, gzip: gzipOf(app, file) }));
  files.push({
    file: largestScenario.file,
    role: `largest scenario (${largestScenario.id}), structure`,
    gzip: largestScenario.gzip,
  });
  if (largestScenario.texts.file)
    files.push({
      file: largestScenario.texts.file,
      role: `its texts in ${largestScenario.texts.language}, the heavier language`,
      gzip: largestScenario.texts.gzip,
    });
  const counted = new Set(files.map((f) => f.file));
  const later = [...new Set(Object.values(manifest).map((c) => c.file))]
    .filter((f) => !counted.has(f))
    .map((file) => ({
      file,
      gzip: gzipOf(app, file),
      role: scenarios.some((s) => s.file === file || s.texts.file === file)
        ? 'scenario'
        : /phaser/i.test(file)
          ? 'Phaser'
          : /\.(js|css)$/.test(file)
            ? 'lazy chunk'
            : 'sound',
    }))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    total: files.reduce((n, f) => n + f.gzip, 0),
    largestScenario,
    later,
    phaserInFirstLoad: files.some((f) => /phaser/i.test(f.file)),
  };
}

/** A readable group for a module id: an npm package, a folder of src/, a locale file, a virtual module. */
function groupOf(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!;
  if (id.startsWith('\0virtual:pocsim-scenarios')) return 'scenario list (titles, summaries)';
  if (id.startsWith('\0')) return 'vite runtime';
  const rel = id.startsWith(ROOT) ? id.slice(ROOT.length + 1) : id;
  if (rel.startsWith('src/i18n/locales/')) return rel;
  if (rel.endsWith('.css')) return 'src (CSS in JS)';
  const parts = rel.split('/');
  return parts.length > 2 ? parts.slice(0, parts[1] === 'engine' ? 3 : 2).join('/') : rel;
}

/**
 * What the entry chunk holds, grouped: rendered bytes and an estimate of each group's share of the
 * chunk's gzip (the chunk's real gzip split in proportion to each group gzipped alone).
 */
export function entryContents(app: BuiltApp, file: string) {
  const modules = app.modules.get(file) ?? [];
  const groups = new Map<string, { raw: number; code: string[] }>();
  for (const m of modules) {
    const g = groupOf(m.id);
    const entry = groups.get(g) ?? { raw: 0, code: [] };
    entry.raw += m.renderedLength;
    entry.code.push(m.code);
    groups.set(g, entry);
  }
  const alone = [...groups].map(([group, g]) => ({
    group,
    raw: g.raw,
    gzipAlone: gzipSync(g.code.join('\n'), { level: 9 }).length,
  }));
  const sumAlone = alone.reduce((n, g) => n + g.gzipAlone, 0);
  const chunkGzip = gzipOf(app, file);
  return alone
    .map((g) => ({ ...g, gzipShare: Math.round((g.gzipAlone / sumAlone) * chunkGzip) }))
    .sort((a, b) => b.gzipShare - a.gzipShare);
}

/** The largest scenario chunk's weight by language: what it would weigh carrying one language only. */
function scenarioByLanguage(id: string) {
  const folder = readdirSync(join(ROOT, 'scenarios')).find((d) => {
    const b = loadScenarioFolder(join(ROOT, 'scenarios', d)).bundle;
    return b?.scenario.id === id;
  });
  if (!folder) return undefined;
  const bundle = loadScenarioFolder(join(ROOT, 'scenarios', folder)).bundle as ScenarioBundle;
  const shipped = stripSourceTexts(bundle);
  const gz = (value: unknown) => gzipSync(JSON.stringify(value), { level: 9 }).length;
  const languages = Object.keys(shipped.texts) as (keyof ScenarioBundle['texts'])[];
  return {
    all: gz(shipped),
    structureOnly: gz({ ...shipped, texts: {} }),
    byLanguage: Object.fromEntries(
      languages.map((l) => [l, gz({ ...shipped, texts: { [l]: shipped.texts[l] } })]),
    ),
  };
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function run(): Promise<BenchSection> {
  const app = await builtApp();
  const load = firstLoadOf(app);
  const entry = load.files.find((f) => f.role === 'entry chunk');
  const phaser = load.later.find((f) => f.role === 'Phaser');
  const rows: BenchRow[] = [
    {
      metric: 'first load to the first decision, HTML+JS+CSS gzip',
      value: kib(load.total),
      unit: 'KiB',
      budget: `≤ ${FIRST_LOAD_BUDGET_KIB} KiB`,
      ok: load.total <= FIRST_LOAD_BUDGET_KIB * 1024 && !load.phaserInFirstLoad,
      note: load.phaserInFirstLoad ? 'Phaser is in the first load: it must be imported lazily' : undefined,
    },
    ...load.files.map((f) => ({ metric: `  ${f.role}: ${f.file}`, value: kib(f.gzip), unit: 'KiB' })),
    {
      metric: 'headroom left in the budget',
      value: kib(FIRST_LOAD_BUDGET_KIB * 1024 - load.total),
      unit: 'KiB',
    },
  ];
  if (phaser)
    rows.push({ metric: 'Phaser, loaded with the map after Start', value: kib(phaser.gzip), unit: 'KiB' });
  const sum = (role: string) => load.later.filter((f) => f.role === role).reduce((n, f) => n + f.gzip, 0);
  rows.push(
    {
      metric: 'other lazy code (screens, sound player, storage, worker)',
      value: kib(sum('lazy chunk')),
      unit: 'KiB',
    },
    { metric: 'sounds and voiced radio calls, fetched when played', value: kib(sum('sound')), unit: 'KiB' },
  );

  return {
    title: 'First load to the first decision (production build, gzip level 9)',
    rows,
    details: {
      buildSeconds: round(app.buildSeconds, 3),
      files: load.files,
      largestScenario: load.largestScenario,
      largestScenarioByLanguage: scenarioByLanguage(load.largestScenario.id),
      entryContents: entry ? entryContents(app, entry.file) : [],
      later: load.later,
    },
  };
}
