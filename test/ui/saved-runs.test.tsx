// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { serializeBackup } from '../../src/storage/backup.ts';
import { createRunSaves, type RunSaves } from '../../src/storage/run-saves.ts';
import { createMemoryRunStore, type RunStore } from '../../src/storage/run-store.ts';
import { App } from '../../src/ui/app.tsx';
import { fakeSavedRun } from '../storage/factories.ts';
import { createMemoryStorage, listed, miniBundle } from './fixtures.ts';

function savesOver(store: RunStore | null): RunSaves {
  return createRunSaves({
    open: async () => {
      if (!store) throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      return store;
    },
    language: () => 'en',
  });
}

function renderApp(saves: RunSaves) {
  return render(
    <App
      scenarios={listed(miniBundle())}
      audio={createRecordingAudio()}
      storage={createMemoryStorage()}
      observers={[saves.observer]}
      saves={saves}
    />,
  );
}

async function startMini() {
  fireEvent.click(await screen.findByRole('button', { name: 'Read the briefing: Mini gate' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
  await screen.findByRole('heading', { level: 2, name: 'Arrival' });
}

const secondsLeft = () =>
  Number(/(\d+) seconds? left/.exec(screen.getByRole('timer').textContent ?? '')?.[1]);

beforeEach(() => {
  vi.stubGlobal('confirm', () => true);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('saved runs in the app', () => {
  it('offer a left run to continue at the same step with the same time left', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const store = createMemoryRunStore();
    const saves = savesOver(store);
    renderApp(saves);
    await startMini();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(12_000);
    });
    const left = secondsLeft();
    expect(left).toBeLessThanOrEqual(48);
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave the scenario' }));

    const resume = await screen.findByRole('region', { name: 'Continue where you stopped' });
    expect(within(resume).getByText('At: Arrival')).toBeTruthy();
    await saves.flush();
    cleanup();

    // a new page over the same store
    const again = savesOver(store);
    renderApp(again);
    const button = await screen.findByRole('button', { name: 'Continue Mini gate' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await screen.findByRole('heading', { level: 2, name: 'Arrival' });
    // the run comes back with the clock stopped: time on the menu and the reload cost nothing
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(Math.abs(secondsLeft() - left)).toBeLessThanOrEqual(1);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Restart the clock' })[0]!);
    expect(screen.getAllByRole('radio').length).toBeGreaterThan(0);
  });

  it('warn when the browser refuses storage, and let the run go on', async () => {
    const saves = savesOver(null);
    renderApp(saves);
    const banner = await screen.findByRole('complementary', { name: 'Saving your runs' });
    expect(within(banner).getByRole('alert').textContent).toContain('Your runs are not being saved.');
    expect(within(banner).getByRole('button', { name: 'Export my runs now' })).toBeTruthy();
    await startMini();
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByRole('button', { name: 'Back to scenarios' });
    expect(screen.getByRole('complementary', { name: 'Saving your runs' })).toBeTruthy();
    expect(saves.snapshot().runs[0]).toMatchObject({ status: 'finished' });
  });

  it('list a run whose scenario changed for review, with what it recorded', async () => {
    const store = createMemoryRunStore();
    await store.put(
      fakeSavedRun({
        id: 'old',
        version: '0.9.0',
        log: [
          { type: 'clock.ticked', seconds: 75 },
          { type: 'decision.chosen', optionIds: ['open-old'] },
        ],
      }),
    );
    await store.put({ id: 'broken', status: 'in-progress' } as never);
    renderApp(savesOver(store));
    const aside = await screen.findByRole('region', { name: 'Saved runs that cannot be continued' });
    await waitFor(() => expect(within(aside).getByText(/version 0\.9\.0, now 1\.0\.0/)).toBeTruthy());
    expect(within(aside).getByText('Decision: open-old (no longer in the scenario)')).toBeTruthy();
    expect(within(aside).getByText('Scenario time played: 1 min 15 s')).toBeTruthy();
    expect(within(aside).getByText(/damaged and cannot be read \(savedAt: missing\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Continue/ })).toBeNull();
  });

  it('reopen the debrief of a finished run without counting it again', async () => {
    const store = createMemoryRunStore();
    await store.put(
      fakeSavedRun({
        id: 'done',
        status: 'finished',
        log: [{ type: 'decision.chosen', optionIds: ['push-back'] }],
      }),
    );
    const saves = savesOver(store);
    renderApp(saves);
    const history = await screen.findByText('1 finished run');
    fireEvent.click(history);
    (history.closest('details') as HTMLDetailsElement).open = true;
    fireEvent(history.closest('details')!, new Event('toggle'));
    fireEvent.click(await screen.findByRole('button', { name: /^Open the debrief of Mini gate/ }));
    await screen.findByRole('button', { name: 'Back to scenarios' });
    expect(saves.snapshot().progress).toEqual({});
  });

  it('import a file, reporting what was added and what was damaged, with positions', async () => {
    const saves = savesOver(createMemoryRunStore());
    renderApp(saves);
    await screen.findByRole('button', { name: 'Import runs from a file' });
    const text = serializeBackup({
      runs: [fakeSavedRun({ id: 'a' }), fakeSavedRun({ id: 'b' })],
      progress: { 'mini-gate': { finished: 2, best: 75, passed: true } },
      exportedAt: '2026-03-02T10:00:00.000Z',
    }).replace('"id":"b","status":"in-progress"', '"id":"b","status":"paused"');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([text], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const status = await screen.findByText(/Imported backup.json/);
    expect(status.textContent).toContain(
      '1 run added, 0 runs brought up to date, 0 already on this browser.',
    );
    expect(screen.getByText(/backup\.json:6:\d+ runs\[1\]\.status/)).toBeTruthy();
    expect(saves.snapshot().runs.map((r) => r.id)).toEqual(['a']);
    const card = document.querySelector('.scenario-card') as HTMLElement;
    expect(within(card).getByText(/Finished 2 times · Best score 75/)).toBeTruthy();
  });

  it('import a run carried back again: the copy that went further along is brought up to date, and each file says so', async () => {
    const store = createMemoryRunStore();
    const chose = (...ids: string[]) =>
      ids.map((id) => ({ type: 'decision.chosen' as const, optionIds: [id] }));
    await store.put(fakeSavedRun({ id: 'R', log: chose('open') }));
    await store.put(fakeSavedRun({ id: 'R~imported', log: chose('push-back') }));
    const saves = savesOver(store);
    renderApp(saves);
    await screen.findByRole('button', { name: 'Import runs from a file' });
    const backup = (log: ReturnType<typeof chose>) =>
      serializeBackup({
        runs: [fakeSavedRun({ id: 'R', log: [...log, { type: 'clock.ticked', seconds: 4 }] })],
        progress: {},
        exportedAt: '2026-03-02T10:00:00.000Z',
      });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const files = [
      new File([backup(chose('push-back'))], 'laptop-a.json', { type: 'application/json' }),
      new File([backup(chose('wait'))], 'laptop-b.json', { type: 'application/json' }),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
    const first = await screen.findByText(/Imported laptop-a.json/);
    expect(first.textContent).toContain('0 runs added, 1 run brought up to date, 0 already on this browser.');
    const second = await screen.findByText(/Imported laptop-b.json/);
    expect(second.textContent).toContain('1 kept beside the copy here (it went another way)');
    expect(
      screen.getAllByText(/Mini gate, started .*: brought up to date \(the file’s copy went further\)\./),
    ).toHaveLength(1);
    await waitFor(() =>
      expect(
        saves
          .snapshot()
          .runs.map((r) => [r.id, r.run.log.length])
          .sort(),
      ).toEqual([
        ['R', 1],
        ['R~imported', 2],
        ['R~imported-2', 2],
      ]),
    );
  });

  it('list a few runs in progress and count the rest, so thousands of runs never slow the menu', async () => {
    const store = createMemoryRunStore();
    for (let i = 0; i < 30; i++)
      await store.put(
        fakeSavedRun({ id: `run-${i}`, savedAt: `2026-03-01T08:${String(i).padStart(2, '0')}:00.000Z` }),
      );
    renderApp(savesOver(store));
    const resume = await screen.findByRole('region', { name: 'Continue where you stopped' });
    await waitFor(() =>
      expect(within(resume).getAllByRole('button', { name: /^Continue / })).toHaveLength(6),
    );
    expect(resume.textContent).toContain('…and 24 more runs in progress, not listed here.');
    fireEvent.click(within(resume).getByRole('button', { name: 'Show 20 more' }));
    await waitFor(() =>
      expect(within(resume).getAllByRole('button', { name: /^Continue / })).toHaveLength(26),
    );
    expect(resume.textContent).toContain('…and 4 more runs in progress');
  });
});
