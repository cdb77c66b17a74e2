import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { CRITICAL_CAP, timelinessOf } from '../../src/engine/score/score-run.ts';
import { loadText, miniBundle, miniWith } from './factories.ts';

const scenario = miniBundle().scenario;
const choose = (...ids: string[]): RunEvent => ({ type: 'decision.chosen', optionIds: ids });

describe('scoring a run', () => {
  it('gives full marks to a doctrine-faithful run and passes it', () => {
    const d = buildDebrief(scenario, [
      choose('open'),
      choose('night-patrol', 'cla'),
      { type: 'step.continued' },
    ]);
    expect(d.ending).toEqual({ id: 'end-good', outcome: 'protected' });
    expect(d.score).toMatchObject({ overall: 100, passed: true, criticalBreach: false, capped: false });
    expect(d.score.byTier).toEqual({ I: 100, II: 100, III: null });
    expect(d.violations).toEqual([]);
  });

  it('counts a miss in the tiers of the doctrine at stake, not in every tier of the best answer', () => {
    // at night CLAs + rally misses night patrols (15.1-do-12, Tier II) and breaks 15.1-dont-2 (Tier
    // II): the miss is a Tier II one, though the options are tagged I and III
    const d = buildDebrief(scenario, [choose('open'), choose('cla', 'rally')]);
    expect(d.decisions[1]!.counts).toEqual({ tiers: ['II'], phases: ['response'] });
    expect(d.score.byTier).toEqual({ I: null, II: 63, III: null });
  });

  it('does not pass a run with two major breaches, whatever its score; one major alone can pass', () => {
    const text = miniWith((s) => {
      s.masteryScore = 10;
      // opening the gate now also breaks a major Don't (15.1-dont-4)
      s.steps[0].decision.options[0].breaks = ['15.1-dont-4'];
    });
    const lenient = loadText(text).bundle!.scenario;
    const two = buildDebrief(lenient, [choose('open'), choose('night-patrol', 'rally')]);
    expect(two.score).toMatchObject({
      majorBreaches: 2,
      tooManyMajors: true,
      criticalBreach: false,
      passed: false,
    });
    expect(two.score.overall).toBeGreaterThan(10);
    const one = buildDebrief(lenient, [
      choose('open'),
      choose('night-patrol', 'cla'),
      { type: 'step.continued' },
    ]);
    expect(one.score).toMatchObject({ majorBreaches: 1, tooManyMajors: false, passed: true });
  });

  it('does not pass a run that ends with civilians harmed, whatever its score', () => {
    const text = miniWith((s) => {
      // the good path now ends in harm: a scenario where doctrine alone was not enough
      s.endings[0].outcome = 'harmed';
    });
    const d = buildDebrief(loadText(text).bundle!.scenario, [
      choose('open'),
      choose('night-patrol', 'cla'),
      { type: 'step.continued' },
    ]);
    expect(d.score.overall).toBe(100);
    expect(d.score.harmedEnding).toBe(true);
    expect(d.score.passed).toBe(false);
  });

  it('leaves untouched tiers and phases null', () => {
    const d = buildDebrief(scenario, [choose('push-back')]);
    expect(d.score.byTier).toEqual({ I: null, II: 0, III: null });
    expect(d.score.byPhase).toEqual({
      prevention: null,
      'pre-emption': 0,
      response: null,
      consolidation: null,
    });
  });

  it("flags a critical Don't, lists it with severity and step, and fails the run", () => {
    const d = buildDebrief(scenario, [choose('push-back')]);
    expect(d.violations).toEqual([
      { doctrine: '15.1-dont-1', severity: 'critical', duty: false, step: 'arrival', option: 'push-back' },
    ]);
    expect(d.score.criticalBreach).toBe(true);
    expect(d.score.passed).toBe(false);
    expect(d.decisions[0]?.better).toEqual(['open']);
  });

  it("caps the overall score after a critical Don't even when the rest was good", () => {
    // A scenario where the critical breach is followed by good decisions.
    const text = miniWith((s) => {
      s.steps[0].decision.options[1].next = 'night';
    });
    const critical = loadText(text).bundle!.scenario;
    const d = buildDebrief(critical, [choose('push-back'), choose('night-patrol', 'cla')]);
    const uncapped = Math.round(((0 + 1) / 2) * 100);
    expect(uncapped).toBeGreaterThan(CRITICAL_CAP);
    expect(d.score.overall).toBe(CRITICAL_CAP);
    expect(d.score.capped).toBe(true);
  });

  it('scores a partial multi-choice between worst and best', () => {
    const d = buildDebrief(scenario, [choose('open'), choose('cla', 'rally')]);
    const night = d.decisions[1]!;
    // values: patrol +1, cla +1, rally -2 (major); best +2, worst -2 (rally + either), chosen -1
    expect(night.score).toBe(25);
    expect(night.broken).toEqual([{ doctrine: '15.1-dont-2', severity: 'major', duty: false }]);
    expect(night.better?.sort()).toEqual(['cla', 'night-patrol']);
  });

  it('counts a Do once when two picked options both apply it', () => {
    const text = miniWith((s) => {
      s.steps[1].decision.options[1].follows = ['15.1-do-5', '15.1-do-12'];
    });
    const d = buildDebrief(loadText(text).bundle!.scenario, [choose('open'), choose('night-patrol', 'cla')]);
    const night = d.decisions[1]!;
    expect(night.followed).toEqual(['15.1-do-12', '15.1-do-5']);
    // patrol + CLAs is worth the same as CLAs alone (+2): both are a best answer
    expect(night.score).toBe(100);
  });

  it('counts timeliness on a timed decision', () => {
    expect(timelinessOf(10, 60)).toBe(1);
    expect(timelinessOf(30, 60)).toBe(1);
    expect(timelinessOf(60, 60)).toBeCloseTo(0.7);
    expect(timelinessOf(500, undefined)).toBe(1);
    const late = buildDebrief(scenario, [{ type: 'clock.ticked', seconds: 45 }, choose('open')]);
    expect(late.decisions[0]).toMatchObject({ elapsed: 45, timeLimit: 60, score: 85 });
  });

  it('scores a time-out as the no-decision branch', () => {
    const d = buildDebrief(scenario, [{ type: 'clock.ticked', seconds: 60 }]);
    expect(d.decisions[0]).toMatchObject({ options: [], timedOut: true, elapsed: 60 });
    // no-decision breaks nothing here: it sits between open (+2) and push-back (-3), 60, and keeps
    // the credit of the latest answer possible (70 %)
    expect(d.decisions[0]?.score).toBe(42);
    expect(d.decisions[0]?.timeliness).toBe(0.7);
  });

  it('is a pure function of scenario and log', () => {
    const log: RunEvent[] = [{ type: 'clock.ticked', seconds: 20 }, choose('open'), choose('rally')];
    expect(buildDebrief(scenario, log)).toEqual(buildDebrief(scenario, JSON.parse(JSON.stringify(log))));
  });

  it('scores an unfinished run on the decisions taken so far', () => {
    const d = buildDebrief(scenario, [choose('open')]);
    expect(d.completed).toBe(false);
    expect(d.ending).toBeNull();
    expect(d.score.overall).toBe(100);
    expect(buildDebrief(scenario, []).score.overall).toBeNull();
  });
});
