import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PHASES } from '../../engine/doctrine/doctrine-entry.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import { useScenarioTexts } from '../scenario-text.ts';
import {
  COMPACT_SIZES,
  fitView,
  GRAPH_SIZES,
  type GraphEdge,
  type GraphMarks,
  type GraphNode,
  layoutScenarioGraph,
  type Point,
} from './graph-layout.ts';
import { edgeConditions, Legend, TextVersion } from './graph-legend.tsx';
import './scenario-graph.css';

const MIN_ZOOM = 0.2;
const MAX_ZOOM = 2;
const ZOOM_FACTOR = 1.25;
const TITLE_CHARS = 24;
/** Characters of a title in the overview's boxes (12 px bold text in 150 px, after the stripe). */
const COMPACT_TITLE_CHARS = 18;
const OUTCOME_GLYPH = { protected: '✓', partial: '◐', harmed: '✕' } as const;

/** Splits a title into at most `lines` lines of about `chars` characters; `cut` when text was left out. */
export function fitTitle(text: string, chars = TITLE_CHARS, lines = 2): { lines: string[]; cut: boolean } {
  const out: string[] = [];
  let line = '';
  // why: French puts a space before "?", "!", ":" and ";"; such a mark stays with its word
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .reduce<string[]>((acc, w) => {
      if (/^[?!:;»]+$/.test(w) && acc.length) acc[acc.length - 1] += ` ${w}`;
      else acc.push(w);
      return acc;
    }, []);
  for (const [i, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= chars) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = word;
    if (out.length === lines) return { lines: ellipsis(out, chars), cut: true };
    if (line.length > chars && out.length === lines - 1) {
      out.push(line);
      return { lines: ellipsis(out, chars), cut: true };
    }
    if (i === words.length - 1) break;
  }
  if (line) out.push(line);
  if (out.length > lines) return { lines: ellipsis(out.slice(0, lines), chars), cut: true };
  const cut = out.some((l) => l.length > chars);
  return { lines: cut ? out.map((l) => truncate(l, chars)) : out, cut };
}

function truncate(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text;
}

function ellipsis(lines: string[], chars: number): string[] {
  const last = lines[lines.length - 1]!;
  return [...lines.slice(0, -1), `${last.length >= chars ? last.slice(0, chars - 1).trimEnd() : last}…`];
}

/** A smooth path through the points, leaving and entering each horizontally. */
function edgePath(e: GraphEdge): string {
  const [a, ...rest] = e.points;
  if (!a) return '';
  if (e.back) {
    const b = rest[rest.length - 1] ?? a;
    const low = Math.max(a.y, b.y) + GRAPH_SIZES.loopDepth;
    return `M${a.x},${a.y} C${a.x},${low} ${b.x},${low} ${b.x},${b.y + 2}`;
  }
  let d = `M${a.x},${a.y}`;
  let p: Point = a;
  for (const [k, q] of rest.entries()) {
    const end = k === rest.length - 1 ? { x: q.x - 2, y: q.y } : q;
    const mid = (end.x - p.x) / 2;
    d += ` C${p.x + mid},${p.y} ${end.x - mid},${end.y} ${end.x},${end.y}`;
    p = q;
  }
  return d;
}

/** Where an edge's label sits: halfway along its first stretch (below the curve for loops). */
function labelPoint(e: GraphEdge): Point {
  const a = e.points[0]!;
  const b = e.points[1] ?? a;
  if (e.back) return { x: (a.x + b.x) / 2, y: Math.max(a.y, b.y) + GRAPH_SIZES.loopDepth * 0.75 };
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 6 };
}

/** Where a condition label sits: over the middle of the arrow, where it is longest and clear of nodes. */
function conditionPoint(e: GraphEdge): Point {
  if (e.back) return labelPoint(e);
  const a = e.points[0]!;
  const b = e.points[e.points.length - 1]!;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 6 };
}

