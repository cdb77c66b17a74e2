// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { createUpdateNotice } from '../../src/pwa/update-notice.ts';
import { App } from '../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from '../ui/fixtures.ts';

afterEach(cleanup);

const banner = () => screen.queryByRole('complementary', { name: 'New version' });

describe('the update notice', () => {
  it('is offered on the menu, never during a run, and reloads only when asked', async () => {
    const updates = createUpdateNotice();
    const apply = vi.fn();
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        updates={updates}
      />,
    );
    expect(banner()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    await screen.findByRole('heading', { level: 2, name: 'Arrival' });
    // a new version arrives while the trainee plays: nothing shows, nothing reloads
    updates.offer(apply);
    expect(banner()).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByRole('button', { name: 'Back to scenarios' });
    // the debrief and the menu offer it
    expect(banner()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    expect(banner()?.textContent).toContain('A new version of pocsim is ready.');
    expect(apply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reload now' }));
    expect(apply).toHaveBeenCalledOnce();
  });

  it('can be put off for now', () => {
    const updates = createUpdateNotice();
    updates.offer(() => undefined);
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} updates={updates} />);
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(banner()).toBeNull();
  });
});
