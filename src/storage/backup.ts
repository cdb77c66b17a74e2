import { z } from 'zod';
import { parseRunFile, RUN_FILE_VERSION, runFileSchema } from '../engine/results/run-file.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { Diagnostic } from '../engine/scenario/diagnostic.ts';
import { diagnosticsFromZod, type ParsedFile } from '../engine/scenario/load-scenario.ts';
import { PROGRESS_VERSION, type Progress, parseProgressRecord } from '../progress/progress.ts';
import type { Settings } from '../progress/settings.ts';
import { locateInJson, syntaxErrorPosition } from './json-position.ts';
import type { SavedRun, StoredRun } from './saved-run.ts';

// why: one file carries everything a trainee has on a browser (runs, progress, settings), so a
// shared laptop wiped or replaced loses nothing that was exported. It is loaded only when the
// trainee exports or imports, since it brings zod and the run-file checks.

/** Tag of a pocsim backup file. */
export const BACKUP_FORMAT = 'pocsim-backup';
/** Version written by this build; readers accept every version up to it. */
export const BACKUP_VERSION = 1;
/** Largest backup file read, in bytes (JSON text). */
export const MAX_BACKUP_BYTES = 50_000_000;

const savedRunSchema = z.strictObject({
  id: z.string().min(1).max(200),
  status: z.enum(['in-progress', 'finished']),
  savedAt: z.iso.datetime({ offset: true }),
  run: runFileSchema,
});

const settingsSchema = z
  .object({
    language: z.enum(['en', 'fr']).optional(),
    muted: z.boolean().optional(),
    volume: z.number().min(0).max(1).optional(),
  })
  .partial();

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().min(1).max(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: z.unknown().optional(),
  progress: z.unknown().optional(),
  runs: z.array(savedRunSchema).max(100_000),
  setAside: z.array(z.unknown()).max(100_000).optional(),
});

/** What an export holds. */
export interface BackupContents {
  runs: readonly SavedRun[];
  setAside?: readonly Extract<StoredRun, { ok: false }>[];
  progress: Progress;
  settings?: Settings;
  exportedAt: string;
}

