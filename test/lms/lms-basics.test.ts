import { describe, expect, it } from 'vitest';
import type { RunScore } from '../../src/engine/score/score-run.ts';
import { findScorm12Api, readCmi5Launch, type Scorm12Api } from '../../src/lms/detect-lms.ts';
import { isoDuration, scormTimespan } from '../../src/lms/durations.ts';
import { uiLanguageOf } from '../../src/lms/lms-connection.ts';
import { judgeRun } from '../../src/lms/lms-verdict.ts';

const score = (over: Partial<RunScore>): RunScore => ({
  overall: 80,
  byTier: { I: null, II: null, III: null },
  byPhase: { prevention: null, 'pre-emption': null, response: null, consolidation: null },
  criticalBreach: false,
  capped: false,
  mastery: 70,
  harmedEnding: false,
  majorBreaches: 0,
  tooManyMajors: false,
  passed: true,
  ...over,
});

describe('durations', () => {
  it('write SCORM 1.2 timespans as HHHH:MM:SS.SS', () => {
    expect(scormTimespan(0)).toBe('0000:00:00.00');
    expect(scormTimespan(3_723_450)).toBe('0001:02:03.45');
    expect(scormTimespan(1e15)).toBe('9999:59:59.99');
    expect(scormTimespan(Number.NaN)).toBe('0000:00:00.00');
  });
  it('write ISO 8601 durations for xAPI', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(12)).toBe('PT12S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(3725.256)).toBe('PT1H2M5.26S');
  });
});

describe('the LMS verdict', () => {
  it('uses the LMS mastery score over the scenario one, compared as the LMS compares it', () => {
    expect(judgeRun(score({ overall: 70 }), 0.7).passed).toBe(true);
    expect(judgeRun(score({ overall: 57 }), 0.57).passed).toBe(true);
    expect(judgeRun(score({ overall: 75 }), 0.8)).toMatchObject({
      passed: false,
      failedBecause: ['below-mastery'],
    });
    expect(judgeRun(score({ overall: 65 })).failedBecause).toEqual(['below-mastery']);
  });
  it('keeps the doctrine gates whatever the mastery score', () => {
    expect(judgeRun(score({ overall: 40, criticalBreach: true }), 0.3).failedBecause).toEqual([
      'critical-dont-broken',
    ]);
    expect(judgeRun(score({ overall: 95, harmedEnding: true }), 0.5).failedBecause).toEqual([
      'civilians-harmed',
    ]);
    expect(
      judgeRun(score({ overall: 90, majorBreaches: 2, tooManyMajors: true }), 0.5).failedBecause,
    ).toEqual(['major-breaches']);
  });
});

describe('finding the LMS launch', () => {
  it('reads cmi5 launch parameters, and says what is wrong with a broken launch', () => {
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms', name: '1' } };
    const q = new URLSearchParams({
      scenario: '15-1-base-gate',
      endpoint: 'https://lms/xapi/',
      fetch: 'https://lms/token?k=1',
      actor: JSON.stringify(actor),
      registration: 'r-1',
      activityId: 'https://lms/au/1',
    });
    expect(readCmi5Launch(`?${q}`)).toEqual({
      endpoint: 'https://lms/xapi/',
      fetch: 'https://lms/token?k=1',
      actor,
      registration: 'r-1',
      activityId: 'https://lms/au/1',
    });
    expect(readCmi5Launch('?scenario=15-1-base-gate')).toBeNull();
    q.delete('registration');
    expect(readCmi5Launch(`?${q}`)).toEqual({ problem: 'the launch address lacks registration' });
    q.set('registration', 'r');
    q.set('actor', '{not json');
    expect(readCmi5Launch(`?${q}`)).toEqual({
      problem: 'the launch address carries an actor that is not JSON',
    });
  });

  it('finds a SCORM API in a parent or the opener, and stops at a window it may not read', () => {
    const api = { LMSInitialize: () => 'true' } as unknown as Scorm12Api;
    const top: any = { API: api };
    top.parent = top;
    const middle: any = { parent: top };
    const frame: any = { parent: middle };
    expect(findScorm12Api(frame)).toBe(api);
    const popup: any = { parent: null, opener: frame };
    popup.parent = popup;
    expect(findScorm12Api(popup)).toBe(api);
    const foreign: any = {};
    Object.defineProperty(foreign, 'API', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    foreign.parent = foreign;
    expect(findScorm12Api({ parent: foreign } as any)).toBeNull();
  });

  it('picks the UI language from LMS language tags', () => {
    expect(uiLanguageOf(['fr-FR', 'en-US'])).toBe('fr');
    expect(uiLanguageOf(['de', 'en_GB'])).toBe('en');
    expect(uiLanguageOf(['', 'es'])).toBeUndefined();
  });
});
