import type { Phase } from '../../engine/doctrine/doctrine-entry.ts';
import { createRun } from '../../engine/run/run.ts';
import type { Condition, Outcome, Scenario } from '../../engine/scenario/scenario.schema.ts';
import { conditionsOf, exitsOf, targetsOf } from '../../engine/scenario/scenario-graph.ts';

// why: a pure layered (Sugiyama-style) layout with no DOM, so it is unit-tested on large generated
// scenarios and the SVG component only draws what it returns.

/** What the lint found, to be drawn on the graph; `path` is a run's node ids in order (steps, then the ending). */
export interface GraphMarks {
  unreachable: ReadonlySet<string>;
  deadEnds: ReadonlySet<string>;
  /** Steps and endings the file's errors point into (drawn while the file does not validate). */
  problems?: ReadonlySet<string>;
  path?: readonly string[];
}

export type NodeMark = 'unreachable' | 'dead-end' | 'problem' | null;
export type DecisionKind = 'single' | 'multi' | 'none';
export type EdgeKind = 'option' | 'timeout' | 'continue' | 'route';

/** A step or an ending, placed: `x`, `y` are the top-left corner. */
export interface GraphNode {
  id: string;
  kind: 'step' | 'ending';
  phase?: Phase;
  outcome?: Outcome;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Layer (column) from the left, 0 for the start step. */
  layer: number;
  /** Whether the step's decision has a time limit. */
  timed: boolean;
  /** Seconds to decide, for timed decisions. */
  timeLimit?: number;
  decision: DecisionKind;
  mark: NodeMark;
  onPath: boolean;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * One or more exits of a step that lead to the same target the same way. `options` lists the
 * option ids of single-choice options on it; `conditional` means a route with a `when` guards it.
 */
export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  options: string[];
  conditional: boolean;
  /** The conditions of the routes it stands for, one list per route (all must hold), to be shown. */
  when: Condition[][];
  /** Goes back to an earlier (or the same) layer: part of a loop. */
  back: boolean;
  onPath: boolean;
  /** Polyline from the source's border to the target's border, through the layers it crosses. */
  points: Point[];
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export const GRAPH_SIZES = {
  stepWidth: 220,
  stepHeight: 80,
  markHeight: 22,
  endingWidth: 200,
  endingHeight: 68,
  columnGap: 130,
  rowGap: 28,
  laneGap: 18,
  margin: 24,
  loopDepth: 56,
  portGap: 10,
} as const;

/** The measures a layout is made with. */
export type GraphSizes = { readonly [K in keyof typeof GRAPH_SIZES]: number };

// why: at "fit" on a laptop a large scenario would shrink its words below 11 px; the overview
// draws each step as its title alone in smaller boxes closer together, so it fits with its
// words still readable (the full boxes come back with Reset or the zoom buttons).
/** Measures of the overview drawn at "fit": title-only boxes, closer columns. */
// (loops keep their depth: the drawing of a loop's curve uses GRAPH_SIZES.loopDepth)
export const COMPACT_SIZES: GraphSizes = {
  ...GRAPH_SIZES,
  stepWidth: 150,
  stepHeight: 40,
  markHeight: 0,
  endingWidth: 140,
  endingHeight: 40,
  columnGap: 56,
  rowGap: 14,
  laneGap: 8,
  portGap: 6,
};

interface RawEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  options: string[];
  conditional: boolean;
  when: Condition[][];
}

