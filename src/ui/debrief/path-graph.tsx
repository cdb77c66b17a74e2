import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import type { RunPaths } from '../../engine/score/report-model.ts';
import {
  GRAPH_SIZES,
  type GraphEdge,
  type GraphLayout,
  type GraphNode,
  layoutScenarioGraph,
} from '../author/graph-layout.ts';
import { fitTitle } from '../author/scenario-graph.tsx';
import { useI18n } from '../i18n-context.tsx';

// why: drawn with the trainer preview's layout and styles, so a trainee's graph reads like the
// one their trainer wrote the scenario against; only the two paths are the debrief's own.

const NO_MARKS = new Set<string>();
const OUTCOME_GLYPH = { protected: '✓', partial: '◐', harmed: '✕' } as const;

interface PathEdges {
  best: Set<GraphEdge>;
  taken: Set<GraphEdge>;
}

/** The drawn edges a path runs along, preferring the edge of the kind it took (a time-out or not). */
function edgesOf(layout: GraphLayout, path: readonly string[], timedOutAt: ReadonlySet<number>) {
  const out = new Set<GraphEdge>();
  for (let i = 0; i + 1 < path.length; i++) {
    const between = layout.edges.filter((e) => e.from === path[i] && e.to === path[i + 1]);
    const wanted = between.filter((e) => (e.kind === 'timeout') === timedOutAt.has(i));
    for (const e of wanted.length ? wanted : between) out.add(e);
  }
  return out;
}

function curve(e: GraphEdge): string {
  const [a, ...rest] = e.points;
  if (!a) return '';
  if (e.back) {
    const b = rest[rest.length - 1] ?? a;
    const low = Math.max(a.y, b.y) + GRAPH_SIZES.loopDepth;
    return `M${a.x},${a.y} C${a.x},${low} ${b.x},${low} ${b.x},${b.y + 2}`;
  }
  let d = `M${a.x},${a.y}`;
  let p = a;
  for (const q of rest) {
    const mid = (q.x - p.x) / 2;
    d += ` C${p.x + mid},${p.y} ${q.x - mid},${q.y} ${q.x},${q.y}`;
    p = q;
  }
  return d;
}

/**
 * The scenario graph with the trainee's path (dashed, steps numbered in order) drawn over
 * doctrine's best path (thick). The lists beside it on the page say the same in words.
 */
export function PathGraph({
  scenario,
  paths,
  titleOf,
  textLang,
}: {
  scenario: Scenario;
  paths: RunPaths;
  titleOf(id: string, kind: 'step' | 'ending'): string;
  textLang: string;
}) {
  const { t, formatNumber } = useI18n();
  const layout = useMemo(
    () => layoutScenarioGraph(scenario, { unreachable: NO_MARKS, deadEnds: NO_MARKS, path: paths.best }),
    [scenario, paths.best],
  );
  const edges = useMemo<PathEdges>(
    () => ({
      best: edgesOf(layout, paths.best, new Set()),
      taken: edgesOf(layout, paths.taken, new Set(paths.timedOut)),
    }),
    [layout, paths],
  );
  const order = useMemo(() => {
    const m = new Map<string, number[]>();
    paths.taken.forEach((id, i) => {
      m.set(id, [...(m.get(id) ?? []), i + 1]);
    });
    return m;
  }, [paths.taken]);
  // why: opened fitted, so the whole scenario and both paths are seen at once; the button zooms in.
  const [fit, setFit] = useState(true);
  const viewport = useRef<HTMLDivElement>(null);
  // why: on a wide graph, open where the trainee left the best path, since that is the lesson.
  useEffect(() => {
    const box = viewport.current;
    const at = paths.taken[Math.max(0, (paths.divergence ?? 0) - 1)];
    const node = layout.nodes.find((n) => n.id === at);
    if (!box || !node || fit) return;
    box.scrollLeft = Math.max(0, node.x - 40);
  }, [layout, paths, fit]);
  const bestIds = new Set(paths.best);

  return (
    <div class="scenario-graph path-graph">
      <div class="graph-toolbar no-print">
        <button type="button" class="button button-secondary" aria-pressed={fit} onClick={() => setFit(!fit)}>
          {t('graph.zoomFit')}
        </button>
      </div>
      {/* why: a wide graph scrolls; keyboard users reach it with Tab and scroll it with the arrows. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group is what the scrolling region is; no element says that */}
      <div
        class={`graph-viewport${fit ? ' is-fit' : ''}`}
        ref={viewport}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus to be scrolled by keyboard
        tabIndex={0}
        role="group"
        aria-label={t('report.path.viewport')}
      >
        <svg
          class="graph-svg"
          role="img"
          aria-label={t('report.path.region')}
          width={fit ? '100%' : Math.ceil(layout.width)}
          height={fit ? undefined : Math.ceil(layout.height)}
          viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
          lang={textLang}
        >
          <defs>
            <marker
              id="path-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path class="graph-arrow" d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          <g>
            {layout.edges.map((e, i) => (
              <path
                key={`e${i}`}
                class={`graph-edge-line path-edge${e.kind === 'timeout' ? ' path-edge-timeout' : ''}`}
                d={curve(e)}
                marker-end="url(#path-arrow)"
              />
            ))}
            {[...edges.best].map((e, i) => (
              <path key={`b${i}`} class="path-best" d={curve(e)} />
            ))}
            {[...edges.taken].map((e, i) => (
              <path key={`t${i}`} class="path-taken" d={curve(e)} />
            ))}
          </g>
          <g>
            {layout.nodes.map((n) => (
              <PathNode
                key={n.id}
                node={n}
                title={titleOf(n.id, n.kind)}
                numbers={order.get(n.id) ?? []}
                onBest={bestIds.has(n.id)}
              />
            ))}
          </g>
        </svg>
      </div>
      <ul class="graph-legend path-legend">
        <li>
          <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true" focusable="false">
            <path d="M2 7h40" class="path-best" />
          </svg>
          {t('report.path.legendBest')}
        </li>
        <li>
          <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true" focusable="false">
            <path d="M2 7h40" class="path-taken" />
          </svg>
          <span class="path-number-sample" aria-hidden="true">
            {formatNumber(1)}
          </span>
          {t('report.path.legendTaken')}
        </li>
      </ul>
    </div>
  );
}

