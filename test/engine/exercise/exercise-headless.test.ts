import { describe, expect, it } from 'vitest';
import { playExerciseHeadless } from '../../../src/engine/exercise/exercise-headless.ts';
import { foldExercise } from '../../../src/engine/exercise/exercise-log.ts';
import { miniBundle } from '../factories.ts';
import { exerciseScenario, hm } from './exercise-factories.ts';

const scenario = exerciseScenario();

describe('playing an exercise headless', () => {
  it('releases every scheduled inject on time and takes every expected action on time by its role', () => {
    const s = playExerciseHeadless(scenario).state();
    expect(s.status).toBe('ended');
    expect(s.released.map((r) => [r.inject, r.at, r.how])).toEqual([
      ['ev-warning', hm(0, 10), 'scheduled'],
      ['ev-intel', hm(0, 20), 'scheduled'],
      ['ev-attack', hm(1, 0), 'scheduled'],
    ]);
    expect(s.actions.map((a) => [a.action, a.role, a.onTime])).toEqual([
      ['act-posture', 'fc', true],
      ['act-brief', 'poc-adviser', true],
      ['act-qrf', 'fc', true],
      ['act-statement', 'hom', true],
    ]);
    expect(s.missed).toEqual([]);
    expect(s.decisions.map((d) => [d.role, d.step, d.options])).toEqual([
      ['fc', 'posture', ['raise-posture']],
      ['fc', 'attack', ['interpose']],
    ]);
  });

  it('with miss, lets every expected action fall due, so each contingency fires at its due time', () => {
    const x = playExerciseHeadless(scenario, { miss: true });
    const s = x.state();
    expect(s.actions).toEqual([]);
    expect(s.missed.map((m) => [m.action, m.due])).toEqual([
      ['act-brief', hm(0, 35)],
      ['act-posture', hm(0, 40)],
      ['act-qrf', hm(1, 30)],
      ['act-statement', hm(2, 0)],
    ]);
    expect(s.released.find((r) => r.how === 'contingency')).toMatchObject({
      inject: 'ev-no-posture',
      at: hm(0, 40),
    });
    expect(s.time).toBe(hm(2, 0));
    expect(foldExercise(scenario, x.log)).toEqual(s);
  });

  it('refuses a scenario without an exercise section', () => {
    expect(() => playExerciseHeadless(miniBundle().scenario)).toThrow(/no exercise section/);
  });
});
