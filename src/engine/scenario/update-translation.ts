import { Document, isMap, isScalar, type Node, type Pair, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { UNTRANSLATED_MARK } from './load-scenario.ts';
import type { Scenario } from './scenario.schema.ts';
import { collectTexts } from './text-keys.ts';

/** What bringing a translation file up to date with its scenario did. */
export interface TranslationUpdate {
  /** The translation file's new text. */
  text: string;
  /** Keys added with the source text, marked `# untranslated`. */
  added: string[];
  /** Keys whose text is gone from the scenario, moved under `stale:` so nothing translated is lost. */
  stale: string[];
  /** Keys still marked untranslated, added now or before. */
  untranslated: string[];
  /** Translated keys left as they were. */
  kept: number;
  /** The scenario version the file was made from before this update. */
  previousVersion?: string;
}

/** A translation's text for one key, to write into a translation file. */
export interface TranslatedText {
  key: string;
  text: string;
}

/** One replacement of a span of the file's text. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

function isMarked(pair: Pair): boolean {
  const value = pair.value as Scalar | null;
  const key = pair.key as Scalar | null;
  return [value?.comment, key?.comment].some((c) => c?.includes(UNTRANSLATED_MARK));
}

// why: long texts read best as folded blocks, as the bundled translations are written; short ones
// stay on the line of their key.
function pairText(key: string, text: string, untranslated: boolean, indent: string): string {
  const node = new Scalar(text);
  if (text.includes('\n')) node.type = 'BLOCK_LITERAL';
  else if (text.length > 70) node.type = 'BLOCK_FOLDED';
  else node.type = 'QUOTE_DOUBLE';
  if (untranslated) node.comment = ` ${UNTRANSLATED_MARK}`;
  const doc = new Document();
  doc.contents = doc.createNode({}) as YAMLMap;
  (doc.contents as YAMLMap).items.push(doc.createPair(key, node) as Pair);
  const width = Math.max(60, 100 - indent.length);
  return doc
    .toString({ lineWidth: width, minContentWidth: 40 })
    .trimEnd()
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

/** The start of the line holding `offset`, and the position just past the end of the line holding `end - 1`. */
function lineSpan(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(start, end - 1));
  return [from, newline === -1 ? text.length : newline + 1];
}

function pairSpan(text: string, pair: Pair): [number, number] {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const end = value?.range?.[1] ?? key.range![1];
  // why: a block scalar's range ends after its last line's newline; a plain value's at its last character.
  return lineSpan(text, key.range![0], end);
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start || b.end - a.end))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function newTranslationFile(scenario: Scenario, language: string): string {
  return `# yaml-language-server: $schema=../../schema/translation.schema.json\nlanguage: ${language}\nscenario: ${scenario.id}\nsourceVersion: ${scenario.version}\ntexts:\n`;
}

/**
 * Brings a translation file up to date with its scenario by editing only the lines that change, so
 * a translator's comments, order and formatting survive: new texts are added (source text, marked
 * untranslated) beside their neighbours in scenario order, texts no longer in the scenario move
 * under `stale:`, given translations replace their texts, everything else stays byte for byte.
 */
