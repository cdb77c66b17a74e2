import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { type Zippable, zipSync } from 'fflate';
import { didYouMean, formatDiagnostic } from '../engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { LmsKind } from '../lms/lms-connection.ts';
import {
  buildCmi5Xml,
  buildScorm12Manifest,
  defaultCourseIri,
  defaultManifestId,
  type MoveOn,
  type PackageDescription,
} from '../lms/package-manifests.ts';
import type { CommandResult } from './main.ts';
import { loadScenarioFolder } from './scenario-files.ts';

/** Usage lines of `pocsim package`, shown in the CLI's help. */
export const PACKAGE_USAGE = `  pocsim package --cmi5 <out.zip> | --scorm12 <out.zip> [--scenarios id1,id2] [--lang en|fr]
                 [--title <course title>] [--course-id <IRI>] [--move-on CompletedAndPassed|Passed]
                 [--connect <origin>]
                                   build the app with chosen scenarios as a cmi5 or SCORM 1.2
                                   package to upload to an LMS (default: every bundled scenario)
`;

// why: this file runs from src/cli in a checkout and from dist-cli/ when built, so the repository
// root is found by its package.json rather than a fixed number of folders up.
const ROOT = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve(from, '..', '..');
}
const LANGS = ['en', 'fr'] as const;
const MOVE_ON: readonly MoveOn[] = [
  'CompletedAndPassed',
  'Passed',
  'Completed',
  'CompletedOrPassed',
  'NotApplicable',
];
const STORED = /\.(mp3|ogg|png|jpe?g|webp|woff2?)$/i;

const DEFAULT_TITLE = {
  en: 'pocsim: Protection of Civilians scenarios',
  fr: 'pocsim : scénarios de protection des civils',
};
const DEFAULT_DESCRIPTION = {
  en: 'Scenario training for the Protection of Civilians in UN peacekeeping; every decision is scored against the DPO POC Handbook (2020).',
  fr: 'Entraînement par scénarios à la protection des civils dans les opérations de maintien de la paix ; chaque décision est évaluée au regard du manuel POC du DPO (2020).',
};

/** What one package build produced. */
export interface PackageResult {
  kind: LmsKind;
  file: string;
  bytes: number;
  files: number;
  scenarios: string[];
}

/** `pocsim package`: builds the app for an LMS and zips it with its course description. */
export async function packageCommand(args: string[], cwd = process.cwd()): Promise<CommandResult> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        cmi5: { type: 'string' },
        scorm12: { type: 'string' },
        scenarios: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        title: { type: 'string' },
        'course-id': { type: 'string' },
        'move-on': { type: 'string', default: 'CompletedAndPassed' },
        connect: { type: 'string' },
      },
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  const targets = (['cmi5', 'scorm12'] as const).filter((k) => values[k]);
  if (!targets.length) return usage('package needs --cmi5 <out.zip> or --scorm12 <out.zip>');
  // why: the one-file CLI build (dist-cli) carries neither the app's source nor Vite
  if (!import.meta.url.endsWith('.ts') || !existsSync(join(ROOT, 'src', 'main.tsx')))
    return {
      code: 1,
      stdout: '',
      stderr:
        'package builds the app from its source, which an installed pocsim does not carry: clone the repository, run `npm ci`, then `npm run sim -- package ...` there\n',
    };
  const lang = values.lang as (typeof LANGS)[number];
  if (!LANGS.includes(lang)) return usage(`--lang must be en or fr, not "${values.lang}"`);
  const moveOn = values['move-on'] as MoveOn;
  if (!MOVE_ON.includes(moveOn)) return usage(`--move-on must be one of ${MOVE_ON.join(', ')}`);
  const courseIri = values['course-id'];
  if (courseIri !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(courseIri))
    return usage(`--course-id must be an IRI, for example https://training.example.org/courses/poc-1`);

  const chosen = chooseScenarios(values.scenarios);
  if ('error' in chosen) return { code: 1, stdout: '', stderr: chosen.error };

  const lines: string[] = [];
  for (const kind of targets) {
    const out = resolve(cwd, values[kind]!);
    try {
      const result = await buildPackage({
        kind,
        out,
        bundles: chosen.bundles,
        lang,
        title: values.title,
        courseIri,
        moveOn,
        connect: values.connect,
      });
      lines.push(
        `wrote ${relative(cwd, result.file) || result.file}: ${kind === 'cmi5' ? 'cmi5' : 'SCORM 1.2'} package, ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB, scenarios ${result.scenarios.join(', ')}`,
      );
    } catch (e) {
      return {
        code: 1,
        stdout: `${lines.join('\n')}${lines.length ? '\n' : ''}`,
        stderr: `package: ${(e as Error).message}\n`,
      };
    }
  }
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

function usage(problem: string): CommandResult {
  return { code: 2, stdout: '', stderr: `${problem}\n\nUsage:\n${PACKAGE_USAGE}` };
}

