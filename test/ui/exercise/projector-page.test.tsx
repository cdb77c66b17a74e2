// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createExercise } from '../../../src/engine/exercise/exercise-log.ts';
import { ProjectorPage } from '../../../src/ui/exercise/exercise-screens.tsx';
import { exerciseLogKey, writeStoredExercise } from '../../../src/ui/exercise/exercise-store.ts';
import { buildProjectorView } from '../../../src/ui/exercise/projector-view.ts';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { exerciseBundle, hm, startedLog } from '../../engine/exercise/exercise-factories.ts';
import { createMemoryStorage, listed } from '../fixtures.ts';
import { createChannelPair } from './exercise-fakes.ts';

afterEach(cleanup);

const bundle = exerciseBundle();

function renderProjector(storage = createMemoryStorage()) {
  const [console, projector] = createChannelPair();
  render(
    <I18nProvider lang="en">
      <ProjectorPage scenarios={listed(bundle)} storage={storage} exercise="exercise-mini" port={projector} />
    </I18nProvider>,
  );
  return console;
}

/** Waits until the projector has said hello, so it is listening. */
async function listening(console: ReturnType<typeof renderProjector>) {
  await waitFor(() =>
    expect(console.heard).toContainEqual({ kind: 'projector.hello', exercise: 'exercise-mini' }),
  );
}

describe('projector window', () => {
  it('asks the console for the current view, then shows the time large and the latest inject for the room', async () => {
    const console = renderProjector();
    await screen.findByRole('heading', { level: 1, name: 'Mini tabletop' });
    await waitFor(() =>
      expect(console.heard).toContainEqual({ kind: 'projector.hello', exercise: 'exercise-mini' }),
    );
    expect(screen.getByText('The exercise will begin shortly.')).toBeTruthy();
    const ex = createExercise(bundle.scenario, startedLog({ type: 'clock.ticked', seconds: hm(0, 25) }));
    act(() =>
      console.post({ kind: 'projector.view', view: buildProjectorView(bundle.scenario, ex.state(), 'en') }),
    );
    expect(screen.getByRole('timer').textContent).toContain('06:25');
    expect(screen.getByRole('heading', { name: 'Armed men north of Tamba' })).toBeTruthy();
    // the POC Adviser's phone call at 00:20 is for that role alone
    expect(screen.queryByText('Elders fear a raid')).toBeNull();
    expect(screen.queryByText(/raiders will come at dawn/)).toBeNull();
  });

  it('never shows a role-only inject, even in a view that lists it', async () => {
    const console = renderProjector();
    await listening(console);
    const view = {
      exercise: 'exercise-mini',
      language: 'en' as const,
      status: 'paused' as const,
      time: hm(0, 30),
      injects: [
        { id: 'ev-warning', at: hm(0, 10) },
        { id: 'ev-intel', at: hm(0, 20) },
      ],
      map: createExercise(bundle.scenario).state().map,
    };
    act(() => console.post({ kind: 'projector.view', view }));
    expect(screen.getByText('Exercise paused')).toBeTruthy();
    expect(screen.queryByText('Elders fear a raid')).toBeNull();
  });

  it('follows the language the console speaks', async () => {
    const console = renderProjector();
    await listening(console);
    const ex = createExercise(bundle.scenario, startedLog({ type: 'clock.ticked', seconds: hm(0, 10) }));
    act(() =>
      console.post({ kind: 'projector.view', view: buildProjectorView(bundle.scenario, ex.state(), 'fr') }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Mini exercice sur table' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Hommes armés au nord de Tamba' })).toBeTruthy();
  });

  it('shows the saved exercise when no console answers, and says so', async () => {
    const storage = createMemoryStorage();
    writeStoredExercise(
      storage,
      'exercise-mini',
      '1.0.0',
      startedLog({ type: 'clock.ticked', seconds: hm(1, 0) }),
    );
    expect(storage.data[exerciseLogKey('exercise-mini')]).toBeTruthy();
    renderProjector(storage);
    await screen.findByRole('heading', { name: 'Tamba under attack' });
    expect(screen.getByRole('timer').textContent).toContain('07:00');
    await screen.findByText(
      'Showing the saved exercise: the facilitator console is not open.',
      {},
      { timeout: 3000 },
    );
  });

  it('names an exercise that is not installed instead of failing', () => {
    render(
      <I18nProvider lang="en">
        <ProjectorPage scenarios={listed(bundle)} storage={undefined} exercise="nope" />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('There is no exercise “nope”');
  });
});
