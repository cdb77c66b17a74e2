// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesContext } from '../../../../src/ui/app-header.tsx';
import { EditorArea } from '../../../../src/ui/author/editor/editor-area.tsx';
import type { Draft, DraftStore } from '../../../../src/ui/author/editor/editor-session.ts';
import { lintHere } from '../../../../src/ui/author/lint-runner.ts';
import { I18nProvider } from '../../../../src/ui/i18n-context.tsx';

afterEach(cleanup);

const preferences = {
  muted: false,
  volume: 1,
  setLanguage: () => {},
  setMuted: () => {},
  setVolume: () => {},
};

function memoryDrafts(initial: Draft | null = null): DraftStore & { current: Draft | null } {
  const store = {
    current: initial,
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

function renderEditor(drafts: DraftStore) {
  const onPlay = vi.fn();
  render(
    <I18nProvider lang="en">
      <PreferencesContext.Provider value={preferences}>
        <EditorArea onPlay={onPlay} drafts={drafts} lint={lintHere} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  return { onPlay };
}

const stepTitle = () =>
  within(document.querySelector<HTMLElement>('[data-edit-step="first-step"]')!).getAllByLabelText(
    'Title',
  )[0] as HTMLInputElement;

describe('the scenario editor', () => {
  it('edits a template live: checks as validate does, undoes and redoes, keeps a draft, plays it', async () => {
    Object.defineProperty(window, 'confirm', { value: () => true, configurable: true });
    const drafts = memoryDrafts();
    const { onPlay } = renderEditor(drafts);
    fireEvent.click(screen.getByRole('button', { name: 'Start a new scenario' }));
    await screen.findByText(/No errors: ready to play\./, {}, { timeout: 5000 });
    await screen.findByText(/Every path: \d+ states, 2 of 2 endings reached\./, {}, { timeout: 5000 });

    // typing writes into the file at the pause, and the draft keeps it
    fireEvent.input(stepTitle(), { target: { value: 'Gate at dawn' } });
    await waitFor(() => expect(drafts.current?.files.scenario).toContain('title: Gate at dawn'), {
      timeout: 3000,
    });

    // an empty text is the loader's own error, with file, line, column and field
    fireEvent.input(stepTitle(), { target: { value: '' } });
    fireEvent.blur(stepTitle());
    await screen.findByText(
      /^scenario\.yaml:\d+:\d+ steps\[0\]\.title: text must not be empty; found ""$/,
      {},
      { timeout: 5000 },
    );

    // undo and redo over document edits, from the buttons and the keyboard
    fireEvent.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(stepTitle().value).toBe('Gate at dawn'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(stepTitle().value).toBe('First step'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(stepTitle().value).toBe('Gate at dawn'));

    await screen.findByText(/No errors: ready to play\./, {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: /Play from the start/ }));
    expect(onPlay).toHaveBeenCalledTimes(1);
    expect(onPlay.mock.calls[0]![0].scenario.steps[0].title).toBe('Gate at dawn');

    fireEvent.click(screen.getByRole('button', { name: 'Close the editor' }));
    expect(screen.getByRole('button', { name: 'Start a new scenario' })).toBeTruthy();
  }, 30_000);

  it('offers the draft kept from last time, and opens it', async () => {
    const files = { scenario: 'id: kept\ntitle: Kept draft\n', translations: {} };
    const drafts = memoryDrafts({ name: 'kept', files, at: '2026-12-07T12:00:00Z' });
    renderEditor(drafts);
    expect(screen.getByText(/An unsaved draft of “kept”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume the draft' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Scenario' }));
    expect((screen.getAllByLabelText('Title')[0] as HTMLInputElement).value).toBe('Kept draft');
    Object.defineProperty(window, 'confirm', { value: () => true, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Close the editor' }));
  });
});
