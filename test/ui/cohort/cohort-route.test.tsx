// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../../src/audio/recording-audio.ts';
import { App, startScreenFor } from '../../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from '../fixtures.ts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('the cohort view in the app', () => {
  it('opens from the trainers’ part of the menu and keeps the #cohort address while open', async () => {
    render(
      <App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={createMemoryStorage()} />,
    );
    const trainers = screen.getByRole('region', { name: 'For trainers' });
    fireEvent.click(screen.getByRole('button', { name: 'See a cohort’s results' }));
    expect(trainers).toBeTruthy();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cohort results' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(location.hash).toBe('#/cohort');
    fireEvent.click(screen.getByRole('button', { name: /Back to scenarios/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
    expect(location.hash).toBe('#/');
  });

  it('is what the #cohort address opens, with a way to try again when its code cannot load', async () => {
    expect(startScreenFor('#cohort')).toBe('cohort');
    let fail = true;
    const loadCohort = () =>
      fail ? Promise.reject(new Error('offline')) : import('../../../src/ui/cohort/cohort-page.tsx');
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        loadCohort={loadCohort}
        startScreen="cohort"
      />,
    );
    await screen.findByText(/The cohort results could not be loaded/);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cohort results' })).toBeTruthy();
  });
});
