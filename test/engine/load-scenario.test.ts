import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/scenario/diagnostic.ts';
import { MAX_FILE_BYTES } from '../../src/engine/scenario/load-scenario.ts';
import { loadText, miniBundle, miniWith, miniYaml } from './factories.ts';

const lines = (text: string) => loadText(text).diagnostics.map(formatDiagnostic);

describe('loading a scenario file', () => {
  it('accepts the fixture and fills defaults', () => {
    const s = miniBundle().scenario;
    expect(s.id).toBe('mini-gate');
    expect(s.setting.actors[0]?.mood).toBe('calm');
    expect(s.steps[0]?.decision?.mode).toBe('single');
  });

  it('places a bad enum at its line and column, with a suggestion', () => {
    const text = miniYaml().replace('phase: pre-emption', 'phase: preemption');
    const out = lines(text);
    const line = text.split('\n').findIndex((l) => l.includes('phase: preemption')) + 1;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^scenario\\.yaml:${line}:12 steps\\[0\\]\\.phase: expected one of`));
    expect(out[0]).toContain('did you mean "pre-emption"?');
  });

  it('names a missing required field on its parent', () => {
    const text = miniYaml().replace('    narration: The crowd reaches the gate.\n', '');
    const [first] = lines(text);
    expect(first).toMatch(/^scenario\.yaml:\d+:\d+ steps\[0\]\.narration: required field is missing/);
  });

  it('reports an unknown field with the nearest known one', () => {
    const out = lines(
      miniYaml().replace(
        '    narration: The crowd reaches',
        '    narative: x\n    narration: The crowd reaches',
      ),
    );
    expect(
      out.some((l) =>
        /steps\[0\]\.narative: unknown field "narative" \(did you mean "narration"\?\)/.test(l),
      ),
    ).toBe(true);
  });

  it('reports a dangling step reference and an unknown doctrine id together', () => {
    const text = miniYaml().replace('next: night\n', 'next: nigth\n').replace('15.1-do-4]', '15.1-do-99]');
    const out = lines(text);
    expect(
      out.some((l) =>
        l.includes(
          'steps[0].decision.options[0].next: unknown step or ending "nigth" (did you mean "night"?)',
        ),
      ),
    ).toBe(true);
    expect(out.some((l) => /options\[0\]\.follows\[1\]: unknown doctrine id "15\.1-do-99"/.test(l))).toBe(
      true,
    );
  });

  it("rejects a Don't listed as followed", () => {
    const out = lines(miniYaml().replace('follows: [15.1-do-3, 15.1-do-4]', 'follows: [15.1-dont-1]'));
    expect(out.some((l) => l.includes('"15.1-dont-1" is a Don\'t; list it under breaks'))).toBe(true);
  });

  it('finds unreachable endings and dead ends', () => {
    const unreachable = miniWith((d) => {
      d.endings.push({ id: 'lost', title: 'Lost', text: 'Never reached.', outcome: 'harmed' });
    });
    expect(lines(unreachable).some((l) => l.includes('ending "lost" is unreachable from start'))).toBe(true);
    const loop = miniWith((d) => {
      d.steps[2].next = 'wrap-up';
    });
    expect(lines(loop).some((l) => l.includes('step "wrap-up" has no path to any ending'))).toBe(true);
  });

  it('requires a no-decision branch on a timed decision', () => {
    const text = miniWith((d) => {
      delete d.steps[0].decision.noDecision;
    });
    expect(lines(text).some((l) => l.includes('a timed decision needs noDecision'))).toBe(true);
  });

  it('reports YAML syntax errors with position and stops there', () => {
    const text = miniYaml().replace('  place: Team site', ' place: Team site\n   bad: [');
    const out = loadText(text).diagnostics;
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]?.message).toMatch(/^YAML:/);
    expect(out[0]?.line).toBeGreaterThan(1);
  });

  it('reports a bad indentation as one line with a hint, not a cascade', () => {
    const text = miniYaml().replace('    title: Arrival', '   title: Arrival');
    const out = loadText(text).diagnostics.filter((d) => d.severity === 'error');
    expect(out).toHaveLength(1);
    expect(out[0]!.line).toBe(text.split('\n').indexOf('   title: Arrival') + 1);
    expect(out[0]!.message).toMatch(/indentation/);
    expect(out[0]!.message).toMatch(/more YAML errors follow/);
  });

  it('refuses oversized files with a reason instead of parsing them', () => {
    const out = lines(`# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(out).toEqual([expect.stringMatching(/^scenario\.yaml:1:1 file is \d+ bytes; the limit is/)]);
  });

  it('refuses alias bombs and deep nesting without crashing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(loadText(bomb.join('\n')).diagnostics[0]?.message).toMatch(/YAML: .*alias/i);
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    expect(loadText(deep).diagnostics[0]?.message).toMatch(/nesting is \d+ levels deep/);
  });

  it('reports missing and stale translations: warnings while drafting, errors when publishing', () => {
    const fr = {
      path: 'fr.yaml',
      text: 'language: fr\nscenario: mini-gate\nsourceVersion: 1.0.0\ntexts:\n  title: Mini porte\n  summary: "Résumé" # untranslated\n  steps.ghost.title: Fantôme\n',
    };
    const drafting = loadText(miniYaml(), [fr]);
    expect(drafting.bundle?.texts.fr?.title).toBe('Mini porte');
    const draft = drafting.diagnostics.map(formatDiagnostic);
    const frLines = drafting.diagnostics.filter((d) => d.file === 'fr.yaml');
    expect(frLines.length).toBeGreaterThanOrEqual(3);
    expect(frLines.every((d) => d.severity === 'warning')).toBe(true);
    expect(draft.some((l) => /fr\.yaml:4:1 texts: .*\d+ texts not translated yet \("briefing"/.test(l))).toBe(
      true,
    );
    expect(
      draft.some((l) => l.startsWith('fr.yaml:6:') && l.includes('"summary" is still marked untranslated')),
    ).toBe(true);
    expect(draft.some((l) => l.includes('stale key "steps.ghost.title"'))).toBe(true);

    const publishing = loadText(miniYaml(), [fr], { strict: true });
    expect(publishing.bundle).toBeUndefined();
    const errs = publishing.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(
      errs.some((l) => l.startsWith('fr.yaml:') && l.includes('missing translation for "briefing"')),
    ).toBe(true);
    expect(errs.some((l) => l.includes('"summary" is still marked untranslated'))).toBe(true);
    expect(errs.some((l) => l.includes('stale key "steps.ghost.title"'))).toBe(true);
  });
});
