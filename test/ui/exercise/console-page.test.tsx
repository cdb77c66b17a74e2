// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseEvent } from '../../../src/engine/exercise/exercise-log.ts';
import { type Preferences, PreferencesContext } from '../../../src/ui/app-header.tsx';
import type { ConsolePageProps } from '../../../src/ui/exercise/console-page.tsx';
import { ConsolePage } from '../../../src/ui/exercise/exercise-screens.tsx';
import { exerciseLogKey } from '../../../src/ui/exercise/exercise-store.ts';
import type { SyncMessage } from '../../../src/ui/exercise/exercise-sync.ts';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { exerciseBundle } from '../../engine/exercise/exercise-factories.ts';
import { createMemoryStorage, listed, miniBundle } from '../fixtures.ts';
import { createChannelPair, createManualClock, type ManualClock } from './exercise-fakes.ts';

afterEach(cleanup);

const KEY = exerciseLogKey('exercise-mini');
const PREFERENCES: Preferences = {
  muted: true,
  volume: 1,
  setLanguage() {},
  setMuted() {},
  setVolume() {},
};

interface Setup {
  clock: ManualClock;
  storage: ReturnType<typeof createMemoryStorage>;
  projector: ReturnType<typeof createChannelPair>[1];
  openProjector: ReturnType<typeof vi.fn>;
}

