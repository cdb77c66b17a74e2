import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../src/engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { createRun } from '../../../src/engine/run/run.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { loadText, miniBundle, miniWith, miniWithTrap } from '../factories.ts';

describe('the exhaustive lint', () => {
  const scenario = miniBundle().scenario;
  const report = lintScenario(scenario, CATALOGUE);

  it('counts states, paths and endings', () => {
    // arrival: open or time-out each lead to 6 night combinations, push-back ends at once
    expect(report.paths).toBe(13);
    expect(report.endings).toEqual(['end-bad', 'end-good', 'end-mixed']);
    expect(report.problems).toEqual([]);
  });

  it('finds the best and worst paths, and they replay to the scores it reports', () => {
    expect(report.best).toMatchObject({ score: 100, ending: 'end-good', breaksDont: false });
    expect(report.worst).toMatchObject({ score: 0, ending: 'end-bad', criticalBreach: true });
    for (const p of [report.best!, report.worst!]) {
      const log = p.choices.map((c) =>
        c === '-'
          ? ({ type: 'clock.ticked', seconds: 60 } as const)
          : ({ type: 'decision.chosen', optionIds: c.split('+') } as const),
      );
      const run = createRun(scenario, log);
      while (!run.finished()) run.send({ type: 'step.continued' });
      const d = buildDebrief(scenario, run.log);
      expect(d.score.overall).toBe(p.score);
      expect(d.ending?.id).toBe(p.ending);
    }
  });

  it("flags a scenario whose best path breaks a Don't", () => {
    const text = miniWith((s) => {
      // opening the gate now also breaks a minor Don't, yet stays the best answer
      s.steps[0].decision.options[0].breaks = ['15.1-dont-3'];
    });
    const r = lintScenario(loadText(text).bundle!.scenario, CATALOGUE);
    expect(r.best?.breaksDont).toBe(true);
    expect(r.problems).toContainEqual({
      path: ['steps', 0, 'decision', 'options', 0, 'breaks'],
      message: expect.stringMatching(/^the best path breaks a Don't or fails a duty here/),
    });
  });

  it('reports unreachable endings and dead ends that only play finds', () => {
    const text = miniWithTrap();
    const r = lintScenario(loadText(text).bundle!.scenario, CATALOGUE);
    expect(r.unreachableEndings).toEqual(['end-good']);
    expect(r.deadEnds.map((d) => d.step)).toContain('trap');
    expect(r.paths).toBeNull();
    expect(r.problems.length).toBeGreaterThan(0);
  });
});
