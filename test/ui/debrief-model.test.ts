import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { buildTierPhaseMatrix } from '../../src/ui/debrief-model.ts';
import { miniBundle } from './fixtures.ts';

const scenario = () => miniBundle().scenario;

describe('buildTierPhaseMatrix', () => {
  it('counts each chosen option in its own tiers, so a multi choice does not blur tiers', () => {
    const debrief = buildDebrief(scenario(), [
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['cla', 'rally'] },
    ]);
    const m = buildTierPhaseMatrix(scenario(), debrief.decisions);
    expect(m.II['pre-emption']).toEqual({ followed: 2, broken: 0 });
    expect(m.I.response).toEqual({ followed: 1, broken: 0 });
    expect(m.III.response).toEqual({ followed: 0, broken: 1 });
    expect(m.II.response).toEqual({ followed: 0, broken: 0 });
    expect(m.I.prevention).toEqual({ followed: 0, broken: 0 });
  });

  it('counts a decision that timed out in every tier its options touched', () => {
    const debrief = buildDebrief(scenario(), [{ type: 'clock.ticked', seconds: 60 }]);
    expect(debrief.decisions[0]!.timedOut).toBe(true);
    const m = buildTierPhaseMatrix(scenario(), debrief.decisions);
    // The mini fixture's no-decision branch names no doctrine: nothing is counted, nothing breaks.
    expect(m.II['pre-emption']).toEqual({ followed: 0, broken: 0 });
  });

  it('counts a broken critical Don’t where its option sits', () => {
    const debrief = buildDebrief(scenario(), [{ type: 'decision.chosen', optionIds: ['push-back'] }]);
    const m = buildTierPhaseMatrix(scenario(), debrief.decisions);
    expect(m.II['pre-emption']).toEqual({ followed: 0, broken: 1 });
  });
});
