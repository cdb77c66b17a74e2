import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { lintScenario } from '../../../src/engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { exploreScenario } from '../../../src/engine/run/explore.ts';
import { createRun } from '../../../src/engine/run/run.ts';
import { formatDiagnostic } from '../../../src/engine/scenario/diagnostic.ts';
import { type LoadResult, MAX_DEPTH, MAX_FILE_BYTES } from '../../../src/engine/scenario/load-scenario.ts';
import { collectTexts } from '../../../src/engine/scenario/text-keys.ts';
import { loadText, miniBundle, miniWith, miniYaml } from '../factories.ts';

// why: each case here is a file a hostile or careless author could hand the loader. The loader must
// answer every one with a bundle or with placed diagnostics; the large ones stay under the size limit
// on purpose, so they also prove the checks are linear and bounded, not merely refused.

const HOSTILE = join(import.meta.dirname, '..', '..', 'fixtures', 'hostile');
/** Milliseconds a single large hostile file may take before the test counts it as a hang (a loaded 2-core CI box once took 20 s for a bounded one). */
const HANG = 60_000;

function errors(r: LoadResult) {
  return r.diagnostics.filter((d) => d.severity === 'error');
}

/** The one-line form of the first diagnostic. */
function firstLine(r: LoadResult): string {
  expect(r.bundle).toBeUndefined();
  return formatDiagnostic(r.diagnostics[0]!);
}

/** The mini fixture with extra lines inserted after a line that starts with `anchor`. */
function miniInsert(anchor: string, lines: string[]): string {
  const text = miniYaml();
  const at = text.indexOf(anchor);
  const end = text.indexOf('\n', at) + 1;
  return `${text.slice(0, end)}${lines.join('\n')}\n${text.slice(end)}`;
}

