/** A line and column, both from 1. */
export interface Position {
  line: number;
  col: number;
}

/**
 * Places field paths in JSON text that `JSON.parse` accepted.
 * why: exported files may be large (years of runs), past the YAML parser's size limit; this walks
 * only the branch a path names, so a problem in run 900 costs one pass over the text before it.
 */
export function locateInJson(text: string): (path: readonly PropertyKey[], atKey?: boolean) => Position {
  return (path, atKey = false) => positionAt(text, findOffset(text, path, atKey));
}

/** Line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * Where JSON text stops being JSON, from the parser's message when it gives a place (Chromium,
 * Firefox), else found by a strict scan (Node 20 and Safari name no place).
 */
export function syntaxErrorPosition(text: string, error: unknown): Position {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), col: Number(lineCol[2]) };
  const at = /position (\d+)/.exec(message);
  return positionAt(text, at ? Number(at[1]) : firstSyntaxError(text));
}

/** Offset of the first character that breaks JSON syntax (the text's length when it ends too early). */
export function firstSyntaxError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    i = skipSpace(text, i);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e) i += 2;
        else fail();
      } else i += 1;
    }
    if (i >= text.length) fail();
    i += 1;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}

function findOffset(text: string, path: readonly PropertyKey[], atKey: boolean): number {
  let i = skipSpace(text, 0);
  let keyAt = i;
  for (const part of path) {
    const open = text[i];
    if (open === '{') {
      let j = skipSpace(text, i + 1);
      let found = -1;
      while (j < text.length && text[j] === '"') {
        const keyStart = j;
        const keyEnd = endOfString(text, j);
        const key = JSON.parse(text.slice(j, keyEnd)) as string;
        j = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (key === String(part)) {
          keyAt = keyStart;
          found = j;
          break;
        }
        j = skipSpace(text, endOfValue(text, j));
        if (text[j] === ',') j = skipSpace(text, j + 1);
      }
      if (found < 0) return i;
      i = found;
    } else if (open === '[' && typeof part === 'number') {
      let j = skipSpace(text, i + 1);
      let index = 0;
      while (index < part && j < text.length && text[j] !== ']') {
        j = skipSpace(text, endOfValue(text, j));
        if (text[j] === ',') j = skipSpace(text, j + 1);
        index += 1;
      }
      if (index < part || text[j] === ']') return i;
      keyAt = j;
      i = j;
    } else return i;
  }
  return atKey ? keyAt : i;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
    i += 1;
  return i;
}

function endOfString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

function endOfValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return endOfString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text[j];
      if (d === '"') {
        j = endOfString(text, j);
        continue;
      }
      if (d === '{' || d === '[') depth += 1;
      else if (d === '}' || d === ']') {
        depth -= 1;
        if (depth === 0) return j + 1;
      }
      j += 1;
    }
    return j;
  }
  let j = i;
  while (j < text.length && !',]} \n\r\t'.includes(text[j]!)) j += 1;
  return j;
}
