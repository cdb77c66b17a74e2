import { assign, setup } from 'xstate';
import type { Condition, Effects, MapChange, Route, Scenario } from '../scenario/scenario.schema.ts';
import { conditionsOf, exitsOf } from '../scenario/scenario-graph.ts';
import {
  applyEffects,
  applyMapChanges,
  conditionsHold,
  createInitialContext,
  type RunContext,
  type RunEvent,
  secondsOfDay,
} from './run-state.ts';
import { effectiveLimit } from './time-limits.ts';

// why: one vocabulary for every scenario. The compiled config only names these guards and
// actions with JSON params, so it can be snapshotted, diffed and explored by xstate/graph.

interface Outcome {
  effects?: Effects;
  map?: MapChange[];
}

export interface ChoiceParams {
  /** Options this transition accepts, with what each does; single choice lists exactly one. */
  options: Record<string, Outcome>;
  mode: 'single' | 'multi';
  pick: number;
  when: Condition[];
}

export interface TimeUpParams {
  limit: number;
  effects?: Effects;
  when: Condition[];
}

export interface RouteParams {
  effects?: Effects;
  when: Condition[];
}

export interface OpenStepParams {
  step: string;
  clock?: string;
  /** The scenario day the step happens on, 1-based; moves the clock across whole days. */
  day?: number;
  effects?: Effects;
  map?: MapChange[];
  /** Injects due when the step opens (offset 0); later ones are released by the clock. */
  injects: string[];
}

interface TickParams {
  step: string;
  injects: { id: string; at: number }[];
  /** For a timed decision: the clock stops at the limit when time runs out. */
  limit?: number;
}

/** The input a run machine starts from. */
export interface RunInput {
  context: RunContext;
}

/** The option ids of a choice a decision accepts, or undefined when it refuses the choice. */
export function acceptedOptions(event: RunEvent, p: ChoiceParams): string[] | undefined {
  if (event.type !== 'decision.chosen') return undefined;
  const ids = event.optionIds;
  if (ids.length === 0 || new Set(ids).size !== ids.length) return undefined;
  // why: `in` would also accept inherited names such as "constructor" from an edited run log.
  if (!ids.every((id) => Object.hasOwn(p.options, id))) return undefined;
  if (p.mode === 'single' ? ids.length !== 1 : ids.length > p.pick) return undefined;
  return ids;
}