export function updateTranslation(
  scenario: Scenario,
  language: string,
  existing?: string,
  translated: readonly TranslatedText[] = [],
): TranslationUpdate {
  const blank = existing === undefined || existing.trim() === '';
  const original = blank ? newTranslationFile(scenario, language) : existing;
  const base = original.endsWith('\n') ? original : `${original}\n`;
  const doc = parseDocument(base);
  if (doc.errors.length) throw new Error(`the translation file does not parse: ${doc.errors[0]!.message}`);
  const textsNode = doc.get('texts', true);
  const emptyTexts = isScalar(textsNode) && textsNode.value === null;
  if (textsNode !== undefined && !emptyTexts && !isMap(textsNode))
    throw new Error('texts: is not a block of key: text lines');
  const texts = isMap(textsNode) ? (textsNode as YAMLMap) : undefined;
  const pairs = (texts?.items ?? []) as Pair[];
  // why: an empty `texts: {}` (a new file) has no block to add lines to; it is rewritten as a block.
  const flowTexts = texts?.flow === true;
  const source = collectTexts(scenario);
  const known = new Set(source.map((s) => s.key));
  const previous = doc.get('sourceVersion');
  const result: TranslationUpdate = {
    text: '',
    added: [],
    stale: [],
    untranslated: [],
    kept: 0,
    previousVersion: blank ? undefined : String(previous ?? ''),
  };
  const splices: Splice[] = [];
  const indent = pairs[0]
    ? ' '.repeat(doc.contents ? lineColumn(base, (pairs[0].key as Node).range![0]) : 2)
    : '  ';

  const staleLines: string[] = [];
  for (const pair of pairs) {
    if (known.has(keyOf(pair))) continue;
    const [start, end] = pairSpan(base, pair);
    staleLines.push(base.slice(start, end).replace(/\n?$/, '\n'));
    splices.push({ start, end, text: '' });
    result.stale.push(keyOf(pair));
  }

  const byKey = new Map(pairs.map((p) => [keyOf(p), p]));
  const incoming = new Map(translated.map((t) => [t.key, t.text]));
  // where the next new text goes: after the last present key that comes before it in scenario order
  let insertAt = pairs.length && !flowTexts ? pairSpan(base, pairs[0]!)[0] : undefined;
  const inserts = new Map<number, string[]>();
  const addLine = (at: number, line: string) => inserts.set(at, [...(inserts.get(at) ?? []), line]);
  const freshLines: string[] = [];
  for (const { key, text } of source) {
    const pair = flowTexts ? undefined : byKey.get(key);
    const given = incoming.get(key);
    if (pair) {
      const [start, end] = pairSpan(base, pair);
      insertAt = end;
      const current = isScalar(pair.value) ? String(pair.value.value) : undefined;
      if (given !== undefined && (given !== current || isMarked(pair)))
        splices.push({ start, end, text: `${pairText(key, given, false, indent)}\n` });
      else if (given === undefined && isMarked(pair)) result.untranslated.push(key);
      else result.kept++;
      continue;
    }
    const line = `${pairText(key, given ?? text, given === undefined, indent)}\n`;
    if (insertAt === undefined) freshLines.push(line);
    else addLine(insertAt, line);
    if (given === undefined) {
      result.added.push(key);
      result.untranslated.push(key);
    }
  }
  for (const [at, lines] of inserts) splices.push({ start: at, end: at, text: lines.join('') });
  if (freshLines.length) {
    if (texts && flowTexts) {
      const [start, end] = lineSpan(base, (textsNode as Node).range![0], (textsNode as Node).range![1]);
      const line = base.slice(start, end);
      splices.push({ start, end, text: `${line.replace(/\s*\{\s*\}\s*$/, '')}\n${freshLines.join('')}` });
    } else if (emptyTexts) {
      const end = lineSpan(base, (textsNode as Node).range![0], (textsNode as Node).range![1])[1];
      splices.push({ start: end, end, text: freshLines.join('') });
    } else splices.push({ start: base.length, end: base.length, text: `texts:\n${freshLines.join('')}` });
  }
  if (String(previous ?? '') !== scenario.version) {
    const node = doc.get('sourceVersion', true) as Node | undefined;
    if (node?.range) splices.push({ start: node.range[0], end: node.range[1], text: scenario.version });
  }
  if (staleLines.length) {
    const staleNode = doc.get('stale', true) as YAMLMap | undefined;
    if (isMap(staleNode) && staleNode.items.length && !staleNode.flow) {
      const end = pairSpan(base, staleNode.items.at(-1) as Pair)[1];
      splices.push({ start: end, end, text: staleLines.join('') });
    } else {
      splices.push({
        start: base.length,
        end: base.length,
        text: `# Texts no longer in the scenario, kept so nothing translated is lost; delete them when done.\nstale:\n${staleLines.join('')}`,
      });
    }
  }
  result.text = applySplices(base, splices);
  return result;
}

function lineColumn(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
