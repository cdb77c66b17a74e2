import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archetypesFileOf, loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { ARCHETYPE_KINDS, checkArchetypes, loadArchetypes } from '../../src/engine/analysis/archetypes.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';

// why (issue 12): a score a POC adviser would sign. Every bundled scenario is calibrated against the
// six kinds of trainee; the doctrine-faithful run and the one-slip run pass, the well-meaning
// promiser, the passive, the reckless and the one who lets every clock run out fail.
const folders = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join('scenarios', d.name));

const EXPECTED: Record<(typeof ARCHETYPE_KINDS)[number], 'pass' | 'fail'> = {
  faithful: 'pass',
  'one-slip': 'pass',
  promising: 'fail',
  passive: 'fail',
  reckless: 'fail',
  timeout: 'fail',
};

describe.each(folders)('archetypes of %s', (folder) => {
  const scenario = loadScenarioFolder(folder).bundle!.scenario;
  const file = archetypesFileOf(folder);
  const loaded = file ? loadArchetypes(file) : undefined;

  it('has an archetypes.yaml that reads without a problem', () => {
    expect(file, `${folder}/archetypes.yaml`).toBeDefined();
    expect(loaded!.diagnostics).toEqual([]);
  });

  it('covers the six kinds, each with the verdict its kind calls for', () => {
    const archetypes = loaded?.archetypes ?? [];
    const timed = scenario.steps.some((s) => s.decision?.timeLimit !== undefined);
    for (const kind of ARCHETYPE_KINDS) {
      const of = archetypes.filter((a) => a.kind === kind);
      expect(of.length, `${kind} in ${folder}`).toBeGreaterThan(0);
      // a scenario with no timed decision cannot be failed by the clock: its timeout archetype may pass
      const want = kind === 'timeout' && !timed ? undefined : EXPECTED[kind];
      if (want) for (const a of of) expect(a.verdict, `${a.id} in ${folder}`).toBe(want);
    }
  });

  // why (second review): every one-slip run slipped on a minor, so nothing showed that one major
  // slip passes while two fail; these two runs differ from a mastery-level run only by their majors.
  it('calibrates the two-major gate from both sides: one major slip passes, two majors fail', () => {
    const results = checkArchetypes(scenario, loaded?.archetypes ?? [], CATALOGUE);
    const one = results.find((r) => r.kind === 'one-major');
    const two = results.find((r) => r.kind === 'two-majors');
    for (const [r, majors, verdict] of [
      [one, 1, 'pass'],
      [two, 2, 'fail'],
    ] as const) {
      expect(r, `${majors} major(s) in ${folder}`).toBeDefined();
      expect(r!.expected).toBe(verdict);
      expect(r!.score!.majorBreaches).toBe(majors);
      expect(r!.score!.criticalBreach).toBe(false);
      expect(r!.score!.harmedEnding).toBe(false);
      expect(r!.score!.overall).toBeGreaterThanOrEqual(r!.score!.mastery);
    }
  });

  it('gets from the engine the verdict a POC adviser gives, for every archetype', () => {
    const results = checkArchetypes(scenario, loaded?.archetypes ?? [], CATALOGUE);
    expect(results.flatMap((r) => r.problems.map((p) => p.message))).toEqual([]);
    expect(results.map((r) => r.actual)).toEqual(results.map((r) => r.expected));
  });
});
