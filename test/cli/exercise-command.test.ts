import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { foldExercise } from '../../src/engine/exercise/exercise-log.ts';
import { exerciseScenario } from '../engine/exercise/exercise-factories.ts';

const FIXTURE = 'test/fixtures/exercise-mini';

describe('pocsim exercise', () => {
  it('plays the exercise headless and prints the after-action report as Markdown', () => {
    const r = runCli(['exercise', FIXTURE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# After-action report: Mini tabletop\n/);
    expect(r.stdout).toContain(
      '- 4 expected actions: 4 taken on time, 0 taken late, 0 missed, 0 still open at the end.',
    );
    expect(r.stdout).toContain('## Improvement plan');
  });

  it('with --miss, fires the contingencies; the JSON carries the report and a log that replays to it', () => {
    const r = runCli(['exercise', `${FIXTURE}/scenario.yaml`, '--miss', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ contingencies: 1, missed: 4, taken: 0 });
    expect(out.expectedActions[0]).toMatchObject({
      action: 'act-posture',
      status: 'missed',
      fired: 'ev-no-posture',
    });
    expect(out.corrective.map((c: { id: string }) => c.id)).toEqual([
      'missed-act-brief',
      'missed-act-posture',
      'missed-act-qrf',
      'missed-act-statement',
    ]);
    expect(foldExercise(exerciseScenario(), out.log).missed).toHaveLength(4);
  });

  it('prints the report in French with --lang fr', () => {
    const r = runCli(['exercise', FIXTURE, '--lang', 'fr']);
    expect(r.stdout).toMatch(/^# Rapport après action : Mini exercice sur table\n/);
    expect(r.stdout).toContain('Inject : Tamba attaquée (Chef de mission, Commandant de la force)');
  });

  it('says what is wrong: no exercise section, a bad format, a missing path', () => {
    const plain = runCli(['exercise', 'test/fixtures/mini']);
    expect(plain).toMatchObject({ code: 1, stdout: '' });
    expect(plain.stderr).toContain('scenario "mini-gate" has no exercise: section');
    expect(runCli(['exercise', FIXTURE, '--format', 'pdf'])).toMatchObject({ code: 2 });
    expect(runCli(['exercise', 'no/such/place']).stderr).toContain('no/such/place: no such file or folder');
    expect(runCli(['exercise']).code).toBe(2);
    const broken = runCli(['exercise', 'test/fixtures/broken']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/scenario\.yaml:\d+:\d+ /);
  });

  it('leaves validate, lint and play working on a scenario with an exercise section', () => {
    expect(runCli(['validate', FIXTURE])).toMatchObject({
      code: 0,
      stdout: '1 of 1 scenario valid, 0 errors\n',
    });
    const lint = runCli(['lint', FIXTURE]);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('2/2 endings reached');
    const play = runCli(['play', FIXTURE, '--choose', 'raise-posture,interpose', '--format', 'json']);
    expect(JSON.parse(play.stdout).ending).toEqual({ id: 'end-safe', outcome: 'protected' });
  });

  it('is listed in the help', () => {
    expect(runCli(['help']).stdout).toContain('pocsim exercise <scenario> [--miss]');
  });

  it('with --log, renders the report of an exercise exported from the console, and names a log that does not fit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pocsim-log-'));
    const exported = join(dir, 'exported.json');
    const log = [
      { type: 'exercise.started' },
      { type: 'clock.ticked', seconds: 1500 },
      { type: 'decision.recorded', role: 'fc', step: 'posture', options: ['raise-posture'] },
      { type: 'record.undone', record: 'dec-1' },
      { type: 'record.redone', record: 'dec-1' },
      { type: 'exercise.ended' },
    ];
    writeFileSync(
      exported,
      JSON.stringify({ format: 'pocsim.after-action', version: 1, exercise: { id: 'exercise-mini' }, log }),
    );
    const r = runCli(['exercise', FIXTURE, '--log', exported, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.expectedActions[0]).toMatchObject({ action: 'act-posture', status: 'taken', takenBy: 'fc' });
    expect(out.log).toEqual(log);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'pocsim.after-action',
        exercise: { id: 'exercise-mini' },
        log: [{ type: 'exercise.started' }, { type: 'record.undone', record: 'dec-9' }],
      }),
    );
    const b = runCli(['exercise', FIXTURE, '--log', bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/bad\.json: event 2 does not apply: record\.undone: no record "dec-9"/);
  });

  it('plays the leadership tabletop as an exemplary table: nothing missed, and the count says which actions never came up', () => {
    const r = runCli(['exercise', 'scenarios/ttx-leadership-tessako']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /- (\d+) expected actions: \d+ taken on time, 0 taken late, 0 missed, 0 still open at the end\. \d+ of them never reached the table/,
    );
    expect(r.stdout).toContain('0 contingencies fired');
  });
});
