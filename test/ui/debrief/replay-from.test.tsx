// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../../src/audio/recording-audio.ts';
import type { RunObserver, RunSession } from '../../../src/progress/run-observer.ts';
import { App } from '../../../src/ui/app.tsx';
import { createMemoryStorage, listed, miniBundle } from '../fixtures.ts';

afterEach(cleanup);

describe('replay from a decision, in the app', () => {
  it('starts a new run at that decision, with the choices before it kept, so the trainee tries another branch', async () => {
    const sessions: RunSession[] = [];
    const observer: RunObserver = { opened: (s) => sessions.push(s) };
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        observers={[observer]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Open the gate and screen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Go on' }));
    await screen.findByRole('heading', { level: 2, name: 'Night' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Talk with CLAs' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow a rally' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByRole('heading', { name: 'Your decisions, one by one' });

    fireEvent.click(
      screen.getByRole('button', { name: /Replay from this decision \(decision 2, “Night”\)/ }),
    );
    const night = await screen.findByRole('heading', { level: 2, name: 'Night' });
    await waitFor(() => expect(document.activeElement).toBe(night));
    expect(screen.getByRole('checkbox', { name: 'Night patrols' })).toBeTruthy();
    expect(sessions).toHaveLength(2);
    const replay = sessions[1]!;
    expect(replay.id).not.toBe(sessions[0]!.id);
    expect(replay.run.log).toEqual([{ type: 'decision.chosen', optionIds: ['open'] }]);
    expect(replay.run.context().step).toBe('night');

    // another branch this time: the best answer, to the good ending
    fireEvent.click(screen.getByRole('checkbox', { name: 'Night patrols' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Talk with CLAs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Go on' }));
    fireEvent.click(await screen.findByRole('button', { name: /Continue/ }));
    expect(await screen.findByRole('heading', { name: 'Safe' })).toBeTruthy();
    expect(screen.getByText('Passed')).toBeTruthy();
  });
});
