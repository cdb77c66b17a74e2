import {
  Composer,
  CST,
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type Node,
  Parser,
  Scalar,
  stringify,
  visit,
  type YAMLMap,
} from 'yaml';

// why: `String(doc)` re-prints the whole file (it reflows long texts and moves indents, more than
// a thousand changed lines on a bundled scenario), so a trainer's hand-written file would be
// rewritten by a one-word edit. Every edit here finds its place through the yaml Document model,
// then changes only that place: a scalar through the concrete syntax tree (`CST.setScalarValue`
// keeps its quotes or block style), anything larger by splicing the text at the node's range.
// Comments, order and formatting of everything else survive byte for byte.

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

interface Parsed {
  tokens: CST.Token[];
  doc: Document.Parsed;
}

function parse(text: string): Parsed {
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens, true, text.length)];
  const doc = docs[0];
  if (!doc) throw new YamlEditError('the file holds no YAML document');
  if (doc.errors.length) throw new YamlEditError(`the file has YAML errors: ${doc.errors[0]?.message}`);
  return { tokens, doc };
}

/** An edit that cannot be made on this text (a YAML error, or a path that is not there). */
export class YamlEditError extends Error {
  override name = 'YamlEditError';
}

/** The plain data of a YAML text, or undefined when it does not parse. */
export function readYaml(text: string): unknown {
  try {
    return parse(text).doc.toJS();
  } catch {
    return undefined;
  }
}

/** The value at a path of a YAML text. */
export function getValue(text: string, path: YamlPath): unknown {
  const node = parse(text).doc.getIn(path, true);
  return isScalar(node) ? node.value : (node as Node | undefined)?.toJSON();
}

/** Sets the value at `path`, creating missing maps on the way; the rest of the text is untouched. */
export function setValue(text: string, path: YamlPath, value: unknown): string {
  const { tokens, doc } = parse(text);
  const node = doc.getIn(path, true) as Node | undefined;
  if (node && isScalar(node) && isPlainValue(value) && node.srcToken) {
    return setScalar(text, tokens, node, value);
  }
  if (node?.range) {
    return replaceNode(text, node, value);
  }
  // The key is missing: add it to the nearest map that exists, as a nested value if need be.
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (parent === undefined || parent === null) continue;
    let nested: unknown = value;
    for (let i = path.length - 1; i > depth; i--) nested = { [String(path[i])]: nested };
    const key = path[depth]!;
    if (isMap(parent)) return addPair(text, parent, String(key), nested);
    if (isSeq(parent) && typeof key === 'number' && key === parent.items.length)
      return addItem(text, path.slice(0, depth), nested);
    throw new YamlEditError(
      `cannot set ${formatPath(path)}: ${formatPath(path.slice(0, depth))} is not a map`,
    );
  }
  throw new YamlEditError(`cannot set ${formatPath(path)}`);
}

/** Appends an item to the sequence at `path` (creating it when missing). */
export function addItem(text: string, path: YamlPath, value: unknown): string {
  const { doc } = parse(text);
  const seq = doc.getIn(path, true) as Node | undefined;
  if (seq === undefined || seq === null) return setValue(text, path, [value]);
  if (!isSeq(seq)) throw new YamlEditError(`${formatPath(path)} is not a list`);
  if (seq.flow || seq.items.length === 0)
    return replaceNode(text, seq, [...(seq.toJSON() as unknown[]), value]);
  const last = seq.items[seq.items.length - 1] as Node;
  const col = columnOf(text, last.range![0]) - 2;
  const at = endOfLastLine(text, last.range![1]);
  return `${text.slice(0, at)}\n${seqItem(value, col)}${text.slice(at)}`;
}

/** Inserts an item at `index` of the sequence at `path`. */
export function insertItem(text: string, path: YamlPath, index: number, value: unknown): string {
  const { doc } = parse(text);
  const seq = doc.getIn(path, true) as Node | undefined;
  if (!isSeq(seq) || index >= seq.items.length) return addItem(text, path, value);
  if (seq.flow) {
    const items = [...(seq.toJSON() as unknown[])];
    items.splice(index, 0, value);
    return replaceNode(text, seq, items);
  }
  const before = seq.items[index] as Node;
  const start = lineStart(text, before.range![0]);
  const col = columnOf(text, before.range![0]) - 2;
  return `${text.slice(0, start)}${seqItem(value, col)}\n${text.slice(start)}`;
}

