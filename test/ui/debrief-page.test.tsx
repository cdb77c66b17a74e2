// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import { PreferencesContext } from '../../src/ui/app-header.tsx';
import { DebriefPage } from '../../src/ui/debrief-page.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';
import { miniBundle } from './fixtures.ts';

afterEach(cleanup);

function renderDebrief(log: RunEvent[], lang: 'en' | 'fr' = 'en') {
  const onPlayAgain = vi.fn();
  const onBack = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <PreferencesContext.Provider
        value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
      >
        <DebriefPage bundle={miniBundle()} log={log} onPlayAgain={onPlayAgain} onBack={onBack} />
      </PreferencesContext.Provider>
    </I18nProvider>,
  );
  return { onPlayAgain, onBack };
}

const pushedBack: RunEvent[] = [{ type: 'decision.chosen', optionIds: ['push-back'] }];
const good: RunEvent[] = [
  { type: 'clock.ticked', seconds: 10 },
  { type: 'decision.chosen', optionIds: ['open'] },
  { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
  { type: 'step.continued' },
];

describe('DebriefPage', () => {
  it('puts a broken critical Don’t first, with its summary and handbook section', () => {
    renderDebrief(pushedBack);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('1 critical Don’t broken');
    expect(alert.textContent).toContain(CATALOGUE.get('15.1-dont-1')!.summary.en);
    expect(alert.textContent).toContain('Handbook §15.1');
    expect(alert.textContent).toContain('In “Arrival”, by: Push them away');
    const table = screen.getByRole('table');
    const decisions = screen.getByRole('heading', { name: 'Your decisions, one by one' });
    expect(alert.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(alert.compareDocumentPosition(decisions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the ending, the score and that the run did not pass', () => {
    renderDebrief(pushedBack);
    expect(screen.getByText('Civilians harmed')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Harm' })).toBeTruthy();
    expect(screen.getByText('Civilians were harmed.')).toBeTruthy();
    expect(screen.getByText('0 / 100')).toBeTruthy();
    expect(screen.getByText('Not passed')).toBeTruthy();
    expect(screen.getByText('Mastery score: 70')).toBeTruthy();
    expect(screen.getByText('A critical Don’t was broken, so this run cannot pass.')).toBeTruthy();
  });

  it('shows no critical alert when no critical Don’t was broken', () => {
    renderDebrief([
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'rally'] },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
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
    expect(screen.getByRole('alert').textContent).toContain(CATALOGUE.get('15.1-dont-1')!.summary.fr);
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
});