// why: a condition wider than the gap between two columns would run under the nodes; the whole
// text is in the arrow's tooltip and in the text version
const CONDITION_CHARS = 26;
function shorten(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text;
}

interface Props {
  bundle: ScenarioBundle;
  marks: GraphMarks;
  onPlayFrom(stepId: string): void;
}

/**
 * The steps and endings of a scenario as a left-to-right graph: phases, timed decisions, time-outs,
 * conditional routes, the lint's marks and best path; each step can be played from. A text
 * version below lists the same for screen readers.
 */
export function ScenarioGraph({ bundle, marks, onPlayFrom }: Props) {
  const { t } = useI18n();
  const texts = useScenarioTexts(bundle);
  const [compact, setCompact] = useState(false);
  const [fold, setFold] = useState<number | undefined>(undefined);
  const layout = useMemo(
    () =>
      layoutScenarioGraph(
        bundle.scenario,
        marks,
        compact ? COMPACT_SIZES : GRAPH_SIZES,
        compact ? fold : undefined,
      ),
    [bundle.scenario, marks, compact, fold],
  );
  const viewport = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const zoomTo = (z: number, overview = false, columns = overview ? fold : undefined) => {
    setCompact(overview);
    setFold(columns);
    setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 100) / 100)));
  };
  // why: on a large graph the start step may sit far down the drawing; bring it into view when
  // the graph changes (not on zoom, which keeps the reader where they are)
  useEffect(() => {
    const box = viewport.current;
    const start = layout.nodes.find((n) => n.id === bundle.scenario.start);
    if (box && start) box.scrollTop = Math.max(0, (start.y + start.height / 2) * zoom - box.clientHeight / 2);
  }, [layout]);
  const fit = () => {
    const box = viewport.current;
    if (!box) return;
    const best = fitView(bundle.scenario, marks, box.clientWidth - 4);
    // why: fitView's zoom is already rounded down to a whole percent, so it is not rounded up
    // into a sideways scroll here
    setCompact(best.compact);
    setFold(best.fold);
    setZoom(best.zoom);
  };
  const titleOf = (n: Pick<GraphNode, 'id' | 'kind'>) =>
    texts.text(n.kind === 'step' ? textKey.stepTitle(n.id) : textKey.endingTitle(n.id));
  const hasPath = (marks.path?.length ?? 0) > 1;

  return (
    <div class={`scenario-graph${compact ? ' graph-overview' : ''}`}>
      <div class="graph-toolbar">
        <button
          type="button"
          class="button button-secondary"
          aria-label={t('graph.zoomOut')}
          title={t('graph.zoomOut')}
          disabled={zoom <= MIN_ZOOM}
          onClick={() => zoomTo(zoom / ZOOM_FACTOR, compact)}
        >
          −
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-label={t('graph.zoomIn')}
          title={t('graph.zoomIn')}
          disabled={zoom >= MAX_ZOOM}
          onClick={() => zoomTo(zoom * ZOOM_FACTOR, compact)}
        >
          +
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={zoom === 1 && !compact}
          onClick={() => zoomTo(1)}
        >
          {t('graph.zoomReset')}
        </button>
        <button type="button" class="button button-secondary" onClick={fit}>
          {t('graph.zoomFit')}
        </button>
        <span class="graph-zoom-level" aria-live="polite">
          {t('graph.zoomLevel', { percent: Math.round(zoom * 100) })}
        </span>
      </div>
      <div class="graph-viewport" ref={viewport}>
        <svg
          class="graph-svg"
          width={Math.ceil(layout.width * zoom)}
          height={Math.ceil(layout.height * zoom)}
          viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
          lang={texts.lang}
        >
          <title>{t('graph.region')}</title>
          <defs>
            <marker
              id="graph-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path class="graph-arrow" d="M0,0 L10,5 L0,10 z" />
            </marker>
            <marker
              id="graph-arrow-path"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="3.5"
              markerHeight="3.5"
              orient="auto"
            >
              <path class="graph-arrow-path" d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          <g>
            {layout.edges
              .filter((e) => !e.onPath)
              .map((e) => (
                <Edge key={`${e.from}>${e.to}>${e.kind}>${e.conditional}`} edge={e} describe={describeEdge} />
              ))}
            {layout.edges
              .filter((e) => e.onPath)
              .map((e) => (
                <Edge key={`${e.from}>${e.to}>${e.kind}>${e.conditional}`} edge={e} describe={describeEdge} />
              ))}
          </g>
          <g>
            {layout.nodes.map((n) =>
              n.kind === 'step' ? (
                <StepNode key={n.id} node={n} title={titleOf(n)} onPlayFrom={onPlayFrom} compact={compact} />
              ) : (
                <EndingNode key={n.id} node={n} title={titleOf(n)} compact={compact} />
              ),
            )}
          </g>
        </svg>
      </div>
      <Legend hasPath={hasPath} hasProblems={(marks.problems?.size ?? 0) > 0} />
      <TextVersion layout={layout} titleOf={titleOf} optionLabel={optionLabel} onPlayFrom={onPlayFrom} />
    </div>
  );

  function optionLabel(id: string) {
    return texts.text(textKey.optionLabel(id));
  }

  function describeEdge(e: GraphEdge): string {
    if (e.kind === 'timeout') return t('graph.noDecision');
    if (e.kind === 'option') return e.options.map(optionLabel).join(' · ');
    return '';
  }
}

