// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { App } from '../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from './fixtures.ts';

afterEach(cleanup);

describe('the trainee menu', () => {
  it('keeps the trainers’ and facilitators’ tools behind their own entry, closed', () => {
    render(
      <App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={createMemoryStorage()} />,
    );
    const entry = screen.getByText('For trainers and facilitators');
    const details = entry.closest('details')!;
    expect(details.open).toBe(false);
    for (const name of [
      'Preview your own scenario file',
      'See a cohort’s results',
      'Open the facilitator console',
    ])
      expect(details.contains(screen.getByRole('button', { name, hidden: true }))).toBe(true);
    // the scenarios come first, outside it
    expect(details.contains(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }))).toBe(
      false,
    );
  });
});
