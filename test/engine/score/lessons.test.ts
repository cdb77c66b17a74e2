import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { buildLessons, compareSections, sectionsOf } from '../../../src/engine/score/lessons.ts';
import { loadText, miniBundle, miniWith } from '../factories.ts';

const scenario = miniBundle().scenario;
const choose = (...ids: string[]): RunEvent => ({ type: 'decision.chosen', optionIds: ids });
const lessonsOf = (log: RunEvent[], s = scenario) => buildLessons(s, buildDebrief(s, log), CATALOGUE);
const keys = (ls: { key: string }[]) => ls.map((l) => l.key);

describe('lessons of a run', () => {
  it('praises doctrine held where a critical Don’t was on offer, a protected ending and timely answers', () => {
    const l = lessonsOf([choose('open'), choose('night-patrol', 'cla'), { type: 'step.continued' }]);
    expect(l.strengths[0]).toEqual({
      key: 'heldUnderPressure',
      params: {
        step: 'arrival',
        severity: 'critical',
        options: ['open'],
        doctrine: ['15.1-do-3', '15.1-do-4'],
        sections: ['15.1'],
      },
    });
    expect(keys(l.strengths)).toEqual(
      expect.arrayContaining(['protectedEnding', 'strongTier', 'strongPhase', 'bestChoices', 'timely']),
    );
    expect(l.improvements).toEqual([]);
    expect(l.nextTime).toEqual([]);
  });

  it('puts a critical Don’t first among the improvements, and says what to choose instead with its sections', () => {
    const l = lessonsOf([choose('push-back')]);
    expect(l.improvements[0]).toEqual({
      key: 'criticalBroken',
      params: {
        step: 'arrival',
        options: ['push-back'],
        severity: 'critical',
        count: 1,
        doctrine: ['15.1-dont-1'],
        sections: ['15.1'],
      },
    });
    expect(keys(l.improvements)).toContain('harmedEnding');
    expect(l.nextTime).toEqual([
      {
        key: 'chooseBetter',
        params: {
          step: 'arrival',
          options: ['open'],
          doctrine: ['15.1-do-3', '15.1-do-4'],
          sections: ['15.1'],
        },
      },
    ]);
    // a fast answer that broke a critical Don't is not praised for its speed
    expect(keys(l.strengths)).not.toContain('timely');
  });

  it('names a decision left to run out of time, and asks to decide within the limit next time', () => {
    const l = lessonsOf([{ type: 'clock.ticked', seconds: 60 }, choose('night-patrol', 'cla')]);
    expect(l.improvements).toContainEqual({ key: 'timedOut', params: { count: 1 } });
    expect(l.nextTime[0]).toMatchObject({
      key: 'decideInTime',
      params: { step: 'arrival', limit: 60, options: ['open'], sections: ['15.1'] },
    });
  });

  it('names a late answer, a major Don’t and the weak phase, and lists the costliest miss first', () => {
    const l = lessonsOf([{ type: 'clock.ticked', seconds: 50 }, choose('open'), choose('cla', 'rally')]);
    expect(keys(l.improvements)).toEqual(['dontBroken', 'late', 'weakPhase']);
    expect(l.improvements[0]!.params).toMatchObject({ severity: 'major', doctrine: ['15.1-dont-2'] });
    expect(l.improvements).toContainEqual({ key: 'weakPhase', params: { phase: 'response', score: 25 } });
    // the night's miss lay in Tier II (patrols missed, a Tier II Don't broken): the tiers of the
    // options passed over (I, III) are not named weak
    expect(l.improvements.filter((x) => x.key === 'weakTier')).toEqual([]);
    expect(keys(l.nextTime)).toEqual(['chooseBetter']);
    expect(l.nextTime[0]!.params.options).toEqual(['night-patrol', 'cla']);
  });

  it('when the better choice follows nothing, says to keep clear of the Don’t that was broken', () => {
    const s = loadText(
      miniWith((d) => {
        // the gate's good option now only avoids harm: it follows no Do
        d.steps[0].decision.options[0].follows = [];
      }),
    ).bundle!.scenario;
    const l = lessonsOf([choose('push-back')], s);
    expect(l.nextTime).toEqual([
      {
        key: 'avoidDont',
        params: { step: 'arrival', options: ['open'], doctrine: ['15.1-dont-1'], sections: ['15.1'] },
      },
    ]);
  });

  it('lists a choice that broke a critical and a major Don’t once among the improvements, not twice', () => {
    const s = loadText(
      miniWith((d) => {
        const push = d.steps[0].decision.options.find((o: { id: string }) => o.id === 'push-back');
        push.breaks = ['15.1-dont-2', '15.1-dont-1'];
      }),
    ).bundle!.scenario;
    const l = lessonsOf([choose('push-back')], s);
    const broken = l.improvements.filter((x) => x.key === 'criticalBroken' || x.key === 'dontBroken');
    expect(broken).toEqual([
      {
        key: 'criticalBroken',
        params: {
          step: 'arrival',
          options: ['push-back'],
          severity: 'critical',
          count: 2,
          doctrine: ['15.1-dont-1', '15.1-dont-2'],
          sections: ['15.1'],
        },
      },
    ]);
  });

  it('cites handbook sections once each, in handbook order', () => {
    expect(sectionsOf(['15.4-do-5', '15.1-do-2', '15.1-do-3', 'no-such-id'], CATALOGUE)).toEqual([
      '15.1',
      '15.4',
    ]);
    expect(['15.10', '15.2', '15.1'].sort(compareSections)).toEqual(['15.1', '15.2', '15.10']);
  });
});