/** The guards and actions every scenario machine is built from. */
export const scenarioVocabulary = setup({
  types: {
    context: {} as RunContext,
    events: {} as RunEvent,
    input: {} as RunInput,
  },
  guards: {
    optionsChosen: ({ context, event }, p: ChoiceParams) => {
      const ids = acceptedOptions(event, p);
      if (!ids) return false;
      const vars = applyEffects(context.vars, context.bounds, ...ids.map((id) => p.options[id]!.effects));
      return conditionsHold(p.when, vars, [...context.chosen, ...ids]);
    },
    timeUp: ({ context, event }, p: TimeUpParams) => {
      if (event.type !== 'clock.ticked') return false;
      const limit = effectiveLimit(p.limit, context.timeLimits);
      if (limit === undefined || context.time + event.seconds - context.stepOpenedAt < limit) return false;
      return conditionsHold(p.when, applyEffects(context.vars, context.bounds, p.effects), context.chosen);
    },
    // why: the setting is chosen before anything happens, so every limit of the run is the same kind.
    atStart: ({ context }) =>
      context.time === 0 &&
      context.history.every((h) => h.type === 'step.opened' || h.type === 'inject.released'),
    routeOpen: ({ context }, p: RouteParams) =>
      conditionsHold(p.when, applyEffects(context.vars, context.bounds, p.effects), context.chosen),
  },
  actions: {
    configure: assign(({ context, event }) => {
      if (event.type !== 'run.configured') return {};
      return {
        timeLimits: event.timeLimits,
        history: [
          ...context.history,
          { type: 'run.configured' as const, timeLimits: event.timeLimits, at: context.time },
        ],
      };
    }),
    openStep: assign(({ context }, p: OpenStepParams) => {
      let time = context.time;
      if (p.clock && p.day !== undefined) {
        // why: a dated step ("09:00, day four") may lie days ahead; the clock never runs backwards.
        time = Math.max(time, (p.day - 1) * 86_400 + secondsOfDay(p.clock) - context.startOfDay);
      } else if (p.clock) {
        const now = (context.startOfDay + time) % 86_400;
        time += (secondsOfDay(p.clock) - now + 86_400) % 86_400;
      }
      return {
        time,
        step: p.step,
        stepOpenedAt: time,
        vars: applyEffects(context.vars, context.bounds, p.effects),
        map: applyMapChanges(context.map, p.map),
        history: [
          ...context.history,
          { type: 'step.opened' as const, step: p.step, at: time },
          ...p.injects.map((inject) => ({
            type: 'inject.released' as const,
            step: p.step,
            inject,
            at: time,
          })),
        ],
      };
    }),
    advanceClock: assign(({ context, event }, p: TickParams) => {
      if (event.type !== 'clock.ticked') return {};
      const end =
        context.stepOpenedAt + (effectiveLimit(p.limit, context.timeLimits) ?? Number.POSITIVE_INFINITY);
      const time = Math.min(end, context.time + event.seconds);
      const due = p.injects.filter((i) => {
        const at = context.stepOpenedAt + i.at;
        return at > context.time && at <= time;
      });
      return {
        time,
        history: due.length
          ? [
              ...context.history,
              ...due.map((i) => ({
                type: 'inject.released' as const,
                step: p.step,
                inject: i.id,
                at: context.stepOpenedAt + i.at,
              })),
            ]
          : context.history,
      };
    }),
    recordChoice: assign(({ context, event }, p: { step: string; options: Record<string, Outcome> }) => {
      if (event.type !== 'decision.chosen') return {};
      const chosen = event.optionIds.map((id) => p.options[id] ?? {});
      let map = context.map;
      for (const o of chosen) map = applyMapChanges(map, o.map);
      return {
        vars: applyEffects(context.vars, context.bounds, ...chosen.map((o) => o.effects)),
        map,
        chosen: [...context.chosen, ...event.optionIds],
        history: [
          ...context.history,
          {
            type: 'decision.made' as const,
            step: p.step,
            options: [...event.optionIds],
            at: context.time,
            latency: context.time - context.stepOpenedAt,
          },
        ],
      };
    }),
    recordTimeout: assign(({ context }, p: { step: string } & Outcome) => ({
      vars: applyEffects(context.vars, context.bounds, p.effects),
      map: applyMapChanges(context.map, p.map),
      history: [
        ...context.history,
        {
          type: 'decision.timedOut' as const,
          step: p.step,
          at: context.time,
          latency: context.time - context.stepOpenedAt,
        },
      ],
    })),
    recordContinue: assign(({ context }, p: { step: string }) => ({
      history: [...context.history, { type: 'step.continued' as const, step: p.step, at: context.time }],
    })),
    reachEnding: assign(({ context }, p: { ending: string }) => ({
      step: p.ending,
      ending: p.ending,
      history: [...context.history, { type: 'ending.reached' as const, ending: p.ending, at: context.time }],
    })),
  },
});

/** A guarded transition in plain JSON. */
interface TransitionConfig {
  target?: string;
  guard?: { type: string; params: unknown };
  actions: { type: string; params: unknown }[];
}

/** A compiled machine config: plain JSON naming only the vocabulary's guards and actions. */
export interface MachineConfig {
  id: string;
  initial: string;
  on: Record<string, TransitionConfig[]>;
  states: Record<
    string,
    {
      type?: 'final';
      entry: { type: string; params: unknown }[];
      on?: Record<string, TransitionConfig[]>;
    }
  >;
}

function branches(
  next: string | undefined,
  routes: Route[] | undefined,
): { next: string; when: Condition[] }[] {
  if (routes) return routes.map((r) => ({ next: r.next, when: conditionsOf(r.when) }));
  return next ? [{ next, when: [] }] : [];
}