/** Writes a backup as JSON text, one run per line, so a person can read and compare it. */
export function serializeBackup(contents: BackupContents): string {
  const head = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_VERSION,
    exportedAt: contents.exportedAt,
  };
  const lines = [
    `${JSON.stringify(head).slice(0, -1)},`,
    `"settings":${JSON.stringify(contents.settings ?? {})},`,
    `"progress":${JSON.stringify({ version: PROGRESS_VERSION, scenarios: contents.progress })},`,
    `"runs":[${contents.runs.length ? '' : ']'}`,
    ...contents.runs.map((r, i) => `${JSON.stringify(r)}${i < contents.runs.length - 1 ? ',' : '],'}`),
    `"setAside":${JSON.stringify(
      (contents.setAside ?? []).map(({ id, reason, detail, raw }) => ({ id, reason, detail, raw })),
    )}}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** File name of a backup made on a day. */
export function backupFileName(date: Date): string {
  return `pocsim-runs-${date.toISOString().slice(0, 10)}.json`;
}

/** What reading a backup (or a single run file) gives. */
export type BackupRead =
  | { ok: false; diagnostics: Diagnostic[] }
  | {
      ok: true;
      runs: SavedRun[];
      /** Runs that could not be read, each with its place in the file. */
      damaged: Diagnostic[];
      progress: Progress;
      settings: Partial<Settings>;
    };

/** Reads a backup file (or one run file), checking every run and placing each problem in the file. */
export function parseBackup(text: string, file: string): BackupRead {
  const fail = (line: number, col: number, field: string, message: string): BackupRead => ({
    ok: false,
    diagnostics: [{ file, line, col, field, severity: 'error', message }],
  });
  if (text.length > MAX_BACKUP_BYTES)
    return fail(1, 1, '', `the file is larger than ${MAX_BACKUP_BYTES / 1_000_000} MB, so it was not read`);
  if (!text.trim()) return fail(1, 1, '', 'the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = syntaxErrorPosition(text, e);
    return fail(at.line, at.col, '', `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const locate = locateInJson(text);
  const parsed: ParsedFile = { file, data, locate, diagnostics: [] };
  const format = (data as { format?: unknown } | null)?.format;
  if (format === 'pocsim-run') return oneRunFile(text, file);
  if (format !== BACKUP_FORMAT) {
    const at = locate(['format']);
    return fail(at.line, at.col, 'format', `not a pocsim backup (expected "format": "${BACKUP_FORMAT}")`);
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    const at = locate(['formatVersion']);
    return fail(
      at.line,
      at.col,
      'formatVersion',
      `written by a newer pocsim (backup format ${version}; this one reads up to ${BACKUP_VERSION}); update pocsim to import it`,
    );
  }
  const shape = backupSchema.extend({ runs: z.array(z.unknown()).max(100_000) }).safeParse(data, {
    reportInput: true,
  });
  if (!shape.success)
    return { ok: false, diagnostics: diagnosticsFromZod(parsed, shape.error, backupSchema) };

  const runs: SavedRun[] = [];
  const damaged: Diagnostic[] = [];
  shape.data.runs.forEach((value, i) => {
    const runVersion = (value as { run?: { formatVersion?: unknown } } | null)?.run?.formatVersion;
    if (typeof runVersion === 'number' && runVersion > RUN_FILE_VERSION) {
      damaged.push({
        file,
        ...locate(['runs', i, 'run', 'formatVersion']),
        field: `runs[${i}].run.formatVersion`,
        severity: 'error',
        message: `written by a newer pocsim (run format ${runVersion}); update pocsim to import this run`,
      });
      return;
    }
    const result = savedRunSchema.safeParse(value, { reportInput: true });
    if (result.success) {
      runs.push(result.data);
      return;
    }
    const inFile = {
      issues: result.error.issues.map((issue) => ({ ...issue, path: ['runs', i, ...issue.path] })),
    } as unknown as z.ZodError;
    // why: one line per damaged run is enough to find it; its first problem says what is wrong.
    const first = diagnosticsFromZod(parsed, inFile, backupSchema)[0];
    if (first) damaged.push(first);
  });

  let progress: Progress = {};
  if (shape.data.progress !== undefined) {
    const read = parseProgressRecord(shape.data.progress);
    if (read) progress = read;
    else
      damaged.push({
        file,
        ...locate(['progress']),
        field: 'progress',
        severity: 'error',
        message: `not a progress record of version ${PROGRESS_VERSION}; progress was not imported`,
      });
  }
  const settings = settingsSchema.safeParse(shape.data.settings ?? {});
  return {
    ok: true,
    runs,
    damaged,
    progress,
    settings: settings.success ? stripUndefined(settings.data) : {},
  };
}