/** The edges of a scenario, merged when several exits of a step lead to one target the same way. */
export function collectEdges(scenario: Scenario): RawEdge[] {
  const known = new Set([...scenario.steps.map((s) => s.id), ...scenario.endings.map((e) => e.id)]);
  const merged = new Map<string, RawEdge>();
  scenario.steps.forEach((step, i) => {
    for (const exit of exitsOf(scenario, i)) {
      const field = exit.path[exit.path.length - 1];
      const optionIndex = exit.path[exit.path.length - 2] === 'options' ? Number(field) : -1;
      const kind: EdgeKind =
        optionIndex >= 0 ? 'option' : field === 'noDecision' ? 'timeout' : exit.routes ? 'route' : 'continue';
      const option = optionIndex >= 0 ? step.decision?.options[optionIndex]?.id : undefined;
      const targets = exit.routes
        ? exit.routes.map((r) => ({
            to: r.next,
            conditional: r.when !== undefined,
            when: conditionsOf(r.when),
          }))
        : targetsOf(exit).map((to) => ({ to, conditional: false, when: [] as Condition[] }));
      for (const { to, conditional, when } of targets) {
        if (!known.has(to)) continue;
        const key = `${step.id}\u0000${to}\u0000${kind}\u0000${conditional}`;
        let edge = merged.get(key);
        if (!edge) {
          edge = { from: step.id, to, kind, options: [], conditional, when: [] };
          merged.set(key, edge);
        }
        if (option && !edge.options.includes(option)) edge.options.push(option);
        const same = JSON.stringify(when);
        if (when.length && !edge.when.some((w) => JSON.stringify(w) === same)) edge.when.push(when);
      }
    }
  });
  return [...merged.values()];
}

