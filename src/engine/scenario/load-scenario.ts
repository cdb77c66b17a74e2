import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import type { z } from 'zod';
import { CATALOGUE, type DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { checkScenario, checkTranslation } from './check-scenario.ts';
import { type Diagnostic, didYouMean, formatFieldPath } from './diagnostic.ts';
import {
  type Language,
  type Scenario,
  scenarioSchema,
  type Translation,
  translationSchema,
} from './scenario.schema.ts';
import { collectTexts } from './text-keys.ts';

/** Largest scenario or translation file accepted, in bytes. */
export const MAX_FILE_BYTES = 1_000_000;
/** Deepest nesting of YAML collections accepted. */
export const MAX_DEPTH = 40;
const MAX_ALIASES = 200;

const YAML_HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: 'indent this line like the other fields of the same block (spaces, not tabs)',
  BLOCK_AS_IMPLICIT_KEY:
    'a line is probably indented more than the field above it; line up fields of the same block',
  MULTILINE_IMPLICIT_KEY:
    'a line is probably indented more than the field above it; line up fields of the same block',
  MISSING_CHAR:
    "check this line's indentation against the lines above it, and any missing '-', bracket or quote",
  DUPLICATE_KEY: 'the same field appears twice in one block; keep one',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs',
  UNEXPECTED_TOKEN: 'check the indentation and the punctuation of this line',
  RESERVED_KEY: 'rename the field; this name is reserved',
};

/** How strictly a scenario is loaded. */
export interface LoadOptions {
  /**
   * Publishing: a missing, untranslated or stale translation text is an error. Without it (drafting)
   * they are warnings and the source text stands in, so a trainer can play while a translation lags.
   */
  strict?: boolean;
}

/** The comment that marks a translation text still in the source language: `key: "…" # untranslated`. */
export const UNTRANSLATED_MARK = 'untranslated';
const UNTRANSLATED = /(^|\W)untranslated(\W|$)/i;

/** A file handed to the loader: its name as shown in messages, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A scenario that passed every check, with its texts per language. */
export interface ScenarioBundle {
  scenario: Scenario;
  /** Text tables by language, keyed by the keys of `textKey`. */
  texts: Partial<Record<Language, Record<string, string>>>;
}

/** What loading a scenario folder gives: a bundle when there are no errors, and every diagnostic either way. */
export interface LoadResult {
  bundle?: ScenarioBundle;
  diagnostics: Diagnostic[];
  /** Places a finding about the loaded scenario (a field path) in its `scenario.yaml`, for later checks such as lint. */
  place?: (problem: Problem) => Diagnostic;
}

/** A parsed YAML file that can place a field path at a line and column. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** Line and column of a field's value; with `atKey`, of its key (for unknown or misplaced fields). */
  locate(path: readonly PropertyKey[], atKey?: boolean): { line: number; col: number };
  /** The comments written on a field (before its key or after its value), joined; '' when none. */
  commentOf?(path: readonly PropertyKey[]): string;
  /** True when the field at `path` sits in a one-line `{ }` block with no value: a comma cut a text in two. */
  flowKeyWithoutValue?(path: readonly PropertyKey[]): boolean;
  diagnostics: Diagnostic[];
}

