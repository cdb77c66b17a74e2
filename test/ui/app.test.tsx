// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { App } from '../../src/ui/app.tsx';
import { createMemoryStorage, fakeBundle, listed, MINI_FRENCH, miniBundle } from './fixtures.ts';

afterEach(cleanup);

describe('App menu', () => {
  it('lists each scenario with its situation, length and audience', () => {
    render(
      <App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={createMemoryStorage()} />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Handbook §15.1: Civilians seeking protection at a mission base or premises',
      }),
    ).toBeTruthy();
    const card = screen.getByRole('heading', { level: 3, name: 'Mini gate' }).closest('li')!;
    const inCard = within(card as HTMLElement);
    expect(inCard.getByText('A crowd gathers at a gate.')).toBeTruthy();
    expect(inCard.getByText('Handbook §15.1')).toBeTruthy();
    expect(inCard.getByText('About 5 minutes')).toBeTruthy();
    expect(inCard.getByText('Contingent commander')).toBeTruthy();
    expect(inCard.getByText('Trains 4 Do’s and 2 Don’ts')).toBeTruthy();
    expect(inCard.getByText('Not played yet')).toBeTruthy();
    expect(inCard.getByRole('button', { name: 'Read the briefing: Mini gate' })).toBeTruthy();
  });

  it('keeps finished runs and the best score on this browser, and shows them on the card', async () => {
    const storage = createMemoryStorage();
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    // why: the debrief is a lazily loaded chunk; on a busy machine its first load takes over a second.
    await screen.findByRole('button', { name: 'Back to scenarios' }, { timeout: 10_000 });
    await waitFor(() => expect(storage.data['pocsim.progress.v1']).toBeDefined());
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    const card = screen.getByRole('heading', { level: 3, name: 'Mini gate' }).closest('li')!;
    expect(within(card as HTMLElement).getByText(/Finished once · Best score 0/)).toBeTruthy();
    cleanup();
    // a corrupt record is ignored rather than trusted
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage({ 'pocsim.progress.v1': '{"mini-gate":{"finished":"x"}' })}
      />,
    );
    expect(screen.getByText('Not played yet')).toBeTruthy();
  });

  it('switches to French, translating UI and scenario texts, and remembers the choice', () => {
    const storage = createMemoryStorage();
    render(
      <App
        scenarios={listed(fakeBundle({ fr: MINI_FRENCH }))}
        audio={createRecordingAudio()}
        storage={storage}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Scénarios' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Mini porte' })).toBeTruthy();
    expect(screen.getByText('Manuel §15.1')).toBeTruthy();
    expect(screen.getByText('Commandant de contingent')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('fr');
    expect(storage.data['pocsim.language']).toBe('fr');
  });

  it('starts in the stored language', () => {
    const storage = createMemoryStorage({ 'pocsim.language': 'fr' });
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Scénarios' })).toBeTruthy();
  });

  it('ignores a stored language it does not ship', () => {
    const storage = createMemoryStorage({ 'pocsim.language': '<script>' });
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
  });

  it('mutes and unmutes the audio port with a switch that states its state', () => {
    const audio = createRecordingAudio();
    const storage = createMemoryStorage();
    render(<App scenarios={listed(miniBundle())} audio={audio} storage={storage} />);
    const sound = screen.getByRole('switch', { name: 'Sound' });
    expect(sound.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(sound);
    expect(sound.getAttribute('aria-checked')).toBe('false');
    expect(sound.textContent).toContain('Sound: off');
    expect(audio.isMuted()).toBe(true);
    expect(storage.data['pocsim.muted']).toBe('1');
  });
});

describe('App flow', () => {
  it('goes from the menu to the briefing, plays to an ending and shows the debrief', async () => {
    const audio = createRecordingAudio();
    render(<App scenarios={listed(miniBundle())} audio={audio} storage={createMemoryStorage()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));

    const title = await screen.findByRole('heading', { level: 1, name: 'Mini gate' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.getByText('Civilians are arriving at the gate.')).toBeTruthy();
    expect(screen.getByText('Protect the civilians.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How it works' })).toBeTruthy();
    expect(screen.getByText(/A time-out is scored as the decision it amounts to/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start the scenario' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Arrival' }));
    expect(screen.getByRole('banner').textContent).toContain('05:30');
    expect(screen.getByText('Pre-emption')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));

    const debriefTitle = await screen.findByRole('heading', { level: 1, name: 'Mini gate' });
    expect(screen.getByText('Debrief')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(debriefTitle));
    expect(screen.getByRole('region', { name: /things to remember/ }).textContent).toContain(
      'A critical Don’t',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Play again' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Arrival' })).toBeTruthy();
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
  });
});

