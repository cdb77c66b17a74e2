/**
 * Whether a new version of the app is waiting, and how to switch to it.
 * why: the service worker code loads lazily after the first screen; this small object is what the
 * screens read, so an update is offered only where it cannot interrupt a run (menu, debrief).
 */
export interface UpdateNotice {
  /** Whether a new version is installed and waiting. */
  ready(): boolean;
  subscribe(listener: () => void): () => void;
  /** Switches to the new version and reloads the page. */
  apply(): void;
}

/** An update notice that the service worker registration fills in. */
export interface UpdateNoticeControl extends UpdateNotice {
  /** Called when a new version is waiting, with the way to switch to it. */
  offer(apply: () => void): void;
}

/** Creates an empty notice (no update until one is offered). */
export function createUpdateNotice(): UpdateNoticeControl {
  let applyUpdate: (() => void) | null = null;
  const listeners = new Set<() => void>();
  return {
    ready: () => applyUpdate !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply: () => applyUpdate?.(),
    offer(apply) {
      applyUpdate = apply;
      for (const l of listeners) l();
    },
  };
}