/** Compiles a checked scenario to a machine config in plain JSON. */
export function compileMachineConfig(s: Scenario): MachineConfig {
  const states: MachineConfig['states'] = {};
  s.steps.forEach((step, si) => {
    const entry = [
      {
        type: 'openStep',
        params: {
          step: step.id,
          ...(step.clock ? { clock: step.clock } : {}),
          ...(step.day !== undefined ? { day: step.day } : {}),
          ...(step.effects ? { effects: step.effects } : {}),
          ...(step.map ? { map: step.map } : {}),
          injects: (step.injects ?? []).filter((i) => i.at === 0).map((i) => i.id),
        } satisfies OpenStepParams,
      },
    ];
    const later = (step.injects ?? []).filter((i) => i.at > 0).map((i) => ({ id: i.id, at: i.at }));
    const on: Record<string, TransitionConfig[]> = {};
    const d = step.decision;
    const exits = exitsOf(s, si);
    if (!d) {
      const exit = exits[0]!;
      on['step.continued'] = branches(exit.next, exit.routes).map((b) => ({
        target: `#${s.id}.${b.next}`,
        guard: { type: 'routeOpen', params: { when: b.when } satisfies RouteParams },
        actions: [{ type: 'recordContinue', params: { step: step.id } }],
      }));
    } else {
      const outcomes: Record<string, Outcome> = Object.fromEntries(
        d.options.map((o) => [
          o.id,
          { ...(o.effects ? { effects: o.effects } : {}), ...(o.map ? { map: o.map } : {}) },
        ]),
      );
      const choices: TransitionConfig[] = [];
      if (d.mode === 'multi') {
        const exit = exits[0]!;
        for (const b of branches(exit.next, exit.routes)) {
          choices.push({
            target: `#${s.id}.${b.next}`,
            guard: {
              type: 'optionsChosen',
              params: {
                options: outcomes,
                mode: 'multi',
                pick: d.pick ?? 1,
                when: b.when,
              } satisfies ChoiceParams,
            },
            actions: [{ type: 'recordChoice', params: { step: step.id, options: outcomes } }],
          });
        }
      } else {
        d.options.forEach((o, oi) => {
          const exit = exits[oi]!;
          const only = { [o.id]: outcomes[o.id]! };
          for (const b of branches(exit.next, exit.routes)) {
            choices.push({
              target: `#${s.id}.${b.next}`,
              guard: {
                type: 'optionsChosen',
                params: { options: only, mode: 'single', pick: 1, when: b.when } satisfies ChoiceParams,
              },
              actions: [{ type: 'recordChoice', params: { step: step.id, options: only } }],
            });
          }
        });
      }
      on['decision.chosen'] = choices;
      if (d.noDecision && d.timeLimit !== undefined) {
        const nd = d.noDecision;
        const exit = exits[exits.length - 1]!;
        const timeouts: TransitionConfig[] = branches(exit.next, exit.routes).map((b) => ({
          target: `#${s.id}.${b.next}`,
          guard: {
            type: 'timeUp',
            params: {
              limit: d.timeLimit!,
              ...(nd.effects ? { effects: nd.effects } : {}),
              when: b.when,
            } satisfies TimeUpParams,
          },
          actions: [
            {
              type: 'advanceClock',
              params: { step: step.id, injects: later, limit: d.timeLimit } satisfies TickParams,
            },
            {
              type: 'recordTimeout',
              params: {
                step: step.id,
                ...(nd.effects ? { effects: nd.effects } : {}),
                ...(nd.map ? { map: nd.map } : {}),
              },
            },
          ],
        }));
        on['clock.ticked'] = timeouts;
      }
    }
    on['clock.ticked'] = [
      ...(on['clock.ticked'] ?? []),
      { actions: [{ type: 'advanceClock', params: { step: step.id, injects: later } satisfies TickParams }] },
    ];
    states[step.id] = { entry, on };
  });
  for (const e of s.endings) {
    states[e.id] = { type: 'final', entry: [{ type: 'reachEnding', params: { ending: e.id } }] };
  }
  return {
    id: s.id,
    initial: s.start,
    // why: accepted in whatever step the run starts, before any other event, so no state repeats it.
    on: {
      'run.configured': [
        { guard: { type: 'atStart', params: {} }, actions: [{ type: 'configure', params: {} }] },
      ],
    },
    states,
  };
}

/** Builds the XState machine for a checked scenario. */
export function createScenarioMachine(s: Scenario) {
  const config = compileMachineConfig(s);
  const fresh = createInitialContext(s);
  return scenarioVocabulary.createMachine({
    ...(config as unknown as Parameters<typeof scenarioVocabulary.createMachine>[0]),
    // why: XState's getNextSnapshot builds a throwaway actor with no input for every step it
    // computes; reading `input.context` then threw and was caught each time, and building those
    // stack traces made each step of the exhaustive lint take 12 µs instead of 7.
    context: ({ input }) => (input as RunInput | undefined)?.context ?? fresh,
  });
}

/** The machine type every scenario compiles to. */
export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;

/** The input for a fresh run of a scenario. */
export function createRunInput(s: Scenario): RunInput {
  return { context: createInitialContext(s) };
}
