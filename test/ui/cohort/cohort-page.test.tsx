// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunFile, serializeRunFile } from '../../../src/engine/results/run-file.ts';
import { summaryOf } from '../../../src/engine/results/run-standing.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { PreferencesContext } from '../../../src/ui/app-header.tsx';
import type { EntryLike } from '../../../src/ui/cohort/cohort-files.ts';
import { CohortPage } from '../../../src/ui/cohort/cohort-page.tsx';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { listed, miniBundle } from '../fixtures.ts';

afterEach(cleanup);

const preferences = {
  muted: false,
  volume: 1,
  setLanguage: () => {},
  setMuted: () => {},
  setVolume: () => {},
};
const tick = (seconds: number): RunEvent => ({ type: 'clock.ticked', seconds });
const choose = (...optionIds: string[]): RunEvent => ({ type: 'decision.chosen', optionIds });

function runText(name: string | null, log: RunEvent[], version = '1.0.0'): string {
  const mini = miniBundle().scenario;
  const debrief = buildDebrief(mini, log);
  return serializeRunFile(
    createRunFile({
      scenario: { id: mini.id, version },
      language: 'en',
      log,
      ...(name ? { trainee: { name } } : {}),
      ...(debrief.completed ? { summary: summaryOf(debrief) } : {}),
    }),
  );
}

const FILES = {
  'ama.json': runText('Ama Owusu', [
    tick(12),
    choose('open'),
    choose('night-patrol', 'cla'),
    { type: 'step.continued' },
  ]),
  'ben.json': runText('Ben Lutz', [tick(5), choose('push-back')]),
  'zoe-laptop.json': runText(null, [tick(20), choose('open'), choose('cla', 'rally')]),
  'old.json': runText('Old Version', [tick(5), choose('push-back')], '0.9.0'),
  'cut.json': runText('Cut', [tick(5), choose('push-back')]).slice(0, 120),
};

