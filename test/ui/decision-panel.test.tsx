// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRun } from '../../src/engine/run/run.ts';
import { buildRunView } from '../../src/engine/run/run-view.ts';
import { DecisionPanel } from '../../src/ui/decision-panel.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';
import { scenarioTextsFor } from '../../src/ui/scenario-text.ts';
import { miniBundle } from './fixtures.ts';

afterEach(cleanup);

function renderDecision(log: Parameters<typeof createRun>[1] = []) {
  const bundle = miniBundle();
  const run = createRun(bundle.scenario, log);
  const view = buildRunView(bundle.scenario, run.context());
  const onChoose = vi.fn((ids: string[]) => run.send({ type: 'decision.chosen', optionIds: ids }));
  render(
    <I18nProvider lang="en">
      <DecisionPanel
        stepId={view.step!.id}
        decision={view.decision!}
        texts={scenarioTextsFor(bundle, 'en')}
        paused={false}
        onChoose={onChoose}
      />
    </I18nProvider>,
  );
  return { run, onChoose };
}

describe('DecisionPanel, single choice', () => {
  it('offers the options as a labelled radio group under the prompt', () => {
    renderDecision();
    const group = screen.getByRole('group', { name: 'What do you do?' });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['open', 'push-back']);
    expect(screen.getByText('Choose one option.')).toBeTruthy();
  });

  it('is operable with the keyboard: arrows select, Enter confirms', () => {
    const { onChoose, run } = renderDecision();
    const [open, pushBack] = screen.getAllByRole('radio') as HTMLInputElement[];
    open!.focus();
    fireEvent.keyDown(open!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(pushBack);
    expect(pushBack!.checked).toBe(true);
    fireEvent.keyDown(pushBack!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(open);
    expect(open!.checked).toBe(true);
    fireEvent.keyDown(open!, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith(['open']);
    expect(run.context().step).toBe('night');
  });

  it('asks for a choice before confirming', () => {
    const { onChoose } = renderDecision();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onChoose).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Choose an option first.');
  });

  it('shows the countdown of a timed decision in words and says that time running out moves on', () => {
    renderDecision();
    expect(screen.getByRole('timer').textContent).toContain('60 seconds left');
    expect(screen.getByText(/events move on without your decision/)).toBeTruthy();
  });
});

describe('DecisionPanel, pick up to N', () => {
  const atNight = [{ type: 'decision.chosen' as const, optionIds: ['open'] }];

  it('offers checkboxes and says how many may be picked', () => {
    renderDecision(atNight);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByText('Pick up to 2 actions.')).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('refuses more than N and says why', () => {
    const { onChoose } = renderDecision(atNight);
    const [patrol, cla, rally] = screen.getAllByRole('checkbox') as HTMLInputElement[];
    fireEvent.click(patrol!);
    fireEvent.click(cla!);
    expect(screen.getByText('2 of 2 selected')).toBeTruthy();
    fireEvent.click(rally!);
    expect(rally!.checked).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('You can pick up to 2 actions.');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onChoose).toHaveBeenCalledWith(['night-patrol', 'cla']);
  });

  it('lets a ticked action be swapped for another', () => {
    const { onChoose } = renderDecision(atNight);
    const [patrol, cla, rally] = screen.getAllByRole('checkbox') as HTMLInputElement[];
    fireEvent.click(patrol!);
    fireEvent.click(cla!);
    fireEvent.click(patrol!);
    fireEvent.click(rally!);
    expect(rally!.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onChoose).toHaveBeenCalledWith(['cla', 'rally']);
  });
});
