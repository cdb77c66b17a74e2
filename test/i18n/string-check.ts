import { parseAst } from 'vite';

// why: the check works on values (source texts and string tables), not on the file system, so a test
// can run it on a modified copy (a French key removed, a word typed into JSX) and see it bite.

/** A source file of the app: its path (for messages) and its text. */
export interface SourceFile {
  path: string;
  code: string;
}

/** One string table in English and French: the core table or a lazily loaded screen's. */
export interface StringTable {
  name: string;
  en: unknown;
  fr: unknown;
}

/**
 * Keys the code builds from a value, as `prefix.*.suffix` templates (one `*` for the value) with
 * every value the value can take, read from the code's own enums.
 */
export type DynamicKeys = Readonly<Record<string, readonly string[]>>;

export type FindingKind = 'missing' | 'unused' | 'hard-coded' | 'unlisted-dynamic' | 'stale-dynamic';

/** One problem, with where it is and what to do about it. */
export interface StringFinding {
  kind: FindingKind;
  /** `file:line:col`, or the table name for an unused key. */
  where: string;
  /** The key or the text concerned. */
  subject: string;
  message: string;
}

export interface StringCheckInput {
  sources: readonly SourceFile[];
  tables: readonly StringTable[];
  dynamic: DynamicKeys;
  /** Files whose key-like literals are scenario text keys (translated by fr.yaml), not UI keys. */
  scenarioKeyFiles?: readonly string[];
}

const LANGS = ['en', 'fr'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
// why: i18next context variants (`key_plain`, `key_timedOut`) are chosen at run time by an option.
const CONTEXT = /_[a-zA-Z]+$/;
const KEY_SHAPE = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/;

/** JSX attributes a user reads or hears. */
export const USER_FACING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
]);

/**
 * Characters JSX may carry without a string key: arrows, ticks and marks that are decorative or
 * read the same in every language, and punctuation between translated parts. No letter, no digit.
 */
export const ALLOWED_SYMBOLS: ReadonlySet<string> = new Set([...'→←↓↕↺↻⇩▲▼△○●✓✗✕★⚠◐·•…–—−+×!:.,()/#§|']);

/** Checks the string tables against the code: missing keys, unused keys and hard-coded text. */
export function checkStrings(input: StringCheckInput): StringFinding[] {
  const findings: StringFinding[] = [];
  const flat = input.tables.map((t) => ({
    name: t.name,
    en: flatten(t.en),
    fr: flatten(t.fr),
  }));
  const namespaces = new Set(flat.flatMap((t) => [...t.en.keys(), ...t.fr.keys()].map(firstSegment)));
  const known = Object.fromEntries(
    LANGS.map((l) => [l, new Set(flat.flatMap((t) => [...t[l].keys()].flatMap(namesOf)))]),
  ) as Record<(typeof LANGS)[number], Set<string>>;
  const has = (lang: (typeof LANGS)[number], key: string) => known[lang].has(key);
  const scenarioFiles = new Set(input.scenarioKeyFiles ?? []);

  const scans = input.sources.map((s) => {
    // why: the tests run the check on many modified copies; parsing each unchanged file once is enough.
    const key = `${s.path}\0${[...namespaces].join(',')}\0${s.code}`;
    const scan = scanCache.get(key) ?? scanSource(s, namespaces, scenarioFiles.has(s.path));
    scanCache.set(key, scan);
    return scan;
  });
  const eventNames = new Set(scans.flatMap((s) => s.eventNames));
  const referenced = new Set<string>();
  const templatesSeen = new Set<string>();

  for (const scan of scans) {
    for (const ref of scan.keys) {
      const inSome = LANGS.some((l) => has(l, ref.key));
      if (inSome) referenced.add(ref.key);
      // why: event names (`decision.chosen`) look like keys; a literal that is neither a key nor
      // an event name, or any literal given to t(), must be a key.
      if (!ref.inT && !inSome && eventNames.has(ref.key)) continue;
      for (const l of LANGS) {
        if (!has(l, ref.key))
          findings.push({
            kind: 'missing',
            where: ref.where,
            subject: ref.key,
            message: `key "${ref.key}" is used but has no ${l === 'en' ? 'English' : 'French'} text`,
          });
      }
    }
    for (const tpl of scan.templates) {
      templatesSeen.add(tpl.template);
      const values = input.dynamic[tpl.template];
      if (!values) {
        findings.push({
          kind: 'unlisted-dynamic',
          where: tpl.where,
          subject: tpl.template,
          message: `key built at run time as "${tpl.template}": list its values (from the code's enum) in the dynamic keys`,
        });
        continue;
      }
      for (const key of expand(tpl.template, values)) {
        referenced.add(key);
        for (const l of LANGS) {
          if (!has(l, key))
            findings.push({
              kind: 'missing',
              where: tpl.where,
              subject: key,
              message: `key "${key}" (from "${tpl.template}") has no ${l === 'en' ? 'English' : 'French'} text`,
            });
        }
      }
    }
    findings.push(...scan.hardCoded);
  }

  for (const template of Object.keys(input.dynamic)) {
    if (!templatesSeen.has(template))
      findings.push({
        kind: 'stale-dynamic',
        where: 'dynamic keys',
        subject: template,
        message: `dynamic key "${template}" is listed but no code builds it`,
      });
  }

  for (const t of flat) {
    const keys = new Set([...t.en.keys(), ...t.fr.keys()]);
    for (const key of keys) {
      if (!isUsed(key, referenced))
        findings.push({
          kind: 'unused',
          where: t.name,
          subject: key,
          message: `key "${key}" in the ${t.name} table is never used in src/`,
        });
    }
  }
  return findings;
}

