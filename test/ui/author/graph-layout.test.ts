import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import {
  COMPACT_SIZES,
  fitGraph,
  fitView,
  type GraphLayout,
  type GraphMarks,
  LEGIBLE_OVERVIEW_ZOOM,
  layoutScenarioGraph,
  pathOfChoices,
} from '../../../src/ui/author/graph-layout.ts';
import { miniBundle } from '../fixtures.ts';

const noMarks: GraphMarks = { unreachable: new Set(), deadEnds: new Set() };
const PHASES = ['prevention', 'pre-emption', 'response', 'consolidation'] as const;

/**
 * A chain of `count` steps where most steps also branch ahead, to an ending, or back a few steps,
 * with some timed decisions. Built as data; it need not pass the scenario checks.
 */
function fakeChainScenario(count: number): Scenario {
  const endings = ['end-good', 'end-mixed', 'end-bad'];
  const steps = Array.from({ length: count }, (_, i) => {
    const next = i + 1 < count ? `s${i + 1}` : 'end-good';
    const branch =
      i % 7 === 3 && i > 5
        ? `s${i - 3}`
        : i % 5 === 0
          ? endings[i % 3]!
          : i + 3 < count
            ? `s${i + 3}`
            : 'end-bad';
    const options = [
      { id: `s${i}-a`, next },
      { id: `s${i}-b`, next: branch },
    ];
    if (i % 4 === 0) options.push({ id: `s${i}-c`, next: endings[(i / 4) % 3]! });
    return {
      id: `s${i}`,
      phase: PHASES[Math.floor((i / count) * 4)]!,
      title: `Step ${i}`,
      narration: '.',
      decision: {
        prompt: '?',
        mode: 'single',
        ...(i % 3 === 0 ? { timeLimit: 30, noDecision: { feedback: '.', next: 'end-bad' } } : {}),
        options,
      },
    };
  });
  return {
    id: 'big',
    start: 's0',
    steps,
    endings: endings.map((id, k) => ({
      id,
      title: id,
      text: '.',
      outcome: (['protected', 'partial', 'harmed'] as const)[k]!,
    })),
  } as unknown as Scenario;
}

