import type { Condition, Route, Scenario } from './scenario.schema.ts';

type Path = PropertyKey[];

/** Where a step, option or time-out can lead: one `next`, or guarded routes. */
export interface Exit {
  path: Path;
  next?: string;
  routes?: Route[];
}

/** Lists a condition or a list of conditions as an array. */
export function conditionsOf(when: Route['when']): Condition[] {
  if (!when) return [];
  return Array.isArray(when) ? when : [when];
}

/** Every exit of a step, with the path of the field that declares it (options fall back to the decision's). */
export function exitsOf(scenario: Scenario, stepIndex: number): Exit[] {
  const step = scenario.steps[stepIndex]!;
  const at: Path = ['steps', stepIndex];
  const d = step.decision;
  if (!d) return [{ path: at, next: step.next, routes: step.routes }];
  const fallback = { next: d.next, routes: d.routes };
  const pick = (own: { next?: string; routes?: Route[] }) => (own.next || own.routes ? own : fallback);
  const exits: Exit[] = [];
  if (d.mode === 'multi') exits.push({ path: [...at, 'decision'], ...fallback });
  else
    for (const [i, o] of d.options.entries())
      exits.push({ path: [...at, 'decision', 'options', i], ...pick(o) });
  if (d.noDecision) exits.push({ path: [...at, 'decision', 'noDecision'], ...pick(d.noDecision) });
  return exits;
}

/** Targets an exit may lead to. */
export function targetsOf(exit: Exit): string[] {
  return exit.routes ? exit.routes.map((r) => r.next) : exit.next ? [exit.next] : [];
}

/** Every step id with the step and ending ids its exits may lead to. */
export function stepEdges(scenario: Scenario): Map<string, string[]> {
  return new Map(scenario.steps.map((s, i) => [s.id, exitsOf(scenario, i).flatMap(targetsOf)]));
}

/** Whether a step can lead back to itself; without such loops every run ends, since every exit has a default. */
export function hasStepCycle(scenario: Scenario): boolean {
  const edges = stepEdges(scenario);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    const mark = state.get(id);
    if (mark === 'open') return true;
    if (mark === 'done') return false;
    state.set(id, 'open');
    const found = (edges.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return found;
  };
  return scenario.steps.some((s) => visit(s.id));
}

/** Fewest and most decisions a trainee still faces from a step (itself included) to an ending. */
export interface DecisionsAhead {
  min: number;
  max: number;
}

const aheadCache = new WeakMap<Scenario, Map<string, DecisionsAhead>>();

/**
 * For every step, how many decisions lie between it and an ending, over every way the story can go.
 * why: the progress a trainee sees ("decision 4 of about 10") comes from the graph, not from a
 * number an author would have to keep true by hand; a loop back counts once.
 */
export function decisionsAhead(scenario: Scenario): Map<string, DecisionsAhead> {
  const cached = aheadCache.get(scenario);
  if (cached) return cached;
  const edges = stepEdges(scenario);
  const isDecision = new Map(scenario.steps.map((s) => [s.id, s.decision !== undefined]));
  const out = new Map<string, DecisionsAhead>();
  const visit = (id: string, open: Set<string>): DecisionsAhead => {
    const known = out.get(id);
    if (known) return known;
    if (!isDecision.has(id) || open.has(id)) return { min: 0, max: 0 };
    open.add(id);
    const next = [...new Set(edges.get(id) ?? [])].map((n) => visit(n, open));
    open.delete(id);
    const own = isDecision.get(id) ? 1 : 0;
    const result = {
      min: own + (next.length ? Math.min(...next.map((n) => n.min)) : 0),
      max: own + (next.length ? Math.max(...next.map((n) => n.max)) : 0),
    };
    out.set(id, result);
    return result;
  };
  for (const s of scenario.steps) visit(s.id, new Set());
  aheadCache.set(scenario, out);
  return out;
}
