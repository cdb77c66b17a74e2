import type { CohortFile, SetAsideFile } from '../../engine/results/cohort.ts';
import { MAX_FILE_BYTES } from '../../engine/scenario/load-scenario.ts';

/** A file picked or dropped, with its path inside a dropped or picked folder when there was one. */
export interface PickedRunFile {
  path: string;
  size: number;
  text(): Promise<string>;
}

/** What reading the picked files gave: run files to build the cohort from, and everything else. */
export interface ReadFiles {
  files: CohortFile[];
  /** Files refused before reading (too large, unreadable), with the reason and place. */
  refused: SetAsideFile[];
  /** Files that are not run files (not `.json`), by path; listed, never read. */
  ignored: string[];
}

const RUN_FILE_NAME = /\.json$/i;

/**
 * Most bytes of run files read at once (100 MiB).
 * why: each file may be up to 1 MB and a drop may hold thousands; past this the page would hold
 * several copies of hundreds of megabytes. Files beyond it are listed as not read, with the reason.
 */
export const MAX_COHORT_BYTES = 100 * 1024 * 1024;

/**
 * Reads picked files: `.json` ones as run files (refusing any over the size limit, and any past
 * the total budget `already` bytes of open files leave), the rest listed as ignored.
 */
export async function readPickedFiles(
  picked: readonly PickedRunFile[],
  options: { already?: number; onRead?(done: number, total: number): void } = {},
): Promise<ReadFiles> {
  const out: ReadFiles = { files: [], refused: [], ignored: [] };
  let budget = MAX_COHORT_BYTES - (options.already ?? 0);
  let done = 0;
  const total = picked.filter((p) => RUN_FILE_NAME.test(p.path)).length;
  const read = await inBatches(picked, async (p) => {
    if (!RUN_FILE_NAME.test(p.path)) return { kind: 'ignored' as const, path: p.path };
    // why: a run file is small; a huge one is refused before it is read into memory.
    if (p.size > MAX_FILE_BYTES)
      return {
        kind: 'refused' as const,
        path: p.path,
        message: `file is ${p.size} bytes; the limit is ${MAX_FILE_BYTES} bytes, so it was not read`,
      };
    if (p.size > budget)
      return {
        kind: 'refused' as const,
        path: p.path,
        message: `not read: the files open together would pass the ${MAX_COHORT_BYTES / 1024 / 1024} MB the cohort view reads at once; open this one in a smaller batch`,
      };
    budget -= p.size;
    try {
      const text = await p.text();
      options.onRead?.(++done, total);
      return { kind: 'file' as const, path: p.path, text };
    } catch (e) {
      return {
        kind: 'refused' as const,
        path: p.path,
        message: `the file could not be read (${e instanceof Error ? e.message : String(e)})`,
      };
    }
  });
  for (const r of read) {
    if (r.kind === 'ignored') out.ignored.push(r.path);
    else if (r.kind === 'refused')
      out.refused.push({
        file: r.path,
        reason: 'damaged',
        diagnostics: [{ file: r.path, line: 1, col: 1, field: '', severity: 'error', message: r.message }],
      });
    else out.files.push({ name: r.path, text: r.text });
  }
  return out;
}

/**
 * Runs `work` over `items` a few at a time, keeping their order.
 * why: starting the reads of 500 files at once cost Chromium over half a second of one task.
 */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return out;
}

/** A picked `File`, named by its path inside a picked folder (`webkitRelativePath`) when it has one. */
export function fromInputFile(file: File): PickedRunFile {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return { path: relative || file.name, size: file.size, text: () => file.text() };
}

/** The parts of a `FileSystemEntry` (drag and drop of files and folders) the cohort view uses. */
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}

// why: a folder dropped from a file manager or a USB stick can hold thousands of files, and a
// hostile one can nest without end; the walk stops at these bounds and says so.
/** Most files taken from one drop. */
export const MAX_DROPPED_FILES = 5000;
/** Deepest folder nesting followed in a drop. */
export const MAX_FOLDER_DEPTH = 12;

/** Files found under dropped entries, folders walked in full; `truncated` when a bound was reached. */
export async function filesFromEntries(
  entries: readonly EntryLike[],
): Promise<{ files: PickedRunFile[]; truncated: boolean }> {
  const files: PickedRunFile[] = [];
  let truncated = false;
  const walk = async (entry: EntryLike, depth: number): Promise<void> => {
    if (files.length >= MAX_DROPPED_FILES) {
      truncated = true;
      return;
    }
    if (entry.isFile && entry.file) {
      const file = await new Promise<File>((resolve, reject) => entry.file!(resolve, reject));
      files.push({
        path: entry.fullPath.replace(/^\/+/, '') || entry.name,
        size: file.size,
        text: () => file.text(),
      });
      return;
    }
    if (!entry.isDirectory || !entry.createReader) return;
    if (depth >= MAX_FOLDER_DEPTH) {
      truncated = true;
      return;
    }
    const reader = entry.createReader();
    // why: readEntries gives a folder's entries in batches (100 in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, depth + 1);
    }
  };
  for (const e of entries) await walk(e, 0);
  files.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  return { files, truncated };
}

type EntryItem = DataTransferItem & { webkitGetAsEntry?(): EntryLike | null };

/**
 * The files of a drop: folders walked through their entries where the browser gives them,
 * otherwise the dropped files themselves.
 */
export function droppedRunFiles(
  data: DataTransfer | null,
): Promise<{ files: PickedRunFile[]; truncated: boolean }> {
  if (!data) return Promise.resolve({ files: [], truncated: false });
  // why: entries must be asked for during the drop event itself, before any await.
  const items = [...(data.items ?? [])].filter((i) => i.kind === 'file') as EntryItem[];
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  const plain = { files: [...data.files].map(fromInputFile), truncated: false };
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    return filesFromEntries(entries as EntryLike[]).catch(() => plain);
  }
  return Promise.resolve(plain);
}
