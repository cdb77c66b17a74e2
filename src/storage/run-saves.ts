import type { RunFile } from '../engine/results/run-file.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import type { Language } from '../engine/scenario/scenario.schema.ts';
import {
  addFinishedRun,
  LEGACY_PROGRESS_KEY,
  mergeProgress,
  PROGRESS_VERSION,
  type Progress,
  type ProgressRecord,
  parseProgress,
  parseProgressRecord,
} from '../progress/progress.ts';
import type { RunObserver, RunSession } from '../progress/run-observer.ts';
import type { KeyValueStorage } from '../progress/settings.ts';
import type { RunOwnership } from './run-ownership.ts';
import type { RunStore } from './run-store.ts';
import {
  checkStoredRun,
  newestFirst,
  RUN_FORMAT,
  RUN_VERSION,
  type SavedRun,
  type StoredRun,
} from './saved-run.ts';

/** Whether runs reach the browser's storage, or live only in this tab's memory (and why). */
export type SaveHealth =
  | { kind: 'opening' }
  | { kind: 'stored' }
  | { kind: 'memory'; reason: 'unavailable' | 'full' | 'failed'; detail: string };

/** What the saves hold at one moment; a new object after every change, parts kept when unchanged. */
export interface SavesSnapshot {
  health: SaveHealth;
  /** Whether the stored runs have been read (false while the store opens). */
  loaded: boolean;
  /** Usable runs, newest first. */
  runs: readonly SavedRun[];
  /** Stored runs that could not be read, kept as found. */
  setAside: readonly Extract<StoredRun, { ok: false }>[];
  progress: Progress;
  /** Runs another tab of this browser is playing now: continuing one here means taking it over. */
  elsewhere: ReadonlySet<string>;
  /** Runs another tab took over from this one: this tab no longer writes them. */
  takenOver: ReadonlySet<string>;
}

/** The trainee's saved runs and progress, and the observer that keeps them up to date. */
export interface RunSaves {
  /** Follows trainee runs and writes each after every event. */
  readonly observer: RunObserver;
  snapshot(): SavesSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Counts a finished, scored run in the progress record. The stored record is changed in one
   * transaction (read, add, write), so runs finished in two tabs at once are both counted.
   */
  recordFinished(scenario: string, run: { overall: number; passed: boolean }): void;
  /** Merges progress into the record (larger count, better score, a pass kept); never replaces it. */
  recordProgress(progress: Progress): void;
  /**
   * Takes a saved run for this tab to continue, with the freshest copy the store holds;
   * 'elsewhere' when another tab is playing it (unless `takeOver`, which makes that tab stop).
   */
  take(id: string, options?: { takeOver?: boolean }): Promise<SavedRun | 'elsewhere' | undefined>;
  /** Adds or replaces runs and merges progress, as an import does. */
  merge(runs: readonly SavedRun[], progress: Progress): Promise<void>;
  /** Forgets a run (the trainee discarded it). */
  remove(id: string): Promise<void>;
  /** Writes at once what is waiting (the page is going away); resolves when written. */
  flush(): Promise<void>;
}

export interface RunSavesOptions {
  /** Opens the browser store; a rejection means the runs live in memory, and the trainee is told. */
  open(): Promise<RunStore>;
  /** Language the trainee plays in, written into each run file. */
  language(): Language;
  /** The old localStorage, whose progress record is migrated into the store once. */
  legacy?: KeyValueStorage | undefined;
  now?: () => Date;
  /** Least time between two writes of one run while only its clock advances (ms). */
  tickWriteMs?: number;
  /** The score summary written into a run file when the run ends (loads the scorer lazily). */
  summarize?: (session: RunSession) => Promise<RunFile['summary']>;
  /** Asks the browser to keep the store under storage pressure; called at the first save. */
  persist?: () => void;
  /** One writing tab per run (Web Locks); without it this tab writes every run it plays. */
  ownership?: RunOwnership | undefined;
}

const PROGRESS_META = 'progress';
const LEGACY_MIGRATED_META = 'progress.legacy-v1-migrated';

