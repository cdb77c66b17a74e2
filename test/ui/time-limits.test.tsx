// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { App } from '../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from './fixtures.ts';

afterEach(cleanup);

describe('extended time chosen on the briefing', () => {
  it('says how timing is scored, doubles the countdown, and records the choice in the run and its debrief', async () => {
    const storage = createMemoryStorage();
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    await screen.findByRole('button', { name: 'Start the scenario' });
    const how = screen.getByRole('heading', { name: 'How it works' }).closest('section')!;
    expect(how.textContent).toContain('An answer in the first 50% of the time keeps full credit');
    expect(how.textContent).toContain('never better than answering');

    const group = screen.getByRole('group', { name: 'Time limits' });
    expect((within(group).getByRole('radio', { name: 'As written' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'Twice as long' }));
    expect(storage.data['pocsim.timeLimits']).toBe('x2');
    fireEvent.click(screen.getByRole('button', { name: 'Start the scenario' }));

    await screen.findByRole('heading', { level: 2, name: 'Arrival' });
    expect(screen.getByRole('timer').textContent).toContain('of 120 s');
    expect(within(screen.getByRole('banner')).getByText('Time limits: Twice as long')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByRole('button', { name: 'Back to scenarios' }, { timeout: 10_000 });
    expect(screen.getByText('Time limits: Twice as long')).toBeTruthy();
  });

  it('offers the next run the choice made last time on this browser', async () => {
    const storage = createMemoryStorage({ 'pocsim.timeLimits': 'off' });
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    const off = await screen.findByRole('radio', { name: 'Off (no time limits)' });
    expect((off as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start the scenario' }));
    await screen.findByRole('heading', { level: 2, name: 'Arrival' });
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('Timed in this scenario; time limits are off for this run.')).toBeTruthy();
  });

  it('can be set by a trainer in the settings for the trainees on this browser', async () => {
    const storage = createMemoryStorage();
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Content notes and breaks', hidden: true }));
    const group = screen.getByRole('group', { name: 'Time limits', hidden: true });
    fireEvent.click(within(group).getByRole('radio', { name: 'Twice as long', hidden: true }));
    expect(storage.data['pocsim.timeLimits']).toBe('x2');
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    const twice = await screen.findByRole('radio', { name: 'Twice as long' });
    expect((twice as HTMLInputElement).checked).toBe(true);
  });
});
