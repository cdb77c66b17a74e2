import { describe, expect, it } from 'vitest';
import {
  createRunFile,
  parseRunFile,
  RUN_FILE_VERSION,
  serializeRunFile,
} from '../../../src/engine/results/run-file.ts';
import { placeRun, summaryDisagrees, summaryOf } from '../../../src/engine/results/run-standing.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { miniBundle } from '../factories.ts';

const GOOD_LOG: RunEvent[] = [
  { type: 'clock.ticked', seconds: 12 },
  { type: 'decision.chosen', optionIds: ['open'] },
  { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
  { type: 'step.continued' },
];

function miniRun(log: RunEvent[] = GOOD_LOG, version = miniBundle().scenario.version) {
  return createRunFile({
    scenario: { id: 'mini-gate', version },
    language: 'en',
    log,
    trainee: { name: 'Lt. Amara Diallo' },
    startedAt: '2026-11-23T09:00:00.000Z',
  });
}

describe('run files', () => {
  it('round-trip through their JSON text unchanged', () => {
    const run = miniRun();
    const back = parseRunFile(serializeRunFile(run), 'run.json');
    expect(back).toEqual({ ok: true, run });
  });

  it('name the line, column and field of a damaged event', () => {
    const text = serializeRunFile(miniRun()).replace('"seconds": 12', '"seconds": "twelve"');
    const r = parseRunFile(text, 'amara.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0]!;
    expect(d.file).toBe('amara.json');
    expect(d.field).toBe('log[0].seconds');
    expect(text.split('\n')[d.line - 1]).toContain('"twelve"');
  });

  it('say that a number is infinite or not a number instead of "found null"', () => {
    const json = serializeRunFile(miniRun()).replace('"seconds": 12', '"seconds": 1e309');
    const yaml = serializeRunFile(miniRun()).replace('"seconds": 12', '"seconds": .nan');
    for (const [text, said] of [
      [
        json,
        /log\[0\]\.seconds: expected a finite number; found an infinite number \(\.inf, or a number too large such as 1e309\)/,
      ],
      [yaml, /log\[0\]\.seconds: expected a finite number; found not-a-number \(\.nan\)/],
    ] as const) {
      const r = parseRunFile(text, 'inf.json');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(`${r.diagnostics[0]!.field}: ${r.diagnostics[0]!.message}`).toMatch(said);
      expect(r.diagnostics[0]!.message).not.toContain('null');
    }
  });

  it('report a truncated file with its position instead of throwing', () => {
    const text = serializeRunFile(miniRun());
    const r = parseRunFile(text.slice(0, Math.floor(text.length / 2)), 'cut.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('refuse a file from a newer pocsim with a message that says so', () => {
    const text = serializeRunFile(miniRun()).replace(
      `"formatVersion": ${RUN_FILE_VERSION}`,
      `"formatVersion": ${RUN_FILE_VERSION + 1}`,
    );
    const r = parseRunFile(text, 'new.json');
    expect(r.ok ? '' : r.diagnostics[0]!.message).toMatch(/newer pocsim/);
  });

  it('refuse other JSON as not a run file', () => {
    const r = parseRunFile('{"id": "mini-gate"}', 'scenario.json');
    expect(r.ok ? '' : r.diagnostics[0]!.message).toMatch(/not a pocsim run file/);
  });
});

describe('a run file against the scenarios at hand', () => {
  const scenario = miniBundle().scenario;

  it('is current when id and version match, and re-scores from its log', () => {
    const standing = placeRun(miniRun(), [scenario]);
    expect(standing.kind).toBe('current');
    if (standing.kind === 'current') {
      expect(standing.debrief).toEqual(buildDebrief(scenario, GOOD_LOG));
    }
  });

  it('is migrated when another version still replays it, and kept apart when it does not', () => {
    expect(placeRun(miniRun(GOOD_LOG, '0.9.0'), [scenario]).kind).toBe('migrated');
    const stale = miniRun([{ type: 'decision.chosen', optionIds: ['option-removed-since'] }], '0.9.0');
    const standing = placeRun(stale, [scenario]);
    expect(standing.kind).toBe('other-version');
    if (standing.kind === 'other-version') expect(standing.reason).toMatch(/not accepted/);
  });

  it('says when the scenario is unknown or the log does not fit its own version', () => {
    expect(placeRun(miniRun(), []).kind).toBe('unknown-scenario');
    const edited = miniRun([{ type: 'step.continued' }]);
    expect(placeRun(edited, [scenario]).kind).toBe('does-not-replay');
  });

  it('catches a summary edited by hand', () => {
    const debrief = buildDebrief(scenario, GOOD_LOG);
    const honest = { ...miniRun(), summary: summaryOf(debrief) };
    expect(summaryDisagrees(honest, debrief)).toBe(false);
    const raised = (debrief.score.overall ?? 0) + 17;
    const edited = { ...honest, summary: { ...honest.summary, overall: raised, passed: true } };
    expect(summaryDisagrees(edited, debrief)).toBe(true);
  });
});
