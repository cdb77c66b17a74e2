import { describe, expect, it } from 'vitest';
import { placeRun } from '../../src/engine/results/run-standing.ts';
import { replays, standingOf } from '../../src/storage/resume-standing.ts';
import { miniBundle } from '../engine/factories.ts';
import { fakeSavedRun } from './factories.ts';

const scenario = miniBundle().scenario;
const renamed = {
  ...scenario,
  version: '2.0.0',
  steps: scenario.steps.map((s) =>
    s.decision
      ? {
          ...s,
          decision: { ...s.decision, options: s.decision.options.map((o) => ({ ...o, id: `${o.id}-v2` })) },
        }
      : s,
  ),
};

describe('where a saved run stands', () => {
  const decided = [
    { type: 'clock.ticked' as const, seconds: 20 },
    { type: 'decision.chosen' as const, optionIds: ['open'] },
  ];

  it.each([
    ['current', scenario, fakeSavedRun({ log: decided })],
    ['migrated', { ...scenario, version: '1.1.0' }, fakeSavedRun({ log: decided })],
    ['other-version', renamed, fakeSavedRun({ log: decided })],
    ['does-not-replay', scenario, fakeSavedRun({ log: [{ type: 'decision.chosen', optionIds: ['nope'] }] })],
    ['unknown-scenario', undefined, fakeSavedRun()],
  ] as const)('agrees with placeRun on a %s run', (kind, against, saved) => {
    const standing = standingOf(saved, against);
    expect(standing.kind).toBe(kind);
    expect(placeRun(saved.run, against ? [against] : []).kind).toBe(kind);
  });

  it('gives the step and clock a resumed run opens at', () => {
    const standing = standingOf(fakeSavedRun({ log: decided }), scenario);
    expect(replays(standing)).toBe(true);
    expect(standing).toMatchObject({ kind: 'current', step: 'night', ending: null });
    const before = standingOf(fakeSavedRun({ log: [{ type: 'clock.ticked', seconds: 20 }] }), scenario);
    expect(before).toMatchObject({ step: 'arrival', time: 20 });
  });
});
