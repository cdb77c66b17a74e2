import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createRun } from '../../../src/engine/run/run.ts';
import {
  type LoadResult,
  loadScenario,
  parseYamlFile,
  type SourceFile,
} from '../../../src/engine/scenario/load-scenario.ts';
import { TEST_SCALE } from '../../test-scale.ts';

// why: a trainer's file may be half-saved, hand-merged or hostile. Whatever the bytes, loading must
// end in a bundle or in diagnostics that each name file, line and column: never an exception. Each
// property below runs inside one test, so a hang fails that test at its time-out.

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface Folder {
  name: string;
  main: SourceFile;
  translations: SourceFile[];
}

function readFolder(dir: string): Folder {
  const translations = readdirSync(dir)
    .filter((f) => /^[a-z]{2}\.yaml$/.test(f))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));
  return {
    name: dir.slice(ROOT.length + 1),
    main: { path: 'scenario.yaml', text: readFileSync(join(dir, 'scenario.yaml'), 'utf8') },
    translations,
  };
}

const FIXTURES = ['mini', 'exercise-mini', 'hostile/html-text', 'hostile/timed-cycle'].map((f) =>
  readFolder(join(ROOT, 'test', 'fixtures', f)),
);
const BUNDLED = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => readFolder(join(ROOT, 'scenarios', d.name)));

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

// --- how far the cases reach --------------------------------------------------------------------

/** Where a generated case stopped: refused by the loader, or played to an ending or a clear stop. */
type Reach = 'refused' | 'ended' | 'loop-cap';
const REACH: Record<string, Record<Reach, number>> = {};
let property = 'unnamed';
function tally(reach: Reach) {
  REACH[property] ??= { refused: 0, ended: 0, 'loop-cap': 0 };
  REACH[property]![reach]++;
}
/** Cases that became a playable scenario and played to an ending or a clear stop, as a share. */
function playedShare(name: string): number {
  const r = REACH[name]!;
  return (r.ended + r['loop-cap']) / (r.refused + r.ended + r['loop-cap']);
}
afterAll(() => {
  // why: the review found the fuzz rarely got past the loader; this table shows how far it reaches
  const rows = Object.entries(REACH).map(([name, r]) => {
    const total = r.refused + r.ended + r['loop-cap'];
    return `${name.padEnd(58)} ${String(total).padStart(5)} cases ${String(r.ended + r['loop-cap']).padStart(5)} played (${Math.round((100 * (r.ended + r['loop-cap'])) / total)}%): ${r.ended} to an ending, ${r['loop-cap']} stopped at the event cap`;
  });
  console.log(`fuzz reach:\n${rows.join('\n')}`);
});

/** Loads the files and checks the answer is a bundle or a list of placed diagnostics. */
function expectAnswered(main: SourceFile, translations: SourceFile[] = []): LoadResult {
  const result = loadScenario(main, translations);
  const lines = new Map(
    [main, ...translations].map((f) => [f.path, f.text.split(/\r\n|\r|\n/).length] as const),
  );
  for (const d of result.diagnostics) {
    expect(lines.has(d.file), `file of ${JSON.stringify(d)}`).toBe(true);
    expect(
      Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.get(d.file)!,
      `line of ${d.message}`,
    ).toBe(true);
    expect(Number.isInteger(d.col) && d.col >= 1, `column of ${d.message}`).toBe(true);
    expect(typeof d.field).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(d.severity);
  }
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  expect(failed, 'a bundle comes without errors, errors come without a bundle').toBe(!result.bundle);
  tally(result.bundle ? playOnce(result) : 'refused');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

/** Events a played case may take before it counts as a clear stop (a loop the trainee can keep taking). */
const EVENT_CAP = 500;
let pick = 0;

// why: a file that passes every check must also compile and play to an ending; walk one path,
// taking each option in turn across cases (so later options are played too), letting a timed
// decision run out now and then. A step that accepts nothing is a stuck run and fails the case.
function playOnce(result: LoadResult): Reach {
  const { scenario } = result.bundle!;
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const run = createRun(scenario);
  for (let i = 0; i < EVENT_CAP; i++) {
    if (run.finished()) return 'ended';
    const step = steps.get(run.context().step);
    const d = step?.decision;
    const turn = pick++;
    let moved: boolean;
    if (d) {
      const option = d.options[turn % d.options.length]!;
      const letRunOut = d.timeLimit !== undefined && turn % 7 === 3;
      moved =
        (!letRunOut && run.send({ type: 'decision.chosen', optionIds: [option.id] })) ||
        run.send({ type: 'clock.ticked', seconds: d.timeLimit ?? 60 }) ||
        d.options.some((o) => run.send({ type: 'decision.chosen', optionIds: [o.id] }));
    } else moved = run.send({ type: 'step.continued' }) || run.send({ type: 'clock.ticked', seconds: 60 });
    expect(moved, `stuck at step "${run.context().step}" after ${i} events`).toBe(true);
  }
  return run.finished() ? 'ended' : 'loop-cap';
}

// --- random input -------------------------------------------------------------------------------

const YAML_TOKENS = [
  '\n',
  '\n  ',
  '  ',
  '- ',
  ': ',
  '? ',
  ',',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '|',
  '>-',
  '&a ',
  '*a',
  '<<: ',
  '!!str ',
  '!!binary ',
  '!tag ',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '\t',
  '\r',
  '\0',
  '\uFEFF',
  '\uD800',
  '\\',
  'id',
  'steps',
  'next',
  'decision',
  'options',
  'texts',
  '__proto__',
  'constructor',
  'toString',
  '15.1-do-3',
  '<script>',
  '1e999',
  '.nan',
  '~',
  'null',
  'true',
  'x',
];

const bytesAsUtf8 = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8'));
const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...YAML_TOKENS), maxLength: 80 }),
  bytesAsUtf8,
);

