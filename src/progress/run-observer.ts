import type { Run } from '../engine/run/run.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';

/** One run as the app holds it: the run itself and what identifies it outside the tab. */
export interface RunSession {
  /** Stable for the life of the run, across reloads (the save's key). */
  id: string;
  bundle: ScenarioBundle;
  run: Run;
  /** When the run was first started (ISO 8601), kept when it is resumed. */
  startedAt: string;
  /** Whether it was reopened from a saved log rather than started fresh. */
  resumed: boolean;
}

/**
 * Something outside the screens that follows runs: the save store, an LMS.
 * why: the app calls these at the edges of a run's life, so persistence and LMS reporting stay
 * adapters that `main.tsx` picks, and tests can pass recording fakes.
 */
export interface RunObserver {
  /** A run was started or resumed. */
  opened?(session: RunSession): void;
  /** The run accepted an event; its log grew by one entry or its last tick grew. */
  changed?(session: RunSession): void;
  /** The run reached an ending. */
  finished?(session: RunSession): void;
  /** The trainee left the run before its ending (it may be resumed later). */
  left?(session: RunSession): void;
}

/** A fresh id for a run session. */
export function createSessionId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
