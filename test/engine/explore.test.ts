import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/engine/run/explore.ts';
import { hasStepCycle } from '../../src/engine/scenario/scenario-graph.ts';
import { loadText, miniBundle, miniWithTrap } from './factories.ts';

describe('exhaustive play', () => {
  it('reaches every ending of the fixture and finds no dead end', () => {
    const e = exploreScenario(miniBundle().scenario);
    expect([...e.endings.keys()].sort()).toEqual(['end-bad', 'end-good', 'end-mixed']);
    expect(e.deadEnds).toEqual([]);
    expect(e.coverage).toBe('complete');
  });

  it('finds a loop that guards never let out of', () => {
    const text = miniWithTrap();
    const r = loadText(text);
    expect(r.diagnostics).toEqual([]);
    const e = exploreScenario(r.bundle!.scenario);
    expect(e.deadEnds.map((d) => d.step)).toContain('trap');
    expect(e.endings.has('end-good')).toBe(false);
    expect(hasStepCycle(r.bundle!.scenario)).toBe(true);
  });

  it('can stop once every step and ending has a witness', () => {
    const e = exploreScenario(miniBundle().scenario, { witnessesOnly: true });
    expect(e.coverage).toBe('witnesses');
    expect(e.endings.size).toBe(3);
    expect(hasStepCycle(miniBundle().scenario)).toBe(false);
  });
});