/** Edges (as `from\0to`) that close a loop, found by depth-first search from the start step. */
function findBackEdges(stepIds: string[], start: string, succ: Map<string, string[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const roots = [start, ...stepIds.filter((id) => id !== start)];
  for (const root of roots) {
    if (state.has(root) || !succ.has(root)) continue;
    // why: iterative, so a long chain of steps cannot overflow the call stack
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const out = succ.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const to = out[top.next++]!;
      const s = state.get(to);
      if (s === 'open') back.add(`${top.id}\u0000${to}`);
      else if (!s) {
        state.set(to, 'open');
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return back;
}

/** Least-squares positions that keep order and minimum gaps (pool adjacent violators). */
function placeInOrder(desired: number[], gaps: number[]): number[] {
  const offset: number[] = [];
  let acc = 0;
  for (let i = 0; i < desired.length; i++) {
    if (i > 0) acc += gaps[i - 1]!;
    offset.push(acc);
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < desired.length; i++) {
    blocks.push({ sum: desired[i]! - offset[i]!, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + offset[out.length]!);
  return out;
}

interface LNode {
  id: string;
  layer: number;
  height: number;
  dummy: boolean;
  up: number[];
  down: number[];
  order: number;
  cy: number;
}

/** Lays out a scenario's steps and endings in layers from left to right, with the lint's marks. */
export function layoutScenarioGraph(
  scenario: Scenario,
  marks: GraphMarks,
  sizes: GraphSizes = GRAPH_SIZES,
  fold?: number,
): GraphLayout {
  const S = sizes;
  const stepIds = scenario.steps.map((s) => s.id);
  const stepSet = new Set(stepIds);
  const raw = collectEdges(scenario);

  const succ = new Map<string, string[]>(stepIds.map((id) => [id, []]));
  for (const e of raw) {
    const list = succ.get(e.from)!;
    if (stepSet.has(e.to) && !list.includes(e.to)) list.push(e.to);
  }
  const back = findBackEdges(stepIds, scenario.start, succ);
  const isBack = (e: RawEdge) => back.has(`${e.from}\u0000${e.to}`) || e.from === e.to;

  // Longest distance from the sources over the step graph without its back edges (Kahn's order).
  const layerOf = new Map<string, number>(stepIds.map((id) => [id, 0]));
  const indegree = new Map<string, number>(stepIds.map((id) => [id, 0]));
  const forward = new Map<string, string[]>(stepIds.map((id) => [id, []]));
  for (const [from, list] of succ)
    for (const to of list)
      if (!back.has(`${from}\u0000${to}`) && from !== to) {
        forward.get(from)!.push(to);
        indegree.set(to, indegree.get(to)! + 1);
      }
  const queue = stepIds.filter((id) => indegree.get(id) === 0);
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi]!;
    for (const to of forward.get(id)!) {
      layerOf.set(to, Math.max(layerOf.get(to)!, layerOf.get(id)! + 1));
      const left = indegree.get(to)! - 1;
      indegree.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  const lastStepLayer = Math.max(0, ...layerOf.values());
  for (const e of scenario.endings) layerOf.set(e.id, lastStepLayer + 1);
  const layerCount = lastStepLayer + 2;

  const markOf = (id: string): NodeMark =>
    marks.unreachable.has(id)
      ? 'unreachable'
      : marks.deadEnds.has(id)
        ? 'dead-end'
        : marks.problems?.has(id)
          ? 'problem'
          : null;

  // Layered graph: real nodes, then a dummy in every layer a long forward edge crosses.
  const lnodes: LNode[] = [];
  const index = new Map<string, number>();
  const addNode = (id: string, layer: number, height: number, dummy: boolean) => {
    index.set(id, lnodes.length);
    lnodes.push({ id, layer, height, dummy, up: [], down: [], order: 0, cy: 0 });
    return lnodes.length - 1;
  };
  // why: depth-first discovery order is a good first ordering; the sweeps refine it
  const outsOf = new Map<string, string[]>();
  for (const e of raw) outsOf.set(e.from, [...(outsOf.get(e.from) ?? []), e.to]);
  const discovery: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string) => {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      discovery.push(id);
      const outs = outsOf.get(id) ?? [];
      for (let k = outs.length - 1; k >= 0; k--) if (!seen.has(outs[k]!)) stack.push(outs[k]!);
    }
  };
  if (stepSet.has(scenario.start)) visit(scenario.start);
  for (const id of stepIds) visit(id);
  for (const e of scenario.endings) visit(e.id);
  for (const id of discovery) {
    const ending = !stepSet.has(id);
    const h = (ending ? S.endingHeight : S.stepHeight) + (markOf(id) ? S.markHeight : 0);
    addNode(id, layerOf.get(id)!, h, false);
  }

  const chains: number[][] = raw.map((e, ei) => {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    if (isBack(e)) return [a, b];
    const chain = [a];
    for (let l = lnodes[a]!.layer + 1; l < lnodes[b]!.layer; l++)
      chain.push(addNode(`\u0000${ei}:${l}`, l, 0, true));
    chain.push(b);
    for (let k = 0; k + 1 < chain.length; k++) {
      lnodes[chain[k]!]!.down.push(chain[k + 1]!);
      lnodes[chain[k + 1]!]!.up.push(chain[k]!);
    }
    return chain;
  });

  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (const [i, n] of lnodes.entries()) layers[n.layer]!.push(i);
  const renumber = (layer: number[]) => {
    for (const [k, i] of layer.entries()) lnodes[i]!.order = k;
  };
  layers.forEach(renumber);

  // Crossing reduction: barycenter sweeps, down then up.
  const sweep = (layer: number[], side: 'up' | 'down') => {
    const bary = new Map<number, number>();
    for (const i of layer) {
      const ns = lnodes[i]![side];
      bary.set(i, ns.length ? ns.reduce((s, j) => s + lnodes[j]!.order, 0) / ns.length : lnodes[i]!.order);
    }
    layer.sort((a, b) => bary.get(a)! - bary.get(b)! || lnodes[a]!.order - lnodes[b]!.order);
    renumber(layer);
  };
  for (let iter = 0; iter < 4; iter++) {
    for (let l = 1; l < layerCount; l++) sweep(layers[l]!, 'up');
    for (let l = layerCount - 2; l >= 0; l--) sweep(layers[l]!, 'down');
  }
  for (let l = 1; l < layerCount; l++) sweep(layers[l]!, 'up');

  // Vertical placement: align with neighbours, keep order and gaps.
  const gapBetween = (a: LNode, b: LNode) =>
    (a.height + b.height) / 2 + (a.dummy || b.dummy ? S.laneGap : S.rowGap);
  for (const layer of layers) {
    let y = 0;
    layer.forEach((i, k) => {
      const n = lnodes[i]!;
      if (k > 0) y += gapBetween(lnodes[layer[k - 1]!]!, n);
      n.cy = y;
    });
  }
  const align = (layer: number[], sides: ('up' | 'down')[]) => {
    if (!layer.length) return;
    const desired = layer.map((i) => {
      const n = lnodes[i]!;
      const ns = sides.flatMap((s) => n[s]);
      return ns.length ? ns.reduce((s, j) => s + lnodes[j]!.cy, 0) / ns.length : n.cy;
    });
    const gaps = layer.slice(1).map((i, k) => gapBetween(lnodes[layer[k]!]!, lnodes[i]!));
    const placed = placeInOrder(desired, gaps);
    layer.forEach((i, k) => {
      lnodes[i]!.cy = placed[k]!;
    });
  };
  for (let iter = 0; iter < 6; iter++) {
    for (let l = 1; l < layerCount; l++) align(layers[l]!, ['up']);
    for (let l = layerCount - 2; l >= 0; l--) align(layers[l]!, ['down']);
  }
  for (let l = 0; l < layerCount; l++) align(layers[l]!, ['up', 'down']);

  // why: at "fit" a long scenario is wider than a laptop even as an overview; rather than shrink
  // its words below legibility or scroll sideways, its columns wrap into bands, one under the other
  const columns = fold && fold > 0 && fold < layerCount ? Math.max(1, Math.floor(fold)) : layerCount;
  const bandOf = (layer: number) => Math.floor(layer / columns);
  const bandCount = bandOf(layerCount - 1) + 1;
  const wraps: number[][] = raw.map((e, ei) => {
    const chain = chains[ei]!;
    if (isBack(e)) return [];
    const out: number[] = [];
    for (let k = 0; k + 1 < chain.length; k++)
      if (bandOf(lnodes[chain[k]!]!.layer) !== bandOf(lnodes[chain[k + 1]!]!.layer)) out.push(k);
    return out;
  });
  const wrapLane = new Map<string, number>();
  const lanesAt: number[] = Array.from({ length: bandCount }, () => 0);
  wraps.forEach((ks, ei) => {
    for (const k of ks) {
      const b = bandOf(lnodes[chains[ei]![k]!]!.layer);
      wrapLane.set(`${ei}:${k}`, lanesAt[b]!);
      lanesAt[b] = lanesAt[b]! + 1;
    }
  });
  const hasLoop = raw.some((e) => isBack(e));
  let bandTop = S.margin;
  for (let b = 0; b < bandCount; b++) {
    const inBand = lnodes.filter((n) => bandOf(n.layer) === b);
    const top = Math.min(...inBand.map((n) => n.cy - n.height / 2));
    const bottom = Math.max(...inBand.map((n) => n.cy + n.height / 2));
    for (const n of inBand) n.cy += bandTop - top;
    bandTop += bottom - top + (hasLoop ? S.loopDepth : 0) + S.rowGap * 2 + lanesAt[b]! * S.laneGap;
  }
  const columnWidth = Math.max(S.stepWidth, S.endingWidth);
  const columnX = (layer: number) =>
    S.margin + (layer % columns) * (columnWidth + S.columnGap) + columnWidth / 2;
  const drawingWidth = columnX(columns - 1) + columnWidth / 2 + S.margin;
  const bandBottom = (b: number) =>
    Math.max(...lnodes.filter((n) => bandOf(n.layer) === b).map((n) => n.cy + n.height / 2));

  const pathPairs = new Set<string>();
  const pathIds = new Set(marks.path ?? []);
  const path = marks.path ?? [];
  for (let k = 0; k + 1 < path.length; k++) pathPairs.add(`${path[k]}\u0000${path[k + 1]}`);

  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const endings = new Map(scenario.endings.map((e) => [e.id, e]));
  const nodes: GraphNode[] = [];
  const placed = new Map<string, GraphNode>();
  for (const n of lnodes) {
    if (n.dummy) continue;
    const step = steps.get(n.id);
    const width = step ? S.stepWidth : S.endingWidth;
    const d = step?.decision;
    const node: GraphNode = {
      id: n.id,
      kind: step ? 'step' : 'ending',
      x: columnX(n.layer) - width / 2,
      y: n.cy - n.height / 2,
      width,
      height: n.height,
      layer: n.layer,
      timed: d?.timeLimit !== undefined,
      decision: d ? d.mode : 'none',
      mark: markOf(n.id),
      onPath: pathIds.has(n.id),
    };
    if (step) node.phase = step.phase;
    else node.outcome = endings.get(n.id)!.outcome;
    if (d?.timeLimit !== undefined) node.timeLimit = d.timeLimit;
    nodes.push(node);
    placed.set(n.id, node);
  }
  nodes.sort((a, b) => a.layer - b.layer || a.y - b.y);

  let bottom = Math.max(...nodes.map((n) => n.y + n.height));
  const edges: GraphEdge[] = raw.map((e, ei) => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    const backEdge = isBack(e);
    let points: Point[];
    if (backEdge) {
      points = [
        { x: a.x + a.width / 2, y: a.y + a.height },
        { x: b.x + b.width / 2, y: b.y + b.height },
      ];
    } else {
      const chain = chains[ei]!;
      const inner = chain.slice(1, -1).map((i) => ({ x: columnX(lnodes[i]!.layer), y: lnodes[i]!.cy }));
      const along = [
        { x: a.x + a.width, y: a.y + a.height / 2 },
        ...inner,
        { x: b.x, y: b.y + b.height / 2 },
      ];
      points = [];
      along.forEach((p, k) => {
        points.push(p);
        if (!wraps[ei]!.includes(k)) return;
        // from the end of one band, down the right margin, back along the gap, down the left margin
        const lane = wrapLane.get(`${ei}:${k}`)!;
        const band = bandOf(lnodes[chain[k]!]!.layer);
        const y = bandBottom(band) + (hasLoop ? S.loopDepth : 0) + S.rowGap + lane * S.laneGap;
        // why: lanes a little apart in the margins, never into the nodes' boxes
        const right = drawingWidth - S.margin / 2 + (Math.min(lane, 5) - 2) * 2;
        const left = S.margin / 2 + (Math.min(lane, 5) - 2) * 2;
        points.push({ x: right, y: p.y }, { x: right, y }, { x: left, y }, { x: left, y: along[k + 1]!.y });
      });
    }
    return {
      ...e,
      back: backEdge,
      onPath: pathPairs.has(`${e.from}\u0000${e.to}`),
      points,
    };
  });
  spreadPorts(edges, placed, S.portGap);
  if (edges.some((e) => e.back)) bottom += S.loopDepth;
  for (const n of lnodes) if (n.dummy) bottom = Math.max(bottom, n.cy);

  return { nodes, edges, width: drawingWidth, height: bottom + S.margin };
}

// why: several edges leaving (or entering) one side of a node would start on the same point and
// hide each other (an option and a time-out to the same step, say), so each gets its own port,
// in the order of where it goes, so that they do not cross at the node.
function spreadPorts(edges: GraphEdge[], nodes: Map<string, GraphNode>, gap: number) {
  const forward = edges.filter((e) => !e.back);
  const spread = (list: GraphEdge[], node: GraphNode, end: 'first' | 'last') => {
    if (list.length < 2) return;
    const at = (e: GraphEdge) => (end === 'first' ? 0 : e.points.length - 1);
    const toward = (e: GraphEdge) => e.points[end === 'first' ? 1 : e.points.length - 2]!.y;
    list.sort((a, b) => toward(a) - toward(b));
    const step = Math.min(gap, Math.max(2, node.height - 12) / (list.length - 1));
    const mid = node.y + node.height / 2;
    list.forEach((e, k) => {
      const p = e.points[at(e)]!;
      e.points[at(e)] = { x: p.x, y: mid + (k - (list.length - 1) / 2) * step };
    });
  };
  const outs = new Map<string, GraphEdge[]>();
  const ins = new Map<string, GraphEdge[]>();
  for (const e of forward) {
    outs.set(e.from, [...(outs.get(e.from) ?? []), e]);
    ins.set(e.to, [...(ins.get(e.to) ?? []), e]);
  }
  for (const [id, list] of outs) spread(list, nodes.get(id)!, 'first');
  for (const [id, list] of ins) spread(list, nodes.get(id)!, 'last');
}

/**
 * The node ids a run passes through when it makes the given choices (as `lintScenario` reports
 * them in `best.choices`: option ids joined by `+`, `-` for a time-out), ending id last.
 * Stops early, without throwing, at a choice the scenario does not accept.
 */
export function pathOfChoices(scenario: Scenario, choices: readonly string[]): string[] {
  const run = createRun(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const queue = [...choices];
  for (let guard = 0; !run.finished() && guard < 10_000; guard++) {
    const d = steps.get(run.context().step)?.decision;
    let ok: boolean;
    if (!d) ok = run.send({ type: 'step.continued' });
    else {
      const choice = queue.shift();
      if (choice === undefined) break;
      ok =
        choice === '-'
          ? run.send({ type: 'clock.ticked', seconds: d.timeLimit ?? 0 })
          : run.send({ type: 'decision.chosen', optionIds: choice.split('+') });
    }
    if (!ok) break;
  }
  return run
    .context()
    .history.flatMap((h) =>
      h.type === 'step.opened' ? [h.step] : h.type === 'ending.reached' ? [h.ending] : [],
    );
}

/** Smallest zoom at which the overview's titles (12 px) stay at 11 px or more on screen. */
export const LEGIBLE_OVERVIEW_ZOOM = 11 / 12;

/**
 * What "fit" does for a viewport `width` wide: the full drawing when it fits at 100 %, else the
 * overview, shrunk to fit but never below the zoom that keeps its words legible (it then scrolls).
 */
export function fitGraph(width: number, full: number, overview: number): { compact: boolean; zoom: number } {
  if (full <= width) return { compact: false, zoom: 1 };
  return { compact: true, zoom: Math.max(LEGIBLE_OVERVIEW_ZOOM, Math.min(1, width / overview)) };
}

/** What "fit" draws in a viewport `width` wide: full, else the overview, its columns wrapped into bands if need be. */
export interface FitView {
  compact: boolean;
  zoom: number;
  /** Columns per band when the overview wraps; undefined when it does not. */
  fold?: number;
}

/**
 * "Fit" that fits: the full drawing at 100 % if it fits, else the overview shrunk no further than
 * its words stay legible, else the overview wrapped into bands of as many columns as fit.
 */
export function fitView(scenario: Scenario, marks: GraphMarks, width: number): FitView {
  const full = layoutScenarioGraph(scenario, marks).width;
  const overview = layoutScenarioGraph(scenario, marks, COMPACT_SIZES).width;
  // why: zooms are whole percents; the least legible one is rounded up, a fitting one down
  const legible = Math.ceil(LEGIBLE_OVERVIEW_ZOOM * 100) / 100;
  const percent = (w: number) => Math.max(legible, Math.floor(Math.min(1, width / w) * 100) / 100);
  if (full <= width) return { compact: false, zoom: 1 };
  if (overview * legible <= width) return { compact: true, zoom: percent(overview) };
  const S = COMPACT_SIZES;
  const columnWidth = Math.max(S.stepWidth, S.endingWidth);
  const room = width / legible - 2 * S.margin + S.columnGap;
  const fold = Math.max(1, Math.floor(room / (columnWidth + S.columnGap)));
  const folded = layoutScenarioGraph(scenario, marks, COMPACT_SIZES, fold).width;
  return { compact: true, fold, zoom: percent(folded) };
}
