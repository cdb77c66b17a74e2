import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ExerciseEvent } from '../../../src/engine/exercise/exercise-log.ts';
import type { ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import { loadText } from '../factories.ts';

const FOLDER = join(import.meta.dirname, '..', '..', 'fixtures', 'exercise-mini');

/** The exercise-mini fixture's scenario.yaml text. */
export function exerciseYaml(): string {
  return readFileSync(join(FOLDER, 'scenario.yaml'), 'utf8');
}

/** The exercise-mini fixture's fr.yaml text. */
export function exerciseFrYaml(): string {
  return readFileSync(join(FOLDER, 'fr.yaml'), 'utf8');
}

/** The exercise-mini fixture with its French translation, loaded and checked; throws if it stopped validating. */
export function exerciseBundle(): ScenarioBundle {
  const r = loadText(exerciseYaml(), [{ path: 'fr.yaml', text: exerciseFrYaml() }]);
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => `${d.field}: ${d.message}`).join('\n'));
  return r.bundle;
}

/** The exercise-mini scenario. */
export function exerciseScenario(): Scenario {
  return exerciseBundle().scenario;
}

/** The exercise-mini fixture as data, changed by `edit`, rendered back to YAML. */
export function exerciseWith(edit: (data: Record<string, any>) => void): string {
  const data = structuredClone(exerciseScenario()) as Record<string, any>;
  edit(data);
  return stringify(data);
}

/** A log that starts the exercise, then the given events. */
export function startedLog(...events: ExerciseEvent[]): ExerciseEvent[] {
  return [{ type: 'exercise.started' }, ...events];
}

/** Scenario seconds of "HH:MM" after the start, for readable tests. */
export const hm = (h: number, m: number) => (h * 60 + m) * 60;
