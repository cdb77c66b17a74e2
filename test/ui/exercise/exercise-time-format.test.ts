import { describe, expect, it } from 'vitest';
import {
  durationText,
  elapsedText,
  exerciseClockFace,
} from '../../../src/ui/exercise/exercise-time-format.ts';

describe('exercise time as the console shows it', () => {
  it('gives the scenario day and time of day from the start clock, and the time since the start', () => {
    expect(exerciseClockFace('05:30', 0)).toEqual({ day: 1, timeOfDay: '05:30', elapsed: '00:00' });
    expect(exerciseClockFace('05:30', 10 * 60 + 59)).toEqual({
      day: 1,
      timeOfDay: '05:40',
      elapsed: '00:10',
    });
    // past midnight, and weeks into a command-post exercise
    expect(exerciseClockFace('22:00', 3 * 3600)).toEqual({ day: 2, timeOfDay: '01:00', elapsed: '03:00' });
    expect(exerciseClockFace('08:00', (8 * 24 + 2) * 3600)).toEqual({
      day: 9,
      timeOfDay: '10:00',
      elapsed: '8d 02:00',
    });
  });

  it('writes allowances as hours and minutes, never negative', () => {
    expect(durationText(30 * 60)).toBe('0:30');
    expect(durationText(23 * 3600 + 14 * 60)).toBe('23:14');
    expect(durationText(-5)).toBe('0:00');
    expect(elapsedText(-5)).toBe('00:00');
  });
});
