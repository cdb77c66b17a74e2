import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { terminalSafe } from '../../src/cli/terminal-text.ts';
import { createRunFile, serializeRunFile } from '../../src/engine/results/run-file.ts';

// why: run files come from trainees and scenarios from anyone; the review's payloads retitle the
// terminal, clear it, print a fake "All scenarios valid" and hide what follows (ESC[8m).
const PAYLOAD = '\u001b]0;PWNED\u0007\u001b[2J\u001b[H\u001b[32mAll scenarios valid\u001b[0m\u001b[8m';
const YAML_PAYLOAD = '"\\e]0;PWNED\\a\\e[2J\\e[H\\e[32mAll scenarios valid\\e[0m\\e[8m"';
/** Any character a terminal acts on rather than shows (line feeds and tabs excepted). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'pocsim-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the mini scenario with one line of its YAML replaced. */
function hostileScenario(name: string, edit: (yaml: string) => string): string {
  const folder = join(dir, name);
  cpSync('test/fixtures/mini', folder, { recursive: true });
  const file = join(folder, 'scenario.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return folder;
}

function expectShownNotObeyed(out: { stdout: string; stderr: string }, shown = '\\u001b]0;PWNED\\u0007') {
  const all = out.stdout + out.stderr;
  expect(all).not.toMatch(CONTROL);
  expect(all).toContain(shown);
}

describe('the command line shows control characters from files instead of obeying them', () => {
  it('escapes them in terminalSafe, keeping line breaks and tabs', () => {
    expect(terminalSafe(`a${PAYLOAD}\n\tb\r\n`)).toBe(
      'a\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[H\\u001b[32mAll scenarios valid\\u001b[0m\\u001b[8m\n\tb\\u000d\n',
    );
    expect(terminalSafe('\u009b31m \u202eevil \u007f')).toBe('\\u009b31m \\u202eevil \\u007f');
    expect(terminalSafe('Opération « Tessako » — 15.1 ✓')).toBe('Opération « Tessako » — 15.1 ✓');
  });

  it('in validate: an unknown field name and its path', () => {
    const folder = hostileScenario('ansi-key', (y) =>
      y.replace('title: Mini gate', `title: Mini gate\n${YAML_PAYLOAD}: 1`),
    );
    const r = runCli(['validate', folder]);
    expect(r.code).toBe(1);
    expectShownNotObeyed(r);
  });

  it('in play’s text debrief and in lint', () => {
    const folder = hostileScenario('ansi-text', (y) =>
      y.replace('title: Mini gate', `title: ${YAML_PAYLOAD}`),
    );
    const played = runCli(['play', folder]);
    expect(played.code).toBe(0);
    expectShownNotObeyed(played);
    const json = runCli(['play', folder, '--format', 'json']);
    expect(json.stdout + json.stderr).not.toMatch(CONTROL);
    const linted = runCli(['lint', folder]);
    expect(linted.stdout + linted.stderr).not.toMatch(CONTROL);
  });

  it('in report: a run file’s scenario id and trainee name', () => {
    const unknown = join(dir, 'ansi-run.json');
    writeFileSync(
      unknown,
      serializeRunFile(
        createRunFile({ scenario: { id: `x${PAYLOAD}`, version: '1.0.0' }, language: 'en', log: [] }),
      ),
    );
    const r = runCli(['report', unknown, '--scenarios', 'test/fixtures/mini']);
    expect(r.code).not.toBe(0);
    expectShownNotObeyed(r);

    const named = join(dir, 'ansi-name.json');
    writeFileSync(
      named,
      serializeRunFile(
        createRunFile({
          scenario: { id: 'mini-gate', version: '1.0.0' },
          language: 'en',
          log: [
            { type: 'clock.ticked', seconds: 9 },
            { type: 'decision.chosen', optionIds: ['push-back'] },
          ],
          trainee: { name: `Amina${PAYLOAD}` },
        }),
      ),
    );
    const md = runCli(['report', named, '--format', 'md', '--scenarios', 'test/fixtures/mini']);
    expect(md.code).toBe(0);
    // Markdown escapes the brackets as well
    expectShownNotObeyed(md, 'Amina\\u001b\\]0;PWNED\\u0007');
  });
});
