import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const MINI = 'test/fixtures/mini';

describe('pocsim validate', () => {
  it('exits 0 on valid scenarios', () => {
    const r = runCli(['validate', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 of 1 scenario valid, 0 errors');
  });

  it('prints one file:line:col line per problem and exits 1', () => {
    const r = runCli(['validate', 'test/fixtures/broken']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^test\/fixtures\/broken\/scenario\.yaml:\d+:\d+ \S+: /);
    expect(lines.some((l) => l.includes('steps[0].phase: expected one of'))).toBe(true);
    expect(lines.some((l) => l.includes('steps[1].narration: required field is missing'))).toBe(true);
    expect(lines.some((l) => l.includes('unknown step or ending "nigth"'))).toBe(true);
    expect(lines.some((l) => l.includes('unknown doctrine id "15.1-do-40"'))).toBe(true);
  });

  it('says so when a path does not exist', () => {
    const r = runCli(['validate', 'no/such/place']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/place: no such file or folder');
  });

  it('runs as a process without a stack trace on a broken file', () => {
    const r = spawnSync(process.execPath, ['bin/pocsim.js', 'validate', 'test/fixtures/broken'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(/scenario\.yaml:\d+:\d+ /);
  });
});

describe('pocsim play', () => {
  const json = (args: string[]) => {
    const r = runCli(['play', MINI, '--format', 'json', ...args]);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };

  it('prints the debrief as JSON with the fields tools rely on', () => {
    const d = json(['--choose', 'open,night-patrol+cla']);
    expect(d.scenario).toEqual({ id: 'mini-gate', version: '1.0.0' });
    expect(d.ending).toEqual({ id: 'end-good', outcome: 'protected' });
    expect(d.score).toMatchObject({ overall: 100, byTier: { I: 100, II: 100, III: null } });
    expect(Object.keys(d.score.byPhase)).toEqual(['prevention', 'pre-emption', 'response', 'consolidation']);
    expect(d.decisions[1]).toMatchObject({
      step: 'night',
      options: ['night-patrol', 'cla'],
      phase: 'response',
    });
    expect(d.decisions[0]).toHaveProperty('elapsed');
    expect(d.violations).toEqual([]);
  });

  it("gives different endings and scores on different paths, and flags a critical Don't", () => {
    const good = json(['--choose', 'open,night-patrol+cla']);
    const bad = json(['--choose', 'push-back']);
    expect(bad.ending.id).not.toBe(good.ending.id);
    expect(bad.score.overall).toBeLessThan(good.score.overall);
    expect(bad.score.criticalBreach).toBe(true);
    expect(bad.violations[0]).toMatchObject({
      doctrine: '15.1-dont-1',
      severity: 'critical',
      step: 'arrival',
    });
  });

  it('takes the first option when --choose runs out, and "-" lets time run out', () => {
    expect(json([]).decisions[0].options).toEqual(['open']);
    const late = json(['--choose', '-,cla']);
    expect(late.decisions[0]).toMatchObject({ timedOut: true, options: [] });
  });

  it('warns when --choose ran out and later decisions took their first option', () => {
    const r = runCli(['play', MINI, '--choose', 'open']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: --choose ran out; 1 later decision took the first option (night:night-patrol)\n',
    );
    expect(runCli(['play', MINI, '--choose', 'open,night-patrol+cla']).stderr).toBe('');
  });

  it('refuses an unknown option by name, listing the valid ones', () => {
    const r = runCli(['play', MINI, '--choose', 'opn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no option "opn"; its options are open, push-back');
  });

  it('prints a readable text debrief in French', () => {
    const r = runCli(['play', MINI, '--choose', 'push-back', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Score global');
    expect(r.stdout).toContain('ENFREINT 15.1-dont-1 (critique');
  });

  it('is reachable through npm run sim', () => {
    const out = execFileSync(
      'npm',
      ['run', '--silent', 'sim', '--', 'play', MINI, '--format', 'json', '--choose', 'push-back'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).ending.id).toBe('end-bad');
  });
});

describe('pocsim lint and coverage', () => {
  it('lints a scenario: paths, endings, best and worst with --choose strings', () => {
    const r = runCli(['lint', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mini-gate: 7 states, 13 paths, 3/3 endings reached');
    expect(r.stdout).toContain('best:  100 (end-good) --choose open,night-patrol+cla');
    expect(r.stdout).toContain("worst: 0 (end-bad, critical Don't broken) --choose push-back");
  });

  it('places each lint finding at file:line:col in the scenario', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { miniWithTrap } = await import('../engine/factories.ts');
    const folder = join(mkdtempSync(join(tmpdir(), 'pocsim-lint-')), 'trap');
    mkdirSync(folder);
    writeFileSync(join(folder, 'scenario.yaml'), miniWithTrap());
    const r = runCli(['lint', folder]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /scenario\.yaml:\d+:\d+ endings\[0\]\.id: ending "end-good" is never reached in play/,
    );
    expect(r.stdout).toMatch(/scenario\.yaml:\d+:\d+ steps\[3\]\.id: dead end: from step "trap"/);
  });

  it('plays the archetypes beside a scenario and reports a verdict the engine does not share', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = join(mkdtempSync(join(tmpdir(), 'pocsim-lint-')), 'mini');
    mkdirSync(folder);
    writeFileSync(join(folder, 'scenario.yaml'), readFileSync(join(MINI, 'scenario.yaml'), 'utf8'));
    const reason = '    reason: { en: "Handbook §15.1.", fr: "Manuel §15.1." }';
    writeFileSync(
      join(folder, 'archetypes.yaml'),
      [
        'archetypes:',
        '  - { id: faithful, kind: faithful, choose: "open,night-patrol+cla", verdict: pass,',
        `${reason} }`,
        '  - { id: reckless, kind: reckless, choose: "push-back", verdict: pass,',
        `${reason} }`,
        '',
      ].join('\n'),
    );
    const r = runCli(['lint', folder]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('archetypes: 1 of 2 agree with the adviser (faithful pass, reckless fail)');
    expect(r.stdout).toMatch(
      /archetypes\.yaml:4:\d+ archetypes\[1\]\.verdict: archetype "reckless" \(reckless\) fails in the engine \(overall 0 against mastery 70, a critical breach, 0 major, ending end-bad \(harmed\)\) but a POC adviser says pass/,
    );
    expect(r.stdout).toContain('0 of 1 scenarios clean');
  });

  it('refuses to lint a scenario that does not validate', () => {
    const r = runCli(['lint', 'test/fixtures/broken']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fix these first');
  });

  it('prints coverage per entry and exits 1 below 100%', () => {
    const r = runCli(['coverage', MINI]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\+ 15\.1-do-3 +mini-gate:open$/m);
    expect(r.stdout).toMatch(/^- 15\.7-dont-7 +NOT EXERCISED$/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('coverage: 6/112 entries');
    const json = JSON.parse(runCli(['coverage', MINI, '--format', 'json']).stdout);
    expect(json).toMatchObject({ covered: 6, total: 112 });
  });
});

describe('pocsim new', () => {
  it('writes a starter that validates, plays and lints, listing the situation doctrine', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'pocsim-new-'));
    const r = runCli(['new', 'night-drill', '--situation', '15.3', '--dir', dir]);
    expect(r.code).toBe(0);
    const folder = join(dir, 'night-drill');
    const text = readFileSync(join(folder, 'scenario.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('#   15.3-dont-2  [critical]');
    // as the guide says: versions start at 1.0.0, times are quoted, short lists sit on one line
    expect(text).toMatch(/^version: 1\.0\.0$/m);
    expect(text).toMatch(/^startClock: "06:00"$/m);
    expect(text).toMatch(/^ {10}tiers: \[ II \]$/m);
    expect(runCli(['validate', folder]).code).toBe(0);
    expect(runCli(['lint', folder]).code).toBe(0);
    expect(JSON.parse(runCli(['play', folder, '--format', 'json']).stdout).ending.id).toBe('end-protected');
    expect(runCli(['new', 'night-drill', '--dir', dir]).stderr).toContain('already exists');
  });

  it('refuses an unknown situation with a suggestion', () => {
    const r = runCli(['new', 'x', '--situation', '15.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean');
  });
});