function renderConsole(partial: Partial<ConsolePageProps> & { storage?: Setup['storage'] } = {}): Setup {
  const clock = createManualClock();
  const storage = partial.storage ?? createMemoryStorage();
  const [port, projector] = createChannelPair();
  const openProjector = vi.fn(() => true);
  render(
    <I18nProvider lang="en">
      <PreferencesContext.Provider value={PREFERENCES}>
        <ConsolePage
          scenarios={listed(miniBundle(), exerciseBundle())}
          storage={storage}
          exercise={null}
          onBack={() => {}}
          port={port}
          clock={clock.make}
          openProjector={openProjector}
          {...partial}
        />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  return { clock, storage, projector, openProjector };
}

/** The log the console saved, as the engine would replay it. */
function savedLog(storage: Setup['storage']): ExerciseEvent[] {
  return JSON.parse(storage.data[KEY]!).log;
}

/** Opens the mini exercise from the picker and waits until the console has saved its log once. */
async function openMini(storage: Setup['storage']) {
  fireEvent.click(
    await screen.findByRole('button', {
      name: /^(Prepare the exercise|Resume the exercise): Mini tabletop$/,
    }),
  );
  await screen.findByRole('button', { name: 'Start' });
  await waitFor(() => expect(storage.data[KEY]).toBeTruthy());
}

const timeline = () => within(screen.getByRole('region', { name: 'Inject timeline (MSEL)' }));
const line = (inject: string) => document.querySelector(`.xc-msel-item[data-inject="${inject}"]`)!;

function lastView(projector: Setup['projector']) {
  const views = projector.heard.filter(
    (m): m is Extract<SyncMessage, { kind: 'projector.view' }> => m.kind === 'projector.view',
  );
  return views[views.length - 1]!.view;
}

describe('facilitator console: picking an exercise', () => {
  it('lists only scenarios with an exercise section, with format, roles and what this computer saved', async () => {
    renderConsole();
    const card = screen.getByRole('heading', { level: 2, name: 'Mini tabletop' }).closest('li')!;
    const inCard = within(card as HTMLElement);
    expect(inCard.getByText('Leadership tabletop exercise')).toBeTruthy();
    expect(inCard.getByText('3 roles')).toBeTruthy();
    expect(inCard.getByText('Not run on this computer yet')).toBeTruthy();
    expect(screen.queryByText('Mini gate')).toBeNull();
  });

  it('opens on a briefing of the exercise, with every MSEL item scheduled or held', async () => {
    const { storage } = renderConsole();
    await openMini(storage);
    expect(screen.getByRole('heading', { name: 'Before you start' })).toBeTruthy();
    expect(timeline().getByText('0 released · 3 to come · 0 skipped')).toBeTruthy();
    expect(line('ev-warning').textContent).toContain('Next, in 0:10');
    expect(line('ev-no-posture').textContent).toContain('Held until needed');
    expect(line('ev-intel').textContent).toContain('Not projected');
  });
});

describe('facilitator console: running the timeline', () => {
  let s: Setup;
  beforeEach(async () => {
    s = renderConsole();
    await openMini(s.storage);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
  });

  it('runs the clock only while the exercise runs, and releases each inject at its own time', async () => {
    expect(s.clock.running()).toBe(true);
    act(() => s.clock.advance(9));
    expect(line('ev-warning').textContent).toContain('Next, in 0:01');
    act(() => s.clock.advance(1));
    expect(line('ev-warning').textContent).toContain('Released on time');
    expect(screen.getByText('06:10', { selector: '.xc-time' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(s.clock.running()).toBe(false);
    act(() => s.clock.advance(30));
    expect(line('ev-intel').textContent).not.toContain('Released');
    expect(screen.getByText('06:10', { selector: '.xc-time' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    act(() => s.clock.advance(10));
    expect(line('ev-intel').textContent).toContain('Released on time');
    expect(savedLog(s.storage)).toContainEqual({ type: 'exercise.paused' });
  });

  it('changes speed, and jumps to the next inject', () => {
    fireEvent.click(screen.getByRole('button', { name: '10 scenario seconds per real second' }));
    act(() => s.clock.advance(6));
    expect(screen.getByText('T+00:01', { selector: '.xc-elapsed' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    expect(screen.getByText('T+00:10', { selector: '.xc-elapsed' })).toBeTruthy();
    expect(line('ev-warning').textContent).toContain('Released on time');
  });

  it('releases an inject by hand, skips one and fires a contingency by hand', () => {
    fireEvent.click(timeline().getByRole('button', { name: 'Release now: Tamba under attack' }));
    expect(line('ev-attack').textContent).toContain('Released by hand');
    fireEvent.click(timeline().getByRole('button', { name: 'Skip: Elders fear a raid' }));
    expect(line('ev-intel').textContent).toContain('Skipped');
    fireEvent.click(timeline().getByRole('button', { name: 'Fire now: Raiders seen at Tamba market' }));
    expect(line('ev-no-posture').textContent).toContain('Released by hand');
    expect(timeline().getByText('2 released · 1 to come · 1 skipped')).toBeTruthy();
  });

  it('ticks an expected action for the role that took it, and fires the contingency of one missed', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    const watch = within(screen.getByRole('region', { name: 'Watching for 1 action' }));
    expect(watch.getByText('The Force Commander raises the posture around Tamba.')).toBeTruthy();
    act(() => s.clock.advance(30));
    expect(line('ev-no-posture').textContent).toContain('Contingency fired');
    fireEvent.click(timeline().getByRole('button', { name: /Armed men north of Tamba/ }));
    const card = within(screen.getByRole('article', { name: 'Armed men north of Tamba' }));
    expect(card.getByText('Missed: contingency “Raiders seen at Tamba market” fired')).toBeTruthy();
    // a late action can still be credited, to another role than the one expected
    fireEvent.change(card.getByLabelText('Role that took the action'), { target: { value: 'hom' } });
    fireEvent.click(card.getByRole('button', { name: /^Mark as taken: The Force Commander raises/ }));
    expect(card.getByText(/Taken late by Head of Mission at 06:4/)).toBeTruthy();
    expect(savedLog(s.storage)).toContainEqual({
      type: 'action.recorded',
      action: 'act-posture',
      role: 'hom',
    });
  });

  it('records the decision an inject puts to the table, for the role that took it', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    const card = within(screen.getByRole('article', { name: 'Armed men north of Tamba' }));
    fireEvent.click(card.getByRole('radio', { name: 'Raise the posture and deploy patrols' }));
    fireEvent.change(card.getByRole('combobox', { name: 'Decided by' }), { target: { value: 'fc' } });
    fireEvent.click(card.getByRole('button', { name: 'Record decision' }));
    // why: the option stands for the Force Commander's expected action, so recording it ticks that action.
    expect(card.getByRole('status').textContent).toBe(
      'Decision recorded for Force Commander. Counted as taken: The Force Commander raises the posture around Tamba.',
    );
    expect(savedLog(s.storage)).toContainEqual({
      type: 'decision.recorded',
      role: 'fc',
      step: 'posture',
      options: ['raise-posture'],
    });
  });

  it('records free-text decisions tagged with tiers, phases and doctrine, and notes, per role', () => {
    const side = within(screen.getByRole('tabpanel'));
    fireEvent.change(side.getByRole('combobox', { name: 'Role' }), { target: { value: 'hom' } });
    fireEvent.input(side.getByRole('textbox', { name: 'What was decided' }), {
      target: { value: 'Open the protection area beside the base.' },
    });
    fireEvent.click(side.getByRole('checkbox', { name: 'Tier II' }));
    fireEvent.click(side.getByRole('checkbox', { name: 'Response' }));
    fireEvent.change(side.getByRole('combobox', { name: 'Doctrine followed' }), {
      target: { value: '15.1-do-1' },
    });
    fireEvent.click(side.getByRole('button', { name: 'Add' }));
    fireEvent.click(side.getByRole('button', { name: 'Record decision' }));
    expect(side.getByText('Decision recorded for Head of Mission.')).toBeTruthy();
    fireEvent.click(side.getByRole('button', { name: 'Note' }));
    fireEvent.input(side.getByRole('textbox', { name: 'Note (kept off the projector)' }), {
      target: { value: 'Asked for the legal adviser.' },
    });
    fireEvent.click(side.getByRole('button', { name: 'Record note' }));
    const log = savedLog(s.storage);
    expect(log).toContainEqual({
      type: 'decision.recorded',
      role: 'hom',
      text: 'Open the protection area beside the base.',
      tiers: ['II'],
      phases: ['response'],
      doctrine: ['15.1-do-1'],
    });
    expect(log).toContainEqual({ type: 'note.recorded', role: 'hom', text: 'Asked for the legal adviser.' });
    expect(side.getByText('Asked for the legal adviser.')).toBeTruthy();
  });

  it('shows the discussion questions of the current module and rates evaluation points', () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Discussion' }));
    expect(screen.getByText('Which indicators would make you raise the threat level?')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Evaluation' }));
    const point = within(
      screen.getByRole('group', { name: 'Early warning reached decision makers and was acted on.' }),
    );
    fireEvent.click(point.getByRole('radio', { name: 'Performed with some challenges' }));
    expect(point.getByText('Performed with some challenges', { selector: '.xc-scale-word' })).toBeTruthy();
    expect(savedLog(s.storage)).toContainEqual({
      type: 'evaluation.rated',
      point: 'ep-warning',
      rating: 'some-challenges',
    });
  });

  it('moves between side tabs with the arrow keys', () => {
    const record = screen.getByRole('tab', { name: 'Record' });
    record.focus();
    fireEvent.keyDown(record, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Discussion' }));
    expect(screen.getByRole('tab', { name: 'Discussion' }).getAttribute('aria-selected')).toBe('true');
  });

  it('tells the projector the time and the public injects, never notes, ratings or role-only injects', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Open projector' }));
    expect(s.openProjector).toHaveBeenCalledWith('exercise-mini');
    expect(screen.queryByRole('link', { name: 'Open the projector in a new window' })).toBeNull();
    // a browser that blocks the window gets a link to open it by hand
    s.openProjector.mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Open projector' }));
    expect(
      screen.getByRole('link', { name: 'Open the projector in a new window' }).getAttribute('href'),
    ).toBe('#/projector/exercise-mini');
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    const side = within(screen.getByRole('tabpanel'));
    fireEvent.click(side.getByRole('button', { name: 'Note' }));
    fireEvent.input(side.getByRole('textbox', { name: 'Note (kept off the projector)' }), {
      target: { value: 'SECRET-NOTE' },
    });
    fireEvent.click(side.getByRole('button', { name: 'Record note' }));
    const view = lastView(s.projector);
    expect(view.time).toBe(20 * 60);
    expect(view.injects.map((i) => i.id)).toEqual(['ev-warning']);
    expect(JSON.stringify(s.projector.heard)).not.toMatch(/SECRET-NOTE|ev-intel|note/);
    // a projector that opens later asks, and is answered
    const before = s.projector.heard.length;
    s.projector.post({ kind: 'projector.hello', exercise: 'exercise-mini' });
    expect(s.projector.heard.length).toBe(before + 1);
  });
});

describe('facilitator console: keeping the exercise', () => {
  it('restores an exercise from its saved log after a reload, paused until the room is ready', async () => {
    const first = renderConsole();
    await openMini(first.storage);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    cleanup();
    renderConsole({ storage: first.storage, exercise: 'exercise-mini' });
    await screen.findByText(
      'The exercise was restored from its saved log. The clock is paused: resume when the room is ready.',
    );
    expect(line('ev-warning').textContent).toContain('Released on time');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('sets a corrupt saved log aside with a message naming where it is kept, and starts anew', async () => {
    const storage = createMemoryStorage({
      [KEY]: '{"format":"pocsim.exercise-log","version":1,"log":[{"type"',
    });
    renderConsole({ storage });
    await openMini(storage);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The saved log of this exercise is damaged');
    const kept = Object.keys(storage.data).find((k) => k.startsWith(`${KEY}.set-aside.`))!;
    expect(alert.textContent).toContain(kept);
    expect(storage.data[kept]).toContain('"log":[{"type"');
  });

  it('sets aside a log that no longer replays against the scenario', async () => {
    const log = [{ type: 'exercise.started' }, { type: 'inject.released', inject: 'ev-gone' }];
    const storage = createMemoryStorage({
      [KEY]: JSON.stringify({ format: 'pocsim.exercise-log', version: 1, exercise: 'exercise-mini', log }),
    });
    renderConsole({ storage });
    await openMini(storage);
    expect(screen.getByRole('alert').textContent).toContain('no longer fits this exercise');
    expect(Object.keys(storage.data).some((k) => k.startsWith(`${KEY}.set-aside.`))).toBe(true);
    expect(savedLog(storage)).toEqual([]);
  });

  it('offers to resume a saved exercise, or to start afresh keeping the old log aside', async () => {
    const first = renderConsole();
    await openMini(first.storage);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    cleanup();
    renderConsole({ storage: first.storage });
    expect(screen.getByText(/reached T\+00:10/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start afresh: Mini tabletop' }));
    await screen.findByRole('button', { name: 'Start' });
    await waitFor(() => expect(savedLog(first.storage)).toEqual([]));
    expect(Object.keys(first.storage.data).some((k) => k.startsWith(`${KEY}.set-aside.`))).toBe(true);
  });
});

describe('facilitator console: hotwash and after-action report', () => {
  let s: Setup;
  beforeEach(async () => {
    s = renderConsole();
    await openMini(s.storage);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
    act(() => s.clock.advance(20));
    fireEvent.click(screen.getByRole('button', { name: 'End exercise' }));
  });

  it('lets a hotwash entry be undone and redone after the end, each correction logged', () => {
    fireEvent.input(screen.getByRole('textbox', { name: 'Add a strength for Force Commander' }), {
      target: { value: 'Clear orders.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a strength for Force Commander' }));
    const records = within(screen.getByRole('region', { name: 'Correct the record' }));
    fireEvent.click(records.getByRole('button', { name: 'Undo: Force Commander: Clear orders.' }));
    fireEvent.click(records.getByRole('button', { name: 'Redo: Force Commander: Clear orders.' }));
    expect(records.getByRole('button', { name: 'Undo: Force Commander: Clear orders.' })).toBeTruthy();
    expect(savedLog(s.storage).slice(-2)).toEqual([
      { type: 'record.undone', record: 'hw-1' },
      { type: 'record.redone', record: 'hw-1' },
    ]);
  });

  it('collects strengths and improvements per role, then drafts the report with its improvement plan', async () => {
    expect(s.clock.running()).toBe(false);
    fireEvent.input(screen.getByRole('textbox', { name: 'Add a strength for Force Commander' }), {
      target: { value: 'Clear orders.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a strength for Force Commander' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Add an area for improvement for POC Adviser' }), {
      target: { value: 'Pass warnings up at once.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add an area for improvement for POC Adviser' }));
    fireEvent.click(screen.getByRole('button', { name: /Draft the after-action report/ }));

    const report = within(screen.getByRole('article', { name: 'Mini tabletop' }));
    expect(report.getByRole('heading', { name: 'Objectives' })).toBeTruthy();
    // the saved PDF is named after the report, not after the console
    expect(document.title).toBe('After-action report: Mini tabletop');
    expect(report.getByText('Clear orders.')).toBeTruthy();
    const first = report.getByRole('textbox', { name: 'Corrective action 1' }) as HTMLTextAreaElement;
    expect(first.value).toBe('Pass warnings up at once.');
    const second = report.getByRole('textbox', { name: 'Corrective action 2' }) as HTMLTextAreaElement;
    expect(second.value).toBe("The POC Adviser briefs the Head of Mission on the elders' warning.");

    // edit a drafted line, remove one, add one
    fireEvent.change(report.getByLabelText('Due date of action 1'), { target: { value: '2026-12-31' } });
    fireEvent.change(report.getByLabelText('Capability or doctrine area of action 1'), {
      target: { value: 'Early warning (§15.4)' },
    });
    fireEvent.change(report.getByRole('combobox', { name: 'Status of action 1' }), {
      target: { value: 'in-progress' },
    });
    fireEvent.click(report.getByRole('button', { name: 'Remove corrective action 2' }));
    fireEvent.input(report.getByRole('textbox', { name: 'Corrective action' }), {
      target: { value: 'Rehearse the QRF drill monthly.' },
    });
    fireEvent.change(report.getByRole('combobox', { name: 'Responsible role' }), { target: { value: 'fc' } });
    fireEvent.click(report.getByRole('button', { name: 'Add to the plan' }));
    await waitFor(() => expect(report.getByRole('textbox', { name: 'Corrective action 3' })).toBeTruthy());
    const log = savedLog(s.storage);
    expect(log).toContainEqual({
      type: 'corrective.set',
      id: 'hw-2',
      action: 'Pass warnings up at once.',
      role: 'poc-adviser',
      due: '2026-12-31',
      area: '',
      status: 'open',
    });
    expect(log).toContainEqual({
      type: 'corrective.set',
      id: 'hw-2',
      action: 'Pass warnings up at once.',
      role: 'poc-adviser',
      due: '2026-12-31',
      area: 'Early warning (§15.4)',
      status: 'in-progress',
    });
    expect(log).toContainEqual({ type: 'corrective.removed', id: 'missed-act-brief' });
    expect(log).toContainEqual(
      expect.objectContaining({
        type: 'corrective.set',
        action: 'Rehearse the QRF drill monthly.',
        role: 'fc',
      }),
    );
    // the removed draft is gone, the added row comes last
    expect((report.getByRole('textbox', { name: 'Corrective action 2' }) as HTMLTextAreaElement).value).toBe(
      'The Force Commander raises the posture around Tamba.',
    );
    expect((report.getByRole('textbox', { name: 'Corrective action 3' }) as HTMLTextAreaElement).value).toBe(
      'Rehearse the QRF drill monthly.',
    );
  });

  it('opens the report with a summary a leader reads: what the table missed, and who does what next', () => {
    fireEvent.click(screen.getByRole('button', { name: /Draft the after-action report/ }));
    const summary = within(screen.getByRole('region', { name: 'Summary' }));
    const brief = "The POC Adviser briefs the Head of Mission on the elders' warning.";
    const missed = within(summary.getByRole('region', { name: 'What the table missed or did late' }));
    expect(missed.getByText(brief)).toBeTruthy();
    expect(missed.getByText(/^POC Adviser, due 06:35/)).toBeTruthy();
    const plan = within(summary.getByRole('region', { name: 'First actions of the improvement plan' }));
    expect(plan.getByText(brief)).toBeTruthy();
    expect(plan.getAllByText('POC Adviser, no date set').length).toBeGreaterThan(0);
    // nothing was rated, so no objective is named as the hardest
    expect(summary.getByText(/No objective was rated/)).toBeTruthy();
  });

  it('exports the report as Markdown and JSON files', async () => {
    fireEvent.click(screen.getByRole('button', { name: /Draft the after-action report/ }));
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:x';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(names[0]).toMatch(/^exercise-mini-after-action-\d{4}-\d{2}-\d{2}\.md$/);
    expect(names[1]).toMatch(/\.json$/);
    const md = await blobs[0]!.text();
    expect(md).toContain('# After-action report: Mini tabletop');
    expect(md).toContain('## Improvement plan');
    const json = JSON.parse(await blobs[1]!.text());
    expect(json).toMatchObject({
      format: 'pocsim.after-action',
      version: 1,
      exercise: { id: 'exercise-mini' },
    });
    expect(json.texts['msel.ev-warning.title']).toBe('Armed men north of Tamba');
    expect(json.log[0]).toEqual({ type: 'exercise.started' });
    create.mockRestore();
    click.mockRestore();
  });
});
