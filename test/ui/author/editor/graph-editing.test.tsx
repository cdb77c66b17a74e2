// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PreferencesContext } from '../../../../src/ui/app-header.tsx';
import { EditorArea } from '../../../../src/ui/author/editor/editor-area.tsx';
import type { Draft, DraftStore } from '../../../../src/ui/author/editor/editor-session.ts';
import { lintHere } from '../../../../src/ui/author/lint-runner.ts';
import { I18nProvider } from '../../../../src/ui/i18n-context.tsx';

// why: a trainer connects, adds and reorders steps without YAML; happy-dom has no layout, so the
// drop point is given by a stubbed elementsFromPoint, the rest (pointer events, edits, undo) is real.

afterEach(() => {
  // why: the editor keeps its session for the page's life (to come back after playing); closing
  // it leaves the next test the start screen
  Object.defineProperty(window, 'confirm', { value: () => true, configurable: true });
  const close = screen.queryByRole('button', { name: 'Close the editor' });
  if (close) fireEvent.click(close);
  cleanup();
});

const preferences = {
  muted: false,
  volume: 1,
  setLanguage: () => {},
  setMuted: () => {},
  setVolume: () => {},
};

function memoryDrafts(): DraftStore & { current: Draft | null } {
  const store = {
    current: null as Draft | null,
    read: () => store.current,
    write: (d: Draft) => {
      store.current = d;
    },
    clear: () => {
      store.current = null;
    },
  };
  return store;
}

async function openTemplate() {
  const drafts = memoryDrafts();
  render(
    <I18nProvider lang="en">
      <PreferencesContext.Provider value={preferences}>
        <EditorArea onPlay={() => {}} drafts={drafts} lint={lintHere} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Start a new scenario' }));
  await screen.findByText(/No errors: ready to play\./, {}, { timeout: 5000 });
  return drafts;
}

const stepOrder = () =>
  [...document.querySelectorAll('[data-edit-step]')].map((s) => s.getAttribute('data-edit-step'));
const leadsTo = (option: string) =>
  within(document.querySelector<HTMLElement>(`[data-edit-option="${option}"]`)!).getByLabelText(
    'Leads to',
  ) as HTMLSelectElement;

/** Drags an option's ● handle and lets go where `under` says the graph's node is. */
function drag(option: string, under: Element | null) {
  Object.defineProperty(document, 'elementsFromPoint', {
    value: () => (under ? [under] : []),
    configurable: true,
  });
  const port = document.querySelector(`[data-edit-option="${option}"] .ed-port`)!;
  fireEvent.pointerDown(port, { clientX: 10, clientY: 10, pointerId: 1 });
  fireEvent.pointerMove(window, { clientX: 600, clientY: 300, pointerId: 1 });
  fireEvent.pointerUp(window, { clientX: 600, clientY: 300, pointerId: 1 });
}

describe('editing on the graph', () => {
  it('connects an option by dragging its handle onto a step of the graph, and undoes it', async () => {
    await openTemplate();
    fireEvent.click(screen.getAllByRole('button', { name: 'Add a step after this one' })[0]!);
    await waitFor(() => expect(stepOrder()).toEqual(['first-step', 'step']));
    const before = leadsTo('right-choice').value;
    expect(before).not.toBe('step');

    // let go over nothing: nothing changes, and the trainer is told how to connect
    drag('right-choice', null);
    expect(await screen.findByText(/was not connected: release the handle over a step/)).toBeTruthy();
    expect(leadsTo('right-choice').value).toBe(before);

    // let go over the new step's box on the graph
    const node = document.querySelector('.ed-graph g[data-step="step"] .graph-box');
    expect(node).toBeTruthy();
    drag('right-choice', node);
    await waitFor(() => expect(leadsTo('right-choice').value).toBe('step'));
    expect(screen.getByText(/now leads to step\./)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(leadsTo('right-choice').value).toBe(before));
  }, 30_000);

  it('adds a step and moves it from the graph panel, with undo', async () => {
    const drafts = await openTemplate();
    const panel = within(document.querySelector<HTMLElement>('.ed-graph')!);
    // no step chosen on the graph yet: moving is not offered, adding puts the step last
    expect(
      (panel.getByRole('button', { name: 'Move the chosen step earlier' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(panel.getByRole('button', { name: 'Add a step' }));
    await waitFor(() => expect(stepOrder()).toEqual(['first-step', 'step']));
    // the new step is chosen: it moves earlier, and the file's order follows
    expect(panel.getByText(/Chosen: New step \(step\)/)).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: 'Move the chosen step earlier' }));
    await waitFor(() => expect(stepOrder()).toEqual(['step', 'first-step']));
    await waitFor(() =>
      expect(drafts.current?.files.scenario.indexOf('- id: step')).toBeLessThan(
        drafts.current!.files.scenario.indexOf('- id: first-step'),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(stepOrder()).toEqual(['first-step', 'step']));
    fireEvent.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(stepOrder()).toEqual(['first-step']));
  }, 30_000);

  it('renames a step with what refers to it, refuses a taken id, and says where the rest is edited', async () => {
    const drafts = await openTemplate();
    fireEvent.click(screen.getByRole('button', { name: 'Rename the id first-step' }));
    const field = screen.getByLabelText('New id for first-step') as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'right-choice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(screen.getByRole('alert').textContent).toMatch(/already the id of something else/);
    fireEvent.input(field, { target: { value: 'gate-at-dawn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(stepOrder()).toEqual(['gate-at-dawn']));
    await waitFor(() => expect(document.querySelector('.ed-graph g[data-step="gate-at-dawn"]')).toBeTruthy());
    await waitFor(() => expect(drafts.current?.files.scenario).toMatch(/^start: gate-at-dawn$/m));
    expect(drafts.current!.files.translations.fr).toContain('steps.gate-at-dawn.title');
    expect(drafts.current!.files.translations.fr).not.toContain('steps.first-step.');
    await screen.findByText(/No errors: ready to play\./, {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(stepOrder()).toEqual(['first-step']));

    // what the forms do not edit is named, with where it is in the file
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    const note = within(screen.getByRole('region', { name: 'Edited in scenario.yaml, not here (yet)' }));
    expect(note.getByText(/2 places on the map/)).toBeTruthy();
    expect(note.getByText('setting.locations')).toBeTruthy();
  }, 30_000);
});
