// why: two tabs of one browser share one store; if both write the same run, whichever writes last
// wins and the other's decisions vanish (review defect 2). A run therefore has one owning tab: the
// Web Locks API holds a lock per run id while a tab plays it; a second tab is told the run is open
// elsewhere and may take it over (steal), and the first tab, whose lock is then broken, stops
// writing. Browsers without Web Locks get the same protocol over a BroadcastChannel.

/** Which tab writes a run: one owner per run id across the tabs of one browser. */
export interface RunOwnership {
  /** Takes the run for this tab; 'elsewhere' when another tab holds it (unless `takeOver`). */
  claim(id: string, options?: { takeOver?: boolean }): Promise<'owned' | 'elsewhere'>;
  /** Lets the run go (it ended or was left); another tab may continue it. */
  release(id: string): void;
  /** Whether another tab took this run over from this one: this tab must not write it any more. */
  lost(id: string): boolean;
  /** The runs other tabs hold now. */
  heldElsewhere(): Promise<ReadonlySet<string>>;
  /** Called when this tab lost a run, or another tab claimed or released one. */
  subscribe(listener: () => void): () => void;
}

const LOCK_PREFIX = 'pocsim-run:';
const CHANNEL = 'pocsim-run-owners';

type Message =
  | { type: 'changed' }
  | { type: 'who'; id: string; ask: string }
  | { type: 'census'; ask: string }
  | { type: 'mine'; id: string; ask: string }
  | { type: 'claim'; id: string; tab: string }
  | { type: 'release'; id: string; tab: string };

/** Minimal shape of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** Minimal shape of a BroadcastChannel. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

function listenersOf() {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Ownership through the Web Locks API; the channel tells other tabs' menus to look again. */
export function createWebLockOwnership(locks: LockManagerLike, channel?: ChannelLike): RunOwnership {
  const held = new Map<string, () => void>();
  const lostIds = new Set<string>();
  const { notify, subscribe } = listenersOf();
  const announce = () => channel?.postMessage({ type: 'changed' } satisfies Message);
  channel?.addEventListener('message', () => notify());
  return {
    claim(id, options) {
      if (held.has(id)) return Promise.resolve('owned');
      return new Promise((resolve) => {
        locks
          .request(LOCK_PREFIX + id, options?.takeOver ? { steal: true } : { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve('elsewhere');
              return undefined;
            }
            lostIds.delete(id);
            return new Promise<void>((release) => {
              held.set(id, release);
              resolve('owned');
              announce();
            });
          })
          .then(
            () => announce(),
            () => {
              // why: the hold ends with an AbortError when another tab steals the lock.
              if (held.delete(id)) {
                lostIds.add(id);
                notify();
              }
              resolve('elsewhere');
            },
          );
      });
    },
    release(id) {
      const release = held.get(id);
      held.delete(id);
      release?.();
    },
    lost: (id) => lostIds.has(id),
    async heldElsewhere() {
      const { held: all = [] } = await locks.query();
      const ids = all
        .map((l) => l.name ?? '')
        .filter((n) => n.startsWith(LOCK_PREFIX))
        .map((n) => n.slice(LOCK_PREFIX.length))
        .filter((id) => !held.has(id));
      return new Set(ids);
    },
    subscribe,
  };
}

/**
 * Ownership by messages between tabs, for browsers without Web Locks: a tab asks who holds a run
 * and waits `answerMs` for an answer; a take-over tells the holder, which stops writing.
 */
export function createChannelOwnership(
  channel: ChannelLike,
  options: { tab?: string; answerMs?: number } = {},
): RunOwnership {
  const tab = options.tab ?? Math.random().toString(36).slice(2);
  const answerMs = options.answerMs ?? 150;
  const held = new Set<string>();
  const lostIds = new Set<string>();
  const answers = new Map<string, Set<string>>();
  const { notify, subscribe } = listenersOf();
  const post = (m: Message) => channel.postMessage(m);
  let asks = 0;
  channel.addEventListener('message', ({ data }) => {
    const m = data as Message;
    if (m.type === 'who' && held.has(m.id)) post({ type: 'mine', id: m.id, ask: m.ask });
    else if (m.type === 'census') for (const id of held) post({ type: 'mine', id, ask: m.ask });
    else if (m.type === 'mine') answers.get(m.ask)?.add(m.id);
    else if (m.type === 'claim' && m.tab !== tab) {
      if (held.delete(m.id)) lostIds.add(m.id);
      notify();
    } else if (m.type === 'release' || m.type === 'changed') notify();
  });
  const ask = async (m: { type: 'who'; id: string } | { type: 'census' }) => {
    const id = `${tab}:${asks++}`;
    const got = new Set<string>();
    answers.set(id, got);
    post({ ...m, ask: id });
    await new Promise((r) => setTimeout(r, answerMs));
    answers.delete(id);
    return got;
  };
  return {
    async claim(id, claimOptions) {
      if (held.has(id)) return 'owned';
      if (!claimOptions?.takeOver && (await ask({ type: 'who', id })).size) return 'elsewhere';
      held.add(id);
      lostIds.delete(id);
      post({ type: 'claim', id, tab });
      return 'owned';
    },
    release(id) {
      if (held.delete(id)) post({ type: 'release', id, tab });
    },
    lost: (id) => lostIds.has(id),
    heldElsewhere: () => ask({ type: 'census' }),
    subscribe,
  };
}

/** The best ownership the browser offers: Web Locks, else a BroadcastChannel, else none (one tab). */
export function createRunOwnership(scope: {
  navigator?: { locks?: LockManagerLike };
  BroadcastChannel?: new (name: string) => ChannelLike;
}): RunOwnership | undefined {
  const channel = scope.BroadcastChannel ? new scope.BroadcastChannel(CHANNEL) : undefined;
  const locks = scope.navigator?.locks;
  if (locks) return createWebLockOwnership(locks, channel);
  return channel ? createChannelOwnership(channel) : undefined;
}
