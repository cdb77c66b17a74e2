import type { Route, Scenario, Step } from '../scenario/scenario.schema.ts';
import { conditionsOf, stepEdges } from '../scenario/scenario-graph.ts';
import { createExploreStepper, type SteeringState } from './explore-stepper.ts';
import type { RunEvent } from './run-state.ts';

/** What exhaustive play of a scenario found. */
export interface Exploration {
  /** Distinct world states visited (step plus what guards can read). */
  states: number;
  /** Endings reached, each with one log that reaches it. */
  endings: Map<string, RunEvent[]>;
  /** Steps visited at least once. */
  steps: Set<string>;
  /** States from which no ending can be reached (stuck or looping), with a log that reaches each. */
  deadEnds: { step: string; log: RunEvent[] }[];
  /** How the search ended: every state seen, stopped once every step and ending had a witness, or at the limit. */
  coverage: 'complete' | 'witnesses' | 'truncated';
  /** The state graph, when the search was complete. */
  graph?: ExploredGraph;
}

/** The explored states and the inputs between them. */
export interface ExploredGraph {
  root: string;
  nodes: ReadonlyMap<string, { step: string; final: boolean; edges: { to: string; event: RunEvent }[] }>;
  finals: string[];
  /** States ordered so every input leads forward, or null when the graph has a loop. */
  topologicalOrder(): string[] | null;
}

/** Options for exploring a scenario. */
export interface ExploreOptions {
  /** Stop after this many distinct states. */
  maxStates?: number;
  /** Stop as soon as every step and ending has been reached once (dead ends are then not searched). */
  witnessesOnly?: boolean;
}

/** Every input a step accepts in principle: each option or combination, a time-out, or continue. */
export function inputsOf(step: Step): RunEvent[] {
  const d = step.decision;
  if (!d) return [{ type: 'step.continued' }];
  const ids = d.options.map((o) => o.id);
  const out: RunEvent[] = [];
  const limit = d.mode === 'multi' ? (d.pick ?? 1) : 1;
  const walk = (from: number, acc: string[]) => {
    if (acc.length > 0) out.push({ type: 'decision.chosen', optionIds: acc });
    if (acc.length === limit) return;
    for (let i = from; i < ids.length; i++) walk(i + 1, [...acc, ids[i]!]);
  };
  walk(0, []);
  if (d.timeLimit !== undefined) out.push({ type: 'clock.ticked', seconds: d.timeLimit });
  return out;
}

// why: two runs at the same step that agree on everything a guard can still read (the variables
// and earlier choices named by a condition on some step reachable from here) behave the same from
// here on, so exploring one of them is enough. The map, the clock, unread variables and variables
// whose last reader lies behind the run never steer it.
function createStateKey(scenario: Scenario): (c: SteeringState) => string {
  const reads = new Map<string, { vars: Set<string>; options: Set<string> }>();
  for (const step of scenario.steps) {
    const own = { vars: new Set<string>(), options: new Set<string>() };
    const read = (routes: Route[] | undefined) => {
      for (const r of routes ?? []) {
        for (const c of conditionsOf(r.when)) {
          if ('variable' in c) own.vars.add(c.variable);
          else if ('chose' in c) own.options.add(c.chose);
          else own.options.add(c.notChose);
        }
      }
    };
    read(step.routes);
    read(step.decision?.routes);
    read(step.decision?.noDecision?.routes);
    for (const o of step.decision?.options ?? []) read(o.routes);
    reads.set(step.id, own);
  }
  const edges = stepEdges(scenario);
  const live = new Map<string, { vars: string[]; options: Set<string> }>();
  for (const step of scenario.steps) {
    const vars = new Set<string>();
    const options = new Set<string>();
    const seen = new Set<string>([step.id]);
    const todo = [step.id];
    while (todo.length) {
      const id = todo.pop()!;
      const r = reads.get(id);
      if (!r) continue;
      for (const v of r.vars) vars.add(v);
      for (const o of r.options) options.add(o);
      for (const next of edges.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        todo.push(next);
      }
    }
    live.set(step.id, { vars: [...vars].sort(), options });
  }
  return (c) => {
    const l = live.get(c.step);
    if (!l) return JSON.stringify([c.step, c.ending ?? null]);
    return JSON.stringify([
      c.step,
      l.vars.map((v) => c.vars[v]),
      c.chosen.filter((id) => l.options.has(id)).sort(),
    ]);
  };
}

