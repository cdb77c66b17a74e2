// What every benchmark section returns to scripts/bench/run.ts, and the timing helpers they share.
// A section is one file `scripts/bench/<name>.ts` exporting `run(): Promise<BenchSection>`; the
// runner prints its rows and stores them under its name in bench/results.json.

/** One measured figure, printed as one line of the table. */
export interface BenchRow {
  /** What was measured, in words a reader of docs/performance.md understands. */
  metric: string;
  value: number;
  /** Unit of `value`: ms, µs, KiB, B, /s, ratio, states… */
  unit: string;
  /** The budget or reference this figure is held against, in words (for example "< 200 ms"). */
  budget?: string;
  /** Whether the figure keeps its budget; absent when there is no budget. */
  ok?: boolean;
  note?: string;
}

/** The result of one section: its rows, plus any detail worth keeping in the JSON file. */
export interface BenchSection {
  title: string;
  rows: BenchRow[];
  details?: Record<string, unknown>;
}

/**
 * Milliseconds of CPU time this process has used (user + system). Figures are CPU time, not wall
 * time, so other programs busy on a shared machine do not inflate them; on an idle machine the two
 * agree within a few per cent.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** CPU milliseconds one call of `work` takes: the median over `rounds` rounds of `perRound` calls each, after a warm-up. */
export function timeEach(work: (i: number) => void, perRound: number, rounds = 7, warmup = perRound): number {
  for (let i = 0; i < warmup; i++) work(i);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = cpuMs();
    for (let i = 0; i < perRound; i++) work(i);
    times.push((cpuMs() - t) / perRound);
  }
  return median(times);
}

/**
 * Times two pieces of work round by round, alternating which goes first, so background load on the
 * machine falls on both alike; returns the median CPU milliseconds per call of each.
 */
export function timePair(
  a: (i: number) => void,
  b: (i: number) => void,
  perRound: number,
  rounds = 15,
): { a: number; b: number } {
  for (let i = 0; i < perRound; i++) {
    a(i);
    b(i);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const once = (work: (i: number) => void, into: number[]) => {
    const t = cpuMs();
    for (let i = 0; i < perRound; i++) work(i);
    into.push((cpuMs() - t) / perRound);
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      once(b, tb);
      once(a, ta);
    } else {
      once(a, ta);
      once(b, tb);
    }
  }
  return { a: median(ta), b: median(tb) };
}

/** Rounds to a few significant digits for the table and the JSON file. */
export function round(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const scale = 10 ** Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}