describe('oversized files', () => {
  it('refuses a scenario or a translation over the size limit with the reason, without parsing it', () => {
    const big = `briefing: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    expect(firstLine(loadText(big))).toBe(
      `scenario.yaml:1:1 file is ${MAX_FILE_BYTES + 13} bytes; the limit is ${MAX_FILE_BYTES} bytes, so it was not read`,
    );
    const fr = { path: 'fr.yaml', text: big };
    const out = loadText(miniYaml(), [fr]).diagnostics.map(formatDiagnostic);
    expect(out).toEqual([expect.stringMatching(/^fr\.yaml:1:1 file is \d+ bytes; the limit is/)]);
  });

  it('counts bytes, not characters: multi-byte text over the limit is refused too', () => {
    const text = `title: "${'é'.repeat(MAX_FILE_BYTES / 2 + 1)}"`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(firstLine(loadText(text))).toMatch(/file is \d+ bytes; the limit is 1000000 bytes/);
  });

  it(
    'answers a list of 400,000 items just under the limit with a placed error',
    () => {
      const r = loadText(`[${'1,'.repeat(400_000)}1]`);
      expect(firstLine(r)).toMatch(/^scenario\.yaml:1:1 expected object; found \[1,1,1.{0,80}$/);
    },
    HANG,
  );

  it(
    'answers 90,000 unknown fields with one message that names a few of them',
    () => {
      const keys = Array.from({ length: 90_000 }, (_, i) => `x${i}: 1`);
      const r = loadText(miniInsert('id: mini-gate', keys));
      expect(firstLine(r)).toBe(
        'scenario.yaml:3:1 x0: unknown field "x0", "x1", "x2", "x3", "x4" and 89995 more (did you mean "id"?)',
      );
    },
    HANG,
  );

  it(
    'finds a duplicate among 90,000 keys at its line',
    () => {
      const keys = Array.from({ length: 90_000 }, (_, i) => `x${i}: 1`);
      const r = loadText(`${keys.join('\n')}\nx17: 2\n`);
      expect(firstLine(r)).toMatch(
        /^scenario\.yaml:90001:1 YAML: Map keys must be unique: the same field appears twice in one block/,
      );
    },
    HANG,
  );

  it(
    'reports each of 8,000 misspelt references, with a suggestion for the first hundred only',
    () => {
      const n = 8_000;
      const locations = Array.from(
        { length: n },
        (_, i) => `    - { id: loc${i}, name: L, kind: base, x: 1, y: 1 }`,
      );
      const actors = Array.from(
        { length: n },
        (_, i) => `    - { id: a${i}, name: A, kind: civilians, at: lox${i} }`,
      );
      const text = miniInsert('  locations:', locations).replace(
        '  actors:\n',
        `  actors:\n${actors.join('\n')}\n`,
      );
      expect(text.length).toBeLessThan(MAX_FILE_BYTES);
      const r = loadText(text);
      const unknown = errors(r).filter((d) => d.message.startsWith('unknown location "lox'));
      expect(unknown).toHaveLength(n);
      expect(unknown[0]!.message).toBe('unknown location "lox0" (did you mean "loc0"?)');
      expect(unknown.filter((d) => d.message.includes('did you mean'))).toHaveLength(100);
      expect(unknown[n - 1]!.field).toBe(`setting.actors[${n - 1}].at`);
    },
    HANG,
  );

  it(
    'loads a chain of 10,000 steps and checks that each reaches an ending',
    () => {
      const n = 10_000;
      const chain = Array.from(
        { length: n },
        (_, i) =>
          `  - { id: s${i}, phase: response, title: T, narration: N, next: ${i + 1 < n ? `s${i + 1}` : 'end-good'} }`,
      );
      const text = miniInsert('steps:', chain).replace('start: arrival', 'start: s0');
      const r = loadText(text);
      expect(errors(r).map((d) => d.message)).toEqual([
        'step "arrival" is unreachable from start',
        'step "night" is unreachable from start',
        'step "wrap-up" is unreachable from start',
        'ending "end-mixed" is unreachable from start',
        'ending "end-bad" is unreachable from start',
      ]);
    },
    HANG,
  );

  it(
    'answers 40,000 stale translation keys, each placed on its own line',
    () => {
      const texts = collectTexts(miniBundle().scenario).map((t) => `  ${t.key}: x`);
      const stale = Array.from({ length: 40_000 }, (_, i) => `  steps.x${i}.title: x`);
      const fr = {
        path: 'fr.yaml',
        text: `language: fr\nscenario: mini-gate\nsourceVersion: 1.0.0\ntexts:\n${[...texts, ...stale].join('\n')}\n`,
      };
      const found = errors(loadText(miniYaml(), [fr], { strict: true })).filter((d) =>
        d.message.startsWith('stale key'),
      );
      expect(found).toHaveLength(40_000);
      expect(found[39_999]).toMatchObject({ file: 'fr.yaml', line: 4 + texts.length + 40_000 });
    },
    HANG,
  );

  it(
    'reports a contingency loop of 5,000 MSEL items in one short message',
    () => {
      const base = readFileSync(join(HOSTILE, '..', 'exercise-mini', 'scenario.yaml'), 'utf8');
      const n = 5_000;
      const items = Array.from(
        { length: n },
        (_, i) =>
          `    - { id: c${i}, contingency: true, to: all, from: F, channel: radio, title: T, text: X, expects: [{ id: x${i}, role: fc, text: Y, within: '0:30', contingency: c${(i + 1) % n} }] }`,
      );
      const r = loadText(base.replace('  msel:\n', `  msel:\n${items.join('\n')}\n`));
      expect(errors(r).map((d) => `${d.field}: ${d.message}`)).toEqual([
        `exercise.msel[${n - 1}].expects[0].contingency: contingency cycle: c0 -> c1 -> c2 -> c3 -> (${n - 6} more) -> c${n - 2} -> c${n - 1} -> c0 would fire for ever`,
      ]);
    },
    HANG,
  );
});

describe('deep nesting', () => {
  it('refuses nesting past the limit, naming how deep it goes', () => {
    const within = `a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}`;
    expect(loadText(within).diagnostics[0]?.message).not.toMatch(/nesting/);
    const deep = `a: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`;
    expect(firstLine(loadText(deep))).toBe(
      `scenario.yaml:1:1 nesting is ${MAX_DEPTH + 1} levels deep; the limit is ${MAX_DEPTH}`,
    );
  });

  it('refuses nesting too deep for the parser itself with the same reason and a position', () => {
    for (const deep of [
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}`,
      `${'- '.repeat(50_000)}x`,
    ]) {
      const r = loadText(deep);
      expect(firstLine(r)).toMatch(/^scenario\.yaml:1:\d+ nesting is (too deep to read|\d+ levels deep)/);
    }
  });

  it('refuses deep block indentation', () => {
    const block = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(firstLine(loadText(`${block} 1\n`))).toMatch(/nesting is (too deep to read|\d+ levels deep)/);
  });
});

