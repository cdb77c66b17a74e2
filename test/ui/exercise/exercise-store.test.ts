import { describe, expect, it } from 'vitest';
import {
  EXERCISE_LOG_FORMAT,
  exerciseLogKey,
  parseStoredExercise,
  readStoredExercise,
  writeStoredExercise,
} from '../../../src/ui/exercise/exercise-store.ts';
import { startedLog } from '../../engine/exercise/exercise-factories.ts';
import { createMemoryStorage } from '../fixtures.ts';

const KEY = exerciseLogKey('exercise-mini');
const stored = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: EXERCISE_LOG_FORMAT, version: 1, exercise: 'exercise-mini', log: [], ...fields });

describe('stored exercise logs', () => {
  it('are versioned under one key per exercise and read back as written', () => {
    const storage = createMemoryStorage();
    const log = startedLog(
      { type: 'clock.ticked', seconds: 600 },
      { type: 'note.recorded', role: 'fc', text: 'x' },
    );
    expect(
      writeStoredExercise(storage, 'exercise-mini', '1.0.0', log, new Date('2026-01-02T03:04:05Z')),
    ).toBe(true);
    expect(KEY).toBe('pocsim.exercise.exercise-mini.v1');
    const read = readStoredExercise(storage, 'exercise-mini');
    expect(read).toEqual({
      state: 'found',
      stored: {
        format: EXERCISE_LOG_FORMAT,
        version: 1,
        exercise: 'exercise-mini',
        scenarioVersion: '1.0.0',
        savedAt: '2026-01-02T03:04:05.000Z',
        log,
      },
    });
  });

  it.each([
    ['not-json', '{"format":'],
    ['not-a-log', '[1,2]'],
    ['not-a-log', stored({ log: 'nope' })],
    ['newer-version', stored({ version: 2 })],
    ['other-exercise', stored({ exercise: 'another' })],
    ['bad-event', stored({ log: [{ type: 'exercise.started' }, { type: 'clock.ticked', seconds: 'ten' }] })],
    ['bad-event', stored({ log: [{ type: 'something.else' }] })],
    ['bad-event', stored({ log: [{ type: 'evaluation.rated', point: 'p', rating: 'great' }] })],
  ])('set a %s log aside under a key of its own, keep its text, and leave a fresh start', (reason, raw) => {
    const storage = createMemoryStorage({ [KEY]: raw });
    const read = readStoredExercise(storage, 'exercise-mini');
    expect(read).toMatchObject({ state: 'set-aside', reason });
    const keptAt = (read as { keptAt: string }).keptAt;
    expect(keptAt.startsWith(`${KEY}.set-aside.`)).toBe(true);
    expect(storage.data[keptAt]).toBe(raw);
    expect(readStoredExercise(storage, 'exercise-mini')).toEqual({ state: 'none' });
  });

  it('name the event and field that is wrong', () => {
    const parsed = parseStoredExercise(
      stored({
        log: [{ type: 'exercise.started' }, { type: 'decision.recorded', role: 'fc', tiers: ['IV'] }],
      }),
      'exercise-mini',
    );
    expect(parsed).toEqual({ reason: 'bad-event', detail: 'log[1]: decision.recorded: field "tiers"' });
  });

  it('report a browser that refuses to store, without throwing', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(writeStoredExercise(refusing, 'exercise-mini', '1.0.0', [])).toBe(false);
    expect(readStoredExercise(refusing, 'exercise-mini')).toEqual({ state: 'none' });
  });
});
