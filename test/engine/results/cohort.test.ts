import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { buildCohort, buildCohortCsv, type CohortFile } from '../../../src/engine/results/cohort.ts';
import { createRunFile, type RunFile, serializeRunFile } from '../../../src/engine/results/run-file.ts';
import { summaryOf } from '../../../src/engine/results/run-standing.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { miniBundle } from '../factories.ts';

// A small cohort of the mini scenario whose every figure is worked out by hand below.
// arrival (timed 60 s, "open" follows two Do's, "push-back" breaks critical 15.1-dont-1, no decision
// follows and breaks nothing), then night (pick up to two: patrol and CLA follow one Do each, rally
// breaks major 15.1-dont-2).
const mini = miniBundle().scenario;
const tick = (seconds: number): RunEvent => ({ type: 'clock.ticked', seconds });
const choose = (...optionIds: string[]): RunEvent => ({ type: 'decision.chosen', optionIds });
const CONTINUE: RunEvent = { type: 'step.continued' };

const LOGS = {
  ama: [tick(12), choose('open'), choose('night-patrol', 'cla'), CONTINUE],
  ben: [tick(5), choose('push-back')],
  chloe: [tick(70), choose('rally')],
  dan: [tick(20), choose('open'), choose('cla', 'rally')],
  finn: [tick(10), choose('open')],
};

function file(name: string, log: RunEvent[], edit: (r: RunFile) => void = () => {}): CohortFile {
  let debrief: ReturnType<typeof buildDebrief> | undefined;
  try {
    debrief = buildDebrief(mini, log);
  } catch {
    // a log made not to replay: written without a summary
  }
  const run = createRunFile({
    scenario: { id: mini.id, version: mini.version },
    language: 'en',
    log,
    ...(name.endsWith('.json') ? {} : { trainee: { name } }),
    startedAt: '2026-03-02T09:00:00.000Z',
    ...(debrief?.completed ? { summary: summaryOf(debrief) } : {}),
  });
  edit(run);
  return { name: name.endsWith('.json') ? name : `${name.toLowerCase()}.json`, text: serializeRunFile(run) };
}

const handCohort = (): CohortFile[] => [
  file('Ama', LOGS.ama),
  file('Ben', LOGS.ben, (r) => {
    r.summary = { overall: 100, passed: true, ending: 'end-bad' };
  }),
  file('Chloe', LOGS.chloe),
  file('Dan', LOGS.dan),
  file('Eve', LOGS.ama, (r) => {
    r.scenario.version = '0.9.0';
  }),
  file('Finn', LOGS.finn),
  file('Gus', [tick(8), choose('hold-the-line')], (r) => {
    r.scenario.version = '0.8.0';
  }),
  file('Hal', [tick(8), choose('open'), choose('night-patrol', 'fire-over-the-crowd')]),
  file('Ivy', LOGS.dan, (r) => {
    r.scenario.id = 'mini-gates';
  }),
  { name: 'backup/ama.json', text: file('Ama', LOGS.ama).text },
  { name: 'cut.json', text: file('Jo', LOGS.ama).text.slice(0, 200) },
  file('kim-laptop.json', LOGS.ama, (r) => {
    r.startedAt = '2026-03-02T10:00:00.000Z';
  }),
];