describe('aliases', () => {
  it('refuses an alias bomb in a scenario and in a translation', () => {
    const bomb = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    }
    expect(firstLine(loadText(bomb.join('\n')))).toMatch(/^scenario\.yaml:1:1 YAML: .*resource exhaustion/);
    const fr = { path: 'fr.yaml', text: `texts:\n${bomb.map((l) => `  ${l}`).join('\n')}\n` };
    expect(errors(loadText(miniYaml(), [fr])).map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^fr\.yaml:1:1 YAML: .*resource exhaustion/),
    ]);
  });

  it('reports an alias inside its own anchor instead of following it for ever', () => {
    expect(firstLine(loadText('&a [*a]'))).toBe(
      'scenario.yaml:1:4 expected object; found a list that contains itself',
    );
    const r = loadText(miniYaml().replace('objectives:\n  - Protect the civilians.', 'objectives: &o [*o]'));
    expect(errors(r).map(formatDiagnostic)).toContain(
      'scenario.yaml:12:17 objectives[0]: expected string; found a list that contains itself',
    );
  });

  it('accepts ordinary aliases that repeat a value', () => {
    const text = miniYaml()
      .replace('audience: [contingent-commander]', 'audience: &who [contingent-commander]')
      .replace('tiers: [II]\n          breaks', 'tiers: *tiers\n          breaks')
      .replace('tiers: [II]\n          follows', 'tiers: &tiers [II]\n          follows');
    expect(loadText(text).diagnostics).toEqual([]);
  });
});

describe('field names', () => {
  it('refuses a list, block, alias or binary value used as a field name, at its position', () => {
    const cases: [string, string][] = [
      [`? ${'['.repeat(60)}${']'.repeat(60)}\n: 1\n`, '1:3'],
      ['id: x\n[a, b]: 1\n', '2:1'],
      ['a: &k x\n*k : 1\n', '2:1'],
      ['steps: [{ [x]: 1 }]\n', '1:11'],
      ['? !!binary aGk=\n: 1\n', '1:12'],
    ];
    for (const [text, at] of cases) {
      expect(firstLine(loadText(text))).toBe(
        `scenario.yaml:${at} YAML: a field name must be plain text, not a list, block, alias or binary value`,
      );
    }
  });
});

