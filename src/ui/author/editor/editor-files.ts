import type { EditorFiles } from './editor-session.ts';

// why: Chromium's File System Access API lets the editor read a scenario folder and write the
// files back in place; other browsers get an upload and a download of the same files. The API is
// not in TypeScript's DOM types, so the few members used are declared here.

interface FileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}
/** A folder the trainer opened with write access. */
export interface FolderHandle {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<FileHandle | FolderHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
}
type ShowDirectoryPicker = (options?: { mode?: 'read' | 'readwrite' }) => Promise<FolderHandle>;

function directoryPicker(): ShowDirectoryPicker | undefined {
  const picker = (globalThis as { showDirectoryPicker?: ShowDirectoryPicker }).showDirectoryPicker;
  return typeof picker === 'function' ? picker.bind(globalThis) : undefined;
}

/** True where the browser can open and write a folder (Chromium). */
export function canUseFolders(): boolean {
  return directoryPicker() !== undefined;
}

const SCENARIO = /^scenario\.ya?ml$/i;
const TRANSLATION = /^([a-z]{2})\.ya?ml$/i;

/** Sorts named texts into a scenario and its translations; undefined without a scenario file. */
export function filesFromTexts(named: readonly { name: string; text: string }[]): EditorFiles | undefined {
  const main = named.find((f) => SCENARIO.test(f.name)) ?? (named.length === 1 ? named[0] : undefined);
  if (!main) return undefined;
  const translations: Record<string, string> = {};
  for (const f of named) {
    const m = TRANSLATION.exec(f.name);
    if (m && f !== main) translations[m[1]!.toLowerCase()] = f.text;
  }
  return { scenario: main.text, translations };
}

/** Asks for a folder and reads its scenario files; null when the trainer cancels. */
export async function openFolder(): Promise<{ folder: FolderHandle; files: EditorFiles | undefined } | null> {
  const picker = directoryPicker();
  if (!picker) return null;
  let folder: FolderHandle;
  try {
    folder = await picker({ mode: 'readwrite' });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') return null;
    throw e;
  }
  const named: { name: string; text: string }[] = [];
  for await (const entry of folder.values()) {
    if (entry.kind === 'file' && /\.ya?ml$/i.test(entry.name))
      named.push({ name: entry.name, text: await (await entry.getFile()).text() });
  }
  return { folder, files: filesFromTexts(named) };
}

/** Asks for a folder to save into; null when the trainer cancels or the browser cannot. */
export async function chooseFolder(): Promise<FolderHandle | null> {
  const picker = directoryPicker();
  if (!picker) return null;
  try {
    return await picker({ mode: 'readwrite' });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') return null;
    throw e;
  }
}

/** Writes every file into the folder, replacing what was there. */
export async function writeFolder(folder: FolderHandle, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const handle = await folder.getFileHandle(name, { create: true });
    const out = await handle.createWritable();
    await out.write(text);
    await out.close();
  }
}

/** Offers each file as a download, for browsers that cannot write a folder. */
export function downloadFiles(files: Record<string, string>): string[] {
  const names: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    names.push(name);
  }
  return names;
}
