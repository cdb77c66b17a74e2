import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import {
  type LoadOptions,
  type LoadResult,
  loadScenario,
  type SourceFile,
} from '../engine/scenario/load-scenario.ts';

const SCENARIO_FILE = 'scenario.yaml';
const TRANSLATION_FILE = /^[a-z]{2}\.yaml$/;
const ARCHETYPES_FILE = 'archetypes.yaml';

/** One scenario folder on disk, loaded and checked. */
export interface LoadedFolder extends LoadResult {
  folder: string;
}

function source(path: string, cwd: string): SourceFile {
  return { path: relative(cwd, path) || path, text: readFileSync(path, 'utf8') };
}

/** Finds scenario folders under the given files or directories (a `scenario.yaml` marks one). */
export function findScenarioFolders(targets: string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string, depth: number) => {
    const st = statSync(path);
    if (st.isFile()) {
      found.add(basename(path) === SCENARIO_FILE || path.endsWith('.yaml') ? dirname(path) : path);
      return;
    }
    if (readdirSync(path).includes(SCENARIO_FILE)) {
      found.add(path);
      return;
    }
    if (depth > 3) return;
    for (const entry of readdirSync(path).sort()) {
      const child = join(path, entry);
      if (statSync(child).isDirectory()) visit(child, depth + 1);
    }
  };
  for (const t of targets) visit(t, 0);
  return [...found];
}

/** The archetypes file of a scenario folder (`archetypes.yaml`), when it has one. */
export function archetypesFileOf(folder: string, cwd = process.cwd()): SourceFile | undefined {
  const path = join(folder, ARCHETYPES_FILE);
  return existsSync(path) ? source(path, cwd) : undefined;
}

/** Loads a scenario folder (`scenario.yaml` plus `<lang>.yaml` translations). */
export function loadScenarioFolder(
  folder: string,
  cwd = process.cwd(),
  options: LoadOptions = {},
): LoadedFolder {
  const main = join(folder, SCENARIO_FILE);
  const translations = readdirSync(folder)
    .filter((f) => TRANSLATION_FILE.test(f))
    .sort()
    .map((f) => source(join(folder, f), cwd));
  return { folder, ...loadScenario(source(main, cwd), translations, undefined, options) };
}
