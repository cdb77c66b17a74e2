import { describe, expect, it } from 'vitest';
import { applyMapChanges, createInitialContext } from '../../../src/engine/run/run-state.ts';
import { buildSituation, situationChanges } from '../../../src/engine/run/situation.ts';
import { miniBundle } from '../factories.ts';

describe('the situation model', () => {
  const scenario = miniBundle().scenario;
  const start = createInitialContext(scenario).map;

  it('lists who is where, place by place, from the map state', () => {
    const places = buildSituation(scenario, start);
    expect(places.map((p) => p.location)).toEqual(['base', 'gate', 'village']);
    expect(places.find((p) => p.location === 'village')!.actors.map((a) => a.id)).toEqual(['crowd']);
    expect(places.find((p) => p.location === 'base')!.units).toEqual([{ id: 'coy' }]);
  });

  it('says what changed between two steps: place states, moves, sizes and moods, units', () => {
    const after = applyMapChanges(start, [
      { location: 'gate', state: 'tense' },
      { actor: 'crowd', to: 'gate', size: 300, mood: 'panicked' },
      { unit: 'coy', to: 'gate' },
    ]);
    expect(situationChanges(scenario, start, after)).toEqual([
      { kind: 'state', location: 'gate', state: 'tense' },
      { kind: 'moved', actor: 'crowd', from: 'village', to: 'gate' },
      { kind: 'grew', actor: 'crowd', at: 'gate', size: 300 },
      { kind: 'mood', actor: 'crowd', at: 'gate', mood: 'panicked' },
      { kind: 'unitMoved', unit: 'coy', from: 'base', to: 'gate' },
    ]);
    expect(situationChanges(scenario, after, after)).toEqual([]);
    const hidden = applyMapChanges(after, [{ actor: 'crowd', visible: false }]);
    expect(situationChanges(scenario, after, hidden)).toEqual([{ kind: 'gone', actor: 'crowd', at: 'gate' }]);
    expect(buildSituation(scenario, hidden).flatMap((p) => p.actors)).toEqual([]);
  });
});
