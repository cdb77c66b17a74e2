import { PHASES } from '../../engine/doctrine/doctrine-entry.ts';
import { type Condition, OUTCOMES } from '../../engine/scenario/scenario.schema.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/graph/en.json';
import fr from '../../i18n/locales/graph/fr.json';
import { useI18n } from '../i18n-context.tsx';
import type { GraphEdge, GraphLayout, GraphNode } from './graph-layout.ts';

// The words around the scenario graph: its legend, its text version for screen readers, and the
// route conditions both the arrows and the text version spell out.

// why: words only the graph uses load with the graph (the trainer preview, the debrief's path),
// not with the trainee's first screen
registerStrings({ en, fr });

const OUTCOME_GLYPH = { protected: '✓', partial: '◐', harmed: '✕' } as const;

type Translate = ReturnType<typeof useI18n>['t'];

/** A route's condition as a trainer reads it: "harm ≥ 6", "chose verify-patrol". */
export function conditionText(c: Condition, t: Translate): string {
  if ('chose' in c) return t('graph.condition.chose', { option: c.chose });
  if ('notChose' in c) return t('graph.condition.notChose', { option: c.notChose });
  if (c.atLeast !== undefined && c.atMost !== undefined) return `${c.atLeast} ≤ ${c.variable} ≤ ${c.atMost}`;
  if (c.atLeast !== undefined) return `${c.variable} ≥ ${c.atLeast}`;
  if (c.atMost !== undefined) return `${c.variable} ≤ ${c.atMost}`;
  return c.variable;
}

/** The conditions of an edge: all of one route joined, routes as alternatives; empty when unconditional. */
export function edgeConditions(e: Pick<GraphEdge, 'when'>, t: Translate): string {
  return e.when
    .map((all) => all.map((c) => conditionText(c, t)).join(t('graph.condition.and')))
    .join(t('graph.condition.or'));
}

function LegendLine({ dash, path }: { dash?: string; path?: boolean }) {
  return (
    <svg width="40" height="12" viewBox="0 0 40 12" aria-hidden="true" focusable="false">
      <path
        d="M2 6h30"
        stroke={path ? 'var(--graph-path)' : 'var(--graph-edge)'}
        stroke-width={path ? 4 : 2}
        stroke-dasharray={dash}
        stroke-linecap={dash === '1.5 4' ? 'round' : undefined}
        fill="none"
      />
      <path d="M31 1.5 L39 6 L31 10.5 z" fill={path ? 'var(--graph-path)' : 'var(--graph-edge)'} />
    </svg>
  );
}

export function Legend({ hasPath, hasProblems }: { hasPath: boolean; hasProblems: boolean }) {
  const { t } = useI18n();
  return (
    <div class="graph-legend">
      <ul class="graph-legend-group">
        <li class="graph-legend-heading">{t('graph.legend.phases')}</li>
        {PHASES.map((p) => (
          <li key={p}>
            <span class="graph-swatch-tag" style={{ background: `var(--graph-${p})` }}>
              {t(`graph.phaseShort.${p}`)}
            </span>
            {t(`doctrine.phase.${p}`)}
          </li>
        ))}
      </ul>
      <ul class="graph-legend-group">
        <li class="graph-legend-heading">{t('graph.legend.endings')}</li>
        {OUTCOMES.map((o) => (
          <li key={o}>
            <span class={`badge badge-small outcome-${o}`}>
              {OUTCOME_GLYPH[o]} {t(`graph.outcome.${o}`)}
            </span>
          </li>
        ))}
      </ul>
      <ul class="graph-legend-group">
        <li class="graph-legend-heading">{t('graph.legend.edges')}</li>
        <li>
          <LegendLine />
          {t('graph.legend.option')}
        </li>
        <li>
          <LegendLine dash="7 5" />
          {t('graph.legend.timeout')}
        </li>
        <li>
          <LegendLine dash="1.5 4" />
          {t('graph.legend.conditional')}
        </li>
        {hasPath && (
          <li>
            <LegendLine path />
            {t('graph.legend.path')}
          </li>
        )}
        <li>
          <svg width="16" height="16" viewBox="-2 -2 16 16" aria-hidden="true" focusable="false">
            <g class="graph-meta-icon">
              <circle cx="6" cy="6" r="5.5" />
              <path d="M6 3v3l2 1.4" />
            </g>
          </svg>
          {t('graph.legend.timed')}
        </li>
      </ul>
      <ul class="graph-legend-group">
        <li class="graph-legend-heading">{t('graph.legend.marks')}</li>
        <li>
          <span class="graph-swatch-tag" style={{ background: 'var(--graph-unreachable)' }}>
            ⚠ {t('graph.mark.unreachable')}
          </span>
        </li>
        <li>
          <span class="graph-swatch-tag" style={{ background: 'var(--graph-dead-end)' }}>
            ⚠ {t('graph.mark.dead-end')}
          </span>
        </li>
        {hasProblems && (
          <li>
            <span class="graph-swatch-tag" style={{ background: 'var(--bad)' }}>
              ⚠ {t('graph.mark.problem')}
            </span>
          </li>
        )}
      </ul>
    </div>
  );
}