const KEYS = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'id',
    'steps',
    'next',
    'decision',
    'options',
    'texts',
    'language',
    '__proto__',
    'constructor',
  ),
);
const randomValue = fc.anything({ key: KEYS, maxDepth: 4, maxKeys: 6, withNullPrototype: true });

/** YAML text for any value; values the YAML writer refuses become their string form. */
function toYaml(value: unknown): string {
  try {
    return stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

// --- mutations ----------------------------------------------------------------------------------

type Container = Record<string, unknown> | unknown[];
interface Place {
  parent: Container;
  key: string | number;
}

function placesIn(data: unknown): Place[] {
  const out: Place[] = [];
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i });
        stack.push(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k });
        stack.push(v);
      }
    }
  }
  return out;
}

const get = (p: Place) => (p.parent as Record<string | number, unknown>)[p.key];
function set(p: Place, value: unknown) {
  Object.defineProperty(p.parent, p.key, { value, enumerable: true, writable: true, configurable: true });
}
function remove(p: Place) {
  if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
  else delete p.parent[p.key as string];
}

const replacement = fc.oneof(
  fc.constantFrom(
    null,
    0,
    -1,
    1.5,
    1e308,
    Number.NaN,
    '',
    ' ',
    'x',
    true,
    [],
    {},
    [1, 2],
    { a: 1 },
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '\uD800',
    'x'.repeat(5000),
    '15.1-dont-1',
    'end-good',
  ),
  randomValue,
);

const ID_FIELDS = new Set([
  'id',
  'next',
  'start',
  'at',
  'from',
  'to',
  'actor',
  'unit',
  'location',
  'chose',
  'notChose',
  'role',
  'contingency',
  'step',
  'scenario',
]);

const dataMutation = fc.record({
  op: fc.constantFrom('drop', 'duplicate', 'retype', 'swap', 'swapIds', 'rename'),
  at: fc.nat(),
  other: fc.nat(),
  value: replacement,
  name: fc.oneof(KEYS, fc.constantFrom('nxt', 'optons', 'timelimit')),
});
type DataMutation = typeof dataMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateData(data: unknown, m: DataMutation): unknown {
  const places = placesIn(data);
  if (places.length === 0) return m.value;
  const p = places[m.at % places.length]!;
  const q = places[m.other % places.length]!;
  switch (m.op) {
    case 'drop':
      remove(p);
      break;
    case 'duplicate':
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 0, structuredClone(get(p)));
      else set(q, structuredClone(get(p)));
      break;
    case 'retype':
      set(p, m.value);
      break;
    case 'swap': {
      const a = get(p);
      set(p, get(q));
      set(q, a);
      break;
    }
    case 'swapIds': {
      const ids = places.filter((x) => typeof x.key === 'string' && ID_FIELDS.has(x.key));
      if (ids.length < 2) break;
      const a = ids[m.at % ids.length]!;
      const b = ids[m.other % ids.length]!;
      const va = get(a);
      set(a, get(b));
      set(b, va);
      break;
    }
    case 'rename':
      if (!Array.isArray(p.parent)) {
        const v = get(p);
        remove(p);
        set({ parent: p.parent, key: m.name }, v);
      }
      break;
  }
  return data;
}

const textMutation = fc.record({
  op: fc.constantFrom('cut', 'insert', 'delete', 'dupLine', 'swapLines', 'indent', 'replace'),
  at: fc.nat(),
  other: fc.nat(),
  len: fc.nat({ max: 400 }),
  insert: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...YAML_TOKENS), maxLength: 6 }),
    fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('utf8')),
  ),
});
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  const at = m.at % (text.length + 1);
  const lines = text.split('\n');
  const li = m.at % lines.length;
  const lj = m.other % lines.length;
  switch (m.op) {
    case 'cut':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.insert + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'dupLine':
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 'swapLines':
      [lines[li], lines[lj]] = [lines[lj]!, lines[li]!];
      return lines.join('\n');
    case 'indent':
      lines[li] = m.len % 2 ? ` ${lines[li]}` : lines[li]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 'replace':
      return text.slice(0, at) + m.insert + text.slice(at + 1 + (m.len % 8));
  }
}