function Edge({ edge: e, describe }: { edge: GraphEdge; describe: (e: GraphEdge) => string }) {
  const { t } = useI18n();
  const d = edgePath(e);
  const conditions = edgeConditions(e, t);
  const tip = [describe(e), conditions && t('graph.condition.if', { conditions })]
    .filter(Boolean)
    .join(' · ');
  const classes = [
    'graph-edge',
    `graph-edge-${e.kind}`,
    e.conditional && 'graph-edge-conditional',
    e.onPath && 'graph-edge-on-path',
    e.back && 'graph-edge-back',
  ]
    .filter(Boolean)
    .join(' ');
  const label = labelPoint(e);
  return (
    <g class={classes}>
      {tip && <title>{tip}</title>}
      <path class="graph-edge-hit" d={d} />
      <path
        class="graph-edge-line"
        d={d}
        marker-end={`url(#${e.onPath ? 'graph-arrow-path' : 'graph-arrow'})`}
      />
      {e.kind === 'timeout' && !conditions && (
        <text class="graph-edge-label" x={label.x} y={label.y} text-anchor="middle">
          {t('graph.noDecision')}
        </text>
      )}
      {conditions && (
        <text
          class="graph-edge-label graph-edge-condition"
          x={conditionPoint(e).x}
          y={conditionPoint(e).y}
          text-anchor="middle"
        >
          {shorten(t('graph.condition.if', { conditions }), CONDITION_CHARS)}
        </text>
      )}
    </g>
  );
}

function ClockGlyph({ x, y }: { x: number; y: number }) {
  return (
    <g class="graph-meta-icon" transform={`translate(${x},${y})`}>
      <circle cx="6" cy="6" r="5.5" />
      <path d="M6 3v3l2 1.4" />
    </g>
  );
}

function MarkTag({ node }: { node: GraphNode }) {
  const { t } = useI18n();
  if (!node.mark) return null;
  const text = `⚠ ${t(`graph.mark.${node.mark}`)}`;
  const width = text.length * 7.4 + 18;
  const y = node.height - GRAPH_SIZES.markHeight - 2;
  return (
    <g>
      <rect class="graph-tag" x={12} y={y} width={width} height={18} rx={9} />
      <text class="graph-tag-text" x={19} y={y + 13}>
        {text}
      </text>
    </g>
  );
}