/** Removes a map key or a sequence item, with the lines it took. */
export function removeValue(text: string, path: YamlPath): string {
  const { doc } = parse(text);
  const parent = (path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)) as Node | undefined;
  const key = path[path.length - 1]!;
  if (isSeq(parent)) {
    const item = parent.items[key as number] as Node | undefined;
    if (!item) return text;
    if (parent.flow || parent.items.length === 1) {
      const items = (parent.toJSON() as unknown[]).filter((_, i) => i !== key);
      return replaceNode(text, parent, items);
    }
    return cutLines(text, item.range![0], item.range![1]);
  }
  if (isMap(parent)) {
    const pair = parent.items.find((p) => keyOf(p.key) === String(key));
    if (!pair) return text;
    if (parent.flow || parent.items.length === 1) {
      const rest = Object.fromEntries(
        Object.entries(parent.toJSON() as Record<string, unknown>).filter(([k]) => k !== String(key)),
      );
      return replaceNode(text, parent, rest);
    }
    const value = pair.value as Node | null;
    return cutLines(text, (pair.key as Node).range![0], value?.range?.[1] ?? (pair.key as Node).range![1]);
  }
  return text;
}

/** Moves the item at `from` of the sequence at `path` to index `to`. */
export function moveItem(text: string, path: YamlPath, from: number, to: number): string {
  const { doc } = parse(text);
  const seq = doc.getIn(path, true) as Node | undefined;
  if (!isSeq(seq)) throw new YamlEditError(`${formatPath(path)} is not a list`);
  const n = seq.items.length;
  if (from === to || from < 0 || to < 0 || from >= n || to >= n) return text;
  if (seq.flow) {
    const items = [...(seq.toJSON() as unknown[])];
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
    return replaceNode(text, seq, items);
  }
  // why: an item's slice runs from its own line to the next item's line, so the comments written
  // above an item (a section banner) move with the item below them, as a reader would expect.
  const starts = seq.items.map((item) => lineStart(text, (item as Node).range![0]));
  const startsWithComments = starts.map((s) => commentsAbove(text, s, 0));
  const end = endOfLastLine(text, (seq.items[n - 1] as Node).range![1]);
  const slices = startsWithComments.map((s, i) => {
    const e = i + 1 < n ? startsWithComments[i + 1]! : end;
    const slice = text.slice(s, e);
    return slice.endsWith('\n') ? slice : `${slice}\n`;
  });
  const [moved] = slices.splice(from, 1);
  slices.splice(to, 0, moved!);
  let joined = slices.join('');
  if (!text.slice(startsWithComments[0]!, end).endsWith('\n')) joined = joined.slice(0, -1);
  return text.slice(0, startsWithComments[0]!) + joined + text.slice(end);
}

/** Sets a value and marks it with a trailing comment (`# untranslated`), or clears that mark. */
export function setMarkedValue(text: string, path: YamlPath, value: string, mark: string | null): string {
  let out = setValue(text, path, value);
  let node = parse(out).doc.getIn(path, true) as Node | undefined;
  if (!node?.range) return out;
  if (mark && isScalar(node) && (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL)) {
    // why: a comment cannot follow a block text's last line (it would be read as text), so a
    // marked text is written on the key's own line
    out = replaceNode(out, { ...node, range: node.range } as Node, value, true);
    node = parse(out).doc.getIn(path, true) as Node;
  }
  const end = endOfLastLine(out, node.range![1]);
  const from = lineStart(out, Math.max(0, end - 1));
  const valueEnd = Math.max(node.range![1], from);
  let bare = out.slice(from, end);
  if (node.comment !== undefined) {
    // drop the old trailing comment, keeping the value up to where it ends
    bare = out.slice(from, valueEnd).trimEnd();
  }
  const marked = mark ? `${bare} # ${mark}` : bare;
  return out.slice(0, from) + marked + out.slice(end);
}

/**
 * Renames keys of the map at `path`: `rename` gives a key its new name (plain: letters, digits,
 * dots and hyphens), or undefined to keep it. Values, comments and order stay as they were.
 */