function renderPage(lang: 'en' | 'fr' = 'en') {
  const bundle = miniBundle();
  const load = vi.fn(async () => bundle);
  const scenarios = listed(bundle).map((s) => ({ ...s, load }));
  const view = render(
    <I18nProvider lang={lang}>
      <PreferencesContext.Provider value={preferences}>
        <CohortPage scenarios={scenarios} onBack={() => {}} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  const input = view.container.querySelector<HTMLInputElement>('input[data-cohort-input="files"]')!;
  const folder = view.container.querySelector<HTMLInputElement>('input[data-cohort-input="folder"]')!;
  const pick = (files: Record<string, string>) =>
    fireEvent.change(input, {
      target: { files: Object.entries(files).map(([name, text]) => new File([text], name)) },
    });
  return { ...view, input, folder, pick, load };
}

const rowNames = () =>
  within(screen.getByRole('table', { name: /Trainees and their runs/ }))
    .getAllByRole('rowheader')
    .map((h) => h.querySelector('.trainee-name')!.textContent);

describe('CohortPage', () => {
  it('offers pickers for files and for a folder, each reachable by a button', () => {
    const { input, folder } = renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Cohort results' })).toBeTruthy();
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.json');
    expect(folder.hasAttribute('webkitdirectory')).toBe(true);
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose a folder' })).toBeTruthy();
  });

  it('shows the trainees re-scored from their logs, named by their file when the run gives no name', async () => {
    const { pick, load } = renderPage();
    pick(FILES);
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    expect(load).toHaveBeenCalledTimes(1);
    expect(rowNames()).toEqual(['Ama Owusu', 'Ben Lutz', 'Old Version', 'zoe-laptop']);
    const ama = screen.getByRole('row', { name: /Ama Owusu/ });
    expect(within(ama).getByText('100')).toBeTruthy();
    expect(within(ama).getByText('Passed')).toBeTruthy();
    const ben = screen.getByRole('row', { name: /Ben Lutz/ });
    expect(within(ben).getByText('Not passed')).toBeTruthy();
    expect(
      within(screen.getByRole('row', { name: /zoe-laptop/ })).getByText('named by its file'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('row', { name: /Old Version/ })).getByText('Version 0.9.0, migrated'),
    ).toBeTruthy();
  });

  it('sorts by a column from its heading, and says how it is sorted', async () => {
    const { pick } = renderPage();
    pick(FILES);
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    const score = screen.getByRole('button', { name: /Score/ });
    fireEvent.click(score);
    expect(score.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('Ama Owusu');
    fireEvent.click(score);
    expect(score.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames().slice(0, 2).sort()).toEqual(['Ben Lutz', 'Old Version']);
  });

  it('sets a damaged file aside with its file:line:col, and keeps the others', async () => {
    const { pick } = renderPage();
    pick(FILES);
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    const files = screen.getByRole('region', { name: '1 file set aside' });
    expect(within(files).getByText('cut.json')).toBeTruthy();
    expect(within(files).getByText(/^cut\.json:\d+:\d+ /)).toBeTruthy();
    expect(screen.getByText(/1 file set aside · 1 run shown with a note/)).toBeTruthy();
  });

  it('lists the doctrine most broken, the averaged heatmap and the choices at each decision', async () => {
    const { pick } = renderPage();
    pick(FILES);
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    const broken = screen.getByRole('region', { name: 'Doctrine most often broken' });
    // push-back (critical 15.1-dont-1) in Ben's and the migrated run; rally (15.1-dont-2) in Zoe's
    const items = within(broken).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('15.1-dont-1');
    expect(items[0]!.textContent).toContain('broken in 2 of 4 runs');
    expect(items[1]!.textContent).toContain('broken in 1 of 4 runs');
    const heat = screen.getByRole('table', { name: /Mean doctrine followed and broken per run/ });
    // open (Tier II, pre-emption, two Do's) in Ama's and Zoe's runs: 4 over 4 runs
    const tier2 = within(heat).getByRole('row', { name: /^Tier II: physical/ });
    expect(tier2.textContent).toContain('1.0 followed per run');
    expect(tier2.textContent).toContain('0.5 broken per run');
    const arrival = screen.getByRole('region', { name: 'Arrival' });
    expect(within(arrival).getByText('Reached in 4 of 4 runs')).toBeTruthy();
    const open = within(arrival).getByText('Open the gate and screen').closest('li')!;
    expect(open.textContent).toContain("Doctrine's answer");
    expect(open.textContent).toContain('2 of 4 (50%)');
  });

  it('exports the table as CSV', async () => {
    const { pick } = renderPage();
    pick(FILES);
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:cohort';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: /Export the table as CSV/ }));
    expect(click).toHaveBeenCalled();
    const text = await blobs[0]!.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^trainee,trainee_id,file,/);
    expect(text).toContain('Ama Owusu,,ama.json,mini-gate,1.0.0,yes,100,70,passed');
    create.mockRestore();
    click.mockRestore();
  });

  it('walks a dropped folder through its entries', async () => {
    renderPage();
    const file = (path: string, text: string): EntryLike => ({
      isFile: true,
      isDirectory: false,
      name: path.split('/').pop()!,
      fullPath: `/${path}`,
      file: (ok) => ok(new File([text], path.split('/').pop()!)),
    });
    const folder = (path: string, children: EntryLike[]): EntryLike => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name: path,
        fullPath: `/${path}`,
        createReader: () => ({
          readEntries: (ok) => {
            ok(given ? [] : children);
            given = true;
          },
        }),
      };
    };
    const root = folder('cohort', [
      file('cohort/ama.json', FILES['ama.json']),
      folder('cohort/day2', [file('cohort/day2/ben.json', FILES['ben.json'])]),
      file('cohort/notes.txt', 'not a run'),
    ]);
    fireEvent.drop(screen.getByRole('region', { name: /Run files/ }), {
      dataTransfer: { files: [], items: [{ kind: 'file', webkitGetAsEntry: () => root }] },
    });
    await screen.findByRole('table', { name: /Trainees and their runs/ });
    expect(rowNames()).toEqual(['Ama Owusu', 'Ben Lutz']);
    expect(screen.getByText(/1 file is not a run file and was not read: cohort\/notes\.txt/)).toBeTruthy();
  });

  it('speaks French', async () => {
    const { pick } = renderPage('fr');
    pick(FILES);
    await screen.findByRole('table', { name: /Les stagiaires et leurs parties/ });
    expect(screen.getByRole('heading', { level: 1, name: 'Résultats d’une promotion' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Doctrine la plus souvent enfreinte' })).toBeTruthy();
  });
});
