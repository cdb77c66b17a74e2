import { secondsOfDay } from '../../engine/run/run-state.ts';

/** Scenario time split the way the console and projector show it. */
export interface ExerciseClockFace {
  /** Day of the scenario, from 1, counted from the scenario's start clock. */
  day: number;
  /** Time of day in the scenario, "HH:MM". */
  timeOfDay: string;
  /** Time since the exercise started, "HH:MM" or "Nd HH:MM", as the MSEL sheet writes it. */
  elapsed: string;
}

/** The clock face of a moment of the exercise, `seconds` after it started. */
export function exerciseClockFace(startClock: string, seconds: number, dayUnit = 'd'): ExerciseClockFace {
  const absolute = secondsOfDay(startClock) + Math.max(0, seconds);
  const minutesOfDay = Math.floor((absolute % 86_400) / 60);
  return {
    day: Math.floor(absolute / 86_400) + 1,
    timeOfDay: hhmm(minutesOfDay),
    elapsed: elapsedText(seconds, dayUnit),
  };
}

/** Time since the start as "HH:MM", with days in front once past the first day ("1d 02:30"; the unit is the language's, "1j 02:30" in French). */
export function elapsedText(seconds: number, dayUnit = 'd'): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const days = Math.floor(minutes / 1440);
  return days > 0 ? `${days}${dayUnit} ${hhmm(minutes % 1440)}` : hhmm(minutes);
}

/** A span of scenario time as "H:MM" ("0:30", "2:15"), for deadlines and allowances. */
export function durationText(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
