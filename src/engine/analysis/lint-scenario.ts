import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { type ExploredGraph, exploreScenario } from '../run/explore.ts';
import type { HistoryEntry, RunEvent } from '../run/run-state.ts';
import type { Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { whyNeverReached } from '../scenario/scenario-graph.ts';
import { CRITICAL_CAP, scoreRun } from '../score/score-run.ts';
import { freeRiders, lintDoctrine } from './doctrine-lint.ts';

/** A path through a scenario with the overall score it earns. */
export interface ScoredPath {
  score: number;
  ending: string;
  /** Inputs in order, as `play --choose` takes them: option ids joined by `+`, `-` for a time-out. */
  choices: string[];
  breaksDont: boolean;
  criticalBreach: boolean;
}

/** What the exhaustive lint found in one scenario. */
export interface LintReport {
  scenario: string;
  states: number;
  /** Distinct input sequences from start to an ending (null when a loop makes them unbounded). */
  paths: number | null;
  endings: string[];
  unreachableSteps: string[];
  unreachableEndings: string[];
  deadEnds: { step: string; choices: string[] }[];
  best: ScoredPath | null;
  worst: ScoredPath | null;
  /** True when the state limit stopped the search, so absence of findings proves nothing. */
  truncated: boolean;
  /** Findings, each with the field path of the scenario it is about. */
  problems: { path: (string | number)[]; message: string }[];
}

interface EdgeScore {
  score: number;
  critical: boolean;
  breaks: boolean;
}

/** The choice string for one input, as `play --choose` takes it; continue steps have none. */
function choiceOf(e: RunEvent): string | null {
  if (e.type === 'decision.chosen') return e.optionIds.join('+');
  if (e.type === 'clock.ticked') return '-';
  return null;
}

// why: a decision's score depends only on the step and the choice (lint assumes answers on time),
// so each edge of the explored graph carries it, and best and worst paths follow by dynamic
// programming over the graph instead of enumerating millions of paths.
function createEdgeScorer(scenario: Scenario, catalogue: DoctrineCatalogue) {
  const memo = new Map<string, EdgeScore | null>();
  return (step: string, e: RunEvent): EdgeScore | null => {
    const key = `${step}|${JSON.stringify(e)}`;
    if (memo.has(key)) return memo.get(key)!;
    let entry: HistoryEntry | null = null;
    if (e.type === 'decision.chosen')
      entry = { type: 'decision.made', step, options: e.optionIds, at: 0, latency: 0 };
    else if (e.type === 'clock.ticked') entry = { type: 'decision.timedOut', step, at: 0, latency: 0 };
    const d = entry ? scoreRun(scenario, [entry], catalogue).decisions[0] : undefined;
    const out = d
      ? {
          score: d.score,
          critical: d.broken.some((b) => b.severity === 'critical'),
          breaks: d.broken.length > 0,
        }
      : null;
    memo.set(key, out);
    return out;
  };
}

/** Explores every state of a scenario and reports reachability, dead ends, path count and best and worst paths. */
export function lintScenario(
  scenario: Scenario,
  catalogue: DoctrineCatalogue,
  maxStates = 1_000_000,
): LintReport {
  const explored = exploreScenario(scenario, { maxStates });
  const graph = explored.graph;
  const report: LintReport = {
    scenario: scenario.id,
    states: explored.states,
    paths: null,
    endings: [...explored.endings.keys()].sort(),
    unreachableSteps: scenario.steps.map((s) => s.id).filter((id) => !explored.steps.has(id)),
    unreachableEndings: scenario.endings.map((e) => e.id).filter((id) => !explored.endings.has(id)),
    deadEnds: explored.deadEnds.map((d) => ({
      step: d.step,
      choices: d.log.map(choiceOf).filter((c) => c !== null),
    })),
    best: null,
    worst: null,
    truncated: explored.coverage !== 'complete',
    problems: [],
  };
  if (!report.truncated && graph)
    Object.assign(
      report,
      bestAndWorst(
        graph,
        createEdgeScorer(scenario, catalogue),
        (id) => scenario.endings.find((e) => e.id === id)!.outcome,
      ),
    );

  const stepPath = (id: string) => ['steps', scenario.steps.findIndex((s) => s.id === id), 'id'];
  if (report.truncated) {
    report.problems.push({
      path: ['steps'],
      message: `stopped after ${maxStates} states: let routes read fewer variables`,
    });
  }
  const reached = new Set(explored.steps.keys());
  const because = (id: string) => {
    const why = report.truncated ? '' : whyNeverReached(scenario, id, reached);
    return why ? `: ${why}` : '';
  };
  for (const s of report.unreachableSteps) {
    report.problems.push({ path: stepPath(s), message: `step "${s}" is never reached in play${because(s)}` });
  }
  for (const e of report.unreachableEndings) {
    const i = scenario.endings.findIndex((x) => x.id === e);
    report.problems.push({
      path: ['endings', i, 'id'],
      message: `ending "${e}" is never reached in play${because(e)}`,
    });
  }
  const seenDeadEnds = new Set<string>();
  for (const d of report.deadEnds) {
    if (seenDeadEnds.has(d.step)) continue;
    seenDeadEnds.add(d.step);
    report.problems.push({
      path: stepPath(d.step),
      message: `dead end: from step "${d.step}" no ending can be reached, after --choose ${d.choices.join(',') || '(start)'}`,
    });
  }
  const idle = graph ? timeOutLoop(graph) : null;
  if (idle) {
    report.problems.push({
      path: [...stepPath(idle[0]!).slice(0, 2), 'decision', 'noDecision'],
      message: `if nobody decides, time-outs lead round ${idle.join(' -> ')} for ever and the run never ends: let one noDecision lead on`,
    });
  }
  if (report.best?.breaksDont) {
    report.problems.push({
      path: firstBreakingOption(scenario, report.best.choices) ?? ['start'],
      message: `the best path breaks a Don't or fails a duty here: make the doctrinal answer the best one (--choose ${report.best.choices.join(',')})`,
    });
  }
  if (report.best) report.problems.push(...freeRidersOnPath(scenario, report.best.choices, catalogue));
  report.problems.push(...lintDoctrine(scenario, catalogue));
  return report;
}

interface Tally {
  sum: number;
  /** Options picked so far: between equal sums the best path takes fewer, so no neutral pick rides along. */
  picks: number;
  from: string | null;
  via: RunEvent | null;
  fromTally: string | null;
}

// why: the overall score is a mean with a cap after a critical breach, so the best path is not a
// plain longest path; keeping, per state, the best and worst sum for each (decisions so far,
// critical broken, any Don't broken) makes the optimum exact.
function bestAndWorst(
  graph: ExploredGraph,
  scoreEdge: (step: string, e: RunEvent) => EdgeScore | null,
  outcomeOf: (ending: string) => Outcome,
) {
  const order = graph.topologicalOrder();
  if (!order) return { paths: null };
  const best = new Map<string, Map<string, Tally>>();
  const worst = new Map<string, Map<string, Tally>>();
  const paths = new Map<string, number>();
  const root = graph.root;
  best.set(root, new Map([['0|0|0', { sum: 0, picks: 0, from: null, via: null, fromTally: null }]]));
  worst.set(root, new Map([['0|0|0', { sum: 0, picks: 0, from: null, via: null, fromTally: null }]]));
  paths.set(root, 1);
  for (const key of order) {
    const node = graph.nodes.get(key)!;
    const count = paths.get(key) ?? 0;
    for (const edge of node.edges) {
      paths.set(edge.to, (paths.get(edge.to) ?? 0) + count);
      const s = scoreEdge(node.step, edge.event);
      for (const [table, better] of [
        [best, (a: number, b: number) => a > b],
        [worst, (a: number, b: number) => a < b],
      ] as const) {
        for (const [tk, tally] of table.get(key) ?? []) {
          const [k, crit, broke] = tk.split('|').map(Number) as [number, number, number];
          const nk = s ? `${k + 1}|${crit || +s.critical}|${broke || +s.breaks}` : tk;
          const sum = tally.sum + (s?.score ?? 0);
          const picks =
            tally.picks + (edge.event.type === 'decision.chosen' ? edge.event.optionIds.length : 0);
          const target = table.get(edge.to) ?? new Map<string, Tally>();
          table.set(edge.to, target);
          const prev = target.get(nk);
          if (!prev || better(sum, prev.sum) || (sum === prev.sum && picks < prev.picks))
            target.set(nk, { sum, picks, from: key, via: edge.event, fromTally: tk });
        }
      }
    }
  }
  const OUTCOME_RANK = { protected: 2, partial: 1, harmed: 0 } as const;
  // why: between equal scores, the best path shown breaks nothing and reaches the better ending, the
  // worst one breaks something and reaches the worse ending, so the two tell the author the most.
  const pick = (table: Map<string, Map<string, Tally>>, direction: 1 | -1) => {
    let found: { node: string; tk: string; score: number; rank: number[] } | null = null;
    for (const key of graph.finals) {
      const outcome = OUTCOME_RANK[outcomeOf(graph.nodes.get(key)!.step)];
      for (const [tk, tally] of table.get(key) ?? []) {
        const [k, crit] = tk.split('|').map(Number) as [number, number];
        let score = k ? Math.round(tally.sum / k) : 0;
        if (crit) score = Math.min(score, CRITICAL_CAP);
        const clean = tk.endsWith('|1') ? 0 : 1;
        const rank = [score, clean, outcome].map((x) => x * direction);
        if (!found || isGreater(rank, found.rank)) found = { node: key, tk, score, rank };
      }
    }
    if (!found) return null;
    const choices: string[] = [];
    let node: string | null = found.node;
    let tk: string | null = found.tk;
    while (node && tk) {
      const tally: Tally = table.get(node)!.get(tk)!;
      const c = tally.via ? choiceOf(tally.via) : null;
      if (c !== null) choices.unshift(c);
      node = tally.from;
      tk = tally.fromTally;
    }
    const [, crit, broke] = found.tk.split('|').map(Number);
    return {
      score: found.score,
      ending: graph.nodes.get(found.node)!.step,
      choices,
      criticalBreach: crit === 1,
      breaksDont: broke === 1,
    } satisfies ScoredPath;
  };
  const total = graph.finals.reduce((acc, k) => acc + (paths.get(k) ?? 0), 0);
  return {
    paths: total,
    best: pick(best, 1),
    worst: pick(worst, -1),
  };
}

// why: not deciding is a decision, so a run left alone must still end; a loop of time-outs in the
// explored states would tick on for ever. Depth-first with an explicit stack over time-out edges only.
function timeOutLoop(graph: ExploredGraph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const timeOuts = (key: string) =>
    graph.nodes
      .get(key)!
      .edges.filter((e) => e.event.type === 'clock.ticked')
      .map((e) => e.to);
  for (const root of graph.nodes.keys()) {
    if (state.has(root)) continue;
    const trail = [root];
    const pending = [timeOuts(root)];
    state.set(root, 'open');
    while (trail.length > 0) {
      const next = pending[pending.length - 1]!.pop();
      if (next === undefined) {
        state.set(trail.pop()!, 'done');
        pending.pop();
      } else if (state.get(next) === 'open') {
        const keys = [...trail.slice(trail.indexOf(next)), next];
        return keys.map((k) => graph.nodes.get(k)!.step).filter((step, i, all) => step !== all[i - 1]);
      } else if (!state.has(next)) {
        state.set(next, 'open');
        trail.push(next);
        pending.push(timeOuts(next));
      }
    }
  }
  return null;
}

/** Findings for picks on the best path that add nothing to their decision (pick-up-to-N free riders). */
function freeRidersOnPath(
  scenario: Scenario,
  choices: readonly string[],
  catalogue: DoctrineCatalogue,
): LintReport['problems'] {
  const out: LintReport['problems'] = [];
  const optionAt = new Map<string, [number, number]>();
  scenario.steps.forEach((st, si) => {
    st.decision?.options.forEach((o, oi) => {
      optionAt.set(o.id, [si, oi]);
    });
  });
  for (const choice of choices) {
    const ids = choice.split('+');
    const at = optionAt.get(ids[0]!);
    if (!at || ids.length < 2) continue;
    const d = scenario.steps[at[0]]!.decision!;
    for (const id of freeRiders(d, ids, catalogue)) {
      const [si, oi] = optionAt.get(id)!;
      out.push({
        path: ['steps', si, 'decision', 'options', oi],
        message: `the best path picks "${id}" in ${choice}, which adds nothing to that answer: a contradictory or idle pick must cost something (tag what it breaks or fails)`,
      });
    }
  }
  return out;
}

/** The field path of the first option along a path that breaks a Don't. */
function firstBreakingOption(scenario: Scenario, choices: string[]): (string | number)[] | undefined {
  const ids = new Set(choices.flatMap((c) => c.split('+')));
  for (const [si, step] of scenario.steps.entries()) {
    for (const [oi, o] of (step.decision?.options ?? []).entries()) {
      if (ids.has(o.id) && o.breaks.length > 0) return ['steps', si, 'decision', 'options', oi, 'breaks'];
      if (ids.has(o.id) && o.fails.length > 0) return ['steps', si, 'decision', 'options', oi, 'fails'];
    }
  }
  return undefined;
}

/** Lexicographic comparison of two rank tuples. */
function isGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}
