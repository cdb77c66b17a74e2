// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { createRun, type Run } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import { PreferencesContext } from '../../src/ui/app-header.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';
import { PlayScreen } from '../../src/ui/play-screen.tsx';
import { loadText, miniWith } from '../engine/factories.ts';
import { miniBundle } from './fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderPlay(log: RunEvent[] = [], bundle = miniBundle()) {
  const run: Run = createRun(bundle.scenario, log);
  const audio = createRecordingAudio();
  const onFinished = vi.fn();
  const onQuit = vi.fn();
  render(
    <I18nProvider lang="en">
      <PreferencesContext.Provider
        value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
      >
        <PlayScreen bundle={bundle} run={run} audio={audio} onFinished={onFinished} onQuit={onQuit} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  return { run, audio, onFinished, onQuit };
}

function seconds(n: number) {
  act(() => {
    vi.advanceTimersByTime(n * 1000);
  });
}

describe('PlayScreen', () => {
  it('shows the step, its narration, the clock, the phase and the messages released so far', () => {
    renderPlay();
    expect(screen.getByRole('heading', { level: 2, name: 'Arrival' })).toBeTruthy();
    expect(screen.getByText('The crowd reaches the gate.')).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('05:30', { selector: 'time.clock' })).toBeTruthy();
    expect(within(header).getByText('Pre-emption')).toBeTruthy();
    const feed = screen.getByRole('log');
    expect(feed.getAttribute('aria-live')).toBe('polite');
    expect(within(feed).getByText('Crowd at the gate.')).toBeTruthy();
    expect(within(feed).queryByText('Shots heard.')).toBeNull();
  });

  it('says which decision this is, of about how many the scenario’s paths hold', () => {
    renderPlay();
    expect(within(screen.getByRole('banner')).getByText(/^Decision 1 of about \d+$/)).toBeTruthy();
  });

  it('moves focus to the step heading', () => {
    renderPlay();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Arrival' }));
  });

  it('plays the radio and alert cues, voices the radio call and captions every sound with its words', () => {
    const { audio } = renderPlay();
    expect(audio.played).toEqual(expect.arrayContaining(['radio', 'alert']));
    expect(audio.voices).toEqual([{ scenario: 'mini-gate', inject: 'radio-1', lang: 'en' }]);
    const captions = screen.getByRole('region', { name: 'Sound captions' });
    expect(within(captions).getByText('[Radio] Ops: Crowd at the gate.')).toBeTruthy();
    expect(within(captions).getByText('[Alert tone]')).toBeTruthy();
  });

  it('plays the setting’s ambience while the run is on screen, and stops it after', () => {
    const bundle = miniBundle();
    const withAmbience = {
      ...bundle,
      scenario: { ...bundle.scenario, setting: { ...bundle.scenario.setting, ambience: 'crowd' as const } },
    };
    const audio = createRecordingAudio();
    const { unmount } = render(
      <I18nProvider lang="en">
        <PreferencesContext.Provider
          value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
        >
          <PlayScreen
            bundle={withAmbience}
            run={createRun(withAmbience.scenario)}
            audio={audio}
            onFinished={() => {}}
            onQuit={() => {}}
          />
        </PreferencesContext.Provider>
      </I18nProvider>,
    );
    expect(audio.ambience).toBe('crowd');
    unmount();
    expect(audio.ambience).toBeNull();
  });

  it('names the stop-the-clock button and the break differently, in English and French', () => {
    const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8'));
    const fr = JSON.parse(readFileSync('src/i18n/locales/fr.json', 'utf8'));
    for (const table of [en, fr]) {
      const labels = [table.play.pause, table.play.resume, table.contentNote.break.button];
      expect(new Set(labels.map((l: string) => l.toLowerCase())).size).toBe(3);
      expect(labels.join(' ').toLowerCase()).not.toMatch(/^pause$/);
    }
  });

  it('captions an alert once when a timed decision opens with an alert message', () => {
    const alerting = loadText(
      miniWith((d) => {
        d.steps[0].injects[0].channel = 'phone';
        d.steps[0].injects[0].sound = 'alert';
      }),
    ).bundle!;
    const { audio } = renderPlay([], alerting);
    const captions = screen.getByRole('region', { name: 'Sound captions' });
    expect(within(captions).getAllByText('[Alert tone]')).toHaveLength(1);
    expect(audio.played.filter((c) => c === 'alert')).toHaveLength(1);
  });

  it('tells what a choice led to before the next step, with the feedback at once in learning mode', () => {
    const learning = loadText(
      miniWith((d) => {
        d.feedbackMode = 'learning';
        for (const o of d.steps[0].decision.options) o.consequence = `After ${o.id}: the crowd moves.`;
      }),
    ).bundle!;
    const { run } = renderPlay([], learning);
    fireEvent.click(screen.getByRole('radio', { name: 'Open the gate and screen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(screen.getByRole('heading', { level: 2, name: 'What happened' })).toBeTruthy();
    expect(screen.getByText('After open: the crowd moves.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What doctrine says' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Night' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Night' })).toBeTruthy();
    expect(run.context().step).toBe('night');
  });

  it('keeps the feedback for the debrief in assessment mode, the default', () => {
    renderPlay();
    fireEvent.click(screen.getByRole('radio', { name: 'Open the gate and screen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(screen.getByRole('heading', { level: 2, name: 'What happened' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'What doctrine says' })).toBeNull();
    expect(screen.getByText(/played as an assessment/)).toBeTruthy();
  });

  it('captions sounds even when muted', () => {
    const bundle = miniBundle();
    const audio = createRecordingAudio(true);
    render(
      <I18nProvider lang="fr">
        <PreferencesContext.Provider
          value={{ muted: true, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
        >
          <PlayScreen
            bundle={bundle}
            run={createRun(bundle.scenario)}
            audio={audio}
            onFinished={() => {}}
            onQuit={() => {}}
          />
        </PreferencesContext.Provider>
      </I18nProvider>,
    );
    expect(audio.played).toEqual([]);
    expect(screen.getByText('[Radio] Ops : Crowd at the gate.')).toBeTruthy();
    expect(screen.getByText('[Signal d’alerte]')).toBeTruthy();
  });

  it('advances scenario time once per second and releases later messages', () => {
    const { run } = renderPlay();
    seconds(30);
    expect(run.context().time).toBe(30);
    expect(screen.getByRole('timer').textContent).toContain('30 seconds left');
    expect(within(screen.getByRole('log')).getByText('Shots heard.')).toBeTruthy();
    expect(screen.getByRole('banner').querySelector('time.clock')!.textContent).toBe('05:30');
  });

  it('stops the clock while paused', () => {
    const { run } = renderPlay();
    seconds(5);
    fireEvent.click(screen.getAllByRole('button', { name: 'Stop the clock' })[0]!);
    expect(
      screen.getByText('The scenario clock is stopped. The decision is hidden until you restart the clock.'),
    ).toBeTruthy();
    seconds(20);
    expect(run.context().time).toBe(5);
    // nothing can be answered while the clock is stopped: the options and Confirm are hidden
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Confirm decision' })).toBeNull();
    expect(screen.getByRole('timer').textContent).toContain('55 seconds left');
    fireEvent.click(screen.getAllByRole('button', { name: 'Restart the clock' })[0]!);
    expect(screen.getAllByRole('radio').length).toBeGreaterThan(0);
    seconds(3);
    expect(run.context().time).toBe(8);
  });

  it('stops the clock while the tab is hidden', () => {
    const { run } = renderPlay();
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    seconds(10);
    expect(run.context().time).toBe(0);
    hidden.mockReturnValue(false);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    seconds(2);
    expect(run.context().time).toBe(2);
    hidden.mockRestore();
  });

  it('takes the no-decision branch when the time limit passes without a choice', () => {
    const { run } = renderPlay();
    seconds(59);
    expect(screen.getByRole('timer').textContent).toContain('1 second left');
    seconds(1);
    expect(run.context().history.some((h) => h.type === 'decision.timedOut')).toBe(true);
    // what the time-out led to is told first, with the next step's clock stopped
    const told = screen.getByRole('heading', { level: 2, name: 'What happened' });
    expect(document.activeElement).toBe(told);
    expect(screen.getByText('No decision was taken in time, and events moved on without you.')).toBeTruthy();
    const at = run.context().time;
    seconds(10);
    expect(run.context().time).toBe(at);
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    const night = screen.getByRole('heading', { level: 2, name: 'Night' });
    expect(document.activeElement).toBe(night);
    expect(screen.getByText('Pick up to 2 actions.')).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('shows the world variables with value, maximum, direction and change', () => {
    renderPlay();
    const trust = screen.getByText('Trust').closest('li')!;
    expect(trust.textContent).toContain('5 / 10');
    expect(trust.textContent).toContain('higher is better');
    fireEvent.click(screen.getByRole('radio', { name: 'Open the gate and screen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    const after = screen.getByText('Trust').closest('li')!;
    expect(after.textContent).toContain('7 / 10');
    expect(after.textContent).toContain('Change since the previous step: +2, better');
    expect(screen.getByText('Harm').closest('li')!.textContent).toContain('lower is better');
  });

  it('lists who is where as text', () => {
    renderPlay();
    const gate = screen.getByText('Gate').closest('li')!;
    expect(gate.textContent).toContain('Crowd: civilians, about 300, panicked');
    const base = screen.getByText('Base').closest('li')!;
    expect(base.textContent).toContain('Company (infantry)');
    expect(screen.getByText('Village').closest('li')!.textContent).toContain('Nobody here');
  });

  it('continues a narrative step and reports the finished run', () => {
    const { onFinished } = renderPlay([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Morning' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm decision' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0]![0]).toEqual([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
      { type: 'step.continued' },
    ]);
  });

  it('mounts the drawn map after showing the play screen and keeps it updated', async () => {
    const bundle = miniBundle();
    const run = createRun(bundle.scenario);
    const update = vi.fn();
    const destroy = vi.fn();
    const mount = vi.fn(async () => ({ update, destroy }));
    const { unmount } = render(
      <I18nProvider lang="en">
        <PreferencesContext.Provider
          value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
        >
          <PlayScreen
            bundle={bundle}
            run={run}
            audio={createRecordingAudio()}
            loadMap={async () => mount}
            onFinished={() => {}}
            onQuit={() => {}}
          />
        </PreferencesContext.Provider>
      </I18nProvider>,
    );
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    expect(mount).toHaveBeenCalledTimes(1);
    const label = (mount.mock.calls[0] as unknown as [HTMLElement, unknown, (k: string) => string])[2];
    expect(label('locations.gate.name')).toBe('Gate');
    expect(label('map.legend')).toBe('Legend');
    expect(update).toHaveBeenCalled();
    seconds(1);
    expect(update.mock.lastCall![0].clock.elapsed).toBe(run.context().time);
    unmount();
    expect(destroy).toHaveBeenCalled();
  });
});
