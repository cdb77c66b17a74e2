import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { PHASES, TIERS } from '../../src/engine/doctrine/doctrine-entry.ts';
import { parseExerciseTime } from '../../src/engine/exercise/exercise-time.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';

const exercises = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadScenarioFolder(join('scenarios', d.name)).bundle!.scenario)
  .filter((s) => s.exercise !== undefined);

const DAY = 24 * 3600;

describe('the bundled exercises', () => {
  it('include a CPOC command-post exercise and a leadership tabletop (Handbook §11.3)', () => {
    expect(exercises.map((s) => s.exercise!.format).sort()).toEqual(['cpx', 'tabletop']);
  });

  describe.each(exercises.map((s) => [s.id, s] as [string, Scenario]))('%s', (_id, s) => {
    const x = s.exercise!;
    const scheduled = x.msel.filter((m) => !m.contingency);

    it('plays self-paced across all three tiers, and a CPX across all four phases', () => {
      const options = s.steps.flatMap((st) => (st.decision?.options ?? []).map((o) => ({ st, o })));
      const tiers = new Set(options.flatMap(({ o }) => o.tiers));
      const phases = new Set(options.flatMap(({ st, o }) => o.phases ?? [st.phase]));
      expect([...tiers].sort()).toEqual([...TIERS].sort());
      if (x.format === 'cpx') expect([...phases].sort()).toEqual([...PHASES].sort());
    });

    it('puts every decision of the self-paced play to the table through an inject', () => {
      const put = new Set(x.msel.flatMap((m) => (m.step ? [m.step] : [])));
      const decisions = s.steps.filter((st) => st.decision).map((st) => st.id);
      expect(decisions.filter((id) => !put.has(id))).toEqual([]);
    });

    it('sends every role at least one inject that is not a broadcast', () => {
      const addressed = new Set(x.msel.flatMap((m) => (Array.isArray(m.to) ? m.to : [])));
      expect(x.roles.map((r) => r.id).filter((r) => !addressed.has(r))).toEqual([]);
    });

    it('has contingency injects that a missed expected action fires', () => {
      const fired = new Set(x.msel.flatMap((m) => m.expects.flatMap((a) => a.contingency ?? [])));
      const contingencies = x.msel.filter((m) => m.contingency && fired.has(m.id));
      expect(contingencies.length).toBeGreaterThanOrEqual(x.format === 'cpx' ? 2 : 3);
    });

    it('runs over weeks for a CPX and over a few hours, with 15 to 25 injects, for a tabletop', () => {
      const last = Math.max(...scheduled.map((m) => parseExerciseTime(m.at!)!));
      if (x.format === 'cpx') expect(last).toBeGreaterThanOrEqual(21 * DAY);
      else {
        expect(last).toBeLessThan(DAY);
        expect(x.msel.length).toBeGreaterThanOrEqual(15);
        expect(x.msel.length).toBeLessThanOrEqual(25);
      }
    });

    it('rates every objective through at least one evaluation point', () => {
      const rated = new Set(x.evaluation.map((p) => p.objective));
      expect(x.objectives.map((o) => o.id).filter((o) => !rated.has(o))).toEqual([]);
    });
  });
});
