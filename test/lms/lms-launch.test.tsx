// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { registerStrings } from '../../src/i18n/i18n.ts';
import en from '../../src/i18n/locales/lms/en.json';
import fr from '../../src/i18n/locales/lms/fr.json';
import { LmsBar } from '../../src/lms/lms-bar.tsx';
import { createLmsState, type LmsConnection, type LmsState } from '../../src/lms/lms-connection.ts';
import type { RunObserver, RunSession } from '../../src/progress/run-observer.ts';
import { App } from '../../src/ui/app.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';
import { createMemoryStorage, listed, miniBundle } from '../ui/fixtures.ts';

afterEach(cleanup);
registerStrings({ en, fr });

describe('an LMS launch of the app', () => {
  it('opens the launched scenario’s briefing, not the menu', async () => {
    const bundle = miniBundle();
    render(
      <App
        scenarios={listed(bundle)}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        launch={{ scenario: bundle.scenario.id }}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Start the scenario' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Scenarios' })).toBeNull();
  });

  it('reopens the run the LMS saved at its step, telling observers it was resumed', async () => {
    const bundle = miniBundle();
    const opened: RunSession[] = [];
    const observer: RunObserver = { opened: (s) => opened.push(s) };
    const firstOption = bundle.scenario.steps[0]!.decision!.options[0]!.id;
    const resume = {
      id: 'lms-run-1',
      log: [{ type: 'decision.chosen' as const, optionIds: [firstOption] }],
      startedAt: '2026-03-02T08:00:00.000Z',
    };
    render(
      <App
        scenarios={listed(bundle)}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        observers={[observer]}
        launch={{ scenario: bundle.scenario.id, resume }}
      />,
    );
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatchObject({ id: 'lms-run-1', resumed: true, startedAt: resume.startedAt });
    const step = opened[0]!.run.context().step;
    expect(step).not.toBe(bundle.scenario.start);
    expect(
      (await screen.findByRole('heading', { level: 2, name: bundle.texts.en![`steps.${step}.title`]! })).id,
    ).toBe('step-title');
  });

  it('falls back to the briefing when the saved log no longer fits the scenario', async () => {
    const bundle = miniBundle();
    const resume = {
      id: 'x',
      log: [{ type: 'decision.chosen' as const, optionIds: ['no-such-option'] }],
      startedAt: '2026-03-02T08:00:00.000Z',
    };
    render(
      <App
        scenarios={listed(bundle)}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        launch={{ scenario: bundle.scenario.id, resume }}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Start the scenario' })).toBeTruthy();
  });
});

describe('the LMS bar', () => {
  function connection(initial: LmsState, extra: Partial<LmsConnection> = {}) {
    const state = createLmsState(initial);
    let exits = 0;
    const c: LmsConnection = {
      kind: 'cmi5',
      observer: {},
      state: state.get,
      subscribe: state.subscribe,
      exit: async () => {
        exits++;
        state.set({ status: 'ended', returning: true });
      },
      ...extra,
    };
    return { c, state, exits: () => exits };
  }
  const bar = (c: LmsConnection, lang: 'en' | 'fr' = 'en') =>
    render(
      <I18nProvider lang={lang}>
        <LmsBar connection={c} />
      </I18nProvider>,
    );

  it('says results are recorded, and ends the session from its button', async () => {
    const { c, exits } = connection({ status: 'recording' });
    bar(c);
    const region = screen.getByRole('region', { name: 'Learning platform' });
    expect(region.textContent).toContain('your results are recorded');
    fireEvent.click(screen.getByRole('button', { name: 'Save and exit' }));
    expect(exits()).toBe(1);
    await screen.findByText('Session closed. Returning to your learning platform…');
    expect(screen.queryByRole('button', { name: 'Save and exit' })).toBeNull();
  });

  it('tells the trainee, in words and not by colour alone, when nothing is recorded and why', () => {
    const { c, state } = connection({
      status: 'failed',
      problem: 'the LMS refused the session token: expired',
    });
    bar(c, 'fr');
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Non connecté à votre plateforme de formation');
    expect(status.textContent).toContain('Raison : the LMS refused the session token: expired');
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    const browse = connection({ status: 'not-recording', mode: 'review' });
    bar(browse.c);
    expect(screen.getByRole('status').textContent).toContain('Review mode');
    expect(screen.getByRole('button', { name: 'Save and exit' })).toBeTruthy();
    void state;
  });

  it('shows a failed save and a run that could not be reopened', async () => {
    const { c, state } = connection({ status: 'recording' }, { resumeProblem: 'saved progress is damaged' });
    bar(c);
    expect(screen.getByRole('status').textContent).toContain(
      'Your saved run could not be reopened, so a new run starts. Reason: saved progress is damaged',
    );
    state.set({ status: 'recording', saveFailed: 'saving state: the LMS answered HTTP 500' });
    await screen.findByText(/Your latest progress could not be saved/);
    expect(screen.getByRole('status').textContent).toContain(
      'Reason: saving state: the LMS answered HTTP 500',
    );
  });

  it('says truthfully how many results wait for the learning platform, and clears once delivered', async () => {
    const { c, state } = connection({ status: 'recording', waiting: 2, progressWaiting: true });
    bar(c);
    expect(screen.getByRole('status').textContent).toContain(
      '2 results waiting to reach your learning platform. This computer keeps what is waiting',
    );
    state.set({ status: 'ended', returning: false, waiting: 1 });
    await screen.findByText(/1 result waiting to reach your learning platform\. .*the next time you open/);
    state.set({ status: 'ended', returning: false });
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toContain('waiting'));
    cleanup();
    const fr = connection({ status: 'recording', waiting: 3 });
    bar(fr.c, 'fr');
    expect(screen.getByRole('status').textContent).toContain(
      '3 résultats en attente d’envoi à votre plateforme de formation.',
    );
  });
});
