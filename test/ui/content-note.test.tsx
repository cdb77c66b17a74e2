// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { RunObserver } from '../../src/progress/run-observer.ts';
import { App } from '../../src/ui/app.tsx';
import { contentNoteFor, readContentNoteChoices } from '../../src/ui/trainer-settings.tsx';
import { createMemoryStorage, fakeBundle, listed } from './fixtures.ts';

afterEach(cleanup);

/** The mini scenario as a file that asks for a content note on sexual violence. */
function noted(): ScenarioBundle {
  const b = fakeBundle({ id: 'mini-noted' });
  return { ...b, scenario: { ...b.scenario, contentNote: { topics: ['sexual-violence'] } } };
}

const plain = () => fakeBundle({ id: 'mini-plain' });

function recordingObserver() {
  const calls: string[] = [];
  const observer: RunObserver = {
    opened: (s) => calls.push(`opened ${s.bundle.scenario.id}`),
    left: (s) => calls.push(`left ${s.bundle.scenario.id} after ${s.run.log.length} events`),
    finished: (s) => calls.push(`finished ${s.bundle.scenario.id}`),
  };
  return { calls, observer };
}

async function openBriefing(index: number) {
  fireEvent.click(screen.getAllByRole('button', { name: /^Read the briefing: / })[index]!);
  return screen.findByRole('button', { name: 'Start the scenario' });
}

describe('content notes and a way out', () => {
  it('opens a scenario whose file asks for it with a note naming the topic, and others without', async () => {
    render(
      <App
        scenarios={listed(noted(), plain())}
        audio={createRecordingAudio()}
        storage={createMemoryStorage()}
      />,
    );
    await openBriefing(0);
    const note = screen.getByRole('region', { name: 'Content note' });
    expect(within(note).getByText('This scenario deals with sexual violence.')).toBeTruthy();
    expect(within(note).getByText(/staff counsellor/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Take a break' })).toBeTruthy();
    fireEvent.click(within(note).getByRole('button', { name: 'Not now: back to the scenario list' }));
    await openBriefing(1);
    expect(screen.queryByRole('region', { name: 'Content note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take a break' })).toBeNull();
  });

  it('stops the clock during a break and leaves without scoring, keeping the run for later', async () => {
    const storage = createMemoryStorage();
    const { calls, observer } = recordingObserver();
    render(
      <App
        scenarios={listed(noted())}
        audio={createRecordingAudio()}
        storage={storage}
        observers={[observer]}
      />,
    );
    fireEvent.click(await openBriefing(0));
    await screen.findByRole('radio', { name: 'Push them away' });
    fireEvent.click(screen.getByRole('button', { name: 'Take a break' }));
    const dialog = screen.getByRole('dialog', { name: 'Take a break' });
    // the play screen's own pause shows the clock is stopped behind the dialog
    expect(
      screen.getByText('The scenario clock is stopped. The decision is hidden until you restart the clock.'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to the scenario' }));
    expect(
      screen.queryByText(
        'The scenario clock is stopped. The decision is hidden until you restart the clock.',
      ),
    ).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Take a break' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Take a break' })).getByRole('button', {
        name: 'Leave this scenario',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'You have left the scenario' })).toBeTruthy();
    expect(screen.getByText('Your run of “Mini gate” is kept as it was.')).toBeTruthy();
    expect(calls).toEqual(['opened mini-noted', expect.stringMatching(/^left mini-noted after \d+ events$/)]);
    // nothing is counted as a finished run
    expect(storage.data['pocsim.progress.v1']).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the scenario list' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeTruthy();
  });

  it('offers the break on the debrief of such a run too', async () => {
    render(
      <App scenarios={listed(noted())} audio={createRecordingAudio()} storage={createMemoryStorage()} />,
    );
    fireEvent.click(await openBriefing(0));
    fireEvent.click(await screen.findByRole('radio', { name: 'Push them away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    await screen.findByRole('button', { name: 'Back to scenarios' });
    fireEvent.click(screen.getByRole('button', { name: 'Take a break' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Take a break' })).getByRole('button', {
        name: 'Leave this scenario',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'You have left the scenario' })).toBeTruthy();
  });

  it('lets a trainer turn the note on for any scenario and off for one whose file asks for it, kept on this browser', async () => {
    const storage = createMemoryStorage();
    render(<App scenarios={listed(noted(), plain())} audio={createRecordingAudio()} storage={storage} />);
    const open = screen.getByRole('button', { name: 'Content notes and breaks' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    const group = screen.getByRole('group', { name: 'Scenarios that open with a content note' });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    // defaults come from the files
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(within(group).getByText('The scenario file asks for one (sexual violence).')).toBeTruthy();
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[1]!);
    expect(JSON.parse(storage.data['pocsim.contentNotes']!)).toEqual({
      'mini-noted': false,
      'mini-plain': true,
    });
    expect(within(group).getAllByText(/Changed on this browser/)).toHaveLength(2);

    await openBriefing(1);
    const note = screen.getByRole('region', { name: 'Content note' });
    expect(within(note).getByText(/marked this scenario as one that some people find hard/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    await openBriefing(0);
    expect(screen.queryByRole('region', { name: 'Content note' })).toBeNull();

    cleanup();
    // the choice is kept: a new visit starts from it, and going back to the files' choices clears it
    render(<App scenarios={listed(noted(), plain())} audio={createRecordingAudio()} storage={storage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Content notes and breaks' }));
    const boxes2 = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes2.map((b) => b.checked)).toEqual([false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Go back to the scenario files’ choices' }));
    await waitFor(() => expect(JSON.parse(storage.data['pocsim.contentNotes']!)).toEqual({}));
    expect((screen.getAllByRole('checkbox') as HTMLInputElement[]).map((b) => b.checked)).toEqual([
      true,
      false,
    ]);
  });

  it('reads only well-formed choices from storage', () => {
    const read = (raw: string) => readContentNoteChoices(createMemoryStorage({ 'pocsim.contentNotes': raw }));
    expect(read('{"a":true,"b":"yes","c":false}')).toEqual({ a: true, c: false });
    expect(read('[true]')).toEqual({});
    expect(read('not json')).toEqual({});
    expect(readContentNoteChoices(undefined)).toEqual({});
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
    };
    expect(readContentNoteChoices(throwing)).toEqual({});
    expect(contentNoteFor({ id: 'x' }, {})).toBeNull();
    expect(contentNoteFor({ id: 'x', contentNote: { topics: ['children'] } }, {})).toEqual({
      topics: ['children'],
    });
    expect(contentNoteFor({ id: 'x', contentNote: { topics: ['children'] } }, { x: false })).toBeNull();
    expect(contentNoteFor({ id: 'x' }, { x: true })).toEqual({ topics: [] });
  });
});