describe('names JavaScript gives meaning to', () => {
  it('refuses a __proto__ field anywhere, at its line, and leaves Object.prototype clean', () => {
    const root = loadText(miniInsert('id: mini-gate', ['__proto__: { polluted: yes }']));
    expect(firstLine(root)).toBe(
      'scenario.yaml:3:1 YAML: the field name "__proto__" is not allowed: rename the field; this name is reserved',
    );
    const effects = loadText(
      miniYaml().replace('effects: { trust: 2 }', 'effects: { __proto__: { x: 1 }, trust: 2 }'),
    );
    expect(firstLine(effects)).toMatch(
      /^scenario\.yaml:51:\d+ YAML: the field name "__proto__" is not allowed/,
    );
    const fr = {
      path: 'fr.yaml',
      text: 'language: fr\nscenario: mini-gate\nsourceVersion: 1.0.0\ntexts:\n  __proto__: { polluted: yes }\n',
    };
    expect(loadText(miniYaml(), [fr]).diagnostics.map(formatDiagnostic)[0]).toMatch(
      /^fr\.yaml:5:3 YAML: the field name "__proto__" is not allowed/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('treats constructor, toString and friends as ordinary unknown names', () => {
    const r = loadText(
      miniYaml()
        .replace('id: mini-gate', 'id: mini-gate\nconstructor: { prototype: { polluted: yes } }')
        .replace('effects: { trust: 2 }', 'effects: { constructor: 2, hasOwnProperty: 1 }')
        .replace('phase: pre-emption', 'phase: { toString: 1, valueOf: 2 }'),
    );
    const out = errors(r).map((d) => `${d.field}: ${d.message}`);
    expect(out).toContain('constructor: unknown field "constructor"');
    expect(out).toContain(
      'steps[0].phase: expected one of prevention, pre-emption, response, consolidation; found {"toString":1,"valueOf":2}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const refs = loadText(
      miniYaml().replace('effects: { trust: 2 }', 'effects: { constructor: 2, valueof: 1 }'),
    );
    expect(errors(refs).map((d) => d.message)).toEqual([
      'unknown variable "constructor" (variables: trust, harm)',
      'unknown variable "valueof" (variables: trust, harm)',
    ]);
  });

  it('plays a scenario whose ids are constructor and toString like any other', () => {
    const text = miniWith((d) => {
      d.steps[1].id = 'constructor';
      d.steps[0].decision.options[0].next = 'constructor';
      d.steps[0].decision.noDecision.routes[0].next = 'constructor';
      d.steps[1].decision.options[1].id = 'tostring';
    }).replace(/\btostring\b/, 'to-string');
    const { bundle } = loadText(text);
    const run = createRun(bundle!.scenario);
    run.send({ type: 'decision.chosen', optionIds: ['open'] });
    expect(run.context().step).toBe('constructor');
    expect(run.send({ type: 'decision.chosen', optionIds: ['to-string'] })).toBe(true);
  });

  it('refuses a run log that names an inherited property as an option', () => {
    const { scenario } = miniBundle();
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const run = createRun(scenario);
      expect(run.send({ type: 'decision.chosen', optionIds: [id] })).toBe(false);
      expect(run.log).toEqual([]);
      expect(() => createRun(scenario, [{ type: 'decision.chosen', optionIds: [id] }])).toThrow(
        /not accepted/,
      );
    }
  });
});

describe('a step graph with a timed cycle', () => {
  const folder = join(HOSTILE, 'timed-cycle');

  it('validates when a guard ends the loop, and lint explores it to both endings', () => {
    const r = loadScenarioFolder(folder);
    expect(r.diagnostics).toEqual([]);
    const report = lintScenario(r.bundle!.scenario, CATALOGUE);
    expect(report.problems).toEqual([]);
    expect(report.endings).toEqual(['harmed', 'safe']);
    expect(report.truncated).toBe(false);
  });

  it('is reported by lint, at the time-out that closes it, when nothing ends the loop', () => {
    const text = readFileSync(join(folder, 'scenario.yaml'), 'utf8').replace(
      /routes:\n {10}- when: \{ variable: harm, atLeast: 10 \}\n {12}next: harmed\n {10}- next: wait\n/,
      'next: wait\n',
    );
    const r = loadText(text);
    expect(r.diagnostics).toEqual([]);
    const report = lintScenario(r.bundle!.scenario, CATALOGUE);
    expect(report.truncated).toBe(false);
    expect(report.paths).toBeNull();
    expect(report.problems.map((p) => formatDiagnostic(r.place!(p)))).toEqual([
      'scenario.yaml:33:7 steps[0].decision.noDecision: if nobody decides, time-outs lead round wait -> wait-again -> wait for ever and the run never ends: let one noDecision lead on',
    ]);
  });

  it('moves one step per clock tick however large, so a looping run never spins inside the engine', () => {
    const { scenario } = loadScenarioFolder(folder).bundle!;
    const run = createRun(scenario);
    expect(run.send({ type: 'clock.ticked', seconds: 1e12 })).toBe(true);
    expect(run.context().step).toBe('wait-again');
    expect(run.context().time).toBe(30);
    for (let i = 0; i < 20; i++) run.send({ type: 'clock.ticked', seconds: 30 });
    expect(run.context().ending).toBe('harmed');
  });

  it('is finite to explore: a loop through time-outs merges into the states it repeats', () => {
    const e = exploreScenario(loadScenarioFolder(folder).bundle!.scenario);
    expect(e.coverage).toBe('complete');
    expect(e.deadEnds).toEqual([]);
  });
});

describe('markup in texts', () => {
  it('keeps HTML and script tags as the characters written, in every language', () => {
    const { bundle, diagnostics } = loadScenarioFolder(join(HOSTILE, 'html-text'));
    expect(diagnostics).toEqual([]);
    expect(bundle!.texts.en!['steps.arrival.narration']).toBe(
      'The crowd reaches the gate.<script>document.title = "pwned"</script>',
    );
    expect(bundle!.texts.en!['options.open.label']).toBe('<button>Open</button> the gate &amp; screen');
    expect(bundle!.texts.fr!['injects.radio-1.text']).toBe(
      '<img src=x onerror="document.title=1">Foule à la porte.',
    );
  });
});

describe('broken Unicode', () => {
  const narration = 'The crowd reaches the gate.';
  const withNarration = (text: string) => miniYaml().replace(narration, text);
  const narrationOf = (r: LoadResult) => r.bundle?.texts.en?.['steps.arrival.narration'];

  it('keeps lone surrogates in a text as they are, without failing', () => {
    const r = loadText(withNarration('Crowd \uD800 at \uDFFF the gate'));
    expect(narrationOf(r)).toBe('Crowd \uD800 at \uDFFF the gate');
  });

  it('reads invalid UTF-8 bytes as replacement characters', () => {
    const bytes = Buffer.concat([
      Buffer.from(miniYaml().split(narration)[0]!, 'utf8'),
      Buffer.from([0x43, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from(miniYaml().split(narration)[1]!, 'utf8'),
    ]);
    const r = loadText(bytes.toString('utf8'));
    expect(r.diagnostics).toEqual([]);
    expect(narrationOf(r)).toBe('C\uFFFD\uFFFD\uFFFD(\uFFFD');
  });

  it('accepts a byte order mark at the start and places errors on the same lines as without it', () => {
    expect(loadText(`\uFEFF${miniYaml()}`).diagnostics).toEqual([]);
    const bad = miniYaml().replace('phase: pre-emption', 'phase: preemption');
    const plain = loadText(bad).diagnostics.map((d) => `${d.line}:${d.field}`);
    expect(loadText(`\uFEFF${bad}`).diagnostics.map((d) => `${d.line}:${d.field}`)).toEqual(plain);
  });

  it('reports a NUL byte or a stray byte order mark inside the file at its position', () => {
    for (const odd of ['\u0000', '\uFEFF']) {
      const r = loadText(miniYaml().replace('title: Arrival', `title: Arr${odd}ival\n${odd}x: 1`));
      expect(r.bundle).toBeUndefined();
      for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    }
    const quoted = loadText(withNarration('"The crowd\\0 reaches"'));
    expect(narrationOf(quoted)).toBe('The crowd\u0000 reaches');
  });
});

describe('numbers that are not finite', () => {
  it('are named as infinite or not-a-number, not "null", in a scenario', () => {
    const text = miniYaml()
      .replace(/^minutes: 5$/m, 'minutes: .inf')
      .replace('effects: { trust: 2 }', 'effects: { trust: .nan }')
      .replace('effects: { trust: -4, harm: 5 }', 'effects: { trust: -1e309, harm: 5 }');
    const r = loadText(text);
    const messages = r.diagnostics.map((d) => `${d.field}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^minutes: expected a finite number; found an infinite number/),
        expect.stringMatching(/effects\.trust: expected a finite number; found not-a-number \(\.nan\)/),
        expect.stringMatching(
          /effects\.trust: expected a finite number; found a negative infinite number \(-\.inf/,
        ),
      ]),
    );
    for (const m of messages) expect(m).not.toContain('null');
  });
});
