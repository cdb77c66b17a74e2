import type { LintReport } from '../../engine/analysis/lint-scenario.ts';
import type { Diagnostic } from '../../engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import {
  type LoadResult,
  loadScenario,
  MAX_FILE_BYTES,
  type SourceFile,
} from '../../engine/scenario/load-scenario.ts';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import { lenientScenario, sourceTexts } from './editor/editor-model.ts';
import { readYaml } from './editor/yaml-edit.ts';
import { type GraphMarks, pathOfChoices } from './graph-layout.ts';

/** The contents of a picked file at one moment. */
export interface FileSnapshot {
  /** Size in bytes. */
  readonly size: number;
  text(): Promise<string>;
}

/**
 * A file the trainer picked or dropped, readable again for Reload: a file handle gives its current
 * contents each time; a plain `File` (or a test's fake) gives what it holds.
 */
export interface PickedFile {
  readonly name: string;
  open(): Promise<FileSnapshot>;
}

/** A picked `File`. why: Chromium refuses to read one whose file changed since it was picked. */
export function fromFile(file: FileSnapshot & { readonly name: string }): PickedFile {
  return { name: file.name, open: async () => file };
}

/** A picked file handle (File System Access API), read afresh on every Reload. */
export function fromHandle(handle: { readonly name: string; getFile(): Promise<FileSnapshot> }): PickedFile {
  return { name: handle.name, open: () => handle.getFile() };
}

/** Picked files sorted by role: the scenario, its translations, and files that are neither. */
export interface SortedFiles {
  main?: PickedFile;
  translations: PickedFile[];
  ignored: PickedFile[];
}

const SCENARIO_NAME = /^scenario\.ya?ml$/i;
const TRANSLATION_NAME = /^[a-z]{2}\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;

/** Sorts picked files by name: `scenario.yaml`, `<lang>.yaml` translations, the rest ignored. */
export function sortPickedFiles(files: readonly PickedFile[]): SortedFiles {
  const sorted: SortedFiles = { translations: [], ignored: [] };
  for (const f of files) {
    if (!sorted.main && SCENARIO_NAME.test(f.name)) sorted.main = f;
    else if (TRANSLATION_NAME.test(f.name)) sorted.translations.push(f);
    else sorted.ignored.push(f);
  }
  // why: a trainer who saved the scenario under another name and picked only that file still
  // means it as the scenario.
  const yaml = sorted.ignored.filter((f) => YAML_NAME.test(f.name));
  if (!sorted.main && yaml.length === 1) {
    sorted.main = yaml[0];
    sorted.ignored = sorted.ignored.filter((f) => f !== sorted.main);
  }
  return sorted;
}

/** A picked file that can no longer be read (changed, moved or deleted since it was picked). */
export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

function tooLarge(name: string, size: number): Diagnostic {
  // why: same words as the loader's own refusal, without reading a huge file into memory first.
  return {
    file: name,
    line: 1,
    col: 1,
    field: '',
    severity: 'error',
    message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes, so it was not read`,
  };
}

/** Reads the scenario and its translations and checks them; throws `FileReadError` when a file cannot be read. */
export async function readAndLoad(sorted: SortedFiles & { main: PickedFile }): Promise<LoadResult> {
  const refused: Diagnostic[] = [];
  const read = async (f: PickedFile): Promise<SourceFile | undefined> => {
    let snapshot: FileSnapshot;
    try {
      snapshot = await f.open();
    } catch (e) {
      throw new FileReadError(f.name, e);
    }
    if (snapshot.size > MAX_FILE_BYTES) {
      refused.push(tooLarge(f.name, snapshot.size));
      return undefined;
    }
    try {
      return { path: f.name, text: await snapshot.text() };
    } catch (e) {
      throw new FileReadError(f.name, e);
    }
  };
  const main = await read(sorted.main);
  const translations: SourceFile[] = [];
  for (const f of sorted.translations) {
    const source = await read(f);
    if (source) translations.push(source);
  }
  if (!main) return { diagnostics: refused };
  const loaded = loadScenario(main, translations);
  const diagnostics = [...refused, ...loaded.diagnostics];
  return refused.length ? { diagnostics } : { ...loaded, diagnostics };
}

/** The marks the scenario graph shows for a lint report. */
export function graphMarks(scenario: Scenario, report: LintReport | null): GraphMarks {
  if (!report) return { unreachable: new Set<string>(), deadEnds: new Set<string>() };
  return {
    unreachable: new Set([...report.unreachableSteps, ...report.unreachableEndings]),
    deadEnds: new Set(report.deadEnds.map((d) => d.step)),
    ...(report.best ? { path: pathOfChoices(scenario, report.best.choices) } : {}),
  };
}

/** Counts a trainer checks first: steps, decisions among them, endings. */
export function countScenario(scenario: Scenario) {
  return {
    steps: scenario.steps.length,
    decisions: scenario.steps.filter((s) => s.decision).length,
    endings: scenario.endings.length,
  };
}

/** A file that does not validate, shaped enough to draw, with the steps and endings its errors point into. */
export interface DraftGraph {
  bundle: ScenarioBundle;
  problems: ReadonlySet<string>;
}

/** Reads a scenario file with errors into a graph that can still be drawn; undefined when its YAML does not parse. */
export async function draftOfFile(
  file: PickedFile,
  diagnostics: readonly Diagnostic[],
): Promise<DraftGraph | undefined> {
  const data = readYaml(await (await file.open()).text());
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const raw = data as Record<string, unknown>;
  const scenario = lenientScenario(raw);
  const problems = new Set<string>();
  for (const d of diagnostics) {
    const m = /^(steps|endings)\[(\d+)\]/.exec(d.field);
    const list = m ? raw[m[1]!] : undefined;
    const item = Array.isArray(list) ? (list[Number(m![2])] as { id?: unknown } | undefined) : undefined;
    if (item && (typeof item.id === 'string' || typeof item.id === 'number')) problems.add(String(item.id));
  }
  return { bundle: { scenario, texts: { [scenario.language]: sourceTexts(raw) } }, problems };
}
