import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkArchetypes, loadArchetypes } from '../../../src/engine/analysis/archetypes.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { miniBundle } from '../factories.ts';

const scenario = miniBundle().scenario;
const reason = { en: 'Handbook §15.1: reason.', fr: 'Manuel §15.1 : raison.' };

/** An archetypes file for the mini fixture, as YAML text. */
function archetypesYaml(items: Record<string, unknown>[]): string {
  return stringify({ archetypes: items });
}

function load(text: string) {
  return loadArchetypes({ path: 'archetypes.yaml', text });
}

describe('archetypes file', () => {
  it('reads the contract’s format', () => {
    const a = load(
      archetypesYaml([
        { id: 'faithful', kind: 'faithful', choose: 'open,night-patrol+cla', verdict: 'pass', reason },
      ]),
    );
    expect(a.diagnostics).toEqual([]);
    expect(a.archetypes).toEqual([
      { id: 'faithful', kind: 'faithful', choose: 'open,night-patrol+cla', verdict: 'pass', reason },
    ]);
  });

  it('places shape problems and repeated ids at file:line:col', () => {
    const text = archetypesYaml([
      { id: 'faithful', kind: 'faithful', choose: 'open', verdict: 'maybe', reason },
      { id: 'x', kind: 'passive', choose: 'open', verdict: 'fail', reason: { en: 'Only English.' } },
    ]);
    const a = load(text);
    expect(a.archetypes).toBeUndefined();
    const lines = text.split('\n');
    const verdict = a.diagnostics.find((d) => d.field === 'archetypes[0].verdict')!;
    expect(verdict.message).toContain('expected one of pass, fail; found "maybe"');
    expect(lines[verdict.line - 1]!.slice(verdict.col - 1)).toBe('maybe');
    expect(a.diagnostics.map((d) => d.field)).toContain('archetypes[1].reason.fr');

    const twiceText = archetypesYaml([
      { id: 'a', kind: 'faithful', choose: 'open', verdict: 'pass', reason },
      { id: 'a', kind: 'passive', choose: '-', verdict: 'fail', reason },
    ]);
    const [dup, ...more] = load(twiceText).diagnostics;
    expect(more).toEqual([]);
    expect(`${dup!.field}: ${dup!.message}`).toBe('archetypes[1].id: archetype id "a" is used twice');
    // the second "a", not the first
    expect(twiceText.split('\n').findIndex((l) => l.includes('id: a'))).toBeLessThan(dup!.line - 1);
    expect(twiceText.split('\n')[dup!.line - 1]).toMatch(/id: a$/);
  });
});

describe('checking archetypes against the engine', () => {
  const check = (items: Record<string, unknown>[]) => {
    const text = archetypesYaml(items);
    const loaded = load(text);
    const results = checkArchetypes(scenario, loaded.archetypes!, CATALOGUE);
    return { text, loaded, results };
  };

  it('agrees where the engine gives the adviser’s verdict', () => {
    const { results } = check([
      { id: 'faithful', kind: 'faithful', choose: 'open,night-patrol+cla', verdict: 'pass', reason },
      { id: 'reckless', kind: 'reckless', choose: 'push-back', verdict: 'fail', reason },
    ]);
    expect(results.map((r) => [r.id, r.actual, r.problems])).toEqual([
      ['faithful', 'pass', []],
      ['reckless', 'fail', []],
    ]);
    expect(results[1]!.score).toMatchObject({ criticalBreach: true, passed: false });
  });

  it('reports a verdict the engine does not share, at the verdict field', () => {
    // a planted disagreement: the adviser would fail this run, the engine passes it
    const { text, loaded, results } = check([
      { id: 'soft', kind: 'promising', choose: 'open,night-patrol+cla', verdict: 'fail', reason },
    ]);
    const [p] = results[0]!.problems;
    expect(p!.message).toBe(
      'archetype "soft" (promising) passes in the engine (overall 100 against mastery 70, no critical breach, 0 major, ending end-good) but a POC adviser says fail: retag the options it takes or revisit the verdict',
    );
    const d = loaded.place(p!);
    expect(d.field).toBe('archetypes[0].verdict');
    expect(text.split('\n')[d.line - 1]!.slice(d.col - 1)).toBe('fail');
  });

  it.each([
    ['stops before a decision', 'open', 'the choices end before the decision at step "night"'],
    ['names an unknown option', 'open,night-patrol+dance', 'no option "dance"'],
    ['goes on past the ending', 'push-back,open', 'the run ended with choices left over: open'],
    ['lets an untimed decision run out', 'open,-', 'step "night" has no time limit'],
  ])('reports a choose string that %s, at the choose field', (_, choose, message) => {
    const { results, loaded } = check([{ id: 'x', kind: 'passive', choose, verdict: 'fail', reason }]);
    expect(results[0]!.actual).toBeNull();
    expect(results[0]!.problems).toHaveLength(1);
    expect(results[0]!.problems[0]!.message).toContain(message);
    expect(loaded.place(results[0]!.problems[0]!).field).toBe('archetypes[0].choose');
  });
});
