import { describe, expect, it } from 'vitest';
import { buildCohort } from '../../../src/engine/results/cohort.ts';
import {
  createRunFile,
  hasDuplicateKey,
  parseRunFile,
  type RunFile,
  serializeRunFile,
} from '../../../src/engine/results/run-file.ts';
import { checkPlausibility, describeImplausibility } from '../../../src/engine/results/run-plausibility.ts';
import { summaryOf } from '../../../src/engine/results/run-standing.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { miniBundle } from '../factories.ts';

const mini = miniBundle().scenario;
const tick = (seconds: number): RunEvent => ({ type: 'clock.ticked', seconds });
const open: RunEvent = { type: 'decision.chosen', optionIds: ['open'] };
const best: RunEvent = { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] };
const on: RunEvent = { type: 'step.continued' };

/** A run as the app writes it: the clock ran while the trainee read and chose. */
const GENUINE: RunEvent[] = [tick(14), open, tick(23), best, tick(4), on];

function runOf(log: RunEvent[], extra: Partial<RunFile> = {}): RunFile {
  return {
    ...createRunFile({ scenario: { id: mini.id, version: mini.version }, language: 'en', log }),
    ...extra,
  };
}
const check = (run: RunFile) => checkPlausibility(run, mini, buildDebrief(mini, run.log));
const kinds = (run: RunFile) => check(run).map((i) => i.kind);

describe('plausibility of a run file (the review’s forged files)', () => {
  it('finds nothing in a run played in the app, with or without its summary', () => {
    expect(kinds(runOf(GENUINE))).toEqual([]);
    expect(kinds(runOf(GENUINE, { summary: summaryOf(buildDebrief(mini, GENUINE)) }))).toEqual([]);
  });

  it('flags forged-perfect: the best answers with no clock at all', () => {
    const found = check(runOf([open, best, on]));
    expect(found).toEqual([{ kind: 'no-clock', decisions: 2 }]);
    expect(describeImplausibility(found[0]!)).toBe('2 decision(s) made in 0 s: the scenario clock never ran');
  });

  it('flags decisions faster than a person can answer', () => {
    expect(kinds(runOf([tick(1), open, best, tick(3), on]))).toEqual(['too-fast']);
    // one quick answer among several is a person who paused to read
    expect(kinds(runOf([tick(9), open, tick(1), best, on]))).toEqual([]);
  });

  it('flags huge-ticks: years of clock at an untimed decision', () => {
    const huge = [tick(14), open, ...Array.from({ length: 2000 }, () => tick(10_000_000)), best, on];
    const found = check(runOf(huge));
    expect(found.map((i) => i.kind)).toEqual(['beyond-span']);
    expect(describeImplausibility(found[0]!)).toMatch(
      /^3\.3e\+8 min spent deciding, beyond the scenario's span \(at most 125 min\)$/,
    );
    // an hour away from an untimed decision with the tab open is still a person
    expect(kinds(runOf([tick(14), open, tick(3600), best, on]))).toEqual([]);
  });

  it('flags a summary that is not what the log replays to', () => {
    const found = check(runOf(GENUINE, { summary: { overall: 100, passed: true, ending: 'end-mixed' } }));
    expect(found.map((i) => i.kind)).toEqual(['summary-disagrees']);
  });
});

describe('duplicate keys in run files, at any size', () => {
  const worst = [tick(5), { type: 'decision.chosen', optionIds: ['push-back'] } as RunEvent];
  /** The review's dupkeys.json: two "log" keys (worst first, best last) and two "name" keys. */
  const dupkeys = (padding = 0) => {
    const base = serializeRunFile(runOf(GENUINE, { trainee: { name: 'Someone Else' } }));
    return base
      .replace('"log": [', `"log": ${JSON.stringify(worst)},\n "log": [`)
      .replace('"name": "Someone Else"', '"name": "Trainee A", "name": "Someone Else"')
      .replace(/}\n$/, `${' '.repeat(padding)}}\n`);
  };

  it('are found by the fast check, escaped spellings included, and not in clean files', () => {
    expect(hasDuplicateKey(dupkeys())).toBe(true);
    expect(hasDuplicateKey('{"a":1,"\\u0061":2}')).toBe(true);
    expect(hasDuplicateKey('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toBe(false);
    expect(hasDuplicateKey('{"a":"{\\"a\\":1,","b":"\\"a\\""}')).toBe(false);
    expect(hasDuplicateKey(serializeRunFile(runOf(GENUINE)))).toBe(false);
  });

  it.each([
    ['small', 0],
    ['over 250 KB', 300_000],
  ])('refuse a %s file with the place of the repeated key, never counting it', (_size, padding) => {
    const text = dupkeys(padding);
    const r = parseRunFile(text, 'dupkeys.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.message).toMatch(/unique/i);
    expect(text.split('\n')[r.diagnostics[0]!.line - 1]).toMatch(/"(log|name)"/);
    const cohort = buildCohort([{ name: 'dupkeys.json', text }], [mini]);
    expect(cohort.groups).toEqual([]);
    expect(cohort.setAside.map((f) => f.reason)).toEqual(['damaged']);
  });
});
