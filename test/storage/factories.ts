import { createRun, type Run } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { RunSession } from '../../src/progress/run-observer.ts';
import { createMemoryRunStore, type RunStore } from '../../src/storage/run-store.ts';
import { RUN_FORMAT, RUN_VERSION, type SavedRun } from '../../src/storage/saved-run.ts';
import { miniBundle } from '../engine/factories.ts';

/** A run session of the mini fixture, as the app opens one. */
export function fakeSession(
  partial: { id?: string; log?: RunEvent[]; bundle?: ScenarioBundle } = {},
): RunSession & {
  run: Run;
} {
  const bundle = partial.bundle ?? miniBundle();
  return {
    id: partial.id ?? 'session-1',
    bundle,
    run: createRun(bundle.scenario, partial.log),
    startedAt: '2026-03-01T08:00:00.000Z',
    resumed: !!partial.log,
  };
}

/** A saved run record, with parts replaced. */
export function fakeSavedRun(
  partial: Partial<SavedRun> & { log?: RunEvent[]; version?: string } = {},
): SavedRun {
  const { log, version, ...rest } = partial;
  return {
    id: 'run-1',
    status: 'in-progress',
    savedAt: '2026-03-01T08:05:00.000Z',
    run: {
      format: RUN_FORMAT,
      formatVersion: RUN_VERSION,
      scenario: { id: 'mini-gate', version: version ?? '1.0.0' },
      language: 'en',
      startedAt: '2026-03-01T08:00:00.000Z',
      savedAt: '2026-03-01T08:05:00.000Z',
      log: log ?? [{ type: 'clock.ticked', seconds: 12 }],
    },
    ...rest,
  };
}

/** A memory store that records every write and can be told to fail the next ones. */
export function recordingStore(base: RunStore = createMemoryRunStore()) {
  const puts: SavedRun[] = [];
  let failWith: Error | null = null;
  const store: RunStore = {
    ...base,
    async put(run) {
      if (failWith) throw failWith;
      puts.push(structuredClone(run));
      await base.put(run);
    },
    async putAll(runs) {
      if (failWith) throw failWith;
      puts.push(...runs.map((r) => structuredClone(r)));
      await base.putAll(runs);
    },
    async putMeta(key, value) {
      if (failWith) throw failWith;
      await base.putMeta(key, value);
    },
  };
  return {
    store,
    puts,
    failWrites(error: Error | null) {
      failWith = error;
    },
  };
}

/** A DOMException-like error as browsers throw when storage is full. */
export function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}
