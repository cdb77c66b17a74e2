import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, getNextSnapshot, type SnapshotFrom } from 'xstate';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { inputsOf } from '../../../src/engine/run/explore.ts';
import { createExploreStepper, type SteeringState } from '../../../src/engine/run/explore-stepper.ts';
import { machineFor } from '../../../src/engine/run/run.ts';
import { createRunInput, type ScenarioMachine } from '../../../src/engine/run/scenario-machine.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const folders = [
  ...readdirSync(SCENARIOS).map((d) => join(SCENARIOS, d)),
  join(import.meta.dirname, '..', '..', 'fixtures', 'mini'),
];

const steering = (s: SnapshotFrom<ScenarioMachine>): SteeringState => ({
  step: s.context.step,
  vars: s.context.vars,
  chosen: s.context.chosen,
  ...(s.status === 'done' ? { ending: s.context.ending } : {}),
});

describe('the explorer steps the way the run machine does', () => {
  it.each(folders.map((f) => [f.split('/').at(-1)!, f]))(
    '%s: every input from the first 300 states leads where the machine leads',
    (_, folder) => {
      const { bundle } = loadScenarioFolder(folder);
      const scenario = bundle!.scenario;
      const machine = machineFor(scenario);
      const stepper = createExploreStepper(scenario);
      const steps = new Map(scenario.steps.map((s) => [s.id, s]));
      const first = createActor(machine, { input: createRunInput(scenario) })
        .start()
        .getSnapshot();
      expect(stepper.start).toEqual(steering(first));
      const seen = new Set<string>();
      const queue: [SnapshotFrom<ScenarioMachine>, SteeringState][] = [[first, stepper.start]];
      let compared = 0;
      while (queue.length && seen.size < 300) {
        const [snapshot, lean] = queue.shift()!;
        const key = JSON.stringify(lean);
        if (seen.has(key) || lean.ending) continue;
        seen.add(key);
        const step = steps.get(lean.step)!;
        // why: refused inputs must be refused by both: an option of another step and too many picks
        const offered = [
          ...inputsOf(step),
          { type: 'decision.chosen' as const, optionIds: ['not-an-option'] },
        ];
        for (const input of offered) {
          const next = stepper.next(lean, input);
          expect(next === null, `${lean.step} ${JSON.stringify(input)}`).toBe(!snapshot.can(input));
          if (!next) continue;
          const real = getNextSnapshot(machine, snapshot, input);
          expect(next).toEqual(steering(real));
          compared++;
          queue.push([real, next]);
        }
      }
      expect(compared).toBeGreaterThan(10);
    },
    60_000,
  );
});
