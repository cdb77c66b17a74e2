import { LmsRequestError } from './xapi-client.ts';

// why: a result the LMS never acknowledged is not a result. Every statement and state document
// goes into this outbox first, kept in durable storage (localStorage, per registration and AU),
// and leaves it only when the LRS answers 2xx. A failure keeps it, retries it with backoff in this
// launch, and the next launch of the AU sends what is left before anything new, strictly in order.

/** Something to deliver to the LRS, with the session that produced it. */
export type OutboxItem =
  | { kind: 'statement'; session: string; statement: { id: string; verb: { id: string } } & object }
  | { kind: 'state'; session: string; stateId: string; document: object };

/** The storage the outbox writes through (localStorage in the browser). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

interface StoredOutbox {
  v: 1;
  items: OutboxItem[];
  /** Items the LRS refused for good (HTTP 400/403…), kept for a trainer or support to look at. */
  refused: { item: OutboxItem; reason: string }[];
}

/** How the outbox talks to the LRS and reports back. */
export interface OutboxOptions {
  store: OutboxStorage | undefined;
  key: string;
  deliver(item: OutboxItem): Promise<void>;
  /** Sends what is left as the page goes away (keepalive); nothing is known of the outcome. */
  deliverUnloading?(items: readonly OutboxItem[]): void;
  wait(ms: number): Promise<void>;
  /** Backoff between tries of the same item; the last delay repeats. */
  delays?: readonly number[];
  onChange?(): void;
  onDelivered?(item: OutboxItem): void;
  /**
   * The LRS refused an item for good (it was set aside, and is given here) or the launch's token
   * stopped working (no item: the rest waits for the next launch).
   */
  onProblem?(problem: string, refused?: OutboxItem): void;
}

const DEFAULT_DELAYS = [1000, 2000, 4000, 8000, 15_000, 30_000];
const REFUSED_KEPT = 50;

/** Whether an HTTP status is worth another try with the same token. */
function retriable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** A durable, ordered outbox of LRS requests. */
export function createOutbox(options: OutboxOptions) {
  const delays = options.delays ?? DEFAULT_DELAYS;
  const stored = read(options.store, options.key);
  const items: OutboxItem[] = stored.items;
  const refused = stored.refused;
  let inFlight: OutboxItem | null = null;
  let pumping = false;
  /** Set when the token stopped working: the rest waits for the next launch. */
  let halted = false;
  let idle: { promise: Promise<void>; resolve: () => void } | null = null;

  const persist = () => {
    try {
      if (!items.length && !refused.length) options.store?.removeItem?.(options.key);
      else
        options.store?.setItem(options.key, JSON.stringify({ v: 1, items, refused } satisfies StoredOutbox));
    } catch {
      // why: storage can be full or refused; the outbox still holds the items for this launch.
    }
  };
  const changed = () => {
    persist();
    options.onChange?.();
    if (!items.length && idle) {
      idle.resolve();
      idle = null;
    }
  };

  const pump = async () => {
    if (pumping || halted) return;
    pumping = true;
    try {
      for (let attempt = 0; items.length && !halted; ) {
        const item = items[0]!;
        inFlight = item;
        try {
          await options.deliver(item);
        } catch (e) {
          const status = e instanceof LmsRequestError ? e.status : 0;
          if (status === 409) {
            // why: xAPI answers 409 when it already holds a statement with this id: an earlier try
            // arrived though its answer was lost. The statement is there; it must not be sent again.
          } else if (retriable(status)) {
            inFlight = null;
            await options.wait(delays[Math.min(attempt, delays.length - 1)]!);
            attempt++;
            continue;
          } else if (status === 401) {
            halted = true;
            options.onProblem?.((e as Error).message);
            break;
          } else {
            items.shift();
            refused.push({ item, reason: (e as Error).message });
            refused.splice(0, Math.max(0, refused.length - REFUSED_KEPT));
            attempt = 0;
            inFlight = null;
            changed();
            options.onProblem?.((e as Error).message, item);
            continue;
          }
        }
        inFlight = null;
        attempt = 0;
        items.shift();
        changed();
        options.onDelivered?.(item);
      }
    } finally {
      inFlight = null;
      pumping = false;
    }
  };

  return {
    /** Keeps an item durably, then sends it after everything before it. */
    add(item: OutboxItem) {
      if (item.kind === 'state') {
        // why: a state document replaces the one before it; an older copy not yet on its way is moot.
        for (let i = items.length - 1; i >= 0; i--) {
          const old = items[i]!;
          if (old !== inFlight && old.kind === 'state' && old.stateId === item.stateId) items.splice(i, 1);
        }
      }
      items.push(item);
      changed();
      void pump();
    },
    /** Starts sending what earlier launches left. */
    start() {
      void pump();
    },
    /** What is still waiting for the LRS, in order. */
    pending(): readonly OutboxItem[] {
      return items;
    },
    refused(): readonly { item: OutboxItem; reason: string }[] {
      return refused;
    },
    /** Resolves once everything added so far has been acknowledged. */
    delivered(): Promise<void> {
      if (!items.length) return Promise.resolve();
      if (!idle) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => {
          resolve = r;
        });
        idle = { promise, resolve };
      }
      return idle.promise;
    },
    /** The page is going away: one last keepalive try; the items stay for the next launch. */
    unload() {
      if (items.length) options.deliverUnloading?.(items);
    },
  };
}

function read(store: OutboxStorage | undefined, key: string): StoredOutbox {
  try {
    const text = store?.getItem(key);
    if (text) {
      const data = JSON.parse(text) as Partial<StoredOutbox>;
      if (data.v === 1 && Array.isArray(data.items))
        return {
          v: 1,
          items: data.items.filter(isItem),
          refused: Array.isArray(data.refused) ? data.refused : [],
        };
    }
  } catch {
    // why: an unreadable outbox is not a reason to stop the launch; it is started afresh.
  }
  return { v: 1, items: [], refused: [] };
}

function isItem(x: unknown): x is OutboxItem {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Record<string, unknown>;
  if (i.kind === 'statement')
    return (
      typeof i.statement === 'object' &&
      i.statement !== null &&
      typeof (i.statement as { id?: unknown }).id === 'string'
    );
  return i.kind === 'state' && typeof i.stateId === 'string' && typeof i.document === 'object';
}

/** The outbox's storage key for one registration and AU. */
export function outboxKey(registration: string, activityId: string): string {
  return `pocsim.cmi5.outbox:${registration}:${activityId}`;
}