interface Node {
  step: string;
  parent: string | null;
  event: RunEvent | null;
  edges: { to: string; event: RunEvent }[];
  final: boolean;
}

/** Plays every path of a scenario (decisions, time-outs and guards included), merging equal states. */
export function exploreScenario(scenario: Scenario, options: ExploreOptions = {}): Exploration {
  const { maxStates = 500_000, witnessesOnly = false } = options;
  const stepper = createExploreStepper(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const stateKey = createStateKey(scenario);
  const nodes = new Map<string, Node>();
  const result: Exploration = {
    states: 0,
    endings: new Map(),
    steps: new Set(),
    deadEnds: [],
    coverage: 'complete',
  };
  const logOf = (key: string): RunEvent[] => {
    const log: RunEvent[] = [];
    for (let n = nodes.get(key); n?.event; n = nodes.get(n.parent!)) log.unshift(n.event);
    return log;
  };
  const covered = () =>
    result.endings.size === scenario.endings.length && result.steps.size === scenario.steps.length;

  type Item = { state: SteeringState; parent: string | null; event: RunEvent | null };
  const stack: Item[] = [{ state: stepper.start, parent: null, event: null }];
  while (stack.length > 0) {
    const { state, parent, event } = stack.pop()!;
    const key = stateKey(state);
    if (parent !== null) nodes.get(parent)!.edges.push({ to: key, event: event! });
    if (nodes.has(key)) continue;
    if (nodes.size >= maxStates) {
      result.coverage = 'truncated';
      break;
    }
    const node: Node = { step: state.step, parent, event, edges: [], final: state.ending !== undefined };
    nodes.set(key, node);
    if (node.final) {
      const ending = state.ending;
      if (ending && !result.endings.has(ending)) result.endings.set(ending, logOf(key));
    } else {
      result.steps.add(node.step);
      for (const input of inputsOf(steps.get(node.step)!)) {
        const next = stepper.next(state, input);
        if (next) stack.push({ state: next, parent: key, event: input });
      }
    }
    if (witnessesOnly && covered()) {
      result.coverage = 'witnesses';
      break;
    }
  }
  result.states = nodes.size;
  if (result.coverage !== 'complete') return result;
  // why: a dead end is any state from which no ending can be reached, loops included, not only a
  // state with no move at all; walk back from the endings to find the states that can finish.
  const finishes = new Set([...nodes].filter(([, n]) => n.final).map(([k]) => k));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [k, n] of nodes) {
      if (!finishes.has(k) && n.edges.some((e) => finishes.has(e.to))) {
        finishes.add(k);
        grew = true;
      }
    }
  }
  for (const [k, n] of nodes) if (!finishes.has(k)) result.deadEnds.push({ step: n.step, log: logOf(k) });
  const root = nodes.keys().next().value!;
  result.graph = {
    root,
    nodes,
    finals: [...finishes].filter((k) => nodes.get(k)!.final),
    topologicalOrder: () => topologicalOrder(nodes),
  };
  return result;
}

function topologicalOrder(nodes: ReadonlyMap<string, Node>): string[] | null {
  const incoming = new Map<string, number>();
  for (const k of nodes.keys()) incoming.set(k, 0);
  for (const n of nodes.values()) for (const e of n.edges) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const ready = [...incoming].filter(([, c]) => c === 0).map(([k]) => k);
  const order: string[] = [];
  while (ready.length > 0) {
    const k = ready.pop()!;
    order.push(k);
    for (const e of nodes.get(k)!.edges) {
      const c = incoming.get(e.to)! - 1;
      incoming.set(e.to, c);
      if (c === 0) ready.push(e.to);
    }
  }
  return order.length === nodes.size ? order : null;
}
