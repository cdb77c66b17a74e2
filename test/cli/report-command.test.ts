import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { escapeHtml, escapeMarkdown } from '../../src/cli/report-render.ts';
import { createRunFile, type RunFile, serializeRunFile } from '../../src/engine/results/run-file.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';

const MINI = 'test/fixtures/mini';
const dir = mkdtempSync(join(tmpdir(), 'pocsim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pushedBack: RunEvent[] = [
  { type: 'clock.ticked', seconds: 9 },
  { type: 'decision.chosen', optionIds: ['push-back'] },
];
const mixed: RunEvent[] = [
  { type: 'clock.ticked', seconds: 12 },
  { type: 'decision.chosen', optionIds: ['open'] },
  { type: 'decision.chosen', optionIds: ['night-patrol', 'rally'] },
];

let n = 0;
/** Writes a run file (or raw text) and returns its path. */
function saved(content: Partial<RunFile> | string): string {
  const file = join(dir, `run-${n++}.json`);
  const text =
    typeof content === 'string'
      ? content
      : serializeRunFile({
          ...createRunFile({ scenario: { id: 'mini-gate', version: '1.0.0' }, language: 'en', log: mixed }),
          ...content,
        });
  writeFileSync(file, text);
  return file;
}

const report = (...args: string[]) => runCli(['report', ...args, '--scenarios', MINI]);

describe('pocsim report', () => {
  it('renders a saved run as one self-contained HTML page, re-scored from its log', () => {
    const r = report(saved({ trainee: { name: 'Amina <script>alert(1)</script> & co' } }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('Trainee: Amina &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    // a strict policy: nothing may load or run, only this page's own style sheet applies
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const style = /<style>([^<]+)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(csp!.split(/;\s*/)).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        `style-src 'sha256-${hash}'`,
        "base-uri 'none'",
        "form-action 'none'",
      ]),
    );
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
    for (const heading of [
      'What this run teaches',
      'Score by tier and phase',
      'Your path and doctrine’s best path',
      'Timeline of the run',
      'Your decisions, one by one',
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<p class="big">63 / 100</p>');
    expect(html).toContain('<code class="id">15.1-dont-2</code>');
    expect(html).toContain('Decision 1: “Open the gate and screen”, after 12 s');
  });

  it('renders Markdown in the language asked for, the run’s own by default', () => {
    const md = report(saved({ language: 'fr' }), '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Mini gate\n/);
    expect(md.stdout).toContain('## Score par niveau et par phase');
    expect(md.stdout).toContain(
      '| Niveau | Prévention | Préemption | Réaction | Consolidation | Score du niveau |',
    );
    expect(md.stdout).toContain('`15.1-dont-2`');
    expect(md.stdout).toContain('- Score : **100**');
    const en = report(saved({ language: 'fr' }), '--format', 'md', '--lang', 'en');
    expect(en.stdout).toContain('## Score by tier and phase');
    expect(en.stdout).toContain('- Score: **100**');
    expect(en.stdout).not.toMatch(/<\w/);
  });

  it('opens on the summary: the score, the critical Don’t first among the things to remember, where to try again', () => {
    const md = report(saved({ log: pushedBack }), '--format', 'md').stdout;
    const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections.slice(0, 4)).toEqual([
      'Overall score',
      'The 2 things to remember',
      'Try again from decision 1',
      '⚠ 1 critical Don’t broken or duty failed',
    ]);
    const remember = md.split('## The 2 things to remember')[1]!.split('## ')[0]!;
    expect(remember.trim().split('\n')[0]).toContain('`15.1-dont-1`');
  });

  it('reports a damaged file with file:line:col and keeps going to nothing else', () => {
    const file = saved('{\n "format": "pocsim-run",\n "formatVersion": 1,,\n}');
    const r = report(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:3:\\d+ `));
  });

  it('names the field of a run file that does not have the right shape', () => {
    const text = serializeRunFile(
      createRunFile({ scenario: { id: 'mini-gate', version: '1.0.0' }, language: 'en', log: mixed }),
    ).replace('"decision.chosen"', '"decision.chosn"');
    const r = report(saved(text));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run-\d+\.json:\d+:\d+ log\[1\]\.type: /);
  });

  it('says a file written by a newer pocsim needs an update', () => {
    const r = report(saved('{"format":"pocsim-run","formatVersion":99}'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:1:\d+ formatVersion: written by a newer pocsim/);
  });

  it('refuses a run of another scenario version whose log no longer replays, pointing at the version', () => {
    const r = report(
      saved({ scenario: { id: 'mini-gate', version: '0.9.0' }, log: [...mixed, { type: 'step.continued' }] }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /run-\d+\.json:\d+:\d+ scenario\.version: this run was played on version 0\.9\.0 of "mini-gate", but test\/fixtures\/mini holds version 1\.0\.0/,
    );
  });

  it('re-scores a run of another version whose log still replays, and says so', () => {
    const r = report(saved({ scenario: { id: 'mini-gate', version: '0.9.0' } }), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /scenario\.version: warning: played on version 0\.9\.0; .* re-scored on version 1\.0\.0/,
    );
  });

  it('points at the first event a scenario refuses when a log of the same version does not replay', () => {
    const r = report(saved({ log: [mixed[1]!, { type: 'decision.chosen', optionIds: ['no-such-option'] }] }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /run-\d+\.json:\d+:\d+ log\[1\]: the log does not replay on "mini-gate" version 1\.0\.0/,
    );
  });

  it('says which scenario is missing', () => {
    const r = report(saved({ scenario: { id: 'gate-at-dusk', version: '1.0.0' } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /run-\d+\.json:\d+:\d+ scenario\.id: no scenario "gate-at-dusk" among the 1 scenario/,
    );
  });

  it('warns when the summary written in the file disagrees with the log, and reports the recomputed score', () => {
    const r = report(saved({ summary: { overall: 99, passed: true, ending: 'end-good' } }), '--format', 'md');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /summary: warning: the summary written in the file \(score 99, passed\) differs/,
    );
    expect(r.stdout).toContain('**63 / 100**');
    expect(r.stdout).toContain('- The summary written in the file is not what its log replays to.');
  });

  it('marks a forged run (the best answers in 0 s) as not counted, exit 3, until the trainer accepts it', () => {
    const forged = saved({
      log: [
        { type: 'decision.chosen', optionIds: ['open'] },
        { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
        { type: 'step.continued' },
      ],
    });
    const r = report(forged, '--format', 'md');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^# Mini gate\n[\s\S]*## ⚠ Not counted: this run looks forged or impossible\n/);
    expect(r.stdout).toContain('- 2 decisions made in 0 s: the scenario clock never ran.');
    expect(r.stderr).toMatch(
      /:\d+:\d+ log: warning: implausible run: 2 decision\(s\) made in 0 s: the scenario clock never ran; not counted \(exit code 3\); after checking with the trainee, accept it with --accept-implausible/,
    );
    const html = report(forged);
    expect(html.code).toBe(3);
    expect(html.stdout).toContain('<section class="critical implausible" role="alert">');
    const fr = report(forged, '--format', 'md', '--lang', 'fr');
    expect(fr.stdout).toContain('## ⚠ Non comptée : cette partie semble falsifiée ou impossible');

    const accepted = report(forged, '--format', 'md', '--accept-implausible');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('**Accepted by the trainer as genuine despite these signs.**');
    expect(accepted.stderr).toContain('accepted with --accept-implausible');
  });

  it('explains its usage errors', () => {
    expect(runCli(['report']).code).toBe(2);
    expect(report(saved({}), '--format', 'pdf').stderr).toContain('--format must be html or md');
    expect(report(saved({}), '--lang', 'de').stderr).toContain('--lang must be one of en, fr');
    expect(report(join(dir, 'missing.json')).stderr).toContain('missing.json: no such file');
  });
});

describe('report escaping', () => {
  it('makes text inert in HTML and Markdown', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
    expect(escapeMarkdown('*bold* _it_ [link](x) <b> a|b\nnext')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> a\\|b next',
    );
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
  });
});
