// why: exercise files give times the way an exercise controller writes them on a MSEL sheet,
// "1d 06:15" (day 1, 06:15 after the start); the engine counts scenario seconds.

/** The accepted spelling of an exercise time: optional days, then hours and minutes, "[Nd ]HH:MM". */
export const EXERCISE_TIME = /^(?:(\d{1,3})d ?)?(\d{1,2}):([0-5]\d)$/;

/** Parses "[Nd ]HH:MM" (for example "0d 06:15", "1d 00:30" or "0:30") into seconds; undefined when it does not parse. */
export function parseExerciseTime(time: string): number | undefined {
  if (typeof time !== 'string') return undefined;
  const m = EXERCISE_TIME.exec(time.trim());
  if (!m) return undefined;
  const days = m[1] === undefined ? 0 : Number(m[1]);
  return ((days * 24 + Number(m[2])) * 60 + Number(m[3])) * 60;
}

/** Parses an exercise time the checker already accepted; throws on a malformed one. */
export function exerciseSeconds(time: string): number {
  const s = parseExerciseTime(time);
  if (s === undefined) throw new Error(`not an exercise time: "${time}" (use "[Nd ]HH:MM")`);
  return s;
}

/** Formats scenario seconds as "Nd HH:MM" (whole minutes, rounded down), the spelling files use; `dayUnit` is the language's ("j" in French). */
export function formatExerciseTime(seconds: number, dayUnit = 'd'): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const days = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${days}${dayUnit} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Formats a span of scenario seconds as "45 min" or "2 h 05 min" (whole minutes, rounded down), for lateness. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const h = Math.floor(minutes / 60);
  return h ? `${h} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}