function PathNode({
  node: n,
  title,
  numbers,
  onBest,
}: {
  node: GraphNode;
  title: string;
  numbers: number[];
  onBest: boolean;
}) {
  const { t } = useI18n();
  const taken = numbers.length > 0;
  const fitted = fitTitle(title, n.kind === 'step' ? 24 : 23);
  const cls = [
    'graph-node',
    n.kind === 'step' ? `graph-step graph-phase-${n.phase}` : `graph-ending graph-outcome-${n.outcome}`,
    taken && 'path-node-taken',
    onBest && 'path-node-best',
  ]
    .filter(Boolean)
    .join(' ');
  const label = numbers.join(', ');
  const badgeWidth = Math.max(22, label.length * 8 + 12);
  return (
    <g class={cls} transform={`translate(${n.x},${n.y})`} data-node={n.id}>
      {onBest && (
        <rect
          class="path-best-halo"
          x={-6}
          y={-6}
          width={n.width + 12}
          height={n.height + 12}
          rx={n.kind === 'step' ? 12 : 26}
        />
      )}
      <rect class="graph-box" width={n.width} height={n.height} rx={n.kind === 'step' ? 8 : 22} />
      {n.kind === 'step' ? (
        <>
          <rect class="graph-stripe" width={6} height={n.height} rx={3} />
          <rect class="graph-badge" x={14} y={10} width={44} height={18} rx={4} />
          <text class="graph-badge-text" x={36} y={23} text-anchor="middle">
            {t(`graph.phaseShort.${n.phase}`)}
          </text>
          <text class="graph-title" x={14} y={fitted.lines.length === 1 ? 54 : 46}>
            {fitted.lines.map((line, i) => (
              <tspan key={i} x={14} dy={i === 0 ? 0 : 18}>
                {line}
              </tspan>
            ))}
          </text>
        </>
      ) : (
        <>
          <text class="graph-outcome" x={n.width / 2} y={24} text-anchor="middle">
            {`${OUTCOME_GLYPH[n.outcome ?? 'partial']} ${t(`graph.outcome.${n.outcome ?? 'partial'}`)}`}
          </text>
          <text
            class="graph-title"
            x={n.width / 2}
            y={fitted.lines.length === 1 ? 46 : 42}
            text-anchor="middle"
          >
            {fitted.lines.map((line, i) => (
              <tspan key={i} x={n.width / 2} dy={i === 0 ? 0 : 16}>
                {line}
              </tspan>
            ))}
          </text>
        </>
      )}
      {taken && (
        <g class="path-number" transform={`translate(${n.width - badgeWidth / 2 - 4},-4)`}>
          <rect x={-badgeWidth / 2} y={-11} width={badgeWidth} height={22} rx={11} />
          <text y={5} text-anchor="middle">
            {label}
          </text>
        </g>
      )}
    </g>
  );
}
