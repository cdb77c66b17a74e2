import type { Scenario, Step } from '../scenario/scenario.schema';
import { createRun } from './run';
import type { RunContext, RunEvent } from './run-state';

/** What exhaustive play of a scenario found. */
export interface Exploration {
  /** Distinct world states visited (step, variables, earlier choices, map). */
  states: number;
  /** Endings reached, each with one log that reaches it. */
  endings: Map<string, RunEvent[]>;
  /** Steps visited at least once. */
  steps: Set<string>;
  /** States from which no ending can be reached (stuck or looping), with a log that reaches each. */
  deadEnds: { step: string; log: RunEvent[] }[];
  /** True when exploration stopped at the state limit before covering everything. */
  truncated: boolean;
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

// why: two runs at the same step with the same world and the same earlier choices behave the same
// from here on, so exploring one of them is enough; this keeps exhaustive play small.
function stateKey(c: RunContext): string {
  return JSON.stringify([c.step, c.vars, [...c.chosen].sort(), c.map]);
}

/** Plays every path of a scenario (decisions, time-outs and guards included), merging equal states. */
export function exploreScenario(scenario: Scenario, maxStates = 200_000): Exploration {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const nodes = new Map<string, { step: string; log: RunEvent[]; next: string[]; final: boolean }>();
  const result: Exploration = {
    states: 0,
    endings: new Map(),
    steps: new Set(),
    deadEnds: [],
    truncated: false,
  };
  const stack: RunEvent[][] = [[]];
  const keyOf = new Map<RunEvent[], string>();
  while (stack.length > 0) {
    const log = stack.pop()!;
    const run = createRun(scenario, log);
    const context = run.context();
    const key = keyOf.get(log) ?? stateKey(context);
    if (nodes.has(key)) continue;
    if (nodes.size >= maxStates) {
      result.truncated = true;
      break;
    }
    const node = { step: context.step, log, next: [] as string[], final: run.finished() };
    nodes.set(key, node);
    if (node.final) {
      if (context.ending && !result.endings.has(context.ending)) result.endings.set(context.ending, log);
      continue;
    }
    result.steps.add(context.step);
    for (const input of inputsOf(steps.get(context.step)!)) {
      const next = createRun(scenario, log);
      if (!next.send(input)) continue;
      const nextLog = [...next.log];
      const nextKey = stateKey(next.context());
      keyOf.set(nextLog, nextKey);
      node.next.push(nextKey);
      stack.push(nextLog);
    }
  }
  result.states = nodes.size;
  // why: a dead end is any state from which no ending can be reached, loops included, not only a
  // state with no move at all; walk back from the endings to find the states that can finish.
  const finishes = new Set([...nodes].filter(([, n]) => n.final).map(([k]) => k));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [k, n] of nodes) {
      if (!finishes.has(k) && n.next.some((x) => finishes.has(x))) {
        finishes.add(k);
        grew = true;
      }
    }
  }
  if (!result.truncated) {
    for (const [k, n] of nodes) if (!finishes.has(k)) result.deadEnds.push({ step: n.step, log: n.log });
  }
  return result;
}