describe('App scenario loading', () => {
  it('says so, and lets the trainee try again, when a scenario cannot be fetched', async () => {
    let fail = true;
    const [entry] = listed(miniBundle());
    const flaky = { ...entry!, load: () => (fail ? Promise.reject(new Error('offline')) : entry!.load()) };
    render(<App scenarios={[flaky]} audio={createRecordingAudio()} storage={createMemoryStorage()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    expect(await screen.findByRole('button', { name: 'Start the scenario' })).toBeTruthy();
  });
});

describe('App debrief loading', () => {
  it('offers to try again when the debrief code cannot be loaded, keeping the run', async () => {
    let fail = true;
    const loadDebrief = () =>
      fail ? Promise.reject(new Error('offline')) : import('../../src/ui/debrief-page.tsx');
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        loadDebrief={loadDebrief}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('heading', { name: 'Your decisions, one by one' })).toBeTruthy();
    expect(screen.getByText('Push them away')).toBeTruthy();
  });
});

describe('App scenario preview for trainers', () => {
  it('opens the preview from the menu, plays a file of the trainer’s own and comes back to it', async () => {
    const storage = createMemoryStorage();
    render(<App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={storage} />);
    expect(screen.getByRole('heading', { level: 2, name: 'For trainers' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Preview your own scenario file' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Preview your scenario' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(location.hash).toBe('#/author');

    const text = readFileSync('test/fixtures/mini/scenario.yaml', 'utf8');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File([text], 'scenario.yaml')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Play from the start' }));
    // the trainer proofreads the briefing first, as a trainee sees it
    expect(await screen.findByRole('heading', { level: 1, name: 'Mini gate' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Start/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Back to your scenario preview' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini gate' })).toBeTruthy();
    expect(screen.getByText('Open: scenario.yaml')).toBeTruthy();
    // a preview run is not the trainee's progress
    expect(storage.data['pocsim.progress.v1']).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
    expect(location.hash).toBe('#/');
  });

  it('debriefs a preview run started at a later step, and plays it again from that step', async () => {
    render(
      <App scenarios={listed(miniBundle())} audio={createRecordingAudio()} storage={createMemoryStorage()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Preview your own scenario file' }));
    await screen.findByRole('heading', { level: 1, name: 'Preview your scenario' }, { timeout: 10_000 });
    const text = readFileSync('test/fixtures/mini/scenario.yaml', 'utf8');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File([text], 'scenario.yaml')] } });
    fireEvent.change(await screen.findByLabelText('Jump to step'), { target: { value: 'night' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play from this step' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Talk with CLAs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Your decisions, one by one' })).toBeTruthy();
    expect(screen.getByText('Talk with CLAs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Play again' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Night' })).toBeTruthy();
  });

  it('shows a message and a way back, not a blank page, when a screen fails', async () => {
    const broken = async () =>
      ({
        DebriefPage: () => {
          throw new Error('event 3 is not accepted');
        },
      }) as unknown as typeof import('../../src/ui/debrief-page.tsx');
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        loadDebrief={broken}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read the briefing: Mini gate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the scenario' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on this screen');
    expect(alert.textContent).toContain('event 3 is not accepted');
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
  });

  it('opens on the preview when asked (the #author address), and offers to retry a failed load', async () => {
    let fail = true;
    const loadAuthor = () =>
      fail ? Promise.reject(new Error('offline')) : import('../../src/ui/author/author-page.tsx');
    render(
      <App
        scenarios={listed(miniBundle())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
        loadAuthor={loadAuthor}
        startScreen="author"
      />,
    );
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByText(/scenario preview could not be loaded/)).toBeTruthy();
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('heading', { level: 1, name: 'Preview your scenario' })).toBeTruthy();
  });
});