/** Parses YAML text keeping source positions; syntax problems come back as diagnostics. */
export function parseYamlFile(source: SourceFile): ParsedFile {
  const file = source.path;
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const bytes = utf8Length(source.text);
  const whole = { line: 1, col: 1 };
  if (bytes > MAX_FILE_BYTES) {
    diagnostics.push({
      file,
      ...whole,
      field: '',
      severity: 'error',
      message: `file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES} bytes, so it was not read`,
    });
    return { file, data: undefined, locate: () => whole, commentOf: () => '', diagnostics };
  }
  // why: the parser's own duplicate-key check compares each key with every earlier one, which takes
  // minutes on a file of 100,000 keys; scanTree finds duplicates in one pass instead.
  const doc = parseDocument(source.text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
  });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  // why: after the first syntax error the parser's further complaints are mostly echoes of it; one
  // line with a hint helps a trainer more than a screenful.
  const tree = scanTree(doc.contents);
  const errors = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], code: e.code as string, message: e.message })),
    ...tree.keyErrors,
  ].sort((a, b) => a.offset - b.offset);
  const [first, ...rest] = errors;
  if (first) {
    const more = rest.length
      ? ` (${rest.length} more YAML error${rest.length === 1 ? '' : 's'} follow, most likely from this one)`
      : '';
    // why: the parser reports running out of stack on deep nesting as its own exception text.
    const hint = colonInText(source.text, first.offset, first.code) ?? YAML_HINTS[first.code];
    const what =
      first.code === 'RESOURCE_EXHAUSTION'
        ? `nesting is too deep to read; the limit is ${MAX_DEPTH} levels`
        : `YAML: ${first.message.split('\n')[0]}${hint ? `: ${hint}` : ''}`;
    diagnostics.push({
      file,
      ...at(first.offset),
      field: '',
      severity: 'error',
      message: `${what}${more}`,
    });
  }
  for (const w of doc.warnings) {
    diagnostics.push({
      file,
      ...at(w.pos[0]),
      field: '',
      severity: 'warning',
      message: `YAML: ${w.message.split('\n')[0]}`,
    });
  }
  // why: a file with many problems in one large block would otherwise search the block once per problem.
  const keyIndex = new WeakMap<YAMLMap, Map<unknown, Pair>>();
  const pairOf = (map: YAMLMap, key: PropertyKey) => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isScalar(p.key) && !index.has(p.key.value)) index.set(p.key.value, p);
      keyIndex.set(map, index);
    }
    return index.get(key);
  };
  const locate = (path: readonly PropertyKey[], atKey = false) => {
    let node: unknown = doc.contents;
    let best: number | undefined = (doc.contents as Node | null)?.range?.[0];
    for (const part of path) {
      if (isMap(node)) {
        const pair = pairOf(node, part);
        if (!pair) break;
        best = (pair.key as Node).range?.[0] ?? best;
        node = pair.value;
        if ((node as Node | null)?.range && !atKey) best = (node as Node).range![0];
        if (isMap(node) || isSeq(node)) best = (pair.key as Node).range?.[0] ?? best;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (!item) break;
        node = item;
        best = (item as Node).range?.[0] ?? best;
      } else break;
    }
    return best === undefined ? whole : at(best);
  };
  const commentOf = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    for (const part of path) {
      if (!isMap(node)) return '';
      pair = pairOf(node, part);
      if (!pair) return '';
      node = pair.value;
    }
    const key = pair?.key as Node | undefined;
    const value = pair?.value as Node | undefined;
    return [key?.commentBefore, key?.comment, value?.commentBefore, value?.comment]
      .filter(Boolean)
      .join('\n');
  };
  const flowKeyWithoutValue = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    for (const [i, part] of path.entries()) {
      if (isMap(node)) {
        const pair = pairOf(node, part);
        if (!pair) return false;
        if (i === path.length - 1) return node.flow === true && pair.value === null;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') node = node.items[part];
      else return false;
    }
    return false;
  };
  if (errors.length > 0)
    return { file, data: undefined, locate, commentOf, flowKeyWithoutValue, diagnostics };
  const depth = tree.depth;
  if (depth > MAX_DEPTH) {
    diagnostics.push({
      file,
      ...whole,
      field: '',
      severity: 'error',
      message: `nesting is ${depth} levels deep; the limit is ${MAX_DEPTH}`,
    });
    return { file, data: undefined, locate, commentOf, flowKeyWithoutValue, diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    diagnostics.push({
      file,
      ...whole,
      field: '',
      severity: 'error',
      message: `YAML: ${(e as Error).message}`,
    });
  }
  return { file, data, locate, commentOf, flowKeyWithoutValue, diagnostics };
}

// why: `title: Morning at the school: families decide` is the commonest YAML trap for a trainer;
// the parser blames indentation, so the line itself is read to name the real cause.
function colonInText(text: string, offset: number, code: string): string | undefined {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY' && code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? undefined : end);
  const m = /^\s*(?:-\s+)?[^\s:#'"]+:\s+([^'"{[>|#\s][^#]*?:\s)/.exec(line);
  if (!m) return undefined;
  return 'the text after this field contains ": " (a colon and a space), which YAML reads as another field; put the whole text in double quotes';
}

// why: the engine has no DOM or Node types, so no TextEncoder; this counts UTF-8 bytes directly.
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A problem with a key found while scanning the parsed tree, at its offset in the text. */
interface KeyError {
  offset: number;
  code: string;
  message: string;
}

// why: one pass with its own stack, so neither a list of 500,000 items nor deep nesting can
// overflow the call stack; keys are scanned too, since a collection may be used as a key.
function scanTree(root: unknown): { depth: number; keyErrors: KeyError[] } {
  let depth = 0;
  const keyErrors: KeyError[] = [];
  const stack: { node: unknown; level: number }[] = [{ node: root, level: 0 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop()!;
    if (isMap(node)) {
      depth = Math.max(depth, level + 1);
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && seen.has(key.value))
          keyErrors.push({
            offset: key.range?.[0] ?? 0,
            code: 'DUPLICATE_KEY',
            message: 'Map keys must be unique',
          });
        if (isScalar(key)) seen.add(key.value);
        stack.push({ node: pair, level: level + 1 });
      }
    } else if (isSeq(node)) {
      depth = Math.max(depth, level + 1);
      for (const item of node.items) stack.push({ node: item, level: level + 1 });
    } else if (isPair(node)) {
      const key = node.key as Node | null;
      const offset = key?.range?.[0] ?? 0;
      if (isScalar(key) && key.value === '__proto__')
        keyErrors.push({
          offset,
          code: 'RESERVED_KEY',
          message: 'the field name "__proto__" is not allowed',
        });
      // why: a list, block or alias used as a field name has no meaning in a scenario, and a
      // JavaScript object could only keep it as its text.
      else if (key !== null && (!isScalar(key) || (typeof key.value === 'object' && key.value !== null)))
        keyErrors.push({
          offset,
          code: 'COMPLEX_KEY',
          message: 'a field name must be plain text, not a list, block, alias or binary value',
        });
      stack.push({ node: key, level }, { node: node.value, level });
    }
  }
  return { depth, keyErrors };
}

