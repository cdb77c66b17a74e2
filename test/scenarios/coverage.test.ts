import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { buildCoverage } from '../../src/engine/analysis/doctrine-coverage.ts';
import { CHAPTER_15 } from '../../src/engine/doctrine/chapter-15.ts';

describe('the bundled library', () => {
  const scenarios = readdirSync('scenarios', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => loadScenarioFolder(join('scenarios', d.name)).bundle!.scenario);

  it("exercises every Do and Don't of Handbook Chapter 15", () => {
    const report = buildCoverage(CHAPTER_15, scenarios);
    expect(report.entries.filter((e) => e.uses.length === 0).map((e) => e.id)).toEqual([]);
    expect(report.covered).toBe(112);
  });

  it('has one scenario for each of the seven situations, each in its own setting', () => {
    // why: the exercises (CPOC command-post exercise, leadership tabletop) train other handbook
    // sections; they sit beside the seven situations and still need settings of their own.
    const chapter15 = scenarios.map((s) => s.situation).filter((s) => s.startsWith('15.'));
    expect(chapter15.sort()).toEqual(['15.1', '15.2', '15.3', '15.4', '15.5', '15.6', '15.7']);
    const places = scenarios.map((s) => s.setting.place);
    expect(new Set(places).size).toBe(places.length);
  });
});
