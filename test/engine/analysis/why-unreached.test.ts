import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../src/engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { describeWhen } from '../../../src/engine/scenario/scenario-graph.ts';
import { loadText, miniWith } from '../factories.ts';

const lint = (edit: (d: Record<string, any>) => void) => {
  const { bundle, diagnostics } = loadText(miniWith(edit));
  if (!bundle) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return lintScenario(bundle.scenario, CATALOGUE).problems.map((p) => p.message);
};

describe('lint says why an ending is never reached', () => {
  it('names the earlier route that takes every run first', () => {
    const messages = lint((d) => {
      const night = d.steps.find((s: { id: string }) => s.id === 'night');
      night.decision.routes = [
        { when: { variable: 'trust', atLeast: 2 }, next: 'wrap-up' },
        { when: { variable: 'trust', atLeast: 4 }, next: 'end-mixed' },
        { next: 'end-bad' },
      ];
    });
    expect(messages).toContainEqual(
      'ending "end-mixed" is never reached in play: step "night" decision routes[1] (if trust ≥ 4) comes after routes[0] (if trust ≥ 2), which takes every run it would take: put the narrower route first',
    );
  });

  it("says when no run meets the route's condition", () => {
    const messages = lint((d) => {
      const night = d.steps.find((s: { id: string }) => s.id === 'night');
      night.decision.routes = [
        { when: { variable: 'harm', atLeast: 9 }, next: 'end-mixed' },
        { next: 'wrap-up' },
      ];
    });
    expect(messages).toContainEqual(
      'ending "end-mixed" is never reached in play: no run that reaches step "night" decision routes[0] meets its condition (if harm ≥ 9)',
    );
  });

  it('writes conditions in words', () => {
    expect(describeWhen([{ variable: 'harm', atLeast: 3, atMost: 5 }, { notChose: 'rally' }])).toBe(
      '3 ≤ harm ≤ 5 and did not choose rally',
    );
  });
});
