import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const MINI = 'test/fixtures/mini';

/** A copy of the mini scenario with an archetypes file beside it. */
function miniWithArchetypes(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'pocsim-review-')), 'mini');
  mkdirSync(folder);
  writeFileSync(join(folder, 'scenario.yaml'), readFileSync(join(MINI, 'scenario.yaml'), 'utf8'));
  writeFileSync(
    join(folder, 'archetypes.yaml'),
    [
      'archetypes:',
      '  - id: faithful',
      '    kind: faithful',
      '    choose: "open,night-patrol+cla"',
      '    verdict: pass',
      '    reason: { en: "Handbook §15.1: screened and patrolled.", fr: "Manuel §15.1 : filtrage et patrouilles." }',
      '  - id: reckless',
      '    kind: reckless',
      '    choose: push-back',
      '    verdict: pass',
      '    reason: { en: "Planted disagreement.", fr: "Désaccord planté." }',
      '',
    ].join('\n'),
  );
  return folder;
}

describe('pocsim review', () => {
  it('prints an HTML sheet: every choice with its doctrine, score and route, archetypes, findings, a signature block', () => {
    const r = runCli(['review', miniWithArchetypes()]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    // each decision and each of its choices, with what it scores alone and where it leads
    expect(html).toContain('<h3>1. Arrival</h3>');
    expect(html).toMatch(
      /<tr><td>Push them away \[push-back\]<\/td><td><ul class="doctrine"><li><span class="breaks">Breaks \(critical\)<\/span> <span class="id">15\.1-dont-1<\/span> [^<]+ \(Handbook §15\.1\)<\/li><\/ul><\/td><td class="score">0<\/td><td>Harm<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<tr><td>Time runs out \(no decision\)<\/td>.*<td class="score">42<\/td><td>Night \(if harm &gt;= 3\); Harm \(otherwise\)<\/td>/,
    );
    expect(html).toContain('Doctrine’s best answer: Night patrols + Talk with CLAs');
    // the archetypes with both verdicts, and the planted disagreement among the findings
    expect(html).toMatch(
      /<tr><td>reckless<\/td><td>pass<\/td><td>fail<\/td><td>0<\/td><td>Planted disagreement\.<\/td><\/tr>/,
    );
    expect(html).toContain('1 of 2 archetypes get the adviser’s verdict from the engine.');
    expect(html).toMatch(
      /<span class="where">[^<]*archetypes\.yaml:10:\d+ archetypes\[1\]\.verdict<\/span> archetype &quot;reckless&quot; \(reckless\) fails in the engine/,
    );
    expect(html).toContain('<span class="box">Not approved</span>');
    expect(html).toContain('<div>Signature</div>');
  });

  it('is printable on A4 and loads nothing: a strict CSP that allows only its own style, by hash', () => {
    const html = runCli(['review', MINI]).stdout;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(html)![1]!
      .replaceAll('&#39;', "'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(style).toContain('@page{size:A4');
    expect(html).not.toMatch(/<script|<link|<img|src=/);
    expect(html).toContain('This scenario has no archetypes file.');
  });

  it('writes Markdown and French on request', () => {
    const md = runCli(['review', MINI, '--format', 'md', '--lang', 'fr']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('_Fiche de validation du scénario_');
    expect(md.stdout).toContain('| Choix | Doctrine | Score | Mène à |');
    expect(md.stdout).toMatch(
      /\| Push them away \\\[push-back\\\] \| Enfreint \(critique\) `15\.1-dont-1` .* \| 0 \| Harm \|/,
    );
    expect(md.stdout).toContain('**Décision :** [ ] Approuvé pour la formation');
  });

  it('shows a failed duty as failed, on a bundled scenario, with its archetypes all agreeing', () => {
    const r = runCli(['review', 'scenarios/15-6-sv-imminent', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /\| Halt out of sight, report to Sector and wait for instructions\. \\\[approach-hold\\\] \| Fails a duty \(critical\) `15\.6-do-1` .* \| 0 \|/,
    );
    expect(r.stdout).toMatch(/(\d) of \1 archetypes get the adviser’s verdict from the engine\./);
    expect(r.stdout).toContain('None: every path was explored and nothing was found.');
  }, 120_000);

  it('refuses a bad format or language, and a missing scenario', () => {
    expect(runCli(['review', MINI, '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: '--format must be html or md, not "pdf"\n',
    });
    expect(runCli(['review', MINI, '--lang', 'de']).stderr).toContain('--lang must be one of en, fr');
    expect(runCli(['review']).code).toBe(2);
    expect(runCli(['review', 'no/such/place']).code).toBe(1);
  });
});
