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

/** A condition in words, as the CLI, lint and the graph's text version show it: "harm ≥ 6", "chose verify-patrol". */
export function describeCondition(c: Condition): string {
  if ('chose' in c) return `chose ${c.chose}`;
  if ('notChose' in c) return `did not choose ${c.notChose}`;
  if (c.atLeast !== undefined && c.atMost !== undefined) return `${c.atLeast} ≤ ${c.variable} ≤ ${c.atMost}`;
  if (c.atLeast !== undefined) return `${c.variable} ≥ ${c.atLeast}`;
  if (c.atMost !== undefined) return `${c.variable} ≤ ${c.atMost}`;
  return `${c.variable} (any value)`;
}

/** All conditions of a route in words, joined by "and"; '' for the default route. */
export function describeWhen(when: Route['when']): string {
  return conditionsOf(when).map(describeCondition).join(' and ');
}

// why: a later route whose conditions imply an earlier route's is dead: the earlier one always wins.
function implies(later: Condition[], earlier: Condition[]): boolean {
  return earlier.every((e) =>
    later.some((l) => {
      if ('chose' in e) return 'chose' in l && l.chose === e.chose;
      if ('notChose' in e) return 'notChose' in l && l.notChose === e.notChose;
      if (!('variable' in l) || l.variable !== e.variable) return false;
      const low = e.atLeast === undefined || (l.atLeast !== undefined && l.atLeast >= e.atLeast);
      const high = e.atMost === undefined || (l.atMost !== undefined && l.atMost <= e.atMost);
      return low && high;
    }),
  );
}

/**
 * Why an ending or step that play never reaches stays out of reach, in one clause for lint: no exit
 * names it, the steps naming it are unreached, or an earlier route always takes the runs first.
 */
export function whyNeverReached(scenario: Scenario, target: string, reached: ReadonlySet<string>): string {
  const reasons: string[] = [];
  let named = false;
  scenario.steps.forEach((step, si) => {
    for (const exit of exitsOf(scenario, si)) {
      const where =
        exit.path.length > 2 ? `step "${step.id}" ${exit.path.slice(2).join('.')}` : `step "${step.id}"`;
      if (exit.next === target) {
        named = true;
        if (!reached.has(step.id))
          reasons.push(`${where} leads to it, but step "${step.id}" is never reached`);
      }
      exit.routes?.forEach((r, ri) => {
        if (r.next !== target) return;
        named = true;
        if (!reached.has(step.id)) {
          reasons.push(`${where} routes[${ri}] leads to it, but step "${step.id}" is never reached`);
          return;
        }
        const own = conditionsOf(r.when);
        const shadow = exit
          .routes!.slice(0, ri)
          .findIndex((e) => e.when && implies(own, conditionsOf(e.when)));
        if (shadow >= 0)
          reasons.push(
            `${where} routes[${ri}] (if ${describeWhen(r.when)}) comes after routes[${shadow}] (if ${describeWhen(exit.routes![shadow]!.when)}), which takes every run it would take: put the narrower route first`,
          );
        else if (own.length)
          reasons.push(
            `no run that reaches ${where} routes[${ri}] meets its condition (if ${describeWhen(r.when)})${ri ? ` once the routes before it have taken theirs` : ''}`,
          );
      });
    }
  });
  if (!named) return 'no step, option or route leads to it';
  return reasons.length ? [...new Set(reasons)].join('; ') : '';
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
