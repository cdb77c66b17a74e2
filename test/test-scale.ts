/**
 * How hard the heavy property and browser tests work: POCSIM_TEST_SCALE=0.25 runs a quarter of
 * their generated cases (at least one each), for a loaded or slow machine; 4 searches four times as
 * long. It only ever changes how many cases run, never which tests run.
 */
export const TEST_SCALE = (() => {
  const raw = process.env.POCSIM_TEST_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`POCSIM_TEST_SCALE must be a positive number, not "${raw}"`);
  return n;
})();

/** `n` cases at the current scale, never fewer than `least`. */
export function scaled(n: number, least = 1): number {
  return Math.max(least, Math.round(n * TEST_SCALE));
}

/** At most `scaled(items.length)` of `items`, spread evenly so the first and the last stay in. */
export function scaledSample<T>(items: readonly T[]): T[] {
  const keep = Math.min(items.length, scaled(items.length));
  if (keep >= items.length) return [...items];
  if (keep === 1) return [items[0]!];
  return Array.from({ length: keep }, (_, i) => items[Math.round((i * (items.length - 1)) / (keep - 1))]!);
}