/** Every key a template stands for. */
export function expand(template: string, values: readonly string[]): string[] {
  return values.map((v) => template.replace('*', v));
}

function isUsed(key: string, referenced: ReadonlySet<string>): boolean {
  return namesOf(key).some((k) => referenced.has(k));
}

/** The names code may use for a table key: itself, without its plural form, without its context. */
function namesOf(key: string): string[] {
  const plain = key.replace(PLURAL, '');
  return [key, plain, plain.replace(CONTEXT, '')];
}

function flatten(node: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function firstSegment(key: string): string {
  return key.split('.')[0]!;
}

// --- scanning one source file ---------------------------------------------------------------

interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

const scanCache = new Map<string, SourceScan>();

interface SourceScan {
  keys: { key: string; where: string; inT: boolean }[];
  templates: { template: string; where: string }[];
  eventNames: string[];
  hardCoded: StringFinding[];
}

function scanSource(source: SourceFile, namespaces: ReadonlySet<string>, scenarioKeys: boolean): SourceScan {
  const scan: SourceScan = { keys: [], templates: [], eventNames: [], hardCoded: [] };
  const ast = parseAst(source.code, { lang: source.path.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as Node;
  const lineStarts = [0];
  for (let i = 0; i < source.code.length; i++) if (source.code[i] === '\n') lineStarts.push(i + 1);
  const where = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return `${source.path}:${line + 1}:${offset - lineStarts[line]! + 1}`;
  };
  const isKeyLike = (s: string) => KEY_SHAPE.test(s) && namespaces.has(firstSegment(s));
  const arrays = constStringArrays(ast);

  const visit = (node: unknown, parents: Node[]): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parents);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'Literal' && typeof node.value === 'string') {
      if (isKeyLike(node.value) && !scenarioKeys)
        scan.keys.push({ key: node.value, where: where(node.start), inT: insideTArgument(parents) });
      if (underTypeField(parents)) scan.eventNames.push(node.value);
    } else if (node.type === 'TemplateLiteral') {
      const quasis = (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked);
      const template = quasis.join('*');
      if (!scenarioKeys && quasis.length > 1 && isKeyLike(quasis[0]!.replace(/\.$/, '.x'))) {
        const values =
          quasis.length === 2 ? literalValuesOf(node.expressions as Node[], parents, arrays) : undefined;
        if (values) {
          // why: a key built from a list written in the same code (`['a', 'b'].map((k) => t(`x.${k}`))`)
          // needs no allow-list: its values are right there.
          for (const key of expand(template, values))
            scan.keys.push({ key, where: where(node.start), inT: true });
        } else scan.templates.push({ template, where: where(node.start) });
      }
    }
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') checkJsx(node, scan, where);
    parents.push(node);
    for (const [field, value] of Object.entries(node)) if (field !== 'type') visit(value, parents);
    parents.pop();
  };
  visit(ast, []);
  return scan;
}

/** `const NAME = ['a', 'b'] (as const)` declarations of a file, by name. */
function constStringArrays(ast: Node): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier') {
      const values = stringArray(node.init as Node | null);
      if (values) found.set((node.id as Node).name as string, values);
    }
    for (const [field, value] of Object.entries(node)) if (field !== 'type') visit(value);
  };
  visit(ast);
  return found;
}

function stringArray(node: Node | null | undefined): string[] | undefined {
  let n = node;
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ParenthesizedExpression')
  )
    n = n.expression as Node;
  if (n?.type !== 'ArrayExpression') return undefined;
  const values = (n.elements as (Node | null)[]).map((e) =>
    e?.type === 'Literal' && typeof e.value === 'string' ? e.value : undefined,
  );
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/**
 * The values a template's one placeholder takes when the code lists them itself: the parameter of a
 * callback over a literal array (`['a', 'b'].map((k) => ...)`, or a const array by name).
 */
