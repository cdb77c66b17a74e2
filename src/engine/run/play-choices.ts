import type { Scenario } from '../scenario/scenario.schema.ts';
import { createRun } from './run.ts';
import type { RunEvent } from './run-state.ts';

/** What playing a list of choices gave: the run log, the step it stopped at, and any choice that did not fit. */
export interface PlayedChoices {
  log: RunEvent[];
  /** True when the run reached an ending. */
  finished: boolean;
  /** The step the run stopped at when it did not finish. */
  stoppedAt: string | null;
  problems: string[];
  /** Decisions met after the choices ran out, as `step:option`, each answered with its first option. */
  defaulted: string[];
}

/**
 * Plays a scenario headless with choices written as `play --choose` takes them: option ids joined
 * by `+` for one decision, `-` to let a timed decision run out. With `strict`, a decision met once
 * the choices are used up is a problem; without it, such a decision takes its first option.
 */
export function playChoices(scenario: Scenario, choices: readonly string[], strict = false): PlayedChoices {
  const run = createRun(scenario);
  const problems: string[] = [];
  const defaulted: string[] = [];
  const queue = [...choices];
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  for (let guard = 0; !run.finished() && guard < 10_000; guard++) {
    const step = steps.get(run.context().step)!;
    const d = step.decision;
    if (!d) {
      if (!run.send({ type: 'step.continued' })) {
        problems.push(`step "${step.id}": no route is open to continue`);
        break;
      }
      continue;
    }
    const choice = queue.shift();
    if (choice === undefined && strict) {
      problems.push(`the choices end before the decision at step "${step.id}"`);
      break;
    }
    if (choice === '-') {
      if (d.timeLimit === undefined) {
        problems.push(`step "${step.id}" has no time limit, so "-" cannot let it run out`);
        break;
      }
      run.send({ type: 'clock.ticked', seconds: d.timeLimit });
      continue;
    }
    if (!choice) defaulted.push(`${step.id}:${d.options[0]!.id}`);
    const ids = choice ? choice.split('+') : [d.options[0]!.id];
    const unknown = ids.filter((id) => !d.options.some((o) => o.id === id));
    if (unknown.length) {
      problems.push(
        `step "${step.id}": no option "${unknown.join('", "')}"; its options are ${d.options.map((o) => o.id).join(', ')}`,
      );
      break;
    }
    if (!run.send({ type: 'decision.chosen', optionIds: ids })) {
      problems.push(
        `step "${step.id}": the choice ${ids.join('+')} is not accepted (pick at most ${d.pick ?? 1})`,
      );
      break;
    }
  }
  if (!problems.length && queue.length)
    problems.push(`the run ended with choices left over: ${queue.join(',')}`);
  const finished = run.finished();
  return {
    log: [...run.log],
    finished,
    stoppedAt: finished ? null : run.context().step,
    problems,
    defaulted,
  };
}
