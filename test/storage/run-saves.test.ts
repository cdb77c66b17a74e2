import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRun } from '../../src/engine/run/run.ts';
import { buildRunView } from '../../src/engine/run/run-view.ts';
import { LEGACY_PROGRESS_KEY, PROGRESS_VERSION } from '../../src/progress/progress.ts';
import { createRunSaves, type RunSaves } from '../../src/storage/run-saves.ts';
import { createMemoryRunStore, type RunStore } from '../../src/storage/run-store.ts';
import { miniBundle } from '../engine/factories.ts';
import { createMemoryStorage } from '../ui/fixtures.ts';
import { fakeSavedRun, fakeSession, quotaError, recordingStore } from './factories.ts';

/** Lets the store's queued writes settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function savesOver(store: RunStore, options: Partial<Parameters<typeof createRunSaves>[0]> = {}): RunSaves {
  return createRunSaves({ open: async () => store, language: () => 'en', ...options });
}

describe('run saves', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('write a run when it opens and at once after each decision', async () => {
    const { store, puts } = recordingStore();
    const saves = savesOver(store);
    const session = fakeSession();
    saves.observer.opened?.(session);
    await saves.flush();
    expect(puts.at(-1)).toMatchObject({
      id: 'session-1',
      status: 'in-progress',
      run: { scenario: { id: 'mini-gate', version: '1.0.0' }, language: 'en', log: [] },
    });
    session.run.send({ type: 'decision.chosen', optionIds: ['open'] });
    saves.observer.changed?.(session);
    await settle();
    expect(puts.at(-1)?.run.log).toEqual([{ type: 'decision.chosen', optionIds: ['open'] }]);
  });

  it('space the writes of a ticking clock to about one a second, the last second written after', async () => {
    const { store, puts } = recordingStore();
    const saves = savesOver(store, { tickWriteMs: 1000 });
    const session = fakeSession();
    saves.observer.opened?.(session);
    await settle();
    const before = puts.length;
    // ten ticks within one second of real time (a fast clock), then nothing
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100);
      session.run.send({ type: 'clock.ticked', seconds: 1 });
      saves.observer.changed?.(session);
    }
    await settle();
    expect(puts.length - before).toBeLessThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(puts.at(-1)?.run.log).toEqual([{ type: 'clock.ticked', seconds: 10 }]);
  });

  it('write what waits at once when the page goes away (flush)', async () => {
    const { store, puts } = recordingStore();
    const saves = savesOver(store);
    const session = fakeSession();
    saves.observer.opened?.(session);
    session.run.send({ type: 'clock.ticked', seconds: 1 });
    saves.observer.changed?.(session);
    session.run.send({ type: 'clock.ticked', seconds: 1 });
    saves.observer.changed?.(session);
    await saves.flush();
    expect(puts.at(-1)?.run.log).toEqual([{ type: 'clock.ticked', seconds: 2 }]);
  });

  it('reopen a run at the same step, clock, remaining time and decisions', async () => {
    const memory = createMemoryRunStore();
    const first = savesOver(memory);
    const session = fakeSession();
    first.observer.opened?.(session);
    for (let i = 0; i < 25; i++) {
      session.run.send({ type: 'clock.ticked', seconds: 1 });
      first.observer.changed?.(session);
    }
    await first.flush();
    const before = buildRunView(session.bundle.scenario, session.run.context());

    const again = savesOver(memory);
    await vi.waitFor(() => expect(again.snapshot().loaded).toBe(true));
    const [saved] = again.snapshot().runs;
    const resumed = createRun(miniBundle().scenario, saved!.run.log);
    const after = buildRunView(resumed.scenario, resumed.context());
    expect(after.step?.id).toBe('arrival');
    expect(after.decision?.remaining).toBe(before.decision?.remaining);
    expect(after.decision?.remaining).toBe(35);
    expect(resumed.context().time).toBe(session.run.context().time);
    expect(resumed.context().vars).toEqual(session.run.context().vars);
  });

  it('mark a run finished, with the score summary, and keep it', async () => {
    const { store, puts } = recordingStore();
    const saves = savesOver(store, {
      summarize: async () => ({ overall: 0, passed: false, ending: 'end-bad' }),
    });
    const session = fakeSession();
    saves.observer.opened?.(session);
    session.run.send({ type: 'decision.chosen', optionIds: ['push-back'] });
    saves.observer.changed?.(session);
    saves.observer.finished?.(session);
    await vi.waitFor(() => expect(puts.at(-1)?.run.summary).toBeDefined());
    expect(puts.at(-1)).toMatchObject({
      status: 'finished',
      run: { finishedAt: '2026-03-01T08:00:00.000Z', summary: { ending: 'end-bad' } },
    });
    expect(saves.snapshot().runs.map((r) => r.status)).toEqual(['finished']);
  });

  it('keep runs in memory and say so when the browser refuses storage', async () => {
    const saves = createRunSaves({
      open: async () => {
        throw Object.assign(new Error('The user denied permission to access the database.'), {
          name: 'SecurityError',
        });
      },
      language: () => 'fr',
    });
    await vi.waitFor(() => expect(saves.snapshot().loaded).toBe(true));
    expect(saves.snapshot().health).toEqual({
      kind: 'memory',
      reason: 'unavailable',
      detail: 'SecurityError: The user denied permission to access the database.',
    });
    const session = fakeSession();
    saves.observer.opened?.(session);
    session.run.send({ type: 'decision.chosen', optionIds: ['open'] });
    saves.observer.changed?.(session);
    await saves.flush();
    expect(saves.snapshot().runs[0]?.run).toMatchObject({
      language: 'fr',
      log: [{ type: 'decision.chosen' }],
    });
  });

  it('go on in memory when storage fills up, keeping every run for export', async () => {
    const { store, failWrites } = recordingStore();
    const saves = savesOver(store);
    const session = fakeSession();
    saves.observer.opened?.(session);
    await saves.flush();
    expect(saves.snapshot().health.kind).toBe('stored');
    failWrites(quotaError());
    session.run.send({ type: 'decision.chosen', optionIds: ['open'] });
    saves.observer.changed?.(session);
    await saves.flush();
    expect(saves.snapshot().health).toMatchObject({ kind: 'memory', reason: 'full' });
    expect(saves.snapshot().runs[0]?.run.log).toHaveLength(1);
  });

  it('set aside damaged records without dropping them from the store', async () => {
    const memory = createMemoryRunStore();
    await memory.put(fakeSavedRun({ id: 'good' }));
    await memory.put({ ...fakeSavedRun({ id: 'bad' }), status: 'lost' } as never);
    const saves = savesOver(memory);
    await vi.waitFor(() => expect(saves.snapshot().loaded).toBe(true));
    expect(saves.snapshot().runs.map((r) => r.id)).toEqual(['good']);
    expect(saves.snapshot().setAside).toMatchObject([{ id: 'bad', reason: 'damaged' }]);
    expect(await memory.list()).toHaveLength(2);
  });

  it('migrate the old localStorage progress once, merging rather than adding', async () => {
    const memory = createMemoryRunStore();
    const legacy = createMemoryStorage({
      [LEGACY_PROGRESS_KEY]: JSON.stringify({ 'mini-gate': { finished: 2, best: 60, passed: false } }),
    });
    const first = savesOver(memory, { legacy });
    // shown at once, before the store has opened
    expect(first.snapshot().progress['mini-gate']?.finished).toBe(2);
    await vi.waitFor(() => expect(first.snapshot().loaded).toBe(true));
    expect(await memory.getMeta('progress')).toEqual({
      version: PROGRESS_VERSION,
      scenarios: { 'mini-gate': { finished: 2, best: 60, passed: false } },
    });
    first.recordProgress({ 'mini-gate': { finished: 3, best: 80, passed: true } });
    await first.flush();
    // a later visit reads the store, and does not count the old record again
    const second = savesOver(memory, { legacy });
    await vi.waitFor(() => expect(second.snapshot().loaded).toBe(true));
    expect(second.snapshot().progress['mini-gate']).toEqual({ finished: 3, best: 80, passed: true });
  });

  it('merge imported runs and progress, keeping the better of each', async () => {
    const memory = createMemoryRunStore();
    const saves = savesOver(memory);
    await vi.waitFor(() => expect(saves.snapshot().loaded).toBe(true));
    saves.recordProgress({ 'mini-gate': { finished: 1, best: 90, passed: true } });
    await saves.merge([fakeSavedRun({ id: 'imported' })], {
      'mini-gate': { finished: 4, best: 50, passed: false },
    });
    expect(saves.snapshot().progress['mini-gate']).toEqual({ finished: 4, best: 90, passed: true });
    expect((await memory.list()).map((r) => (r as { id: string }).id)).toEqual(['imported']);
  });
});