function literalValuesOf(
  expressions: readonly Node[],
  parents: readonly Node[],
  arrays: ReadonlyMap<string, string[]>,
): string[] | undefined {
  const placeholder = expressions[0];
  if (placeholder?.type !== 'Identifier') return undefined;
  const name = placeholder.name as string;
  for (let i = parents.length - 1; i > 0; i--) {
    const fn = parents[i]!;
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') continue;
    const params = fn.params as Node[];
    if (!params.some((p) => p.type === 'Identifier' && p.name === name)) continue;
    const call = parents[i - 1]!;
    if (call.type !== 'CallExpression' || (call.arguments as Node[])[0] !== fn) return undefined;
    const callee = call.callee as Node;
    if (callee.type !== 'MemberExpression') return undefined;
    const target = callee.object as Node;
    if (params[0]?.name !== name) return undefined;
    return target.type === 'Identifier' ? arrays.get(target.name as string) : stringArray(target);
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function isTCall(node: Node | undefined): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = node.callee as Node;
  if (callee.type === 'Identifier') return callee.name === 't';
  return callee.type === 'MemberExpression' && (callee.property as Node).name === 't';
}

/** Whether a literal is the first argument of t(), directly or through a condition. */
function insideTArgument(parents: readonly Node[]): boolean {
  for (let i = parents.length - 1; i >= 0; i--) {
    const p = parents[i]!;
    if (p.type === 'ConditionalExpression' || p.type === 'LogicalExpression') continue;
    return isTCall(p);
  }
  return false;
}

/** Whether a literal is the value of a `type` field (an event name), in an object or a type. */
function underTypeField(parents: readonly Node[]): boolean {
  for (let i = parents.length - 1; i >= 0; i--) {
    const p = parents[i]!;
    if (p.type === 'TSLiteralType' || p.type === 'TSUnionType') continue;
    if (p.type === 'Property' || p.type === 'TSPropertySignature') {
      const key = p.key as Node;
      return key.name === 'type' || key.value === 'type';
    }
    if (p.type === 'BinaryExpression' || p.type === 'SwitchCase') return true;
    return false;
  }
  return false;
}

/** Hard-coded words in JSX: text children and user-facing attributes. */
function checkJsx(node: Node, scan: SourceScan, where: (offset: number) => string): void {
  const report = (text: string, offset: number, place: string) => {
    const odd = [...text].filter((c) => !/\s/u.test(c) && !ALLOWED_SYMBOLS.has(c));
    if (odd.length === 0) return;
    scan.hardCoded.push({
      kind: 'hard-coded',
      where: where(offset),
      subject: text.trim(),
      message: `hard-coded ${place} "${text.trim()}": put it in the string tables and use t()`,
    });
  };
  for (const child of node.children as Node[]) {
    if (child.type === 'JSXText') report(child.value as string, child.start, 'text');
    else if (child.type === 'JSXExpressionContainer')
      for (const l of plainLiterals(child.expression as Node)) report(l.text, l.start, 'text');
  }
  const opening = node.openingElement as Node | undefined;
  for (const attr of (opening?.attributes as Node[] | undefined) ?? []) {
    if (attr.type !== 'JSXAttribute') continue;
    const name = (attr.name as Node).name as string;
    if (!USER_FACING_ATTRIBUTES.has(name) || !attr.value) continue;
    for (const l of plainLiterals(attr.value as Node)) report(l.text, l.start, `${name}`);
  }
}

/** String literals that end up on screen as they are: not keys given to a call, not inside JSX. */
function plainLiterals(node: Node | undefined): { text: string; start: number }[] {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ text: node.value, start: node.start }] : [];
    case 'TemplateLiteral':
      return (node.quasis as Node[]).map((q) => ({
        text: (q.value as { cooked: string }).cooked,
        start: q.start,
      }));
    case 'JSXExpressionContainer':
      return plainLiterals(node.expression as Node);
    case 'ConditionalExpression':
      return [...plainLiterals(node.consequent as Node), ...plainLiterals(node.alternate as Node)];
    case 'LogicalExpression':
      return [...plainLiterals(node.left as Node), ...plainLiterals(node.right as Node)];
    case 'BinaryExpression':
      return node.operator === '+'
        ? [...plainLiterals(node.left as Node), ...plainLiterals(node.right as Node)]
        : [];
    default:
      return [];
  }
}
