import { type DBSchema, openDB } from 'idb';
import type { SavedRun } from './saved-run.ts';

/**
 * Where saved runs and a few small records (progress) are kept.
 * why: a port, so the app saves to IndexedDB in the browser and to memory in tests and when the
 * browser refuses storage; callers check what `list` returns, since stored data may be damaged.
 */
export interface RunStore {
  /** Every stored run, as found (unchecked). */
  list(): Promise<unknown[]>;
  /** One stored run, as found (unchecked), or undefined. */
  get(id: string): Promise<unknown>;
  /** Writes a run, replacing any with the same id. */
  put(run: SavedRun): Promise<void>;
  /** Writes many runs (an import) in few transactions; all are written or the promise rejects. */
  putAll(runs: readonly SavedRun[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** A small record by name (for example the trainee's progress), as found. */
  getMeta(key: string): Promise<unknown>;
  putMeta(key: string, value: unknown): Promise<void>;
  /**
   * Reads a small record, changes it and writes it back in one transaction, so that two tabs
   * changing it at once both count (neither overwrites the other from a stale copy); returns it.
   */
  updateMeta(key: string, change: (old: unknown) => unknown): Promise<unknown>;
}

/** A store that keeps everything in memory, for tests and for a browser that refuses storage. */
export function createMemoryRunStore(): RunStore {
  const runs = new Map<string, unknown>();
  const meta = new Map<string, unknown>();
  // why: copies in and out, as IndexedDB does, so a caller changing an object later changes nothing stored.
  return {
    list: async () => [...runs.values()].map((r) => structuredClone(r)),
    get: async (id) => structuredClone(runs.get(id)),
    put: async (run) => {
      runs.set(run.id, structuredClone(run));
    },
    putAll: async (all) => {
      for (const run of all) runs.set(run.id, structuredClone(run));
    },
    remove: async (id) => {
      runs.delete(id);
    },
    getMeta: async (key) => structuredClone(meta.get(key)),
    putMeta: async (key, value) => {
      meta.set(key, structuredClone(value));
    },
    updateMeta: async (key, change) => {
      const next = change(structuredClone(meta.get(key)));
      meta.set(key, structuredClone(next));
      return structuredClone(next);
    },
  };
}

interface RunDb extends DBSchema {
  runs: { key: string; value: SavedRun };
  meta: { key: string; value: unknown };
}

/** Name of the browser database holding the trainee's runs. */
export const RUN_DB_NAME = 'pocsim-runs';
const RUN_DB_VERSION = 1;
/** Runs written per transaction by an import. */
const PUT_CHUNK = 1000;
/** How long to wait for the database to open before running in memory. */
const OPEN_TIMEOUT_MS = 5000;

/**
 * Opens the IndexedDB store; rejects when the browser refuses it (private mode, storage blocked, no
 * IndexedDB), so the caller can fall back to memory and say so. src/main.tsx loads this module
 * lazily, so idb stays out of the first load.
 */
export async function openIndexedDbRunStore(name = RUN_DB_NAME): Promise<RunStore> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
  // why: some browsers in private mode leave the open request pending for ever instead of failing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), OPEN_TIMEOUT_MS);
  });
  const db = await Promise.race([
    openDB<RunDb>(name, RUN_DB_VERSION, {
      upgrade(database, oldVersion) {
        // why: migrations run in order of the version they lead to; add a case per new version.
        if (oldVersion < 1) {
          database.createObjectStore('runs', { keyPath: 'id' });
          database.createObjectStore('meta');
        }
      },
    }),
    timeout,
  ]).finally(() => clearTimeout(timer));
  // why: a quota error can surface only when the transaction commits, so every write waits for `done`.
  return {
    list: () => db.getAll('runs'),
    get: (id) => db.get('runs', id),
    async put(run) {
      const tx = db.transaction('runs', 'readwrite');
      await Promise.all([tx.store.put(run), tx.done]);
    },
    async putAll(all) {
      // why: one transaction per run made a 20,000-run import take minutes; chunks keep each
      // transaction small enough that a quota error names a bounded part of the import.
      for (let i = 0; i < all.length; i += PUT_CHUNK) {
        const tx = db.transaction('runs', 'readwrite');
        await Promise.all([...all.slice(i, i + PUT_CHUNK).map((run) => tx.store.put(run)), tx.done]);
      }
    },
    async remove(id) {
      const tx = db.transaction('runs', 'readwrite');
      await Promise.all([tx.store.delete(id), tx.done]);
    },
    getMeta: (key) => db.get('meta', key),
    async putMeta(key, value) {
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([tx.store.put(value, key), tx.done]);
    },
    async updateMeta(key, change) {
      // why: IndexedDB runs readwrite transactions on one store one at a time, across tabs too;
      // the read and the write below share one, so no other tab's write falls between them.
      const tx = db.transaction('meta', 'readwrite');
      const next = change(await tx.store.get(key));
      await Promise.all([tx.store.put(next, key), tx.done]);
      return next;
    },
  };
}
