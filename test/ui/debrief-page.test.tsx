// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { parseRunFile } from '../../src/engine/results/run-file.ts';
import { playChoices } from '../../src/engine/run/play-choices.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { KeyValueStorage } from '../../src/progress/settings.ts';
import { PreferencesContext } from '../../src/ui/app-header.tsx';
import type { ExportFile } from '../../src/ui/debrief/exports.ts';
import { DebriefPage } from '../../src/ui/debrief-page.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';
import { createMemoryStorage, miniBundle } from './fixtures.ts';

afterEach(cleanup);

function renderDebrief(
  log: RunEvent[],
  lang: 'en' | 'fr' = 'en',
  extra: { storage?: KeyValueStorage; replay?: boolean; bundle?: ScenarioBundle } = {},
) {
  const onPlayAgain = vi.fn();
  const onBack = vi.fn();
  const onReplayFrom = vi.fn();
  const print = vi.fn();
  const downloads: ExportFile[] = [];
  render(
    <I18nProvider lang={lang}>
      <PreferencesContext.Provider
        value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
      >
        <DebriefPage
          bundle={extra.bundle ?? miniBundle()}
          log={log}
          onPlayAgain={onPlayAgain}
          onBack={onBack}
          onReplayFrom={extra.replay === false ? undefined : onReplayFrom}
          storage={extra.storage}
          times={{ startedAt: '2026-03-01T08:00:00.000Z', finishedAt: '2026-03-01T08:09:00.000Z' }}
          download={(f) => downloads.push(f)}
          print={print}
          now={() => new Date('2026-03-01T08:10:00.000Z')}
        />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  return { onPlayAgain, onBack, onReplayFrom, print, downloads };
}

const pushedBack: RunEvent[] = [{ type: 'decision.chosen', optionIds: ['push-back'] }];
const good: RunEvent[] = [
  { type: 'clock.ticked', seconds: 10 },
  { type: 'decision.chosen', optionIds: ['open'] },
  { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
  { type: 'step.continued' },
];

describe('DebriefPage', () => {
  it('shows a failed duty as failed, with its severity, summary and section (15-6, halting out of sight)', () => {
    const bundle = loadScenarioFolder('scenarios/15-6-sv-imminent').bundle!;
    const { log, problems } = playChoices(bundle.scenario, ['market-km14', 'approach-hold']);
    expect(problems).toEqual([]);
    renderDebrief(log, 'en', { bundle });
    const remember = screen.getByRole('region', { name: /things? to remember/ });
    expect(remember.textContent).toContain(CATALOGUE.get('15.6-do-1')!.summary.en);
    expect(remember.textContent).toContain('A critical duty, failed in decision 2');
    const failed = screen.getAllByText('Failed a duty (critical)');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.closest('li')!.textContent).toContain('Handbook §15.6');
    // the lesson says the duty was failed, not that a Don't was broken
    expect(document.body.textContent).toMatch(
      /Halt out of sight, report to Sector and wait for instructions\.?” failed a critical duty/,
    );
  });

  it('opens on one summary: the verdict, the critical Don’t first among the things to remember, and where to try again', () => {
    const { onReplayFrom } = renderDebrief(pushedBack);
    const remember = screen.getByRole('region', { name: 'The 2 things to remember' });
    const items = within(remember).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain(CATALOGUE.get('15.1-dont-1')!.summary.en);
    expect(items[0]!.textContent).toContain(
      'A critical Don’t, broken in decision 1 (“Arrival”) by “Push them away”.',
    );
    expect(items[0]!.textContent).toContain('Handbook §15.1');
    expect(items[1]!.textContent).toMatch(/^▼Your weakest (tier|phase): /);
    const again = screen.getByRole('region', { name: 'Try again from decision 1' });
    expect(again.textContent).toContain('“Arrival” was your first choice off doctrine’s best answer.');
    fireEvent.click(within(again).getByRole('button', { name: 'Start again at decision 1' }));
    expect(onReplayFrom).toHaveBeenCalledWith([]);
    // the full report waits, closed, in labelled sections below the summary
    const sections = screen.getAllByRole('group').filter((g) => g.tagName === 'DETAILS');
    expect(sections.map((g) => g.querySelector('h2')!.textContent)).toEqual([
      '1 critical Don’t broken or duty failed',
      'How it ended',
      'What this run teaches',
      'Score by tier and phase',
      'Your path and doctrine’s best path',
      'Timeline of the run',
      'Your decisions, one by one',
      'Keep or share this report',
    ]);
    expect(sections.every((g) => !(g as HTMLDetailsElement).open)).toBe(true);
    expect(remember.compareDocumentPosition(sections[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the ending, the score and that the run did not pass', () => {
    renderDebrief(pushedBack);
    expect(screen.getByText('Civilians harmed')).toBeTruthy();
    expect(screen.getAllByText('Harm').length).toBeGreaterThan(0);
    expect(screen.getByText('Civilians were harmed.')).toBeTruthy();
    expect(screen.getByText('0 / 100')).toBeTruthy();
    expect(screen.getByText('Not passed')).toBeTruthy();
    expect(screen.getByText('Mastery score: 70')).toBeTruthy();
    expect(
      screen.getByText('A critical Don’t was broken or a critical duty failed, so this run cannot pass.'),
    ).toBeTruthy();
  });

  it('shows no critical section when no critical Don’t was broken', () => {
    renderDebrief([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'rally'] },
    ]);
    expect(screen.queryByRole('group', { name: /critical Don/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'Try again from decision 2' })).toBeTruthy();
    const night = screen.getByRole('heading', { name: /Decision 2/ }).closest('li')!;
    expect(night.textContent).toContain('Broken (major)');
  });

  it('has a tier × phase table with tier and phase totals and ✓/✗ counts', () => {
    renderDebrief(good);
    const table = screen.getByRole('table');
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(columns).toEqual(['Tier', 'Prevention', 'Pre-emption', 'Response', 'Consolidation', 'Tier score']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(5);
    const tierII = rows.find((r) => r.textContent?.startsWith('Tier II'))!;
    const cells = within(tierII).getAllByRole('cell');
    expect(cells[1]!.textContent).toContain('2 followed');
    expect(cells[2]!.textContent).toContain('1 followed');
    expect(cells[0]!.textContent).toContain('none');
    expect(cells[4]!.textContent).toMatch(/\d+/);
    const tierIII = rows.find((r) => r.textContent?.startsWith('Tier III'))!;
    expect(
      within(tierIII)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('–none');
    const totals = rows[4]!;
    expect(within(totals).getByRole('rowheader').textContent).toBe('Phase score');
    expect(within(totals).getAllByRole('cell')[0]!.textContent).toBe('not exercised');
  });

  it('reviews every decision: choice, time against limit, score, feedback, doctrine and a better choice', () => {
    renderDebrief(pushedBack);
    const review = screen.getByRole('heading', { name: /Decision 1/ }).closest('li')!;
    const r = within(review);
    expect(r.getByText('Push them away')).toBeTruthy();
    expect(r.getByText('0 s of 60 s')).toBeTruthy();
    expect(r.getByText('Bad.')).toBeTruthy();
    expect(review.textContent).toContain('Broken (critical)');
    expect(review.textContent).toContain(CATALOGUE.get('15.1-dont-1')!.summary.en);
    expect(r.getByText('A better choice: Open the gate and screen')).toBeTruthy();
  });

  it('shows a decision not taken in time, with the no-decision feedback', () => {
    renderDebrief([
      { type: 'clock.ticked', seconds: 60 },
      { type: 'decision.chosen', optionIds: ['cla'] },
    ]);
    const review = screen.getByRole('heading', { name: /Decision 1/ }).closest('li')!;
    expect(within(review).getByText('No decision — time ran out')).toBeTruthy();
    expect(within(review).getByText('60 s of 60 s')).toBeTruthy();
    expect(within(review).getByText('Too slow.')).toBeTruthy();
  });

  it('marks doctrine followed and the best choice taken', () => {
    renderDebrief(good);
    const first = screen.getByRole('heading', { name: /Decision 1/ }).closest('li')!;
    expect(first.textContent).toContain('Followed');
    expect(first.textContent).toContain(CATALOGUE.get('15.1-do-3')!.summary.en);
    expect(within(first).getByText('This was one of the best choices available.')).toBeTruthy();
    expect(screen.getByText('Passed')).toBeTruthy();
  });

  it('is in French when the UI is, with the doctrine summaries in French', () => {
    renderDebrief(pushedBack, 'fr');
    expect(screen.getByRole('region', { name: 'Les 2 choses à retenir' }).textContent).toContain(
      CATALOGUE.get('15.1-dont-1')!.summary.fr,
    );
    expect(screen.getByRole('button', { name: 'Imprimer le résumé' })).toBeTruthy();
    expect(screen.getByText('Non réussi')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Score par niveau et par phase' })).toBeTruthy();
  });

  it('offers to play again or go back to the scenarios', () => {
    const { onPlayAgain, onBack } = renderDebrief(pushedBack);
    fireEvent.click(screen.getByRole('button', { name: 'Play again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to scenarios' }));
    expect(onPlayAgain).toHaveBeenCalledTimes(1);
    expect(onBack).toHaveBeenCalledTimes(1);
  });
  it('colours each heatmap cell by how doctrine balanced there, with counts in text and a legend', () => {
    renderDebrief([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['cla', 'rally'] },
    ]);
    const table = screen.getByRole('table');
    const cellOf = (tier: string, column: number) =>
      within(
        within(table)
          .getAllByRole('row')
          .find((r) => r.textContent?.startsWith(tier))!,
      ).getAllByRole('cell')[column]!;
    expect(cellOf('Tier II', 1).className).toContain('heat-followed');
    expect(cellOf('Tier II', 1).textContent).toContain('2 followed');
    expect(cellOf('Tier III', 2).className).toContain('heat-broken');
    expect(cellOf('Tier III', 2).textContent).toContain('1 broken');
    expect(cellOf('Tier I', 0).className).toContain('heat-none');
    const legend = screen.getByRole('list', { name: 'Cell colours' });
    expect(legend.textContent).toContain('mostly followed');
    expect(legend.textContent).toContain('mixed');
    expect(legend.textContent).toContain('mostly broken');
  });

  it('writes strengths, areas for improvement and next-time items that cite the handbook', () => {
    renderDebrief(pushedBack);
    const lessons = screen.getByRole('group', { name: 'What this run teaches' });
    const text = lessons.textContent ?? '';
    expect(text).toContain('In “Arrival”, “Push them away” broke a critical Don’t (Handbook §15.1)');
    expect(text).toContain(
      'At “Arrival”, choose “Open the gate and screen”: it follows the handbook (Handbook §15.1).',
    );
    expect(text).toContain('15.1-do-3');
    expect(text).toContain(CATALOGUE.get('15.1-do-4')!.summary.en);
    // the critical Don't is listed once for its decision
    expect(text.split('broke a critical Don’t').length).toBe(2);
  });

  it('lays out the run as a timeline: steps, injects, decisions with latency, time-outs as no decision, the ending', () => {
    renderDebrief([
      { type: 'clock.ticked', seconds: 60 },
      { type: 'decision.chosen', optionIds: ['cla'] },
      { type: 'step.continued' },
    ]);
    const timeline = screen.getByRole('group', { name: 'Timeline of the run' });
    const items = within(timeline)
      .getAllByRole('listitem')
      .map((li) => [...li.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(items).toEqual([
      '05:30 | ▸ Step | Arrival',
      '05:30 | ✉ Inject | Ops: Crowd at the gate.',
      '05:30 | ✉ Inject | Ops: Shots heard.',
      '05:31 | ⏱ No decision | Decision 1: no decision, time ran out after 60 s',
      '19:00 | ▸ Step | Night',
      '19:00 | ● Decision | Decision 2: “Talk with CLAs”, after 0 s',
      '19:00 | ▸ Step | Morning',
      '19:00 | ■ Ending | Safe (Civilians protected)',
    ]);
  });

  it('lists the path taken against doctrine’s best path, marking where they part', async () => {
    renderDebrief([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['cla', 'rally'] },
    ]);
    const path = screen.getByRole('group', { name: 'Your path and doctrine’s best path' });
    expect(path.textContent).toContain('Your first choice off doctrine’s best path was decision 2, “Night”.');
    const [taken, best] = within(path)
      .getAllByRole('list')
      .filter((l) => l.classList.contains('path-list'));
    expect(
      within(taken!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Arrival', 'Night', 'Mixed (off the best path)']);
    expect(
      within(best!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Arrival', 'Night', 'Morning', 'Safe']);
    // the drawn graph arrives on its own, numbering the steps taken
    const graph = await within(path).findByRole(
      'img',
      { name: /Scenario graph with your path/ },
      { timeout: 10_000 },
    );
    expect(graph.querySelector('[data-node="night"] .path-number')?.textContent).toBe('2');
    expect(graph.querySelector('[data-node="wrap-up"] .path-number')).toBeNull();
  });

  it('replays from a decision: a new run from the log up to just before it, to try another branch', () => {
    const log: RunEvent[] = [
      { type: 'clock.ticked', seconds: 15 },
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['cla', 'rally'] },
    ];
    const { onReplayFrom } = renderDebrief(log);
    fireEvent.click(
      screen.getByRole('button', { name: /Replay from this decision \(decision 2, “Night”\)/ }),
    );
    expect(onReplayFrom).toHaveBeenCalledWith(log.slice(0, 2));
    const again = createRun(miniBundle().scenario, onReplayFrom.mock.calls[0]![0]);
    expect(again.context().step).toBe('night');
    expect(again.finished()).toBe(false);
    fireEvent.click(
      screen.getByRole('button', { name: /Replay from this decision \(decision 1, “Arrival”\)/ }),
    );
    expect(onReplayFrom).toHaveBeenLastCalledWith([]);
  });

  it('offers no replay where the app gives no way to start one', () => {
    renderDebrief(pushedBack, 'en', { replay: false });
    expect(screen.queryByRole('button', { name: /Replay from this decision/ })).toBeNull();
  });

  it('exports the decisions as CSV and the run as a JSON run file, with the remembered name', () => {
    const storage = createMemoryStorage({ 'pocsim.traineeName': 'Amina' });
    const { downloads } = renderDebrief(good, 'en', { storage });
    const name = screen.getByRole('textbox', {
      name: 'Your name (optional, for your trainer)',
    }) as HTMLInputElement;
    expect(name.value).toBe('Amina');
    fireEvent.input(name, { target: { value: 'Amina Diallo' } });
    expect(storage.data['pocsim.traineeName']).toBe('Amina Diallo');
    expect(screen.getByText('Trainee: Amina Diallo')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Download the decisions (CSV)' }));
    const csv = downloads[0]!;
    expect(csv.name).toBe('mini-gate-amina-diallo-2026-03-01.csv');
    expect(csv.type).toBe('text/csv;charset=utf-8');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF#,Step,Question,Choice,Time taken (s),Time ran out,Score,Doctrine followed,Doctrine broken,Duties failed,Better choice',
    );
    expect(lines[1]).toBe(
      '1,Arrival,What do you do?,Open the gate and screen,10,no,100,15.1-do-3 15.1-do-4,,,',
    );
    expect(lines[2]).toBe(
      '2,Night,Pick up to two.,Night patrols + Talk with CLAs,0,no,100,15.1-do-12 15.1-do-5,,,',
    );
    expect(screen.getByText('Downloaded mini-gate-amina-diallo-2026-03-01.csv.').getAttribute('role')).toBe(
      'status',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Download the run (JSON)' }));
    const json = downloads[1]!;
    expect(json.name).toBe('mini-gate-amina-diallo-2026-03-01.json');
    const read = parseRunFile(json.text, json.name);
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    expect(read.run).toMatchObject({
      format: 'pocsim-run',
      scenario: { id: 'mini-gate', version: '1.0.0' },
      language: 'en',
      trainee: { name: 'Amina Diallo' },
      startedAt: '2026-03-01T08:00:00.000Z',
      finishedAt: '2026-03-01T08:09:00.000Z',
      savedAt: '2026-03-01T08:10:00.000Z',
      log: good,
      summary: { overall: 100, passed: true, ending: 'end-good' },
    });
  });

  it('prints the summary alone, or the full report with every section opened for the print', () => {
    const { print } = renderDebrief(pushedBack);
    const main = document.querySelector('main')!;
    const sections = () => [...document.querySelectorAll<HTMLDetailsElement>('details.more-section')];
    let seen: { mode?: string; open: boolean[] } = { open: [] };
    print.mockImplementation(() => {
      seen = { mode: main.dataset.print, open: sections().map((d) => d.open) };
    });
    fireEvent.click(screen.getByRole('button', { name: 'Print summary' }));
    expect(seen.mode).toBe('summary');
    expect(seen.open.some(Boolean)).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(seen.mode).toBe('full');
    window.dispatchEvent(new Event('afterprint'));
    expect(main.dataset.print).toBe('summary');
    sections()[1]!.open = true;
    fireEvent.click(screen.getByRole('button', { name: 'Print full report' }));
    expect(seen.mode).toBe('full');
    expect(seen.open.every(Boolean)).toBe(true);
    // after the print, the sections the trainee had closed close again
    window.dispatchEvent(new Event('afterprint'));
    expect(sections().map((d) => d.open)).toEqual(sections().map((_, i) => i === 1));
    expect(print).toHaveBeenCalledTimes(3);
  });
});