/** The bundled scenarios to package: the ids asked for, or all of them; each must validate. */
function chooseScenarios(list: string | undefined): { bundles: ScenarioBundle[] } | { error: string } {
  const dir = join(ROOT, 'scenarios');
  const available = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'scenario.yaml')))
    .map((d) => d.name)
    .sort();
  const wanted = list
    ? [
        ...new Set(
          list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : available;
  if (!wanted.length) return { error: '--scenarios names no scenario\n' };
  const unknown = wanted.filter((id) => !available.includes(id));
  if (unknown.length)
    return {
      error: unknown
        .map(
          (id) =>
            `no bundled scenario "${id}"${didYouMean(id, available)}; bundled: ${available.join(', ')}\n`,
        )
        .join(''),
    };
  const bundles: ScenarioBundle[] = [];
  const problems: string[] = [];
  for (const id of wanted) {
    const loaded = loadScenarioFolder(join(dir, id), ROOT);
    problems.push(...loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    if (loaded.bundle && loaded.bundle.scenario.id !== id)
      problems.push(
        `scenarios/${id}: the folder must be named after the scenario id "${loaded.bundle.scenario.id}"`,
      );
    else if (loaded.bundle) bundles.push(loaded.bundle);
  }
  if (problems.length) return { error: `${problems.join('\n')}\nfix these first (pocsim validate)\n` };
  return { bundles };
}

/** Builds one package: a Vite build in LMS mode with only these scenarios, zipped with its manifest. */
export async function buildPackage(o: {
  kind: LmsKind;
  out: string;
  bundles: readonly ScenarioBundle[];
  lang: 'en' | 'fr';
  title?: string | undefined;
  courseIri?: string | undefined;
  moveOn?: MoveOn;
  connect?: string | undefined;
}): Promise<PackageResult> {
  const ids = o.bundles.map((b) => b.scenario.id);
  const outDir = mkdtempSync(join(tmpdir(), 'pocsim-package-'));
  try {
    await viteBuild(outDir, { kind: o.kind, ids, lang: o.lang, connect: o.connect });
    const unused = otherScenariosVoices(outDir, ids);
    const files = listFiles(outDir).filter((f) => !f.startsWith('.vite/') && !unused.has(f));
    if (!files.includes('index.html')) throw new Error('the build wrote no index.html');
    const description: PackageDescription = {
      title: o.title ? { [o.lang]: o.title } : DEFAULT_TITLE,
      description: DEFAULT_DESCRIPTION,
      language: o.lang,
      launchPage: 'index.html',
      scenarios: o.bundles.map((b) => ({
        id: b.scenario.id,
        version: b.scenario.version,
        title: textsOf(b, textKey.title()),
        summary: textsOf(b, textKey.summary()),
        masteryScore: b.scenario.masteryScore,
      })),
    };
    const manifest =
      o.kind === 'cmi5'
        ? {
            name: 'cmi5.xml',
            text: buildCmi5Xml(description, {
              courseIri: o.courseIri ?? defaultCourseIri(ids),
              moveOn: o.moveOn ?? 'CompletedAndPassed',
            }),
          }
        : { name: 'imsmanifest.xml', text: buildScorm12Manifest(description, files, defaultManifestId(ids)) };
    const zip: Zippable = { [manifest.name]: [new TextEncoder().encode(manifest.text), { level: 9 }] };
    for (const f of files) zip[f] = [readFileSync(join(outDir, f)), { level: STORED.test(f) ? 0 : 9 }];
    const bytes = zipSync(zip);
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, bytes);
    return { kind: o.kind, file: o.out, bytes: bytes.length, files: files.length + 1, scenarios: ids };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// why: the sound code globs every scenario's voiced radio calls; a package plays only its own
// scenarios, so the others' recordings (most of the package's weight) stay out of the zip. The
// build manifest maps each emitted file back to assets/voices/<scenario>/.
function otherScenariosVoices(outDir: string, ids: readonly string[]): Set<string> {
  const manifestFile = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string }>;
  const out = new Set<string>();
  for (const [source, chunk] of Object.entries(manifest)) {
    const voice = /^assets\/voices\/([^/]+)\//.exec(source);
    if (voice && !ids.includes(voice[1]!)) out.add(chunk.file);
  }
  return out;
}

/** Each language's text of a key, for the course description. */
function textsOf(bundle: ScenarioBundle, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, table] of Object.entries(bundle.texts)) if (table?.[key]) out[lang] = table[key];
  return out;
}

// why: the package is the ordinary app built by Vite's JS API with the project's config, told by
// environment variables which scenarios to bundle (vite.config.ts) and by `define` which LMS it
// reports to (src/main.tsx), so a normal build never carries LMS code.
async function viteBuild(
  outDir: string,
  o: { kind: LmsKind; ids: string[]; lang: string; connect?: string | undefined },
): Promise<void> {
  const { build } = await import('vite');
  const saved = { scenarios: process.env.POCSIM_SCENARIOS, connect: process.env.POCSIM_CONNECT_SRC };
  process.env.POCSIM_SCENARIOS = o.ids.join(',');
  if (o.connect) process.env.POCSIM_CONNECT_SRC = o.connect;
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'lms',
      logLevel: 'warn',
      base: './',
      define: {
        'import.meta.env.VITE_POCSIM_LMS': JSON.stringify(o.kind),
        'import.meta.env.VITE_POCSIM_LANG': JSON.stringify(o.lang),
      },
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    restore('POCSIM_SCENARIOS', saved.scenarios);
    restore('POCSIM_CONNECT_SRC', saved.connect);
  }
}

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, base));
    else out.push(relative(base, path).split(sep).join('/'));
  }
  return out.sort();
}