export function TextVersion({
  layout,
  titleOf,
  optionLabel,
  onPlayFrom,
}: {
  layout: GraphLayout;
  titleOf: (n: Pick<GraphNode, 'id' | 'kind'>) => string;
  optionLabel: (id: string) => string;
  onPlayFrom(stepId: string): void;
}) {
  const { t } = useI18n();
  const kinds = new Map(layout.nodes.map((n) => [n.id, n.kind]));
  const target = (id: string) => titleOf({ id, kind: kinds.get(id) ?? 'step' });
  const lines = (e: GraphEdge): string[] => {
    const to = target(e.to);
    const base =
      e.kind === 'option'
        ? e.options.map((o) => t('graph.text.option', { label: optionLabel(o), target: to }))
        : [t(`graph.text.${e.kind}`, { target: to })];
    const conditions = edgeConditions(e, t);
    return e.conditional ? base.map((text) => t('graph.text.conditionalWhen', { text, conditions })) : base;
  };
  const steps = layout.nodes.filter((n) => n.kind === 'step');
  const endings = layout.nodes.filter((n) => n.kind === 'ending');
  return (
    <details class="graph-text">
      <summary>{t('graph.text.summary')}</summary>
      <ol>
        {steps.map((n) => {
          const title = titleOf(n);
          const exits = layout.edges.filter((e) => e.from === n.id).flatMap(lines);
          return (
            <li key={n.id}>
              {t('graph.text.step', {
                title,
                id: n.id,
                phase: n.phase && PHASES.includes(n.phase) ? t(`doctrine.phase.${n.phase}`) : '?',
              })}
              {n.timed && <>, {t('graph.timedLabel', { seconds: n.timeLimit })}</>}
              {n.mark && <strong class="graph-text-tag"> ⚠ {t(`graph.mark.${n.mark}`)}</strong>}{' '}
              <button type="button" class="button button-link" onClick={() => onPlayFrom(n.id)}>
                {t('graph.text.playFrom', { title })}
              </button>
              <ul>
                {exits.length ? exits.map((x, i) => <li key={i}>{x}</li>) : <li>{t('graph.text.noExit')}</li>}
              </ul>
            </li>
          );
        })}
      </ol>
      <p class="graph-legend-heading">{t('graph.text.endings')}</p>
      <ul>
        {endings.map((n) => (
          <li key={n.id}>
            {t('graph.text.ending', {
              title: titleOf(n),
              id: n.id,
              outcome: t(`graph.outcome.${n.outcome}`),
            })}
            {n.mark && <strong class="graph-text-tag"> ⚠ {t(`graph.mark.${n.mark}`)}</strong>}
          </li>
        ))}
      </ul>
    </details>
  );
}
