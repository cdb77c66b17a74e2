import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/scenario.schema.ts';
import type { RunContext, RunEvent } from './run-state.ts';
import { createRunInput, createScenarioMachine, type ScenarioMachine } from './scenario-machine.ts';
import { isTimeLimitSetting, type TimeLimitSetting } from './time-limits.ts';

/** A run in progress: an append-only log of accepted events and the state it leads to. */
export interface Run {
  readonly scenario: Scenario;
  /** Accepted events, in order; replaying them gives the same state. */
  readonly log: readonly RunEvent[];
  /** Current context (world state, clock, history). */
  context(): RunContext;
  /** Whether the run reached an ending. */
  finished(): boolean;
  /** Offers an event; returns false (and logs nothing) when the current step does not accept it. */
  send(event: RunEvent): boolean;
  /** Calls back after every accepted event. */
  subscribe(listener: () => void): () => void;
}

const machines = new WeakMap<Scenario, ScenarioMachine>();

/** The compiled machine of a scenario, built once per scenario object. */
export function machineFor(scenario: Scenario): ScenarioMachine {
  let m = machines.get(scenario);
  if (!m) {
    m = createScenarioMachine(scenario);
    machines.set(scenario, m);
  }
  return m;
}

/** Starts a run of a scenario, replaying a saved log first when one is given. */
export function createRun(scenario: Scenario, savedLog: readonly RunEvent[] = []): Run {
  const actor: Actor<ScenarioMachine> = createActor(machineFor(scenario), {
    input: createRunInput(scenario),
  });
  actor.start();
  const log: RunEvent[] = [];
  const listeners = new Set<() => void>();
  // why: consecutive ticks within one step merge into one log entry; a tick's effect depends only
  // on the summed seconds while the step stays open, so replay gives the same state.
  let tickStep: string | undefined;

  const send = (event: RunEvent): boolean => {
    const before = actor.getSnapshot();
    if (before.status !== 'active' || !isWellFormed(event)) return false;
    if (event.type === 'run.configured' && log.length > 0) return false;
    const stepBefore = before.context.step;
    actor.send(event);
    // why: XState keeps the very same snapshot when no transition accepts an event; asking `can`
    // first evaluated every guard twice per event, a tenth or more of the cost of a replay.
    if (actor.getSnapshot() === before) return false;
    const after = actor.getSnapshot().context;
    const last = log[log.length - 1];
    if (event.type === 'clock.ticked' && last?.type === 'clock.ticked' && tickStep === stepBefore) {
      log[log.length - 1] = { type: 'clock.ticked', seconds: last.seconds + event.seconds };
    } else log.push(copy(event));
    tickStep = event.type === 'clock.ticked' && after.step === stepBefore ? stepBefore : undefined;
    for (const l of listeners) l();
    return true;
  };

  const run: Run = {
    scenario,
    log,
    context: () => actor.getSnapshot().context,
    finished: () => actor.getSnapshot().status === 'done',
    send,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  for (const e of savedLog) {
    if (!send(e))
      throw new ReplayError(
        `event ${log.length + 1} (${e.type}) is not accepted at step "${run.context().step}"`,
      );
  }
  return run;
}

/** A saved log that does not fit the scenario (changed scenario, edited or corrupt file). */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

function isWellFormed(e: RunEvent): boolean {
  if (e.type === 'clock.ticked') return Number.isFinite(e.seconds) && e.seconds > 0;
  if (e.type === 'decision.chosen')
    return Array.isArray(e.optionIds) && e.optionIds.every((id) => typeof id === 'string');
  if (e.type === 'run.configured') return isTimeLimitSetting(e.timeLimits);
  return e.type === 'step.continued';
}

function copy(e: RunEvent): RunEvent {
  return e.type === 'decision.chosen' ? { type: e.type, optionIds: [...e.optionIds] } : { ...e };
}

/** The time-limit setting a log was played with. */
export function timeLimitsOf(log: readonly RunEvent[]): TimeLimitSetting {
  const first = log[0];
  return first?.type === 'run.configured' ? first.timeLimits : 'standard';
}

/** The log a run starts with for a time-limit setting: nothing for standard limits. */
export function initialLog(timeLimits: TimeLimitSetting): RunEvent[] {
  return timeLimits === 'standard' ? [] : [{ type: 'run.configured', timeLimits }];
}

/** Replays a log from the start and returns the context it leads to. */
export function replay(scenario: Scenario, log: readonly RunEvent[]): RunContext {
  return createRun(scenario, log).context();
}