function StepNode({
  node: n,
  title,
  onPlayFrom,
  compact,
}: {
  node: GraphNode;
  title: string;
  onPlayFrom(stepId: string): void;
  compact: boolean;
}) {
  const { t } = useI18n();
  const fitted = fitTitle(title);
  // why: a file with errors may name a phase that does not exist; its step still draws, neutral
  const phase = n.phase && PHASES.includes(n.phase) ? n.phase : undefined;
  const badge = phase ? t(`graph.phaseShort.${phase}`) : '?';
  const badgeWidth = badge.length * 8 + 12;
  const meta: string[] = [];
  if (n.decision === 'multi') meta.push(t('graph.multi'));
  const seconds = n.timed ? t('graph.seconds', { seconds: n.timeLimit }) : '';
  const extra = [
    n.timed ? t('graph.timedLabel', { seconds: n.timeLimit }) : '',
    n.decision === 'multi' ? t('graph.multiLabel') : '',
    n.decision === 'none' ? t('graph.continueLabel') : '',
    n.mark ? t(`graph.mark.${n.mark}`) : '',
  ].filter(Boolean);
  const label = t('graph.stepLabel', {
    title,
    id: n.id,
    phase: phase ? t(`doctrine.phase.${phase}`) : '?',
    extra: extra.map((x) => `, ${x}`).join(''),
  });
  const metaWidth = (seconds ? seconds.length * 7 + 20 : 0) + (meta.length ? meta[0]!.length * 6.5 + 8 : 0);
  const idChars = Math.max(4, Math.floor((n.width - badgeWidth - 30 - metaWidth) / 6.6));
  const titleTop = fitted.lines.length === 1 ? 54 : 46;
  const classes = [
    'graph-node',
    'graph-step',
    phase ? `graph-phase-${phase}` : 'graph-phase-unknown',
    n.mark && `graph-mark-${n.mark}`,
    n.onPath && 'graph-on-path',
  ]
    .filter(Boolean)
    .join(' ');
  const play = () => onPlayFrom(n.id);
  const keys = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      play();
    }
  };
  if (compact) {
    const short = fitTitle(title, COMPACT_TITLE_CHARS, 1);
    return (
      <g class={classes} transform={`translate(${n.x},${n.y})`} data-step={n.id}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role and keys make it one */}
        <g class="graph-hit" role="button" tabindex={0} aria-label={label} onClick={play} onKeyDown={keys}>
          <title>{`${title} (${n.id})`}</title>
          {n.mark && (
            <rect
              class="graph-mark-outline"
              x={-4}
              y={-4}
              width={n.width + 8}
              height={n.height + 8}
              rx={10}
            />
          )}
          <rect class="graph-focus" x={-7} y={-7} width={n.width + 14} height={n.height + 14} rx={12} />
          <rect class="graph-box" width={n.width} height={n.height} rx={6} />
          <rect class="graph-stripe" width={6} height={n.height} rx={3} />
        </g>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text takes no focus; the button's name says it */}
        <g class="graph-words" aria-hidden="true">
          <text class="graph-title graph-title-compact" x={14} y={n.height / 2 + 4}>
            {short.lines[0]}
          </text>
        </g>
      </g>
    );
  }
  // why: the button holds the shapes only and its name says the title first, then phase, id and time;
  // the drawn words (wrapped, cut, in their own order) sit beside it, so the name is not checked
  // against them word for word and a screen reader says everything once.
  return (
    <g class={classes} transform={`translate(${n.x},${n.y})`} data-step={n.id}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role and keys make it one */}
      <g
        class="graph-hit"
        role="button"
        tabindex={0}
        aria-label={label}
        onClick={() => onPlayFrom(n.id)}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            onPlayFrom(n.id);
          }
        }}
      >
        <title>{fitted.cut ? `${title} (${n.id})` : n.id}</title>
        {n.mark && (
          <rect
            class="graph-mark-outline"
            x={-5}
            y={-5}
            width={n.width + 10}
            height={n.height + 10}
            rx={12}
          />
        )}
        <rect class="graph-focus" x={-9} y={-9} width={n.width + 18} height={n.height + 18} rx={14} />
        <rect class="graph-box" width={n.width} height={n.height} rx={8} />
        <rect class="graph-stripe" width={6} height={n.height} rx={3} />
        <rect class="graph-badge" x={14} y={10} width={badgeWidth} height={18} rx={4} />
      </g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text takes no focus; the button's name says it */}
      <g class="graph-words" aria-hidden="true">
        <text class="graph-badge-text" x={14 + badgeWidth / 2} y={23} text-anchor="middle">
          {badge}
        </text>
        <text class="graph-id" x={14 + badgeWidth + 8} y={23}>
          {n.id.length > idChars ? `${n.id.slice(0, idChars - 1)}…` : n.id}
        </text>
        {(seconds || meta.length > 0) && (
          <text class="graph-meta" x={n.width - 10} y={23} text-anchor="end">
            {[...meta, seconds].filter(Boolean).join(' · ')}
          </text>
        )}
        {seconds && <ClockGlyph x={n.width - 16 - seconds.length * 6.6 - 14} y={13} />}
        <text class="graph-title" x={14} y={titleTop}>
          {fitted.lines.map((line, i) => (
            <tspan key={i} x={14} dy={i === 0 ? 0 : 18}>
              {line}
            </tspan>
          ))}
        </text>
        <MarkTag node={n} />
      </g>
    </g>
  );
}

