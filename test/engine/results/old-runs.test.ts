import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { buildCohort } from '../../../src/engine/results/cohort.ts';
import { parseRunFile } from '../../../src/engine/results/run-file.ts';
import { placeRun } from '../../../src/engine/results/run-standing.ts';

// why (issue 12): the scenarios were retagged and their versions bumped; runs trainees saved on the
// versions the doctrine review read (commit 1e2d43b: every first option, every last option, and the
// doctrine-faithful run) must still place: re-scored when their log replays, set aside with a reason
// otherwise, never lost and never scored silently as the new version.
const OLD = 'test/fixtures/old-runs';
const files = readdirSync(OLD).sort();
const scenarios = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadScenarioFolder(join('scenarios', d.name)).bundle!.scenario);

describe('runs saved on the scenario versions before issue 12', () => {
  it.each(files)('%s places against the current scenario', (name) => {
    const parsed = parseRunFile(readFileSync(join(OLD, name), 'utf8'), name);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const current = scenarios.find((s) => s.id === parsed.run.scenario.id)!;
    expect(current.version).not.toBe(parsed.run.scenario.version);
    const standing = placeRun(parsed.run, scenarios);
    expect(['migrated', 'other-version']).toContain(standing.kind);
    if (standing.kind === 'migrated') {
      expect(standing.fromVersion).toBe(parsed.run.scenario.version);
      expect(standing.debrief.scenario.version).toBe(current.version);
      expect(standing.debrief.completed).toBe(true);
    }
    if (standing.kind === 'other-version') expect(standing.reason).not.toBe('');
  });

  it('are all re-scored, and the doctrine-faithful runs still pass under the new scoring', () => {
    const standings = files.map((name) => {
      const parsed = parseRunFile(readFileSync(join(OLD, name), 'utf8'), name);
      return { name, standing: parsed.ok ? placeRun(parsed.run, scenarios) : null };
    });
    expect(standings.filter((s) => s.standing?.kind !== 'migrated').map((s) => s.name)).toEqual([]);
    for (const { name, standing } of standings.filter((s) => s.name.endsWith('-faithful.json')))
      if (standing?.kind === 'migrated') expect(standing.debrief.score.passed, name).toBe(true);
  });

  it('go into a cohort flagged as migrated from their version', () => {
    const cohort = buildCohort(
      files.map((name) => ({ name, text: readFileSync(join(OLD, name), 'utf8') })),
      scenarios,
    );
    expect(cohort.setAside).toEqual([]);
    const rows = cohort.groups.flatMap((g) => g.rows);
    expect(rows).toHaveLength(files.length);
    for (const r of rows) {
      expect(r.flags.map((f) => f.kind)).toContain('migrated');
      // re-scored under new tags and rules, the old summary may differ: that is no edit
      expect(r.flags.map((f) => f.kind)).not.toContain('edited-summary');
    }
  });
});
