import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Diagnostic, formatDiagnostic } from '../../../src/engine/scenario/diagnostic.ts';
import { collectTexts } from '../../../src/engine/scenario/text-keys.ts';
import {
  exerciseBundle,
  exerciseFrYaml,
  exerciseWith,
  exerciseYaml,
} from '../exercise/exercise-factories.ts';
import { loadText } from '../factories.ts';

const load = (text: string) => loadText(text).diagnostics;
const errors = (text: string) => load(text).filter((d) => d.severity === 'error');
/** 1-based line of the first line containing `needle` (after `from`, when given). */
const lineOf = (text: string, needle: string, from?: string) => {
  const lines = text.split('\n');
  const start = from ? lines.findIndex((l) => l.includes(from)) : 0;
  const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the text`);
  return i + 1;
};
/** Replaces the first `a` after the first line containing `marker`. */
const replaceAfter = (text: string, marker: string, a: string, b: string) => {
  const at = text.indexOf(marker);
  return text.slice(0, at) + text.slice(at).replace(a, b);
};
const colOf = (text: string, line: number, needle: string) => text.split('\n')[line - 1]!.indexOf(needle) + 1;
const find = (ds: Diagnostic[], field: string) => ds.find((d) => d.field === field);

describe('the exercise section of a scenario file', () => {
  it('accepts the exercise-mini fixture and fills defaults', () => {
    const x = exerciseBundle().scenario.exercise!;
    expect(x.format).toBe('tabletop');
    expect(x.msel.map((m) => m.id)).toEqual(['ev-warning', 'ev-intel', 'ev-attack', 'ev-no-posture']);
    expect(x.msel[0]!.projector).toBe(true);
    expect(x.msel[1]!.projector).toBe(false);
    expect(x.msel[0]!.contingency).toBe(false);
    expect(x.msel[3]!.contingency).toBe(true);
    expect(x.msel[2]!.expects[1]!.follows).toEqual([]);
  });

  it('gives every exercise text a key that fr.yaml translates', () => {
    const b = exerciseBundle();
    const keys = collectTexts(b.scenario).map((t) => t.key);
    for (const key of [
      'exercise.roles.fc.name',
      'exercise.objectives.obj-warning.text',
      'exercise.modules.m1-warning.title',
      'exercise.questions.q-response.text',
      'msel.ev-intel.from',
      'msel.ev-intel.title',
      'msel.ev-intel.text',
      'expects.act-qrf.text',
      'evaluation.ep-response.text',
    ])
      expect(keys).toContain(key);
    expect(b.texts.fr?.['msel.ev-attack.title']).toBe('Tamba attaquée');
  });

  it('reports a missing and a stale exercise translation in fr.yaml', () => {
    const fr = exerciseFrYaml()
      .replace(/ {2}msel\.ev-intel\.title:.*\n/, '')
      .replace('  expects.act-qrf.text:', '  expects.act-qfr.text:');
    const ds = loadText(exerciseYaml(), [{ path: 'fr.yaml', text: fr }], { strict: true }).diagnostics.map(
      formatDiagnostic,
    );
    expect(ds).toContain('fr.yaml:5:1 texts: missing translation for "msel.ev-intel.title"');
    expect(
      ds.some((l) => l.includes('stale key "expects.act-qfr.text"') && l.includes('"expects.act-qrf.text"')),
    ).toBe(true);
  });

  it('places an unknown role in `to` at its line and column, with a suggestion', () => {
    const text = exerciseYaml().replace('to: [poc-adviser]', 'to: [poc-advisor]');
    const d = find(errors(text), 'exercise.msel[1].to[0]')!;
    const line = lineOf(text, 'to: [poc-advisor]');
    expect(formatDiagnostic(d)).toBe(
      `scenario.yaml:${line}:${colOf(text, line, 'poc-advisor')} exercise.msel[1].to[0]: unknown role "poc-advisor" (did you mean "poc-adviser"?)`,
    );
  });

  it('checks module, step, objective, evaluation role and map references', () => {
    const text = exerciseYaml()
      .replace('module: m2-response', 'module: m2-respons')
      .replace('step: attack', 'step: atack')
      .replace('objective: obj-response', 'objective: obj-responze')
      .replace('roles: [fc, hom]', 'roles: [fc, hmo]')
      .replace('{ location: tamba, state: tense }', '{ location: tambo, state: tense }');
    const ds = errors(text);
    const at = (field: string) => {
      const d = find(ds, field);
      expect(d, field).toBeDefined();
      return d!;
    };
    expect(at('exercise.msel[2].module').message).toBe(
      'unknown module "m2-respons" (did you mean "m2-response"?)',
    );
    expect(at('exercise.msel[2].module').line).toBe(lineOf(text, 'module: m2-respons'));
    expect(at('exercise.msel[2].step').message).toBe('unknown step "atack" (did you mean "attack"?)');
    expect(at('exercise.evaluation[1].objective').message).toMatch(
      /unknown objective "obj-responze".*obj-response/,
    );
    expect(at('exercise.evaluation[1].roles[1]').message).toMatch(
      /unknown role "hmo" \(did you mean "hom"\?\)/,
    );
    const map = at('exercise.msel[3].map[0].location');
    expect(map.message).toMatch(/unknown location "tambo" \(did you mean "tamba"\?\)/);
    expect(map.line).toBe(lineOf(text, '{ location: tambo'));
    expect(ds).toHaveLength(5);
  });

  it("places an unknown id in an evaluation point's `watch` at its line and column, with a suggestion", () => {
    const text = exerciseYaml().replace(
      '      roles: [fc, hom]\n',
      '      roles: [fc, hom]\n      watch: [act-qrf, act-statment]\n',
    );
    const ds = errors(text);
    const d = find(ds, 'exercise.evaluation[1].watch[1]')!;
    const line = lineOf(text, 'watch: [act-qrf, act-statment]');
    expect(formatDiagnostic(d)).toBe(
      `scenario.yaml:${line}:${colOf(text, line, 'act-statment')} exercise.evaluation[1].watch[1]: unknown expected action "act-statment" (did you mean "act-statement"?)`,
    );
    expect(ds).toHaveLength(1);
    // a known id passes
    expect(errors(text.replace('act-statment', 'act-statement'))).toEqual([]);
  });

  it('wants `at` on scheduled items and none on contingency items', () => {
    const text = exerciseYaml()
      .replace("      at: '0d 00:20'\n", '')
      .replace('      contingency: true\n', "      contingency: true\n      at: '0d 02:00'\n");
    const ds = errors(text);
    const missing = find(ds, 'exercise.msel[1]')!;
    expect(missing.message).toMatch(/needs `at`/);
    expect(missing.line).toBe(lineOf(text, '- id: ev-intel'));
    const extra = find(ds, 'exercise.msel[3].at')!;
    expect(extra.message).toMatch(/a contingency item has no `at`/);
    expect(extra.line).toBe(lineOf(text, "at: '0d 02:00'"));
  });

  it('refuses times that do not parse, on `at` and `within`', () => {
    const text = exerciseYaml()
      .replace("at: '0d 01:00'", "at: '1 day 01:00'")
      .replace("within: '1:00'", "within: '1:75'");
    const ds = errors(text);
    const at = find(ds, 'exercise.msel[2].at')!;
    expect(at.message).toMatch(/use "\[Nd \]HH:MM"/);
    expect(at.line).toBe(lineOf(text, "at: '1 day 01:00'"));
    const within = find(ds, 'exercise.msel[2].expects[1].within')!;
    expect(within.line).toBe(lineOf(text, "within: '1:75'"));
    expect(ds).toHaveLength(2);
  });

  it("wants an expected action's role among its inject's recipients", () => {
    const text = exerciseYaml().replace('role: hom\n', 'role: poc-adviser\n');
    const d = find(errors(text), 'exercise.msel[2].expects[1].role')!;
    expect(d.message).toBe(
      'role "poc-adviser" does not receive this inject (to: hom, fc); add it to `to` or expect the action from a recipient',
    );
    expect(d.line).toBe(lineOf(text, 'role: poc-adviser', 'id: act-statement'));
    // `to: all` lets any role act
    const all = exerciseYaml().replace(
      'role: fc\n          text: The Force Commander raises',
      'role: hom\n          text: The Force Commander raises',
    );
    expect(errors(all)).toEqual([]);
  });

  it('wants a contingency to name a contingency item', () => {
    const typo = exerciseYaml().replace('contingency: ev-no-posture', 'contingency: ev-no-postur');
    expect(find(errors(typo), 'exercise.msel[0].expects[0].contingency')?.message).toBe(
      'unknown MSEL item "ev-no-postur" (did you mean "ev-no-posture"?)',
    );
    const scheduled = exerciseYaml().replace('contingency: ev-no-posture', 'contingency: ev-attack');
    expect(find(errors(scheduled), 'exercise.msel[0].expects[0].contingency')?.message).toMatch(
      /"ev-attack" is a scheduled item/,
    );
  });

  it('finds a contingency cycle', () => {
    const text = exerciseWith((d) => {
      d.exercise.msel[3].expects = [
        { id: 'act-again', role: 'fc', text: 'Again.', within: '0:10', contingency: 'ev-no-posture' },
      ];
    });
    const d = find(errors(text), 'exercise.msel[3].expects[0].contingency')!;
    expect(d.message).toBe('contingency cycle: ev-no-posture -> ev-no-posture would fire for ever');
    const two = exerciseWith((d) => {
      d.exercise.msel.push({ ...structuredClone(d.exercise.msel[3]), id: 'ev-other', expects: [] });
      d.exercise.msel[3].expects = [
        { id: 'act-a', role: 'fc', text: 'A.', within: '0:10', contingency: 'ev-other' },
      ];
      d.exercise.msel[4].expects = [
        { id: 'act-b', role: 'fc', text: 'B.', within: '0:10', contingency: 'ev-no-posture' },
      ];
    });
    const cycles = errors(two).filter((x) => x.message.startsWith('contingency cycle'));
    expect(cycles.map((c) => c.message)).toEqual([
      'contingency cycle: ev-no-posture -> ev-other -> ev-no-posture would fire for ever',
    ]);
  });

  it('keeps ids unique across the whole file', () => {
    const text = exerciseYaml()
      .replace('{ id: q-response,', '{ id: q-warning,')
      .replace('{ id: poc-adviser, name: POC Adviser }', '{ id: posture, name: POC Adviser }')
      .replace('to: [poc-adviser]', 'to: [posture]')
      .replace('role: poc-adviser', 'role: posture')
      .replace('roles: [fc, poc-adviser]', 'roles: [fc, posture]');
    const ds = errors(text);
    expect(find(ds, 'exercise.modules[1].questions[0].id')?.message).toBe(
      'question id "q-warning" is already used by a question',
    );
    const role = find(ds, 'exercise.roles[2].id')!;
    expect(role.message).toBe('role id "posture" is already used by a step or ending elsewhere in the file');
    expect(role.line).toBe(lineOf(text, '{ id: posture, name: POC Adviser }'));
  });

  it('checks doctrine ids of expected actions', () => {
    const text = replaceAfter(
      exerciseYaml(),
      'exercise:',
      'follows: [15.4-do-5]',
      'follows: [15.4-do-55, 15.4-dont-1]',
    );
    const ds = errors(text);
    expect(find(ds, 'exercise.msel[2].expects[0].follows[0]')?.message).toMatch(
      /unknown doctrine id "15.4-do-55"/,
    );
    expect(find(ds, 'exercise.msel[2].expects[0].follows[1]')?.message).toBe(
      '"15.4-dont-1" is a Don\'t; list it under breaks',
    );
  });

  it('wants a step named by an inject to have a decision', () => {
    const text = exerciseWith((d) => {
      d.steps[1].decision.options[1].next = 'wrap';
      d.steps.push({
        id: 'wrap',
        phase: 'consolidation',
        title: 'Wrap',
        narration: 'Done.',
        next: 'end-harm',
      });
      d.exercise.msel[1].step = 'wrap';
    });
    expect(find(errors(text), 'exercise.msel[1].step')?.message).toBe(
      'step "wrap" has no decision to put to the roles',
    );
  });

  it('needs at least one role and a known format, and names unknown fields', () => {
    const text = exerciseYaml()
      .replace('format: tabletop', 'format: table-top')
      .replace(/ {2}roles:\n( {4}- \{ id: .*\n){3}/, '  roles: []\n')
      .replace('      projector: false', '      projecter: false');
    const ds = errors(text);
    expect(find(ds, 'exercise.format')?.message).toMatch(
      /expected one of tabletop, cpx.*did you mean "tabletop"/,
    );
    expect(find(ds, 'exercise.roles')?.message).toMatch(/at least 1|>=1/);
    const unknown = find(ds, 'exercise.msel[1].projecter')!;
    expect(unknown.message).toBe('unknown field "projecter" (did you mean "projector"?)');
    expect(unknown.line).toBe(lineOf(text, 'projecter: false'));
  });

  it('still reports cross-references when the shape pass fails, even with fields missing', () => {
    const text = exerciseYaml()
      .replace('format: tabletop', 'format: table-top')
      .replace('module: m2-response', 'module: m2')
      .replace("          within: '1:00'\n", '')
      .replace('role: fc\n          text: The Force Commander sends', 'text: The Force Commander sends');
    const ds = errors(text);
    expect(find(ds, 'exercise.format')).toBeDefined();
    expect(find(ds, 'exercise.msel[2].expects[0].role')?.message).toMatch(/required field is missing/);
    expect(find(ds, 'exercise.msel[2].expects[1].within')?.message).toMatch(/required field is missing/);
    const module = find(ds, 'exercise.msel[2].module')!;
    expect(module.message).toBe('unknown module "m2" (modules: m1-warning, m2-response)');
    expect(module.line).toBe(lineOf(text, 'module: m2'));
    expect(ds).toHaveLength(4);
  });

  it('warns when scheduled items are out of time order', () => {
    const text = exerciseYaml().replace("at: '0d 00:20'", "at: '0d 00:05'");
    const ds = load(text);
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    const w = find(ds, 'exercise.msel[1].at')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/comes before msel\[0\] in time/);
  });

  it('is accepted by the committed JSON Schema, which rejects a bad channel, time and doctrine id', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')));
    const data = parse(exerciseYaml());
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    data.exercise.msel[0].channel = 'pigeon';
    data.exercise.msel[0].expects[0].follows = ['15.4-do-99'];
    data.exercise.msel[0].at = 'soon';
    expect(validate(data)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/exercise/msel/0/channel');
    expect(paths).toContain('/exercise/msel/0/at');
    expect(paths).toContain('/exercise/msel/0/expects/0/follows/0');
  });
});
