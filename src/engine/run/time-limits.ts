// why: extended time is an accessibility setting (WCAG 2.2.1 Timing Adjustable) that changes what a
// timed decision allows, so it is engine data: it enters a run as its first event and replays with it.

/** Share of the time limit a trainee may use at no cost; past it, credit falls off linearly. */
export const TIMELY_SHARE = 0.5;
/** Credit kept by a decision taken at the very last second of its limit. */
export const LATE_FLOOR = 0.7;

/** How a run treats the time limits its scenario sets: as written, extended, or switched off. */
export const TIME_LIMIT_SETTINGS = ['standard', 'x1.5', 'x2', 'off'] as const;

/** One of the time-limit settings a trainee or trainer can choose before a run. */
export type TimeLimitSetting = (typeof TIME_LIMIT_SETTINGS)[number];

const SCALES: Record<TimeLimitSetting, number | null> = { standard: 1, 'x1.5': 1.5, x2: 2, off: null };

/** Whether a value is one of the time-limit settings. */
export function isTimeLimitSetting(value: unknown): value is TimeLimitSetting {
  return typeof value === 'string' && (TIME_LIMIT_SETTINGS as readonly string[]).includes(value);
}

/** The limit a run allows for a decision the scenario gives `limit` seconds; undefined when it has none or limits are off. */
export function effectiveLimit(limit: number | undefined, setting: TimeLimitSetting): number | undefined {
  const scale = SCALES[setting];
  if (limit === undefined || scale === null) return undefined;
  return Math.round(limit * scale);
}
