import { afterEach, describe, expect, it } from 'vitest';
import { PROGRESS_VERSION } from '../../src/progress/progress.ts';
import { createChannelOwnership, type RunOwnership } from '../../src/storage/run-ownership.ts';
import { createRunSaves, type RunSaves } from '../../src/storage/run-saves.ts';
import { createMemoryRunStore, type RunStore } from '../../src/storage/run-store.ts';
import { fakeSession, recordingStore } from './factories.ts';

// why: review defect 2 — two tabs of one browser share one store. Each tab is a RunSaves of its
// own over one shared store; ownership runs over a real BroadcastChannel (Node has one).

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

function tab(store: RunStore, ownership?: RunOwnership): RunSaves {
  return createRunSaves({ open: async () => store, language: () => 'en', ownership, now: () => new Date() });
}
function ownershipOf(channelName: string, tabName: string): RunOwnership {
  const channel = new BroadcastChannel(channelName);
  channels.push(channel);
  return createChannelOwnership(channel, { tab: tabName, answerMs: 30 });
}
const loaded = async (...saves: RunSaves[]) => {
  for (const s of saves) await s.flush();
};
const storedProgress = async (store: RunStore) =>
  ((await store.getMeta('progress')) as { scenarios: unknown } | undefined)?.scenarios;

describe('two tabs over one store', () => {
  it('keep the progress of both when each finishes a different scenario (neither writes a stale copy)', async () => {
    const store = createMemoryRunStore();
    const a = tab(store);
    const b = tab(store);
    await loaded(a, b);
    a.recordFinished('15-1-base-gate', { overall: 38, passed: false });
    await a.flush();
    b.recordFinished('15-2-individual-refuge', { overall: 40, passed: false });
    await b.flush();
    expect(await storedProgress(store)).toEqual({
      '15-1-base-gate': { finished: 1, best: 38, passed: false },
      '15-2-individual-refuge': { finished: 1, best: 40, passed: false },
    });
    // a fresh tab's menu sees both
    const c = tab(store);
    await loaded(c);
    expect(Object.keys(c.snapshot().progress).sort()).toEqual(['15-1-base-gate', '15-2-individual-refuge']);
  });

  it('count a run finished in each tab of the same scenario, and never erase a pass', async () => {
    const store = createMemoryRunStore();
    const a = tab(store);
    const b = tab(store);
    await loaded(a, b);
    a.recordFinished('mini-gate', { overall: 90, passed: true });
    b.recordFinished('mini-gate', { overall: 20, passed: false });
    await loaded(a, b);
    expect(await store.getMeta('progress')).toEqual({
      version: PROGRESS_VERSION,
      scenarios: { 'mini-gate': { finished: 2, best: 90, passed: true } },
    });
    b.recordProgress({ 'mini-gate': { finished: 0, best: 0, passed: false } });
    await b.flush();
    expect(await storedProgress(store)).toEqual({ 'mini-gate': { finished: 2, best: 90, passed: true } });
    expect(b.snapshot().progress['mini-gate']).toEqual({ finished: 2, best: 90, passed: true });
  });

  it('give a run one writer: the second tab is told it is open elsewhere, and a take-over stops the first', async () => {
    const { store, puts } = recordingStore();
    const channel = `owners-${Math.random()}`;
    const a = tab(store, ownershipOf(channel, 'a'));
    const b = tab(store, ownershipOf(channel, 'b'));
    await loaded(a, b);
    const inA = fakeSession({ id: 'run-1' });
    a.observer.opened?.(inA);
    inA.run.send({ type: 'decision.chosen', optionIds: ['open'] });
    a.observer.changed?.(inA);
    await a.flush();
    await new Promise((r) => setTimeout(r, 80)); // the first tab's claim has been made

    expect(await b.take('run-1')).toBe('elsewhere');
    expect(b.snapshot().elsewhere.has('run-1')).toBe(true);
    const fresh = await b.take('run-1', { takeOver: true });
    expect(fresh).toMatchObject({ id: 'run-1', run: { log: [{ type: 'decision.chosen' }] } });
    await new Promise((r) => setTimeout(r, 50));
    expect(a.snapshot().takenOver.has('run-1')).toBe(true);

    // the first tab goes on playing; none of it reaches the store
    const writes = puts.length;
    inA.run.send({ type: 'clock.ticked', seconds: 5 });
    a.observer.changed?.(inA);
    a.observer.left?.(inA);
    await a.flush();
    expect(puts.length).toBe(writes);
    // the second tab's play is what is stored
    const inB = fakeSession({ id: 'run-1', log: fresh === 'elsewhere' || !fresh ? [] : [...fresh.run.log] });
    b.observer.opened?.(inB);
    await b.flush();
    expect(puts.length).toBe(writes + 1);
    expect(puts.at(-1)?.run.log).toEqual(inB.run.log);
  });
});
