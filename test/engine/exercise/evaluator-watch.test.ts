import { describe, expect, it } from 'vitest';
import { watchedActions } from '../../../src/engine/exercise/evaluator-watch.ts';
import { exerciseScenario } from './exercise-factories.ts';

const ids = (got: { action: { id: string } }[]) => got.map((g) => g.action.id);

describe('the actions an evaluator watches for a point', () => {
  const scenario = exerciseScenario();
  const point = (id: string) => scenario.exercise!.evaluation.find((p) => p.id === id)!;

  it('lists exactly the watched actions, in MSEL time order, whatever the roles and objective say', () => {
    // written out of order and across roles the point does not name (act-brief is the POC Adviser's,
    // act-statement serves tier I, not the objective's tier II)
    const got = watchedActions(scenario, { ...point('ep-response'), watch: ['act-statement', 'act-brief'] });
    expect(ids(got)).toEqual(['act-brief', 'act-statement']);
    expect(got.map((g) => g.at)).toEqual([20 * 60, 60 * 60]);
  });

  it('lists nothing for an empty watch list rather than guessing', () => {
    expect(watchedActions(scenario, { ...point('ep-warning'), watch: [] })).toEqual([]);
  });

  it("infers from the point's roles and the objective's tiers and phases when there is no watch list", () => {
    expect(point('ep-warning').watch).toBeUndefined();
    // posture and the brief serve pre-emption; the QRF is a response action
    expect(ids(watchedActions(scenario, point('ep-warning')))).toEqual(['act-posture', 'act-brief']);
  });

  it('falls back to every action of the roles when none serves the objective', () => {
    const x = scenario.exercise!;
    const odd = {
      ...scenario,
      exercise: {
        ...x,
        objectives: [{ ...x.objectives[0]!, id: 'obj-odd', tiers: ['III' as const], phases: [] }],
      },
    };
    expect(ids(watchedActions(odd, { objective: 'obj-odd', roles: ['hom'] }))).toEqual(['act-statement']);
  });
});
