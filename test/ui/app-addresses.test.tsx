// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate } from 'wouter-preact/use-hash-location';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { createRunSaves } from '../../src/storage/run-saves.ts';
import { createMemoryRunStore } from '../../src/storage/run-store.ts';
import { App } from '../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from './fixtures.ts';

afterEach(cleanup);

function renderApp(startAddress?: string) {
  const saves = createRunSaves({ open: async () => createMemoryRunStore(), language: () => 'en' });
  const props = {
    scenarios: listed(miniBundle()),
    audio: createRecordingAudio(),
    storage: createMemoryStorage(),
  };
  render(<App {...props} observers={[saves.observer]} saves={saves} startAddress={startAddress} />);
  return {
    saves,
    again: (at: string) =>
      render(<App {...props} observers={[saves.observer]} saves={saves} startAddress={at} />),
  };
}

describe('the addresses of a scenario’s screens', () => {
  it('name the briefing, the run and the debrief, so each can be opened again from its address', async () => {
    const app = renderApp('/scenario/mini-gate');
    await screen.findByRole('button', { name: 'Start the scenario' });
    expect(location.hash).toBe('#/scenario/mini-gate');
    fireEvent.click(screen.getByRole('button', { name: 'Start the scenario' }));
    expect(location.hash).toBe('#/scenario/mini-gate/play');
    await waitFor(() => expect(app.saves.snapshot().runs).toHaveLength(1));

    // a reload on the run's address continues the saved run (opened paused if timed)
    cleanup();
    app.again('/scenario/mini-gate/play');
    expect(await screen.findByRole('heading', { level: 2, name: 'Arrival' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Restart the clock' })[0]!);
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByText('Debrief', {}, { timeout: 5000 });
    // the finished run's address is replaced by the debrief's, which a reload opens again
    expect(location.hash).toBe('#/scenario/mini-gate/debrief');
    await waitFor(() => expect(app.saves.snapshot().runs[0]?.status).toBe('finished'));
    cleanup();
    app.again('/scenario/mini-gate/debrief');
    expect(await screen.findByText('Debrief', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('ask in the app’s own dialog before Back leaves a run, and keep the run on Stay', async () => {
    renderApp('/scenario/mini-gate');
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    // what the browser's Back does to the address
    navigate('/scenario/mini-gate');
    const dialog = await screen.findByRole('dialog', { name: 'Leave this run?' });
    expect(document.activeElement?.textContent).toBe('Stay in the scenario');
    fireEvent.click(screen.getByRole('button', { name: 'Stay in the scenario' }));
    expect(dialog.isConnected).toBe(false);
    expect(location.hash).toBe('#/scenario/mini-gate/play');
    expect(screen.getByRole('heading', { level: 2, name: 'Arrival' })).toBeTruthy();

    // the run's own Leave button asks the same, and leaving lands on the menu
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Leave the scenario' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
    expect(location.hash).toBe('#/');
  });

  it('open the menu for a scenario that does not exist', async () => {
    renderApp('/scenario/no-such-thing/play');
    expect(await screen.findByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
  });
});