function overlaps(layout: GraphLayout): string[] {
  const found: string[] = [];
  const { nodes } = layout;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.id}/${b.id}`);
    }
  return found;
}

describe('layoutScenarioGraph on the mini fixture', () => {
  const { scenario } = miniBundle();

  it('puts steps in layers by longest distance from the start and endings in the last layer', () => {
    const layout = layoutScenarioGraph(scenario, noMarks);
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layer).toEqual({
      arrival: 0,
      night: 1,
      'wrap-up': 2,
      'end-good': 3,
      'end-mixed': 3,
      'end-bad': 3,
    });
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.arrival).toBeLessThan(x.night!);
    expect(overlaps(layout)).toEqual([]);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('describes each node: kind, phase or outcome, timed, decision mode', () => {
    const nodes = new Map(layoutScenarioGraph(scenario, noMarks).nodes.map((n) => [n.id, n]));
    expect(nodes.get('arrival')).toMatchObject({
      kind: 'step',
      phase: 'pre-emption',
      timed: true,
      timeLimit: 60,
      decision: 'single',
      mark: null,
    });
    expect(nodes.get('night')).toMatchObject({ timed: false, decision: 'multi' });
    expect(nodes.get('wrap-up')).toMatchObject({ decision: 'none', phase: 'consolidation' });
    expect(nodes.get('end-mixed')).toMatchObject({ kind: 'ending', outcome: 'partial' });
  });

  it('gives each exit an edge with its kind, options and whether a condition guards it', () => {
    const edges = layoutScenarioGraph(scenario, noMarks).edges.map(
      ({ from, to, kind, options, conditional }) => ({
        from,
        to,
        kind,
        options,
        conditional,
      }),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        { from: 'arrival', to: 'night', kind: 'option', options: ['open'], conditional: false },
        { from: 'arrival', to: 'end-bad', kind: 'option', options: ['push-back'], conditional: false },
        { from: 'arrival', to: 'night', kind: 'timeout', options: [], conditional: true },
        { from: 'arrival', to: 'end-bad', kind: 'timeout', options: [], conditional: false },
        { from: 'night', to: 'wrap-up', kind: 'route', options: [], conditional: true },
        { from: 'night', to: 'end-mixed', kind: 'route', options: [], conditional: false },
        { from: 'wrap-up', to: 'end-good', kind: 'continue', options: [], conditional: false },
      ]),
    );
    expect(edges).toHaveLength(7);
  });

  it('marks unreachable steps, dead ends and the edges of a path', () => {
    const path = pathOfChoices(scenario, ['open', 'night-patrol+cla']);
    expect(path).toEqual(['arrival', 'night', 'wrap-up', 'end-good']);
    const layout = layoutScenarioGraph(scenario, {
      unreachable: new Set(['wrap-up']),
      deadEnds: new Set(['night']),
      path,
    });
    const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(nodes.get('wrap-up')!.mark).toBe('unreachable');
    expect(nodes.get('night')!.mark).toBe('dead-end');
    expect(nodes.get('arrival')!.mark).toBeNull();
    const onPath = layout.edges.filter((e) => e.onPath).map((e) => `${e.from}>${e.to}:${e.kind}`);
    expect(onPath).toEqual([
      'arrival>night:option',
      'arrival>night:timeout',
      'night>wrap-up:route',
      'wrap-up>end-good:continue',
    ]);
  });

  it('routes edges from the right of their source to the left of their target', () => {
    const layout = layoutScenarioGraph(scenario, noMarks);
    const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const e of layout.edges) {
      const first = e.points[0]!;
      const last = e.points[e.points.length - 1]!;
      expect(first.x).toBe(nodes.get(e.from)!.x + nodes.get(e.from)!.width);
      expect(last.x).toBe(nodes.get(e.to)!.x);
      for (let k = 1; k < e.points.length; k++) expect(e.points[k]!.x).toBeGreaterThan(e.points[k - 1]!.x);
    }
  });
});

describe('layoutScenarioGraph on a 200-step scenario', () => {
  const scenario = fakeChainScenario(200);

  // why: its speed is measured by `npm run bench`, not asserted here, where load decides it.
  it('places every node once and overlaps none', () => {
    const layout = layoutScenarioGraph(scenario, {
      unreachable: new Set(['s7']),
      deadEnds: new Set(['s50']),
      path: ['s0', 's1', 's2', 's5', 'end-mixed'],
    });
    expect(layout.nodes).toHaveLength(203);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(203);
    expect(overlaps(layout)).toEqual([]);
    for (const n of layout.nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('flows left to right except on the edges that close loops, and keeps endings last', () => {
    const layout = layoutScenarioGraph(scenario, noMarks);
    const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
    const back = layout.edges.filter((e) => e.back);
    expect(back.length).toBeGreaterThan(0);
    for (const e of back) expect(nodes.get(e.to)!.layer).toBeLessThanOrEqual(nodes.get(e.from)!.layer);
    for (const e of layout.edges.filter((x) => !x.back))
      expect(nodes.get(e.to)!.layer).toBeGreaterThan(nodes.get(e.from)!.layer);
    const lastStep = Math.max(...layout.nodes.filter((n) => n.kind === 'step').map((n) => n.layer));
    for (const n of layout.nodes.filter((x) => x.kind === 'ending')) expect(n.layer).toBe(lastStep + 1);
  });

  it('tolerates a loop back to the start and an unknown target', () => {
    const looped = fakeChainScenario(6);
    const last = looped.steps[5]!.decision!.options[0]!;
    last.next = 's0';
    looped.steps[4]!.decision!.options[1]!.next = 'nowhere';
    const layout = layoutScenarioGraph(looped, noMarks);
    expect(layout.edges.some((e) => e.from === 's5' && e.to === 's0' && e.back)).toBe(true);
    expect(layout.edges.some((e) => e.to === 'nowhere')).toBe(false);
    expect(overlaps(layout)).toEqual([]);
  });
});

describe('fit on a laptop', () => {
  it('keeps the full drawing when it fits, else the overview, never below the legible zoom', () => {
    expect(fitGraph(1200, 1100, 700)).toEqual({ compact: false, zoom: 1 });
    expect(fitGraph(1200, 2400, 1000)).toEqual({ compact: true, zoom: 1 });
    expect(fitGraph(1200, 2400, 1300)).toEqual({ compact: true, zoom: 1200 / 1300 });
    expect(fitGraph(600, 2400, 1300)).toEqual({ compact: true, zoom: LEGIBLE_OVERVIEW_ZOOM });
  });

  it('lays the overview out narrower than the full drawing', () => {
    const s = loadScenarioFolder('scenarios/15-1-base-gate').bundle!.scenario;
    const marks = { unreachable: new Set<string>(), deadEnds: new Set<string>() };
    const full = layoutScenarioGraph(s, marks);
    const overview = layoutScenarioGraph(s, marks, COMPACT_SIZES);
    expect(overview.width).toBeLessThan(full.width * 0.7);
    expect(overview.nodes.map((n) => n.id).sort()).toEqual(full.nodes.map((n) => n.id).sort());
  });

  it('wraps the overview into bands when even the overview is wider than the viewport, so fit never scrolls sideways', () => {
    for (const folder of ['15-1-base-gate', 'cpx-cpoc-sela']) {
      const s = loadScenarioFolder(`scenarios/${folder}`).bundle!.scenario;
      const marks = { unreachable: new Set<string>(), deadEnds: new Set<string>() };
      // the editor's graph beside the forms on a 1366 px laptop, and the preview's full-width one
      for (const width of [560, 1200]) {
        const view = fitView(s, marks, width);
        const layout = layoutScenarioGraph(s, marks, view.compact ? COMPACT_SIZES : undefined, view.fold);
        expect(Math.ceil(layout.width * view.zoom), `${folder} at ${width}`).toBeLessThanOrEqual(width);
        expect(view.zoom * 12, `${folder} at ${width}`).toBeGreaterThanOrEqual(11);
        expect(overlaps(layout)).toEqual([]);
        expect(layout.nodes.map((n) => n.id).sort()).toEqual(
          layoutScenarioGraph(s, marks)
            .nodes.map((n) => n.id)
            .sort(),
        );
        for (const n of layout.nodes) expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
        for (const e of layout.edges)
          for (const p of e.points) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThanOrEqual(layout.width);
          }
      }
    }
    // a narrow viewport folds; every band stays below the one before
    const s = loadScenarioFolder('scenarios/15-1-base-gate').bundle!.scenario;
    const view = fitView(s, noMarks, 560);
    expect(view.fold).toBeGreaterThan(0);
    const layout = layoutScenarioGraph(s, noMarks, COMPACT_SIZES, view.fold);
    const bands = new Map<number, { top: number; bottom: number }>();
    for (const n of layout.nodes) {
      const b = Math.floor(n.layer / view.fold!);
      const band = bands.get(b) ?? { top: Infinity, bottom: -Infinity };
      bands.set(b, { top: Math.min(band.top, n.y), bottom: Math.max(band.bottom, n.y + n.height) });
    }
    expect(bands.size).toBeGreaterThan(1);
    for (let b = 1; b < bands.size; b++) expect(bands.get(b)!.top).toBeGreaterThan(bands.get(b - 1)!.bottom);
  });
});
