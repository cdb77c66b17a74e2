// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../../../src/engine/scenario/diagnostic.ts';
import { loadScenario, type ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import { PreferencesContext } from '../../../src/ui/app-header.tsx';
import type { FileSnapshot } from '../../../src/ui/author/author-model.ts';
import { AuthorPage } from '../../../src/ui/author/author-page.tsx';
import { lintHere } from '../../../src/ui/author/lint-runner.ts';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';

afterEach(cleanup);

const BROKEN = readFileSync('test/fixtures/broken/scenario.yaml', 'utf8');
const MINI = readFileSync('test/fixtures/mini/scenario.yaml', 'utf8');

type FileLike = FileSnapshot & { name: string };

const preferences = {
  muted: false,
  volume: 1,
  setLanguage: () => {},
  setMuted: () => {},
  setVolume: () => {},
};

function renderPage(props: { onPlay?: (bundle: ScenarioBundle, step?: string) => void } = {}) {
  const onPlay = vi.fn(props.onPlay ?? (() => {}));
  const onBack = vi.fn();
  const view = render(
    <I18nProvider lang="en">
      <PreferencesContext.Provider value={preferences}>
        <AuthorPage onPlay={onPlay} onBack={onBack} lint={lintHere} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  const input = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const pick = (...files: File[]) => fireEvent.change(input, { target: { files } });
  const drop = (...files: FileLike[]) =>
    fireEvent.drop(screen.getByRole('region', { name: 'Your scenario files' }), {
      dataTransfer: { files },
    });
  return { ...view, onPlay, onBack, input, pick, drop };
}

describe('AuthorPage', () => {
  it('offers a file picker for YAML files, reachable by a button', () => {
    const { input } = renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Preview your scenario' })).toBeTruthy();
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.yaml,.yml');
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeTruthy();
  });

  it('lists every problem of a broken file as file:line:col field: message', async () => {
    const { pick } = renderPage();
    pick(new File([BROKEN], 'scenario.yaml'));
    const expected = loadScenario({ path: 'scenario.yaml', text: BROKEN }).diagnostics;
    expect(expected.length).toBeGreaterThan(3);
    const list = (await screen.findByRole('heading', { name: 'Problems in your files' })).parentElement!;
    const lines = [...list.querySelectorAll('.diagnostic')].map((li) => li.textContent);
    expect(lines).toEqual(
      expected.map((d) => `${d.severity === 'error' ? 'Error' : 'Warning'}${formatDiagnostic(d)}`),
    );
    expect(lines.some((l) => /scenario\.yaml:\d+:\d+ steps\[\d+\]/.test(l ?? ''))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Play from the start' })).toBeNull();
    // the graph still draws what the file holds, with the steps its errors point into marked
    const graph = (await screen.findByRole('heading', { name: 'Map of the steps' })).parentElement!;
    const marked = [...graph.querySelectorAll('.graph-mark-problem')].map((g) => g.getAttribute('data-step'));
    expect(marked.length).toBeGreaterThan(0);
  });

  it('shows a valid file with its outline, the lint of every path and the jump-to-step control', async () => {
    const { pick } = renderPage();
    pick(new File([MINI], 'scenario.yaml'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini gate' })).toBeTruthy();
    expect(screen.getByText('A crowd gathers at a gate.')).toBeTruthy();
    expect(screen.getByText('No errors: ready to play', { exact: false })).toBeTruthy();
    const lint = (await screen.findByRole('heading', { name: 'Every path, checked' })).parentElement!;
    await within(lint).findByText(/7 states explored, 13 distinct paths\. Endings reached: 3 of 3\./);
    expect(within(lint).getByText(/No problems/)).toBeTruthy();
    expect(within(lint).getByText('open, night-patrol+cla')).toBeTruthy();
    expect(within(lint).getByText('push-back')).toBeTruthy();
    const jump = screen.getByRole('combobox', { name: 'Jump to step' }) as HTMLSelectElement;
    expect([...jump.options].map((o) => o.value)).toEqual(['arrival', 'night', 'wrap-up']);
    expect(screen.getByRole('button', { name: 'Play from the start' })).toBeTruthy();
  });

  it('plays from the chosen step with the loaded bundle', async () => {
    const { pick, onPlay } = renderPage();
    pick(new File([MINI], 'scenario.yaml'));
    const jump = (await screen.findByRole('combobox', { name: 'Jump to step' })) as HTMLSelectElement;
    fireEvent.change(jump, { target: { value: 'night' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play from this step' }));
    expect(onPlay).toHaveBeenCalledTimes(1);
    const [bundle, step] = onPlay.mock.calls[0]!;
    expect(bundle.scenario.id).toBe('mini-gate');
    expect(bundle.texts.en?.title).toBe('Mini gate');
    expect(step).toBe('night');
    fireEvent.click(screen.getByRole('button', { name: 'Play from the start' }));
    expect(onPlay.mock.calls[1]![0]).toBe(bundle);
    expect(onPlay.mock.calls[1]![1]).toBeUndefined();
  });

  it('refuses an oversized file with the reason', async () => {
    const { pick } = renderPage();
    pick(new File(['x'.repeat(1_000_001)], 'scenario.yaml'));
    expect(
      await screen.findByText(
        'scenario.yaml:1:1 file is 1000001 bytes; the limit is 1000000 bytes, so it was not read',
      ),
    ).toBeTruthy();
  });

  it('takes dropped files, matches translations by name and says which files it ignored', async () => {
    const { drop } = renderPage();
    const english = loadScenario({ path: 'scenario.yaml', text: MINI }).bundle!.texts.en!;
    const texts = Object.fromEntries(Object.entries(english).map(([k, v]) => [k, `FR ${v}`]));
    const fr = stringify({ language: 'fr', scenario: 'mini-gate', sourceVersion: '1.0.0', texts });
    drop(new File([fr], 'fr.yaml'), new File([MINI], 'scenario.yaml'), new File(['notes'], 'notes.txt'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini gate' })).toBeTruthy();
    expect(screen.getByText(/Not used .*: notes\.txt/)).toBeTruthy();
    expect(screen.getByText('en, fr')).toBeTruthy();
  });

  it('reads the same files again on Reload, and asks to pick a file again when it cannot be read', async () => {
    let text = BROKEN;
    let readable = true;
    const file: FileLike = {
      name: 'scenario.yaml',
      get size() {
        return text.length;
      },
      text: () => (readable ? Promise.resolve(text) : Promise.reject(new Error('NotReadableError'))),
    };
    const { drop } = renderPage();
    drop(file);
    await screen.findByRole('heading', { name: 'Problems in your files' });
    text = MINI;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini gate' })).toBeTruthy();
    readable = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'scenario.yaml could not be read again: it has probably changed',
    );
  });

  it('reads dropped file handles afresh on Reload, so a saved edit shows', async () => {
    let text = BROKEN;
    const handle = {
      kind: 'file',
      name: 'scenario.yaml',
      getFile: async () => new File([text], 'scenario.yaml'),
    };
    const { getByRole } = renderPage();
    fireEvent.drop(getByRole('region', { name: 'Your scenario files' }), {
      dataTransfer: { files: [], items: [{ kind: 'file', getAsFileSystemHandle: async () => handle }] },
    });
    await screen.findByRole('heading', { name: 'Problems in your files' });
    text = MINI;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Mini gate' })).toBeTruthy();
  });

  it('asks for scenario.yaml when only other files are picked', async () => {
    const { drop } = renderPage();
    drop(new File(['language: fr\n'], 'fr.yaml'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'None of these files is a scenario.yaml',
    );
  });

  it('renders scenario text as text, never as HTML', async () => {
    const { pick } = renderPage();
    pick(
      new File([MINI.replace('title: Mini gate', 'title: "<img src=x onerror=alert(1)>"')], 'scenario.yaml'),
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' }),
    ).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('AuthorPage failures', () => {
  it('shows an error message, not a blank page, when checking throws', async () => {
    const { drop } = renderPage();
    drop({ name: 'scenario.yaml', size: 10, text: () => Promise.resolve(null as unknown as string) });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Something went wrong'));
    expect(screen.getByRole('heading', { level: 1, name: 'Preview your scenario' })).toBeTruthy();
  });
});