/** Turns zod issues into diagnostics placed on the YAML source. */
export function diagnosticsFromZod(
  parsed: ParsedFile,
  error: z.core.$ZodError,
  schema: unknown = scenarioSchema,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    let path: PropertyKey[] = [...issue.path];
    let message = issue.message;
    const input = (issue as { input?: unknown }).input;
    const found = describeValue(input);
    switch (issue.code) {
      case 'invalid_value': {
        const values = issue.values.map((v) => String(v));
        const hint = typeof input === 'string' ? didYouMean(input, values) : '';
        message = `expected one of ${values.join(', ')}; found ${found}${hint}`;
        break;
      }
      case 'invalid_type':
        message =
          input === undefined
            ? `required field is missing (expected ${issue.expected})`
            : // why: YAML's .inf/.nan and JSON's 1e309 arrive as numbers zod refuses as a type
              `expected ${issue.expected === 'number' && typeof input === 'number' ? 'a finite number' : issue.expected}; found ${found}`;
        break;
      case 'unrecognized_keys': {
        const key = issue.keys[0] ?? '';
        path = [...path, key];
        const known = knownKeysAt(schema, issue.path);
        const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
        message = `unknown field "${issue.keys.slice(0, 5).join('", "')}"${more}${didYouMean(key, known)}`;
        // why: `{ name: 1st Platoon, B Company }` makes "B Company" a field; the message alone puzzles.
        if (parsed.flowKeyWithoutValue?.(path))
          message += `: inside { } a comma ends a value, so "${key}" became a field of its own; if it belongs to the text before it, put that text in quotes`;
        break;
      }
      case 'invalid_union':
        message = `does not match any allowed form; found ${found}`;
        break;
      default:
        if (input !== undefined && issue.code !== 'custom') message = `${issue.message}; found ${found}`;
    }
    out.push({
      file: parsed.file,
      ...parsed.locate(path, issue.code === 'unrecognized_keys'),
      field: formatFieldPath(path),
      severity: 'error',
      message,
    });
  }
  return out;
}

// why: a found value is quoted to help find it, so a long one is cut short; a value that refers to
// itself through a YAML alias cannot be written out at all, and says so.
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && Number.isNaN(value)) return 'not-a-number (.nan)';
  if (typeof value === 'number' && !Number.isFinite(value))
    return value < 0
      ? 'a negative infinite number (-.inf, or a number too large such as -1e309)'
      : 'an infinite number (.inf, or a number too large such as 1e309)';
  let text: string | undefined;
  try {
    // why: JSON writes infinities and NaN as null, which would send the author looking for a null
    text = JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v)
        ? Number.isNaN(v)
          ? '.nan'
          : v < 0
            ? '-.inf'
            : '.inf'
        : v,
    );
  } catch {
    text = undefined;
  }
  if (text === undefined) return `${Array.isArray(value) ? 'a list' : 'a block'} that contains itself`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// why: zod reports unknown keys but not which keys were allowed there; walking the schema by the
// issue path gives the candidates for a "did you mean".
function knownKeysAt(root: unknown, path: readonly PropertyKey[]): string[] {
  let schema: unknown = root;
  for (const part of path) {
    schema = unwrap(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (typeof part === 'number' && def.type === 'array') schema = def.element;
    else if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(part)];
    else return [];
  }
  const def = (unwrap(schema) as { _zod?: { def?: { type?: string; shape?: object } } })._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { type?: string; innerType?: unknown } } };
  while (s?._zod?.def && ['optional', 'default', 'nullable'].includes(s._zod.def.type ?? '')) {
    s = s._zod.def.innerType as typeof s;
  }
  return s;
}