/** A file's text after structural mutations of its data, written back as YAML. */
function mutatedData(text: string, mutations: DataMutation[]): string {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    // why: a bundled scenario someone is still editing may not parse; its text is input enough.
    return text;
  }
  for (const m of mutations) data = mutateData(data, m);
  return toYaml(data);
}

// why: structural mutations mostly stop at the schema, so they test the loader's messages; value
// mutations keep the file's shape and change what it says (another id of the same field, a nudged
// number, a rewritten text, a flipped flag), so most of them load and exercise the engine.
const valueMutation = fc.record({
  at: fc.nat(),
  other: fc.nat(),
  nudge: fc.constantFrom(-10, -1, 1, 2, 5, 30, 0.5),
  text: fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
    fc.constantFrom('', '<script>alert(1)</script>', '{{x}} $t(y)', '\u202e', 'é'.repeat(300)),
  ),
});
type ValueMutation = typeof valueMutation extends fc.Arbitrary<infer T> ? T : never;

/** Leaves of the data (strings, numbers, booleans), with the name of the field that holds each. */
function leavesIn(data: unknown): (Place & { field: string })[] {
  const out: (Place & { field: string })[] = [];
  const stack: { node: unknown; field: string }[] = [{ node: data, field: '' }];
  while (stack.length > 0) {
    const { node, field } = stack.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : node && typeof node === 'object'
        ? Object.entries(node)
        : [];
    for (const [key, v] of entries) {
      const name = typeof key === 'number' ? field : key;
      if (v && typeof v === 'object') stack.push({ node: v, field: name });
      else out.push({ parent: node as Container, key, field: name });
    }
  }
  return out;
}

function mutateValue(data: unknown, m: ValueMutation): unknown {
  const all = leavesIn(data);
  // why: an element's own id is structure (renaming it only orphans its references); references
  // to ids are values, and are pointed at another existing id below
  const leaves = all.filter((l) => l.field !== 'id');
  if (leaves.length === 0) return data;
  const p = leaves[m.at % leaves.length]!;
  const v = get(p);
  if (typeof v === 'number') {
    const next = Number.isInteger(v) && m.nudge !== 0.5 ? v + m.nudge : v * m.nudge;
    set(p, v >= 0 ? Math.max(0, next) : next);
  } else if (typeof v === 'boolean') set(p, !v);
  else if (typeof v === 'string' && ID_FIELDS.has(p.field)) {
    // another value the same field holds elsewhere in the file: a different, existing id
    const same = leaves.filter((l) => l.field === p.field).map(get);
    set(p, same[m.other % same.length]);
  } else if (typeof v === 'string' && v.length <= 12) {
    // a short word (a kind, a tier, a time, a doctrine id) from the same field elsewhere
    const same = leaves.filter((l) => l.field === p.field).map(get);
    set(p, same[m.other % same.length]);
  } else set(p, m.text);
  return data;
}

/** A file's text after value mutations, its structure kept, written back as YAML. */
function mutatedValues(text: string, mutations: ValueMutation[]): string {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return text;
  }
  for (const m of mutations) data = mutateValue(data, m);
  return toYaml(data);
}

const valueMutations = fc.array(valueMutation, { minLength: 1, maxLength: 3 });
const dataMutations = fc.array(dataMutation, { minLength: 1, maxLength: 4 });
const textMutations = fc.array(textMutation, { minLength: 1, maxLength: 3 });

// --- properties ---------------------------------------------------------------------------------

// why: FUZZ_SCALE=20 npx vitest run <this file> searches longer, for a session spent hunting crashes.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1) * TEST_SCALE;
/**
 * Runs per property: about 2,900 cases in all by default, sized so the whole `npm test` fits ten
 * minutes on two cores; POCSIM_TEST_SCALE=4 (or FUZZ_SCALE) searches longer. The value mutations,
 * which load and play, cost most per case.
 */
const RUNS = {
  random: Math.max(1, Math.round(600 * SCALE)),
  values: Math.max(1, Math.round(400 * SCALE)),
  fixture: Math.max(1, Math.round(120 * SCALE)),
  translation: Math.max(1, Math.round(60 * SCALE)),
  bundled: Math.max(1, Math.round(6 * SCALE)),
  value: Math.max(1, Math.round(80 * SCALE)),
};

