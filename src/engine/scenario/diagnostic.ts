/** One problem found in a file, with the place a trainer must look. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  /** Field path inside the file, for example `steps[2].decision.options[0].next`; empty for the whole file. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Renders a diagnostic as the one-line form `file:line:col field: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.col}`;
  const tag = d.severity === 'warning' ? 'warning: ' : '';
  return d.field ? `${where} ${d.field}: ${tag}${d.message}` : `${where} ${tag}${d.message}`;
}

/** Renders a path of keys and indexes as `steps[2].decision.prompt`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

// why: a suggestion is a courtesy; a hostile file with thousands of long ids must not turn it into
// minutes of edit distances, so each lookup compares at most this many characters pairwise.
const SUGGESTION_BUDGET = 200_000;

/** The closest candidate to a misspelt value, when one is close enough to be a likely typo. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.ceil(value.length * 0.4));
  const lower = value.toLowerCase();
  let budget = SUGGESTION_BUDGET;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (Math.abs(c.length - value.length) > limit) continue;
    budget -= (value.length + 1) * (c.length + 1);
    if (budget < 0) break;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** A " (did you mean "x"?)" suffix, or nothing. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const n = nearest(value, candidates);
  return n ? ` (did you mean "${n}"?)` : '';
}

/**
 * A hint for a name that names nothing: the likely typo when there is one, else every candidate
 * when they are few enough to read, else the few nearest ones.
 */
export function knownHint(value: string, candidates: Iterable<string>, what: string): string {
  const list = [...candidates];
  const near = nearest(value, list);
  if (near) return ` (did you mean "${near}"?)`;
  if (!list.length) return '';
  if (list.length <= 12) return ` (${what}: ${list.join(', ')})`;
  const lower = value.toLowerCase();
  let budget = SUGGESTION_BUDGET;
  const scored: [string, number][] = [];
  for (const c of list) {
    budget -= (value.length + 1) * (c.length + 1);
    if (budget < 0) break;
    scored.push([c, distance(lower, c.toLowerCase())]);
  }
  const closest = scored
    .sort((a, b) => a[1] - b[1])
    .slice(0, 5)
    .map(([c]) => c);
  return closest.length ? ` (nearest ${what}: ${closest.join(', ')})` : '';
}