function oneRunFile(text: string, file: string): BackupRead {
  const result = parseRunFile(text, file);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  const run = result.run;
  const savedAt = run.savedAt ?? run.finishedAt ?? run.startedAt ?? new Date().toISOString();
  return {
    ok: true,
    runs: [
      {
        // why: a run file carries no session id; the same file imported twice must get the same one.
        id: `file-${run.scenario.id}-${hashText(JSON.stringify(run.log))}-${run.startedAt ?? ''}`,
        status: run.finishedAt || run.summary ? 'finished' : 'in-progress',
        savedAt,
        run,
      },
    ],
    damaged: [],
    progress: {},
    settings: {},
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** What an import did with one run of the file. */
export type ImportOutcome =
  /** This browser did not have it. */
  | { kind: 'added'; id: string }
  /** This browser had it in an earlier state; the file's copy went further and replaced it. */
  | { kind: 'updated'; id: string }
  /** It went another way than every copy here; kept as one more copy, under `id`. */
  | { kind: 'kept-beside'; id: string; of: string }
  /** This browser already has it as far, or further (under `id`). */
  | { kind: 'already-here'; id: string };

/** How an import changes the runs on this browser. */
export interface ImportPlan {
  /** Runs this browser did not have. */
  added: SavedRun[];
  /** Runs this browser had in an earlier state (the file's copy went further). */
  updated: SavedRun[];
  /** Runs that went another way than every copy here, each kept beside them under a new id. */
  keptBeside: SavedRun[];
  /** Runs this browser already has as far, or further. */
  skipped: SavedRun[];
  /** What happened to each run of the file, in the file's order. */
  outcomes: ImportOutcome[];
}

/** The ids under which copies of one run are kept: `r`, `r~imported`, `r~imported-2`, … */
function copyId(id: string, n: number): string {
  return n === 0 ? id : n === 1 ? `${id}~imported` : `${id}~imported-${n}`;
}

/**
 * Decides, run by run, what an import adds, updates or leaves.
 * why: a run is an append-only log, so of two copies the one whose log extends the other is newer;
 * a copy that went another way is kept beside the others. Every copy of a run (`r`, `r~imported`,
 * `r~imported-2`, …) is compared, so carrying a run between two computers again and again never
 * keeps the shorter copy in place of the longer one.
 */
export function planImport(existing: readonly SavedRun[], incoming: readonly SavedRun[]): ImportPlan {
  const byId = new Map(existing.map((r) => [r.id, r]));
  /** Copies by the id of the run they are copies of. */
  const families = new Map<string, string[]>();
  const baseOf = (id: string) => id.replace(/~imported(-\d+)?$/, '');
  const addToFamily = (id: string) => {
    const base = baseOf(id);
    families.set(base, [...(families.get(base) ?? []), id]);
  };
  for (const r of existing) addToFamily(r.id);
  const plan: ImportPlan = { added: [], updated: [], keptBeside: [], skipped: [], outcomes: [] };
  for (const run of incoming) {
    const base = baseOf(run.id);
    const family = (families.get(base) ?? []).map((id) => byId.get(id)!);
    if (!family.length) {
      plan.added.push(run);
      plan.outcomes.push({ kind: 'added', id: run.id });
      byId.set(run.id, run);
      addToFamily(run.id);
      continue;
    }
    const covering = family.find((here) => covers(here, run));
    if (covering) {
      plan.skipped.push(run);
      plan.outcomes.push({ kind: 'already-here', id: covering.id });
      continue;
    }
    // why: of the copies the file's run extends, the longest is the one it continues.
    const extended = family
      .filter((here) => startsWith(run.run.log, here.run.log))
      .sort((x, y) => y.run.log.length - x.run.log.length)[0];
    if (extended) {
      const update = { ...run, id: extended.id };
      plan.updated.push(update);
      plan.outcomes.push({ kind: 'updated', id: extended.id });
      byId.set(update.id, update);
      continue;
    }
    let n = 1;
    while (byId.has(copyId(base, n))) n++;
    const copy = { ...run, id: copyId(base, n) };
    plan.keptBeside.push(copy);
    plan.outcomes.push({ kind: 'kept-beside', id: copy.id, of: base });
    byId.set(copy.id, copy);
    addToFamily(copy.id);
  }
  return plan;
}

/** Whether the copy here holds everything the incoming copy does (as far, or further). */
function covers(here: SavedRun, incoming: SavedRun): boolean {
  const a = here.run.log;
  const b = incoming.run.log;
  return (
    startsWith(a, b) && (a.length > b.length || here.status === 'finished' || incoming.status !== 'finished')
  );
}

function startsWith(log: readonly RunEvent[], prefix: readonly RunEvent[]): boolean {
  if (prefix.length > log.length) return false;
  return prefix.every((e, i) => {
    const f = log[i]!;
    if (e.type !== f.type) return false;
    // why: the last clock entry of a shorter copy may have grown since (ticks merge), so it may be smaller.
    if (e.type === 'clock.ticked' && f.type === 'clock.ticked')
      return i === prefix.length - 1 ? e.seconds <= f.seconds : e.seconds === f.seconds;
    if (e.type === 'decision.chosen' && f.type === 'decision.chosen')
      return e.optionIds.join('\n') === f.optionIds.join('\n');
    return true;
  });
}