describe('fuzzing the scenario loader', () => {
  it('answers random text and bytes with a bundle or placed diagnostics', () => {
    property = 'random text';
    fc.assert(
      fc.property(randomText, fc.boolean(), (text, asTranslation) => {
        if (asTranslation) expectAnswered(FIXTURES[0]!.main, [{ path: 'fr.yaml', text }]);
        else expectAnswered({ path: 'scenario.yaml', text });
      }),
      { numRuns: RUNS.random },
    );
  }, 60_000);

  it('answers random YAML documents of any shape', () => {
    property = 'random YAML values';
    fc.assert(
      fc.property(randomValue, fc.boolean(), (value, asTranslation) => {
        const text = toYaml(value);
        if (asTranslation) expectAnswered(FIXTURES[0]!.main, [{ path: 'fr.yaml', text }]);
        else expectAnswered({ path: 'scenario.yaml', text });
      }),
      { numRuns: RUNS.values },
    );
  }, 60_000);

  for (const folder of FIXTURES) {
    it(`answers structural mutations of ${folder.name}`, () => {
      property = `structural mutations of ${folder.name}`;
      fc.assert(
        fc.property(dataMutations, (ms) => {
          expectAnswered(
            { path: 'scenario.yaml', text: mutatedData(folder.main.text, ms) },
            folder.translations,
          );
        }),
        { numRuns: RUNS.fixture },
      );
    }, 60_000);

    it(`answers cut, spliced and shuffled text of ${folder.name}`, () => {
      property = `text mutations of ${folder.name}`;
      fc.assert(
        fc.property(textMutations, (ms) => {
          const text = ms.reduce(mutateText, folder.main.text);
          expectAnswered({ path: 'scenario.yaml', text }, folder.translations);
        }),
        { numRuns: RUNS.fixture },
      );
    }, 60_000);
  }

  // why: most value-mutated files must load and play to an ending or a clear stop, or the fuzz has
  // stopped reaching the engine (a loader that refused everything would still pass the rest).
  for (const folder of FIXTURES.slice(0, 2)) {
    it(`plays value mutations of ${folder.name}, most of them to an ending`, () => {
      property = `value mutations of ${folder.name}`;
      fc.assert(
        fc.property(valueMutations, (ms) => {
          expectAnswered(
            { path: 'scenario.yaml', text: mutatedValues(folder.main.text, ms) },
            folder.translations,
          );
        }),
        { numRuns: RUNS.value },
      );
      expect(playedShare(property)).toBeGreaterThanOrEqual(0.5);
    }, 60_000);
  }

  it('plays value mutations of every bundled scenario, most of them to an ending', () => {
    property = 'value mutations of the bundled scenarios';
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED), valueMutations, (folder, ms) => {
        expectAnswered(
          { path: 'scenario.yaml', text: mutatedValues(folder.main.text, ms) },
          folder.translations,
        );
      }),
      { numRuns: RUNS.bundled * 6 },
    );
    expect(playedShare(property)).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  const translated = [...FIXTURES, ...BUNDLED].filter((f) => f.translations.length > 0);
  it('answers mutated translation files beside a valid scenario', () => {
    property = 'mutated translations';
    fc.assert(
      fc.property(
        fc.constantFrom(...translated),
        fc.oneof(
          dataMutations.map((ms) => (t: string) => mutatedData(t, ms)),
          textMutations.map((ms) => (t: string) => ms.reduce(mutateText, t)),
        ),
        (folder, mutate) => {
          const [first, ...rest] = folder.translations;
          expectAnswered(folder.main, [{ path: first!.path, text: mutate(first!.text) }, ...rest]);
        },
      ),
      { numRuns: RUNS.translation },
    );
  }, 120_000);

  for (const folder of BUNDLED) {
    it(`answers mutations of the bundled ${folder.name}`, () => {
      property = `mutations of bundled ${folder.name}`;
      fc.assert(
        fc.property(
          fc.oneof(
            dataMutations.map((ms) => (t: string) => mutatedData(t, ms)),
            textMutations.map((ms) => (t: string) => ms.reduce(mutateText, t)),
          ),
          (mutate) => {
            expectAnswered({ path: 'scenario.yaml', text: mutate(folder.main.text) }, folder.translations);
          },
        ),
        { numRuns: RUNS.bundled },
      );
    }, 60_000);
  }

  it('parses any text into data or a first error with a position', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        const parsed = parseYamlFile({ path: 'x.yaml', text });
        expect(parsed.diagnostics.every((d) => d.line >= 1 && d.col >= 1)).toBe(true);
        if (parsed.data === undefined)
          expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        const where = parsed.locate(['steps', 0, 'id']);
        expect(where.line >= 1 && where.col >= 1).toBe(true);
      }),
      { numRuns: RUNS.random },
    );
  }, 60_000);
});