function EndingNode({ node: n, title, compact }: { node: GraphNode; title: string; compact: boolean }) {
  const { t } = useI18n();
  const fitted = fitTitle(title, 23);
  const outcome = n.outcome ?? 'partial';
  const classes = ['graph-node', 'graph-ending', `graph-outcome-${outcome}`, n.mark && `graph-mark-${n.mark}`]
    .filter(Boolean)
    .join(' ');
  if (compact) {
    return (
      <g class={classes} transform={`translate(${n.x},${n.y})`} data-ending={n.id}>
        <title>{t('graph.endingLabel', { title, outcome: t(`graph.outcome.${outcome}`) })}</title>
        <rect class="graph-box" width={n.width} height={n.height} rx={18} />
        <text
          class="graph-title graph-title-compact"
          x={n.width / 2}
          y={n.height / 2 + 4}
          text-anchor="middle"
        >
          {`${OUTCOME_GLYPH[outcome]} ${fitTitle(title, COMPACT_TITLE_CHARS - 2, 1).lines[0]}`}
        </text>
      </g>
    );
  }
  return (
    <g class={classes} transform={`translate(${n.x},${n.y})`} data-ending={n.id}>
      <title>{t('graph.endingLabel', { title, outcome: t(`graph.outcome.${outcome}`) })}</title>
      {n.mark && (
        <rect class="graph-mark-outline" x={-5} y={-5} width={n.width + 10} height={n.height + 10} rx={26} />
      )}
      <rect class="graph-box" width={n.width} height={n.height} rx={22} />
      <rect class="graph-inner" x={4} y={4} width={n.width - 8} height={n.height - 8} rx={18} />
      <text class="graph-outcome" x={n.width / 2} y={24} text-anchor="middle">
        {`${OUTCOME_GLYPH[outcome]} ${t('graph.ending')} · ${t(`graph.outcome.${outcome}`)}`}
      </text>
      <text class="graph-title" x={n.width / 2} y={fitted.lines.length === 1 ? 46 : 42} text-anchor="middle">
        {fitted.lines.map((line, i) => (
          <tspan key={i} x={n.width / 2} dy={i === 0 ? 0 : 16}>
            {line}
          </tspan>
        ))}
      </text>
      <MarkTag node={n} />
    </g>
  );
}
