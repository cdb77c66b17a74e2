import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { createStatementBuilder, type LaunchData, parseLaunchData } from '../../src/lms/cmi5-statements.ts';
import { CMI5, POCSIM_EXTENSIONS } from '../../src/lms/xapi-vocabulary.ts';

const validate: (s: unknown) => unknown[] = (validation as any).default ?? validation;

const template = {
  contextActivities: {
    grouping: [{ objectType: 'Activity' as const, id: 'https://pocsim.org/xapi/scenarios/x' }],
  },
  extensions: { [CMI5.sessionId]: 'lms-session-9', 'https://lms.example.test/ext/tenant': 'north' },
};

function builder(launch: Partial<LaunchData> = {}, clockAt = [1_000, 1_000, 1_000, 5_000]) {
  let ids = 0;
  const times = [...clockAt];
  return createStatementBuilder(
    {
      actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.test', name: 'u7' } },
      registration: '0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d6e',
      activityId: 'https://lms.example.test/activities/au-3',
      launchData: { contextTemplate: template, launchMode: 'Normal', masteryScore: 0.7, ...launch },
      scenario: { id: 'x', version: '1.2.0' },
    },
    {
      now: () => times.shift() ?? 9_000,
      newId: () => `0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d${String(ids++).padStart(2, '0')}`,
    },
  );
}

describe('cmi5 statements', () => {
  it('keep the context template intact and give each statement a later timestamp, even within a millisecond', () => {
    const b = builder();
    const list = [b.initialized(), b.completed(12), b.terminated(30)];
    expect(list.map((s) => s.timestamp)).toEqual([
      '1970-01-01T00:00:01.000Z',
      '1970-01-01T00:00:01.001Z',
      '1970-01-01T00:00:01.002Z',
    ]);
    for (const s of list) {
      expect(s.context.extensions).toMatchObject(template.extensions);
      expect(s.context.contextActivities?.grouping).toEqual(template.contextActivities.grouping);
      expect(s.context.registration).toBe('0b6b1f0e-6a55-4b5e-8d7c-1f2a3b4c5d6e');
      expect(s.object.id).toBe('https://lms.example.test/activities/au-3');
      expect(validate(s)).toEqual([]);
    }
    expect(list[1]!.result).toEqual({ completion: true, duration: 'PT12S' });
    expect(list[1]!.context.contextActivities?.category?.map((c) => c.id)).toEqual([
      CMI5.categoryCmi5,
      CMI5.categoryMoveOn,
    ]);
    expect(list[2]!.context.contextActivities?.category?.map((c) => c.id)).toEqual([CMI5.categoryCmi5]);
  });

  it('put the score on passed, and on failed only when it is below the mastery score', () => {
    const b = builder();
    const judged = (passed: boolean, overall: number) =>
      b.judged({
        passed,
        overall,
        duration: 65.5,
        ending: 'end-x',
        failedBecause: passed ? [] : ['civilians-harmed'],
      });
    const passed = judged(true, 85);
    expect(passed.result).toMatchObject({
      success: true,
      duration: 'PT1M5.5S',
      score: { scaled: 0.85, raw: 85, min: 0, max: 100 },
    });
    expect(passed.context.extensions?.[CMI5.masteryScore]).toBe(0.7);
    // a run that ended with civilians harmed fails whatever its score; cmi5 then forbids the score
    const harmed = judged(false, 85);
    expect(harmed.result).not.toHaveProperty('score');
    expect(harmed.result?.extensions).toMatchObject({
      [POCSIM_EXTENSIONS.overall]: 85,
      [POCSIM_EXTENSIONS.failedBecause]: ['civilians-harmed'],
    });
    expect(judged(false, 40).result).toMatchObject({ success: false, score: { scaled: 0.4 } });
    expect(() => judged(true, 69)).toThrow(/below the mastery score/);
    for (const s of [passed, harmed]) expect(validate(s)).toEqual([]);
  });

  it('read LMS.LaunchData, refusing one that lacks what cmi5 requires', () => {
    expect(
      parseLaunchData({
        contextTemplate: template,
        launchMode: 'Review',
        returnUrl: 'https://lms/x',
        masteryScore: 0.8,
      }),
    ).toEqual({
      contextTemplate: template,
      launchMode: 'Review',
      masteryScore: 0.8,
      returnURL: 'https://lms/x',
    });
    expect(parseLaunchData({ launchMode: 'Normal' })).toEqual({
      problem: 'LMS.LaunchData has no contextTemplate',
    });
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'Normal' })).toEqual({
      problem: 'LMS.LaunchData contextTemplate carries no session id',
    });
    expect(parseLaunchData({ contextTemplate: template, launchMode: 'Play' })).toEqual({
      problem: 'LMS.LaunchData has an unknown launchMode "Play"',
    });
  });
});
