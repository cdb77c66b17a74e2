import type { CohortFile, CohortRow, SetAsideFile } from '../../engine/results/cohort.ts';

/** Columns the trainee table sorts by. */
export type SortKey = 'trainee' | 'score' | 'result' | 'critical' | 'time' | 'ending';
export type SortDirection = 'ascending' | 'descending';

const RESULT_ORDER: Record<CohortRow['result'], number> = {
  passed: 0,
  failed: 1,
  unfinished: 2,
  'not-scored': 3,
};
const OUTCOME_ORDER = { protected: 0, partial: 1, harmed: 2 } as const;

function sortValue(row: CohortRow, key: SortKey): string | number | null {
  switch (key) {
    case 'trainee':
      return row.trainee;
    case 'score':
      return row.score;
    case 'result':
      return RESULT_ORDER[row.result];
    case 'critical':
      return row.criticalDonts;
    case 'time':
      return row.decisionTime;
    case 'ending':
      return row.ending ? OUTCOME_ORDER[row.ending.outcome] : null;
  }
}

/** The rows sorted by a column; rows without a value (not scored) stay last either way, ties by trainee. */
export function sortRows(
  rows: readonly CohortRow[],
  key: SortKey,
  direction: SortDirection,
  locale = 'en',
): CohortRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: CohortRow, b: CohortRow) =>
    a.trainee.localeCompare(b.trainee, locale, { sensitivity: 'base', numeric: true }) ||
    a.file.localeCompare(b.file, locale, { numeric: true });
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const d =
      typeof va === 'string' && typeof vb === 'string'
        ? va.localeCompare(vb, locale, { sensitivity: 'base', numeric: true })
        : (va as number) - (vb as number);
    return d ? sign * d : byName(a, b);
  });
}

/** The direction a column sorts in when first chosen: best or largest first for numbers, A to Z for names. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'trainee' || key === 'result' || key === 'ending' ? 'ascending' : 'descending';
}

/** Whole minutes and seconds of a number of seconds. */
export function minutesAndSeconds(seconds: number): { minutes: number; seconds: number } {
  const total = Math.round(seconds);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** The files held by the view, in the order first loaded. */
export interface HeldFiles {
  files: CohortFile[];
  refused: SetAsideFile[];
  ignored: string[];
}

/**
 * Adds newly read files to those held. The same file read again (same path, same text) replaces
 * itself; a different file under a path already held (two `run.json` picked from two folders) is
 * kept beside it as `run.json (2)`.
 * why: a plain file picker gives names without folders, and no trainee's file may vanish silently.
 */
export function mergeHeld(held: HeldFiles, added: HeldFiles): HeldFiles {
  const files = [...held.files];
  const byName = new Map(files.map((f) => [f.name, f]));
  const taken = new Set([...held.files.map((f) => f.name), ...held.refused.map((r) => r.file)]);
  for (const f of added.files) {
    if (byName.get(f.name)?.text === f.text) continue;
    let name = f.name;
    for (let n = 2; taken.has(name); n++) name = `${f.name} (${n})`;
    taken.add(name);
    files.push(name === f.name ? f : { ...f, name });
  }
  const refusedPaths = new Set(added.refused.map((r) => r.file));
  return {
    files,
    refused: [...held.refused.filter((r) => !refusedPaths.has(r.file)), ...added.refused],
    ignored: [...new Set([...held.ignored, ...added.ignored])],
  };
}

/** A share in whole percent; 0 of nothing is 0. */
export function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 100) : 0;
}

/** A name for the exported CSV: the scenario and the day. */
export function csvFileName(scenario: string, date: Date): string {
  return `cohort-${scenario}-${date.toISOString().slice(0, 10)}.csv`;
}
