import { isProjectorView, type ProjectorView } from './projector-view.ts';

// why: the projector is a second window of the same browser (the facilitator's laptop drives a
// wall screen). The console owns the exercise and sends the projector only what the room may see,
// already filtered; the projector never receives notes, ratings or role-only injects.

/** Name of the BroadcastChannel the console and its projector windows share. */
export const EXERCISE_CHANNEL = 'pocsim.exercise.v1';

/** What the windows say to each other. */
export type SyncMessage =
  /** The console's latest projector view of one exercise. */
  | { kind: 'projector.view'; view: ProjectorView }
  /** A projector window that has just opened (or reloaded) asks for the current view. */
  | { kind: 'projector.hello'; exercise: string }
  /** The console left this exercise (closed, reloaded or switched); the projector keeps the last view. */
  | { kind: 'console.left'; exercise: string }
  /** The room devices join (null when none is open), and whether the projector shows its join screen. */
  | { kind: 'room.join'; exercise: string; join: RoomJoin | null };

/** What the projector needs to show a room's join screen. */
export interface RoomJoin {
  /** The join link (with the code), for the QR code. */
  link: string;
  /** The address to type, without the code. */
  address: string;
  code: string;
  show: boolean;
}

/** A channel between windows; tests pass an in-memory pair. */
export interface SyncPort {
  post(message: SyncMessage): void;
  /** Calls `listener` with each well-formed message from another window; returns an unsubscribe. */
  listen(listener: (message: SyncMessage) => void): () => void;
  close(): void;
}

type ChannelLike = Pick<
  BroadcastChannel,
  'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'
>;

/** Opens the exercise channel; a browser without BroadcastChannel gets a port that says nothing. */
export function openSyncPort(
  create: ((name: string) => ChannelLike) | undefined = typeof BroadcastChannel === 'function'
    ? (name) => new BroadcastChannel(name)
    : undefined,
): SyncPort {
  if (!create) return { post() {}, listen: () => () => {}, close() {} };
  const channel = create(EXERCISE_CHANNEL);
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // why: a closed channel (the window is going away) must not break the console.
      }
    },
    listen(listener) {
      const handler = (e: Event) => {
        const message = parseSyncMessage((e as MessageEvent).data);
        if (message) listener(message);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close() {
      channel.close();
    },
  };
}

/** Checks a message from another window; anything not well formed is ignored (null). */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.kind === 'projector.view' && isProjectorView(m.view)) return { kind: 'projector.view', view: m.view };
  if (m.kind === 'room.join' && typeof m.exercise === 'string') {
    const j = m.join as Record<string, unknown> | null;
    if (j === null) return { kind: 'room.join', exercise: m.exercise, join: null };
    if (
      typeof j === 'object' &&
      typeof j.link === 'string' &&
      typeof j.address === 'string' &&
      typeof j.code === 'string' &&
      typeof j.show === 'boolean'
    )
      return {
        kind: 'room.join',
        exercise: m.exercise,
        join: { link: j.link, address: j.address, code: j.code, show: j.show },
      };
    return null;
  }
  if ((m.kind === 'projector.hello' || m.kind === 'console.left') && typeof m.exercise === 'string') {
    return { kind: m.kind, exercise: m.exercise };
  }
  return null;
}