export function renameKeys(
  text: string,
  path: YamlPath,
  rename: (key: string) => string | undefined,
): string {
  const map = parse(text).doc.getIn(path, true);
  if (!isMap(map)) return text;
  const edits: [number, number, string][] = [];
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const next = rename(keyOf(pair.key));
    if (next === undefined || !key?.range) continue;
    edits.push([key.range[0], key.range[1], next]);
  }
  let out = text;
  // from the end, so that each edit leaves the earlier offsets where they were
  for (const [start, end, next] of edits.sort((a, b) => b[0] - a[0])) {
    let stop = end;
    while (stop > start && /\s/.test(out[stop - 1]!)) stop--;
    out = out.slice(0, start) + next + out.slice(stop);
  }
  return out;
}

/** True when the value at `path` carries the trailing comment `mark`. */
export function hasMark(text: string, path: YamlPath, mark: string): boolean {
  try {
    const node = parse(text).doc.getIn(path, true) as Node | undefined;
    return (node?.comment ?? '').trim() === mark;
  } catch {
    return false;
  }
}

/** Keys of the map at `path` whose value carries the trailing comment `mark`. */
export function keysMarked(text: string, path: YamlPath, mark: string): Set<string> {
  const out = new Set<string>();
  try {
    const map = parse(text).doc.getIn(path, true);
    if (!isMap(map)) return out;
    for (const pair of map.items) {
      const v = pair.value as Node | null;
      if (v && (v.comment ?? '').trim() === mark) out.add(keyOf(pair.key));
    }
  } catch {
    // a file that does not parse has no marks to read
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

type PlainValue = string | number | boolean;
const isPlainValue = (v: unknown): v is PlainValue =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function setScalar(text: string, tokens: CST.Token[], node: Scalar, value: PlainValue): string {
  const str = String(value);
  if ((node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) && typeof value === 'string')
    return setBlockScalar(text, node, str);
  let type: Scalar.Type;
  if (typeof value !== 'string') type = Scalar.PLAIN;
  else type = node.type === Scalar.PLAIN && plainIsSafe(str) ? Scalar.PLAIN : quoteFor(node, str);
  CST.setScalarValue(node.srcToken!, str, { type, implicitKey: false });
  return tokens.map((t) => CST.stringify(t)).join('');
}

// why: the CST writes a block scalar's new lines at its parent's indentation, which no longer
// parses; the text is rewritten here under the same header, at the indentation the author used.
function setBlockScalar(text: string, node: Scalar, value: string): string {
  const [start, end] = node.range!;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1) return text;
  const contentEnd = endOfLastLine(text, end);
  const firstLine = text
    .slice(headerEnd + 1, contentEnd)
    .split('\n')
    .find((l) => l.trim());
  const indent = firstLine ? firstLine.length - firstLine.trimStart().length : keyColumn(text, start) + 2;
  const pad = ' '.repeat(indent);
  const lines =
    node.type === Scalar.BLOCK_LITERAL
      ? value.split('\n')
      : value.split('\n').flatMap((para, i) => [...(i > 0 ? [''] : []), ...wrap(para, 100 - indent)]);
  const body = lines.map((l) => (l ? pad + l : '')).join('\n');
  return text.slice(0, headerEnd + 1) + body + text.slice(contentEnd);
}

/** Splits a paragraph at spaces into lines of at most `width` characters (longer words stay whole). */
function wrap(paragraph: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

function quoteFor(node: Scalar, str: string): Scalar.Type {
  if (node.type === Scalar.QUOTE_DOUBLE) return Scalar.QUOTE_DOUBLE;
  if (node.type === Scalar.QUOTE_SINGLE && !str.includes('\n')) return Scalar.QUOTE_SINGLE;
  return str.includes("'") || str.includes('\n') ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
}

// why: a plain scalar is safe when it reads back as the same string on one line: "06:00", "yes",
// "12", "a: b" or "x # y" would not.
function plainIsSafe(str: string): boolean {
  if (str === '' || str !== str.trim() || str.includes('\n')) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(str) || /:\s|\s#|:$/.test(str)) return false;
  const back = stringify(str).trimEnd();
  return back === str;
}

function replaceNode(text: string, node: Node, value: unknown, inline = false): string {
  const [start, end] = node.range!;
  const flow = inline || (isCollection(node) && node.flow);
  const col = columnOf(text, start);
  const parentCol = keyColumn(text, start);
  let rendered: string;
  if (flow || !isCollection(node)) {
    rendered = renderInline(value);
    if (rendered.includes('\n') && !isCollection(node) && !inline) {
      // a scalar slot that now needs a block: put it on its own lines below the key
      rendered = `\n${indentLines(renderBlock(value), parentCol + 2, true)}`;
    }
  } else {
    rendered = indentLines(renderBlock(value), col);
  }
  let stop = end;
  while (stop > start && /\s/.test(text[stop - 1]!)) stop--;
  return text.slice(0, start) + rendered + text.slice(stop);
}

function addPair(text: string, map: YAMLMap, key: string, value: unknown): string {
  if (map.items.length === 0 && map.range) {
    // why: a key added to an empty `{}` starts a block map below its parent key, as a person writes it
    const [start, end] = map.range;
    const block = indentLines(renderBlock({ [key]: value }), keyColumn(text, start) + 2, true);
    return `${text.slice(0, start).trimEnd()}\n${block}${text.slice(end).replace(/^[ \t]*(?=\n|$)/, '')}`;
  }
  if (map.flow) {
    const data = { ...((map.toJSON() as Record<string, unknown>) ?? {}), [key]: value };
    return replaceNode(text, map as unknown as Node, data);
  }
  const first = map.items[0]!.key as Node;
  const col = columnOf(text, first.range![0]);
  const lastPair = map.items[map.items.length - 1]!;
  const lastNode = (lastPair.value as Node | null) ?? (lastPair.key as Node);
  const at = endOfLastLine(text, lastNode.range![1]);
  const pair = renderBlock({ [key]: value });
  return `${text.slice(0, at)}\n${indentLines(pair, col, true)}${text.slice(at)}`;
}

/** Renders a new value the way the bundled scenarios write it: blocks, short lists and maps of scalars inline. */
function renderBlock(value: unknown): string {
  const doc = new Document(value);
  // why: lists of ids or tiers and maps of numbers (effects) read best on one line, as
  // `tiers: [ II ]` and `effects: { harm: 1 }`; anything holding texts stays a block.
  visit(doc, {
    Seq(_, node) {
      if (
        node.items.length > 0 &&
        node.items.every(
          (it) =>
            (isScalar(it) && typeof it.value !== 'string') || (isScalar(it) && String(it.value).length <= 30),
        )
      )
        node.flow = true;
    },
    Map(_, node) {
      if (
        node.items.length > 0 &&
        node.items.every((p) => isScalar(p.value) && typeof p.value.value === 'number')
      )
        node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100, flowCollectionPadding: true }).trimEnd();
}

function renderInline(value: unknown): string {
  const out = stringify(value, {
    collectionStyle: 'flow',
    lineWidth: 0,
    flowCollectionPadding: true,
  }).trimEnd();
  return out;
}

/** A block sequence item at column `col`: its dash, then the value indented under it. */
function seqItem(value: unknown, col: number): string {
  return `${' '.repeat(col)}- ${indentLines(renderBlock(value), col + 2)}`;
}

/** Indents every line after the first by `col` spaces (or every line with `all`). */
function indentLines(block: string, col: number, all = false): string {
  const pad = ' '.repeat(col);
  return block
    .split('\n')
    .map((line, i) => ((i > 0 || all) && line ? pad + line : line))
    .join('\n');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The column of the key that owns a value starting at `offset` (its line's indentation). */
function keyColumn(text: string, offset: number): number {
  const from = lineStart(text, offset);
  let i = from;
  while (text[i] === ' ' || text[i] === '-') i++;
  return i - from;
}

/** The offset of the end of the line holding the last non-blank character before `offset`. */
function endOfLastLine(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

/** Start of the comment lines directly above `start` (not above `floor`). */
function commentsAbove(text: string, start: number, floor: number): number {
  let s = start;
  while (s > floor) {
    const prev = lineStart(text, s - 1);
    if (!/^\s*#/.test(text.slice(prev, s - 1))) break;
    s = prev;
  }
  return s;
}

/** Removes whole lines from the one holding `from` to the one holding the last character before `to`. */
function cutLines(text: string, from: number, to: number): string {
  const start = lineStart(text, from);
  const end = endOfLastLine(text, to);
  return text.slice(0, start) + text.slice(Math.min(text.length, end + 1));
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function formatPath(path: YamlPath): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '') || '(top)'
  );
}
