import { useI18n } from '../i18n-context.tsx';
import { exerciseClockFace } from './exercise-time-format.ts';

/**
 * The time of day of a moment of the exercise, for the lists; after the first day it carries the
 * day too ("D3 10:00"), since a command-post exercise runs over weeks.
 */
export function useClockStamp(startClock: string): (seconds: number) => string {
  const { t } = useI18n();
  return (seconds) => {
    const face = exerciseClockFace(startClock, seconds, t('exercise.time.dayUnit'));
    return face.day > 1
      ? t('exercise.time.dayStamp', { day: face.day, time: face.timeOfDay })
      : face.timeOfDay;
  };
}
