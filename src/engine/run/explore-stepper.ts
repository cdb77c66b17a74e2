import type { Scenario } from '../scenario/scenario.schema.ts';
import { applyEffects, conditionsHold, createInitialContext, type RunEvent } from './run-state.ts';
import {
  acceptedOptions,
  type ChoiceParams,
  compileMachineConfig,
  type MachineConfig,
  type OpenStepParams,
  type RouteParams,
  type TimeUpParams,
} from './scenario-machine.ts';

/** The part of a run's state that steers where it can go: step, variables and earlier choices. */
export interface SteeringState {
  step: string;
  vars: Record<string, number>;
  chosen: readonly string[];
  /** Set once the run reached an ending. */
  ending?: string;
}

/** Steps steering states through a scenario's compiled machine config, for exhaustive exploration. */
export interface ExploreStepper {
  start: SteeringState;
  /** The state an input leads to, or null when the step refuses it. */
  next(state: SteeringState, input: RunEvent): SteeringState | null;
}

type Action = { type: string; params: unknown };

// why: exhaustive lint plays every input from every state, hundreds of thousands of transitions;
// XState's snapshots carry the clock, map and history, which never steer a run, and building them
// costs most of the time. This reads the same compiled config the machine is built from and applies
// only what steers, so a test keeps it in step with the machine on every bundled scenario. A tick
// offered here is always a full time limit, so time is up whenever a time-out transition exists.
export function createExploreStepper(scenario: Scenario): ExploreStepper {
  const config: MachineConfig = compileMachineConfig(scenario);
  const { bounds } = createInitialContext(scenario);
  const prefix = `#${scenario.id}.`;
  const enter = (state: SteeringState, id: string): SteeringState => {
    const node = config.states[id]!;
    let out: SteeringState = { ...state, step: id };
    for (const a of node.entry as Action[]) {
      if (a.type === 'openStep')
        out = { ...out, vars: applyEffects(out.vars, bounds, (a.params as OpenStepParams).effects) };
      else if (a.type === 'reachEnding') out = { ...out, ending: id };
    }
    return out;
  };
  const guardHolds = (state: SteeringState, input: RunEvent, guard?: { type: string; params: unknown }) => {
    if (!guard) return true;
    switch (guard.type) {
      case 'optionsChosen': {
        const p = guard.params as ChoiceParams;
        const ids = acceptedOptions(input, p);
        if (!ids) return false;
        const vars = applyEffects(state.vars, bounds, ...ids.map((id) => p.options[id]!.effects));
        return conditionsHold(p.when, vars, [...state.chosen, ...ids]);
      }
      case 'timeUp': {
        const p = guard.params as TimeUpParams;
        if (input.type !== 'clock.ticked' || input.seconds < p.limit) return false;
        return conditionsHold(p.when, applyEffects(state.vars, bounds, p.effects), state.chosen);
      }
      case 'routeOpen': {
        const p = guard.params as RouteParams;
        return conditionsHold(p.when, applyEffects(state.vars, bounds, p.effects), state.chosen);
      }
      default:
        throw new Error(`the explorer does not know the guard "${guard.type}"`);
    }
  };
  const act = (state: SteeringState, input: RunEvent, actions: Action[]): SteeringState => {
    let out = state;
    for (const a of actions) {
      const p = a.params as { options?: ChoiceParams['options']; effects?: TimeUpParams['effects'] };
      if (a.type === 'recordChoice' && input.type === 'decision.chosen') {
        const effects = input.optionIds.map((id) => p.options?.[id]?.effects);
        out = {
          ...out,
          vars: applyEffects(out.vars, bounds, ...effects),
          chosen: [...out.chosen, ...input.optionIds],
        };
      } else if (a.type === 'recordTimeout')
        out = { ...out, vars: applyEffects(out.vars, bounds, p.effects) };
    }
    return out;
  };
  const start = enter(
    { step: config.initial, vars: createInitialContext(scenario).vars, chosen: [] },
    config.initial,
  );
  return {
    start,
    next(state, input) {
      if (state.ending) return null;
      const node = config.states[state.step];
      const transition = node?.on?.[input.type]?.find((t) => guardHolds(state, input, t.guard));
      if (!transition) return null;
      const acted = act(state, input, transition.actions as Action[]);
      return transition.target ? enter(acted, transition.target.slice(prefix.length)) : acted;
    },
  };
}