/** Creates the saves: opens the store, reads what it holds and migrates the old progress record. */
export function createRunSaves(options: RunSavesOptions): RunSaves {
  const now = options.now ?? (() => new Date());
  const tickWriteMs = options.tickWriteMs ?? 1000;
  const listeners = new Set<() => void>();
  const runs = new Map<string, SavedRun>();
  let snap: SavesSnapshot = {
    health: { kind: 'opening' },
    loaded: false,
    runs: [],
    setAside: [],
    progress: options.legacy ? readLegacy(options.legacy) : {},
    elsewhere: new Set(),
    takenOver: new Set(),
  };
  const ownership = options.ownership;
  let store: RunStore | null = null;
  let queue: Promise<void>;
  const languages = new Map<string, Language>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastWrite = new Map<string, number>();
  const latest = new Map<string, SavedRun>();
  let persisted = false;

  const update = (patch: Partial<SavesSnapshot>) => {
    snap = { ...snap, ...patch };
    for (const l of listeners) l();
  };
  const listRuns = () => [...runs.values()].sort(newestFirst);

  // why: in memory the snapshot is the store: every run and the progress stay in it for export.
  const fallBack = (reason: 'unavailable' | 'full' | 'failed', error: unknown) => {
    store = null;
    if (snap.health.kind === 'memory') return;
    update({ health: { kind: 'memory', reason, detail: describe(error) } });
  };

  // why: every write waits in one queue behind the opening of the store, so writes keep their order
  // and nothing written before the store opened is lost.
  queue = options
    .open()
    .then(async (opened) => {
      store = opened;
      const stored = (await opened.list()).map(checkStoredRun);
      const setAside: Extract<StoredRun, { ok: false }>[] = [];
      for (const s of stored) {
        if (!s.ok) setAside.push(s);
        // why: a run written in this tab before the store opened is newer than what the store held.
        else if (!runs.has(s.saved.id)) runs.set(s.saved.id, s.saved);
      }
      let progress = mergeProgress(
        parseProgressRecord(await opened.getMeta(PROGRESS_META)) ?? {},
        snap.progress,
      );
      if ((await opened.getMeta(LEGACY_MIGRATED_META)) !== true) {
        const legacy = options.legacy ? readLegacy(options.legacy) : {};
        progress = storedProgress(
          await opened.updateMeta(PROGRESS_META, (old) =>
            progressRecord(mergeProgress(mergeProgress(parseProgressRecord(old) ?? {}, progress), legacy)),
          ),
        );
        await opened.putMeta(LEGACY_MIGRATED_META, true);
      }
      update({ health: { kind: 'stored' }, loaded: true, runs: listRuns(), setAside, progress });
    })
    .catch((error) => {
      fallBack('unavailable', error);
      update({ loaded: true, runs: listRuns() });
    });

  const enqueue = (write: (s: RunStore) => Promise<void>) => {
    queue = queue.then(async () => {
      if (!store) return;
      try {
        await write(store);
      } catch (error) {
        fallBack(isQuotaError(error) ? 'full' : 'failed', error);
      }
    });
    return queue;
  };

  const keep = (saved: SavedRun) => {
    const had = runs.has(saved.id);
    runs.set(saved.id, saved);
    // why: a run just written is the newest; with thousands of runs kept, sorting them all after
    // every second of play would cost more than the play.
    const first = snap.runs[0];
    if (!first || first.savedAt <= saved.savedAt)
      update({ runs: [saved, ...(had ? snap.runs.filter((r) => r.id !== saved.id) : snap.runs)] });
    else update({ runs: listRuns() });
  };

  const write = (saved: SavedRun) => {
    // why: a run another tab took over is that tab's to write; this tab's copy is out of date.
    if (ownership?.lost(saved.id)) return queue;
    const timer = timers.get(saved.id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(saved.id);
    latest.delete(saved.id);
    lastWrite.set(saved.id, now().getTime());
    if (!persisted) {
      persisted = true;
      options.persist?.();
    }
    return enqueue((s) => s.put(saved));
  };

  const record = (session: RunSession): SavedRun => {
    const savedAt = now().toISOString();
    const finished = session.run.finished();
    const prev = runs.get(session.id);
    const run: RunFile = {
      format: RUN_FORMAT,
      formatVersion: RUN_VERSION,
      scenario: { id: session.bundle.scenario.id, version: session.bundle.scenario.version },
      language: languages.get(session.id) ?? options.language(),
      startedAt: session.startedAt,
      savedAt,
      log: session.run.log.map(copyEvent),
    };
    if (finished) run.finishedAt = prev?.run.finishedAt ?? savedAt;
    if (finished && prev?.run.summary) run.summary = prev.run.summary;
    return { id: session.id, status: finished ? 'finished' : 'in-progress', savedAt, run };
  };

  const releaseAfter = (id: string, written: Promise<void>) => {
    if (ownership) void written.then(() => ownership.release(id));
  };

  const observer: RunObserver = {
    opened(session) {
      if (!languages.has(session.id)) languages.set(session.id, options.language());
      void ownership?.claim(session.id);
      const saved = record(session);
      keep(saved);
      void write(saved);
    },
    changed(session) {
      const saved = record(session);
      keep(saved);
      const last = session.run.log[session.run.log.length - 1];
      // why: decisions are written at once; the clock alone advances every second, so its writes
      // are spaced by tickWriteMs, the last one waiting so that no second is lost for long.
      if (last?.type !== 'clock.ticked' || session.run.finished()) {
        void write(saved);
        return;
      }
      const since = now().getTime() - (lastWrite.get(saved.id) ?? Number.NEGATIVE_INFINITY);
      if (since >= tickWriteMs) {
        void write(saved);
        return;
      }
      latest.set(saved.id, saved);
      if (!timers.has(saved.id)) {
        timers.set(
          saved.id,
          setTimeout(() => {
            timers.delete(saved.id);
            const pending = latest.get(saved.id);
            if (pending) void write(pending);
          }, tickWriteMs - since),
        );
      }
    },
    finished(session) {
      const saved = record(session);
      keep(saved);
      const written = write(saved);
      const summarized = options.summarize?.(session).then(
        (summary) => {
          const current = runs.get(session.id);
          if (!summary || !current || current.status !== 'finished') return;
          const withSummary: SavedRun = { ...current, run: { ...current.run, summary } };
          keep(withSummary);
          return write(withSummary);
        },
        () => undefined,
      );
      releaseAfter(
        session.id,
        Promise.all([written, summarized]).then(() => undefined),
      );
    },
    left(session) {
      const saved = record(session);
      keep(saved);
      releaseAfter(session.id, write(saved));
    },
  };

  const checked = (raw: unknown): SavedRun | undefined => {
    const stored = raw === undefined ? undefined : checkStoredRun(raw);
    return stored?.ok ? stored.saved : undefined;
  };
  /** Reads one run again from the store (another tab may have written it). */
  const reread = async (id: string): Promise<SavedRun | undefined> => {
    await queue;
    if (!store) return runs.get(id);
    try {
      const fresh = checked(await store.get(id));
      if (fresh) keep(fresh);
      return fresh ?? runs.get(id);
    } catch {
      return runs.get(id);
    }
  };
  // why: another tab claimed, released or took a run, or finished one (and counted it): the menu
  // here should say which runs are open elsewhere and show progress from every tab.
  let looking = false;
  const lookAgain = async () => {
    if (!ownership || looking) return;
    looking = true;
    try {
      const before = snap.elsewhere;
      const elsewhere = await ownership.heldElsewhere();
      const takenOver = new Set([...runs.keys()].filter((id) => ownership.lost(id)));
      update({ elsewhere, takenOver });
      for (const id of before) if (!elsewhere.has(id)) await reread(id);
      await queue;
      if (store) {
        const stored = parseProgressRecord(await store.getMeta(PROGRESS_META).catch(() => undefined));
        if (stored) update({ progress: mergeProgress(stored, snap.progress) });
      }
    } finally {
      looking = false;
    }
  };
  if (ownership) {
    ownership.subscribe(() => void lookAgain());
    void queue.then(lookAgain);
  }
  const changeProgress = (change: (p: Progress) => Progress) => {
    update({ progress: change(snap.progress) });
    return enqueue(async (s) => {
      const stored = storedProgress(
        await s.updateMeta(PROGRESS_META, (old) => progressRecord(change(parseProgressRecord(old) ?? {}))),
      );
      update({ progress: mergeProgress(stored, snap.progress) });
    });
  };

  return {
    observer,
    snapshot: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordFinished(scenario, run) {
      void changeProgress((p) => addFinishedRun(p, scenario, run));
    },
    recordProgress(progress) {
      void changeProgress((p) => mergeProgress(p, progress));
    },
    async take(id, takeOptions) {
      if (!ownership) return runs.get(id);
      if ((await ownership.claim(id, takeOptions)) === 'elsewhere') {
        update({ elsewhere: new Set([...snap.elsewhere, id]) });
        return 'elsewhere';
      }
      update({ elsewhere: new Set([...snap.elsewhere].filter((e) => e !== id)) });
      return reread(id);
    },
    async merge(incoming, progress) {
      for (const saved of incoming) runs.set(saved.id, saved);
      update({ runs: listRuns() });
      if (incoming.length) void enqueue((s) => s.putAll(incoming));
      await changeProgress((p) => mergeProgress(p, progress));
    },
    async remove(id) {
      runs.delete(id);
      update({ runs: listRuns(), setAside: snap.setAside.filter((s) => s.id !== id) });
      await enqueue((s) => s.remove(id));
    },
    async flush() {
      for (const saved of [...latest.values()]) void write(saved);
      await queue;
    },
  };
}

/** Whether an error means the browser's storage is full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function storedProgress(raw: unknown): Progress {
  return parseProgressRecord(raw) ?? {};
}

function progressRecord(progress: Progress): ProgressRecord {
  return { version: PROGRESS_VERSION, scenarios: progress };
}

function readLegacy(storage: KeyValueStorage): Progress {
  try {
    return parseProgress(JSON.parse(storage.getItem(LEGACY_PROGRESS_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

function copyEvent(e: RunEvent): RunEvent {
  return e.type === 'decision.chosen' ? { type: e.type, optionIds: [...e.optionIds] } : { ...e };
}

function describe(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const e = error as { name?: string; message?: string };
    return [e.name, e.message].filter(Boolean).join(': ');
  }
  return String(error);
}