describe('a cohort built by hand from the mini scenario', () => {
  // why: Ben's edited summary makes his run implausible; the trainer here has checked and accepted
  // it, so the hand-worked figures count it (the test below shows it left out until accepted).
  const cohort = buildCohort(handCohort(), [mini], CATALOGUE, { accepted: new Set(['ben.json']) });
  const group = cohort.groups[0]!;
  const row = (trainee: string) => group.rows.find((r) => r.trainee === trainee)!;

  it('re-scores every readable run from its log, as worked out by hand', () => {
    expect(cohort.groups).toHaveLength(1);
    expect(
      group.rows.map((r) => [r.trainee, r.score, r.result, r.criticalDonts, r.decisionTime, r.counted]),
    ).toEqual([
      ['Ama', 100, 'passed', 0, 12, true],
      ['Ben', 0, 'failed', 1, 5, true],
      // Chloe lets the gate run out (60 x 0.7 late credit = 42) then allows the rally (0): 21
      ['Chloe', 21, 'failed', 0, 60, true],
      ['Dan', 63, 'failed', 0, 20, true],
      ['Eve', 100, 'passed', 0, 12, true],
      ['Finn', 100, 'unfinished', 0, 10, false],
      ['Gus', null, 'not-scored', null, null, false],
      ['kim-laptop', 100, 'passed', 0, 12, true],
    ]);
    expect(row('Chloe').ending).toEqual({ id: 'end-mixed', outcome: 'partial' });
    expect(row('Ben').ending).toEqual({ id: 'end-bad', outcome: 'harmed' });
  });

  it('names a trainee by the file when the run gives no name', () => {
    expect(row('kim-laptop')).toMatchObject({ namedByFile: true, file: 'kim-laptop.json' });
    expect(row('Ama').namedByFile).toBe(false);
  });

  it('flags migrated, other-version, edited and unfinished runs, saying which version', () => {
    expect(row('Eve').flags).toEqual([{ kind: 'migrated', fromVersion: '0.9.0' }]);
    expect(row('Gus').flags).toMatchObject([{ kind: 'other-version', fromVersion: '0.8.0' }]);
    expect(row('Ben').flags).toEqual([
      {
        kind: 'edited-summary',
        claimed: { overall: 100, passed: true, ending: 'end-bad' },
        recomputed: { overall: 0, passed: false, ending: 'end-bad' },
      },
      {
        kind: 'implausible',
        reasons: [
          {
            kind: 'summary-disagrees',
            claimed: { overall: 100, passed: true, ending: 'end-bad' },
            recomputed: { overall: 0, passed: false, ending: 'end-bad' },
          },
        ],
        accepted: true,
      },
    ]);
    expect(row('Finn').flags).toEqual([{ kind: 'unfinished' }]);
    expect(group.summary).toMatchObject({
      runs: 8,
      counted: 6,
      passed: 3,
      failed: 3,
      unfinished: 1,
      editedSummaries: 1,
      implausible: 0,
      acceptedImplausible: 1,
      otherVersions: [
        { version: '0.8.0', migrated: 0, notCounted: 1 },
        { version: '0.9.0', migrated: 1, notCounted: 0 },
      ],
    });
    // (100 + 0 + 30 + 54 + 100 + 100) / 6: the late time-out keeps only the last second's credit
    expect(group.summary.meanScore).toBeCloseTo(384 / 6, 10);
    expect(group.summary.meanDecisionTime).toBeCloseTo((12 + 5 + 60 + 20 + 12 + 12) / 6, 10);
  });

  it('leaves an implausible run out of every count until the trainer accepts it', () => {
    const strict = buildCohort(handCohort(), [mini]).groups[0]!;
    const ben = strict.rows.find((r) => r.trainee === 'Ben')!;
    expect(ben).toMatchObject({ counted: false, result: 'failed', score: 0 });
    expect(ben.flags.find((f) => f.kind === 'implausible')).toMatchObject({ accepted: false });
    expect(strict.summary).toMatchObject({
      counted: 5,
      passed: 3,
      failed: 2,
      implausible: 1,
      acceptedImplausible: 0,
    });
    expect(strict.summary.meanScore).toBeCloseTo(384 / 5, 10);
    expect(buildCohortCsv(strict).split('\r\n')[2]).toMatch(
      /^Ben,,ben\.json,mini-gate,1\.0\.0,no,.*implausible \(the summary in the file .*\), not counted"$/,
    );
  });

  it('points each warning at the field of the file it is about', () => {
    const text = handCohort()
      .find((f) => f.name === 'ben.json')!
      .text.split('\n');
    const [note] = row('Ben').notes;
    expect(note).toMatchObject({ file: 'ben.json', field: 'summary', severity: 'warning' });
    expect(text[note!.line - 1]).toContain('"summary"');
    expect(note!.message).toContain('score 100');
    const [version] = row('Gus').notes;
    expect(version).toMatchObject({ field: 'scenario.version', severity: 'warning' });
  });

  it('sets aside damaged, unknown, non-replaying and duplicate files with their places', () => {
    const aside = Object.fromEntries(cohort.setAside.map((s) => [s.file, s]));
    expect(Object.keys(aside).sort()).toEqual(['backup/ama.json', 'cut.json', 'hal.json', 'ivy.json']);
    expect(aside['backup/ama.json']!.reason).toBe('duplicate');
    expect(aside['cut.json']!.reason).toBe('damaged');
    expect(aside['ivy.json']).toMatchObject({ reason: 'unknown-scenario' });
    expect(aside['ivy.json']!.diagnostics[0]!.message).toContain('did you mean "mini-gate"');
    const hal = aside['hal.json']!;
    expect(hal.reason).toBe('does-not-replay');
    const d = hal.diagnostics[0]!;
    expect(d.field).toBe('log[2]');
    const lines = handCohort()
      .find((f) => f.name === 'hal.json')!
      .text.split('\n');
    expect(lines.slice(d.line - 1, d.line + 6).join('\n')).toContain('fire-over-the-crowd');
  });

  it('counts the doctrine most often broken over counted runs, in runs and in times', () => {
    expect(group.mostBroken.map((b) => [b.doctrine, b.runs, b.times, b.severity, b.section])).toEqual([
      ['15.1-dont-2', 2, 2, 'major', '15.1'],
      ['15.1-dont-1', 1, 1, 'critical', '15.1'],
    ]);
  });

  it('averages the tier × phase counts over the counted runs', () => {
    const { runs, cells } = group.heatmap;
    expect(runs).toBe(6);
    // open (II, pre-emption, two Do's) in Ama, Dan, Eve, kim; push-back (one Don't) in Ben
    expect(cells.II['pre-emption']).toEqual({
      followed: 8,
      broken: 1,
      meanFollowed: 8 / 6,
      meanBroken: 1 / 6,
      runs: 5,
    });
    // night patrol (II, response) in Ama, Eve, kim
    expect(cells.II.response).toMatchObject({ followed: 3, broken: 0, runs: 3 });
    // CLA (I, response) in Ama, Dan, Eve, kim
    expect(cells.I.response).toMatchObject({ followed: 4, broken: 0, meanFollowed: 4 / 6, runs: 4 });
    // rally (III, response) in Chloe and Dan
    expect(cells.III.response).toMatchObject({ followed: 0, broken: 2, meanBroken: 2 / 6, runs: 2 });
    expect(cells.I.prevention).toEqual({ followed: 0, broken: 0, meanFollowed: 0, meanBroken: 0, runs: 0 });
  });

  it('gives path frequencies per decision against doctrine’s best answers', () => {
    const [arrival, night] = group.paths;
    expect(arrival).toMatchObject({
      step: 'arrival',
      runs: 6,
      visits: 6,
      timedOut: 1,
      canTimeOut: true,
      best: [['open']],
      bestTaken: 4,
      choices: [
        { options: ['open'], count: 4, best: true },
        { options: ['push-back'], count: 1, best: false },
      ],
    });
    expect(night).toMatchObject({
      step: 'night',
      mode: 'multi',
      pick: 2,
      runs: 5,
      timedOut: 0,
      canTimeOut: false,
      best: [['night-patrol', 'cla']],
      bestTaken: 3,
      choices: [
        { options: ['night-patrol', 'cla'], count: 3, best: true },
        { options: ['cla', 'rally'], count: 1, best: false },
        { options: ['rally'], count: 1, best: false },
      ],
      byOption: [
        { option: 'night-patrol', count: 3 },
        { option: 'cla', count: 4 },
        { option: 'rally', count: 2 },
      ],
    });
  });

  it('writes the table as CSV that a spreadsheet reads safely', () => {
    const csv = buildCohortCsv(group);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]).toBe(
      'trainee,trainee_id,file,scenario,scenario_version,counted,score,mastery,result,critical_donts,decision_seconds,duration_seconds,ending,outcome,flags',
    );
    expect(lines[2]).toMatch(
      /^Ben,,ben\.json,mini-gate,1\.0\.0,yes,0,70,failed,1,5,\d+,end-bad,harmed,"edited summary .*; implausible .*, accepted by the trainer"/,
    );
    const risky = buildCohortCsv({
      mastery: 70,
      rows: [{ ...group.rows[0]!, trainee: '=HYPERLINK("x")', file: 'a,b.json', flags: [] }],
    });
    expect(risky.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",,"a,b\.json",/);
    // why: tab and carriage return before a formula, and full-width signs, run as formulas too
    for (const trainee of ['\t=1+1', '\r=1+1', '＝1+1', '＠SUM(1)']) {
      const line = buildCohortCsv({ mastery: 70, rows: [{ ...group.rows[0]!, trainee, flags: [] }] });
      expect(line.split('\r\n').slice(1).join('\r\n'), trainee).toMatch(/^"?'/);
    }
  });
});

describe('cohorts of several scenarios', () => {
  it('are grouped per scenario, most runs first, never averaged together', () => {
    const other = { ...mini, id: 'mini-other' };
    const cohort = buildCohort(
      [
        file('Ama', LOGS.ama),
        file('Ben', LOGS.ben),
        file('Cy', LOGS.ama, (r) => {
          r.scenario.id = 'mini-other';
        }),
      ],
      [mini, other],
    );
    expect(cohort.groups.map((g) => [g.scenario.id, g.rows.map((r) => r.trainee)])).toEqual([
      ['mini-gate', ['Ama', 'Ben']],
      ['mini-other', ['Cy']],
    ]);
    expect(cohort.groups[1]!.heatmap.runs).toBe(1);
  });

  it('are empty, not broken, when no file is given', () => {
    expect(buildCohort([], [mini])).toEqual({ groups: [], setAside: [] });
  });
});