/** Loads a scenario folder's files: `scenario.yaml` and translation files; reports every problem found. */
export function loadScenario(
  main: SourceFile,
  translations: SourceFile[] = [],
  catalogue: DoctrineCatalogue = CATALOGUE,
  options: LoadOptions = {},
): LoadResult {
  const parsed = parseYamlFile(main);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) return { diagnostics };
  const result = scenarioSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    const shape = diagnosticsFromZod(parsed, result.error);
    diagnostics.push(...shape, ...crossCheckDespiteShape(parsed, result.error, catalogue));
    return { diagnostics };
  }
  const scenario = result.data;
  diagnostics.push(...checkScenario(scenario, catalogue).map((p) => placed(parsed, p)));

  const source: Record<string, string> = {};
  for (const t of collectTexts(scenario)) source[t.key] = t.text;
  const texts: ScenarioBundle['texts'] = { [scenario.language]: source };
  for (const file of translations) {
    const tp = parseYamlFile(file);
    diagnostics.push(...tp.diagnostics);
    if (tp.data === undefined) continue;
    const tr = translationSchema.safeParse(tp.data, { reportInput: true });
    if (!tr.success) {
      diagnostics.push(...diagnosticsFromZod(tp, tr.error, translationSchema));
      continue;
    }
    const translation: Translation = tr.data;
    const untranslated = new Set(
      Object.keys(translation.texts).filter((key) => UNTRANSLATED.test(tp.commentOf?.(['texts', key]) ?? '')),
    );
    diagnostics.push(
      ...checkTranslation(scenario, translation, { strict: options.strict, untranslated }).map((p) =>
        placed(tp, p),
      ),
    );
    texts[translation.language] = { ...translation.texts };
  }
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed
    ? { diagnostics }
    : { bundle: { scenario, texts }, diagnostics, place: (p: Problem) => placed(parsed, p) };
}

// why: a trainer should see every problem of a file in one run, so the cross-reference pass also
// runs on data that failed the shape pass; problems at or under a field the shape pass already
// reported are dropped, and a crash on malformed data only means fewer extra findings.
function crossCheckDespiteShape(
  parsed: ParsedFile,
  error: z.core.$ZodError,
  catalogue: DoctrineCatalogue,
): Diagnostic[] {
  const data = withDefaults(parsed.data);
  if (!data) return [];
  const reported = error.issues.map((i) => i.path.map(String));
  const overlaps = (path: PropertyKey[]) => {
    const p = path.map(String);
    return reported.some((r) => r.every((part, i) => p[i] === undefined || p[i] === part));
  };
  try {
    return checkScenario(data, catalogue)
      .filter((p) => !overlaps(p.path))
      .map((p) => placed(parsed, p));
  } catch {
    return [];
  }
}

function withDefaults(raw: unknown): Scenario | undefined {
  if (!isRecord(raw) || !isRecord(raw.setting)) return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord) : []);
  const setting = raw.setting;
  const steps = list(raw.steps).map((st) => {
    const d = isRecord(st.decision) ? st.decision : undefined;
    const fill = (o: Record<string, unknown>) => ({
      ...o,
      follows: list2(o.follows),
      breaks: list2(o.breaks),
      fails: list2(o.fails),
    });
    return d
      ? {
          ...st,
          decision: {
            ...d,
            options: list(d.options).map(fill),
            ...(isRecord(d.noDecision) ? { noDecision: fill(d.noDecision) } : {}),
          },
        }
      : st;
  });
  return {
    ...raw,
    setting: {
      ...setting,
      map: isRecord(setting.map) ? setting.map : { width: 10_000, height: 10_000 },
      locations: list(setting.locations),
      roads: list(setting.roads),
      actors: list(setting.actors),
      units: list(setting.units),
    },
    variables: list(raw.variables),
    steps,
    endings: list(raw.endings),
  } as unknown as Scenario;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list2 = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/** A problem found by a checker: where in the data, and what. */
export interface Problem {
  path: PropertyKey[];
  message: string;
  severity?: 'error' | 'warning';
}

/** Places a checker's problem (a field path) at its line and column in a parsed file. */
export function placed(parsed: ParsedFile, p: Problem): Diagnostic {
  return {
    file: parsed.file,
    ...parsed.locate(p.path),
    field: formatFieldPath(p.path),
    severity: p.severity ?? 'error',
    message: p.message,
  };
}
