import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { joinChoices } from '../../../src/engine/exercise/after-action.ts';
import {
  facilitatedMinutes,
  moduleAt,
  mselSpan,
  realMinutesAt,
} from '../../../src/engine/exercise/exercise-timing.ts';
import { exerciseScenario, hm } from './exercise-factories.ts';

const scenario = exerciseScenario();
const bundled = (id: string) =>
  loadScenarioFolder(join(import.meta.dirname, '..', '..', '..', 'scenarios', id)).bundle!.scenario;

describe('the time a facilitated session takes', () => {
  it('spans the MSEL to the last scheduled inject’s last due time, and says how long that runs at each speed', () => {
    expect(mselSpan(scenario)).toBe(hm(2, 0));
    expect([1, 2, 4, 10, 60].map((speed) => realMinutesAt(scenario, speed))).toEqual([120, 60, 30, 12, 2]);
  });

  it('plans the session from the modules’ budgets when every module has one, else from the span at x60', () => {
    expect(facilitatedMinutes(scenario)).toBe(2);
    const ttx = bundled('ttx-leadership-tessako');
    expect(facilitatedMinutes(ttx)).toBe(ttx.exercise!.modules.reduce((s, m) => s + m.minutes!, 0));
    expect(facilitatedMinutes(ttx)).not.toBe(ttx.minutes);
  });

  it('puts the clock in the module of the latest scheduled inject due, not of the latest one projected', () => {
    expect(moduleAt(scenario, 0)).toBe('m1-warning');
    expect(moduleAt(scenario, hm(1, 0))).toBe('m2-response');
    // why: on Day 9 of the CPX the latest projected inject is still from week 1; the room is in week 2.
    const cpx = bundled('cpx-cpoc-sela');
    expect(moduleAt(cpx, hm(8 * 24 + 9, 30))).toBe('m2-warning');
  });
});

describe('a decision of several options in the report', () => {
  it('reads without ".;" between options', () => {
    expect(joinChoices(['Hear their fears.', 'UNPOL leads inside.'])).toBe(
      'Hear their fears; UNPOL leads inside.',
    );
    expect(joinChoices(['Order the camp closed.'])).toBe('Order the camp closed.');
  });
});
