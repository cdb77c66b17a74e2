// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../../src/audio/recording-audio.ts';
import { App, startScreenFor } from '../../../src/ui/app.tsx';
import { exerciseBundle } from '../../engine/exercise/exercise-factories.ts';
import { createMemoryStorage, listed, miniBundle } from '../fixtures.ts';

afterEach(cleanup);

/** How long a lazily loaded screen may take to appear. */
const LAZY = { timeout: 10_000 };

describe('the addresses of the console and the projector', () => {
  it('open the console, an exercise in it, or a projector; anything else opens the menu', () => {
    expect(startScreenFor('#console')).toEqual({ console: null });
    expect(startScreenFor('#console/ttx-leadership-tessako')).toEqual({ console: 'ttx-leadership-tessako' });
    expect(startScreenFor('#projector/ttx-leadership-tessako')).toEqual({
      projector: 'ttx-leadership-tessako',
    });
    expect(startScreenFor('#projector/')).toBe('menu');
    expect(startScreenFor('#console/../x')).toBe('menu');
    expect(startScreenFor('#author')).toBe('author');
    expect(startScreenFor('')).toBe('menu');
  });

  it('leads facilitators from the menu to the console, loaded on demand, and back', async () => {
    render(
      <App
        scenarios={listed(miniBundle(), exerciseBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the facilitator console' }));
    // why: the console is a lazily loaded chunk; on a busy machine its first load takes over a second.
    await screen.findByRole('heading', { level: 1, name: 'Run a facilitated exercise' }, LAZY);
    await waitFor(() => expect(location.hash).toBe('#/console'));
    await waitFor(() => expect(document.title).toContain('Facilitator console'));
    fireEvent.click(screen.getByRole('button', { name: '← Scenarios' }));
    await screen.findByRole('heading', { level: 1, name: 'Scenarios' });
    await waitFor(() => expect(location.hash).toBe('#/'));
  });

  it('opens a projector window straight on its exercise', async () => {
    render(
      <App
        scenarios={listed(exerciseBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        startScreen={{ projector: 'exercise-mini' }}
      />,
    );
    await screen.findByRole('heading', { level: 1, name: 'Mini tabletop' }, LAZY);
    expect(screen.getByRole('timer').textContent).toContain('06:00');
  });
});
