// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import type { ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import type { UiLanguage } from '../../../src/i18n/i18n.ts';
import { type GraphMarks, pathOfChoices } from '../../../src/ui/author/graph-layout.ts';
import { fitTitle, ScenarioGraph } from '../../../src/ui/author/scenario-graph.tsx';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';

afterEach(cleanup);

function mini(): ScenarioBundle {
  const { bundle } = loadScenarioFolder('test/fixtures/mini');
  if (!bundle) throw new Error('the mini fixture does not load');
  return bundle;
}

function renderGraph(marks: Partial<GraphMarks> = {}, lang: UiLanguage = 'en') {
  const bundle = mini();
  const onPlayFrom = vi.fn();
  const full: GraphMarks = { unreachable: new Set(), deadEnds: new Set(), ...marks };
  const { container } = render(
    <I18nProvider lang={lang}>
      <ScenarioGraph bundle={bundle} marks={full} onPlayFrom={onPlayFrom} />
    </I18nProvider>,
  );
  const svg = container.querySelector('svg.graph-svg') as SVGSVGElement;
  return { bundle, onPlayFrom, container, svg };
}

describe('ScenarioGraph', () => {
  it('draws every step and ending with its title', () => {
    const { svg } = renderGraph();
    const text = svg.textContent ?? '';
    for (const title of ['Arrival', 'Night', 'Morning', 'Safe', 'Mixed', 'Harm'])
      expect(text).toContain(title);
    expect(svg.querySelectorAll('[data-step]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-ending]')).toHaveLength(3);
  });

  it('shows phase, outcome, timing and time-outs in words, not colour alone', () => {
    const { svg } = renderGraph();
    const arrival = svg.querySelector('[data-step="arrival"]')!;
    expect(arrival.textContent).toContain('PRE');
    expect(arrival.textContent).toContain('60 s');
    expect(svg.querySelector('[data-step="night"]')!.textContent).toContain('multi-choice');
    expect(svg.querySelector('[data-ending="end-good"]')!.textContent).toContain('Protected');
    expect(svg.querySelector('[data-ending="end-bad"]')!.textContent).toContain('Harmed');
    expect(svg.querySelectorAll('.graph-edge-timeout')).toHaveLength(2);
    expect(svg.querySelector('.graph-edge-timeout')!.textContent).toContain('no decision');
    expect(svg.querySelectorAll('.graph-edge-conditional')).toHaveLength(2);
  });

  it('shows unreachable steps and dead ends as text, on the graph and in the text version', () => {
    const { svg, container } = renderGraph({
      unreachable: new Set(['wrap-up', 'end-mixed']),
      deadEnds: new Set(['night']),
    });
    expect(svg.querySelector('[data-step="wrap-up"]')!.textContent).toContain('Unreachable');
    expect(svg.querySelector('[data-ending="end-mixed"]')!.textContent).toContain('Unreachable');
    expect(svg.querySelector('[data-step="night"]')!.textContent).toContain('Dead end');
    expect(svg.querySelector('[data-step="arrival"]')!.textContent).not.toMatch(/Unreachable|Dead end/);
    expect(screen.getByRole('button', { name: /^Morning: step wrap-up, .*Unreachable/ })).toBeTruthy();
    const details = container.querySelector('details.graph-text')!;
    expect(within(details as HTMLElement).getAllByText(/Unreachable/)).toHaveLength(2);
    expect(within(details as HTMLElement).getByText(/Dead end/)).toBeTruthy();
  });

  it('plays from a step on click, Enter or Space', () => {
    const { onPlayFrom } = renderGraph();
    const arrival = screen.getByRole('button', { name: /^Arrival: step arrival, Pre-emption/ });
    expect(arrival.getAttribute('tabindex')).toBe('0');
    fireEvent.click(arrival);
    expect(onPlayFrom).toHaveBeenLastCalledWith('arrival');
    const night = screen.getByRole('button', { name: /^Night: step night/ });
    night.focus();
    fireEvent.keyDown(night, { key: 'Enter' });
    expect(onPlayFrom).toHaveBeenLastCalledWith('night');
    fireEvent.keyDown(screen.getByRole('button', { name: /^Morning: step wrap-up/ }), { key: ' ' });
    expect(onPlayFrom).toHaveBeenLastCalledWith('wrap-up');
    fireEvent.keyDown(night, { key: 'a' });
    expect(onPlayFrom).toHaveBeenCalledTimes(3);
  });

  it('lists each step and where it leads in a text version, with a play button per step', () => {
    const { onPlayFrom, container } = renderGraph();
    const details = container.querySelector('details.graph-text') as HTMLElement;
    expect(details.querySelector('summary')!.textContent).toBe('Text version of the graph');
    const text = details.textContent ?? '';
    expect(text).toContain('Option “Open the gate and screen” leads to Night');
    expect(text).toContain('Option “Push them away” leads to Harm');
    // route conditions are spelled out, as a trainer checks that each ending is earned
    expect(text).toContain('No decision in time leads to Night, if harm ≥ 3');
    expect(text).toContain('Leads to Morning, if trust ≥ 6 and did not choose rally');
    const labels = [...container.querySelectorAll('.graph-edge-condition')].map((e) => e.textContent);
    expect(labels).toContain('if harm ≥ 3');
    expect(text).toContain('Continues to Safe');
    expect(text).toContain('Safe (end-good): Protected');
    fireEvent.click(within(details).getByRole('button', { name: 'Play from “Night”' }));
    expect(onPlayFrom).toHaveBeenCalledWith('night');
  });

  it('draws the edges of the best path thicker', () => {
    const bundle = mini();
    const path = pathOfChoices(bundle.scenario, ['open', 'night-patrol+cla']);
    const { svg } = renderGraph({ path });
    expect(svg.querySelectorAll('.graph-edge-on-path').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('best path')).toBeTruthy();
  });

  it('zooms in and out and back, resizing the drawing', () => {
    const { svg } = renderGraph();
    const width = Number(svg.getAttribute('width'));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(width);
    expect(screen.getByText('Zoom: 125%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(Number(svg.getAttribute('width'))).toBeLessThan(width);
  });

  it('speaks French when the UI does', () => {
    renderGraph({ deadEnds: new Set(['night']) }, 'fr');
    expect(screen.getByRole('button', { name: 'Zoom avant' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Night : étape night, .*Impasse/ })).toBeTruthy();
  });
});

describe('fitTitle', () => {
  it('keeps short titles, wraps longer ones and cuts what does not fit, saying so', () => {
    expect(fitTitle('Arrival')).toEqual({ lines: ['Arrival'], cut: false });
    expect(fitTitle('Crowd at the gate asks for protection', 20)).toEqual({
      lines: ['Crowd at the gate', 'asks for protection'],
      cut: false,
    });
    const long = fitTitle('A very long title that keeps going well beyond two short lines of text', 20);
    expect(long.cut).toBe(true);
    expect(long.lines).toHaveLength(2);
    expect(long.lines[1]!.endsWith('…')).toBe(true);
    expect(fitTitle('Supercalifragilisticexpialidocious', 10).cut).toBe(true);
    expect(fitTitle('Combien de temps, et où ?', 24).lines).toEqual(['Combien de temps, et', 'où ?']);
  });
});
