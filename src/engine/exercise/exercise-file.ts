import type { ExerciseEvent } from './exercise-log.ts';

/** An exercise read back from a file: which scenario it belongs to and its log. */
export interface ExerciseFile {
  exercise: string;
  /** Version of the scenario the log was recorded against; empty when the file does not say. */
  scenarioVersion: string;
  log: ExerciseEvent[];
}

// why: the console exports an after-action report with its log (`pocsim.after-action`) and keeps a
// stored log (`pocsim.exercise-log`); either one is enough to continue the exercise or re-render its
// report, since the state is a fold of the log. Event fields are checked when the log is replayed.

/** Reads an exported after-action report or a stored exercise log; the error says what is wrong. */
export function parseExerciseFile(raw: string): ExerciseFile | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { error: 'not an exercise file' };
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.log)) return { error: 'no "log" list: export the exercise as JSON from its report' };
  if (
    !d.log.every(
      (e) => typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string',
    )
  )
    return { error: '"log" holds something that is not an event' };
  if (d.format === 'pocsim.after-action') {
    const x = d.exercise as Record<string, unknown> | undefined;
    if (typeof x?.id !== 'string') return { error: 'no "exercise.id": which exercise is this?' };
    return {
      exercise: x.id,
      scenarioVersion: typeof x.version === 'string' ? x.version : '',
      log: d.log as ExerciseEvent[],
    };
  }
  if (d.format === 'pocsim.exercise-log') {
    if (typeof d.exercise !== 'string') return { error: 'no "exercise": which exercise is this?' };
    return {
      exercise: d.exercise,
      scenarioVersion: typeof d.scenarioVersion === 'string' ? d.scenarioVersion : '',
      log: d.log as ExerciseEvent[],
    };
  }
  return { error: `unknown format "${String(d.format)}"` };
}
