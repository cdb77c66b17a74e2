import { useMemo } from 'preact/hooks';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import {
  legendEntries,
  type MapItem,
  type MapLayout,
  type Shape,
  type TextSpec,
} from '../../map/map-layout.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';

// why: the live map is a WebGL canvas, which does not print reliably and is a blur on paper; the
// same layout drawn as SVG prints sharp at any size and needs no Phaser in the printable.

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const HALO = '#111811';

const css = (colour: number) => `#${colour.toString(16).padStart(6, '0')}`;

/** The situation map of a layout as an SVG picture, for print; the printed page names what it shows in text. */
export function MapSvg({ layout, label }: { layout: MapLayout; label: string }) {
  const items: MapItem[] = [...layout.locations, ...layout.units, ...layout.actors, layout.legend];
  return (
    <svg
      class="xpr-map-svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={label}
      font-family={FONT}
    >
      {layout.background.map(shape)}
      {layout.roads.map(shape)}
      {layout.leaders.map(shape)}
      {layout.texts.map(text)}
      {items.map((item) => (
        <g key={item.key} transform={`translate(${item.x} ${item.y})`} opacity={item.alpha}>
          {item.shapes.map(shape)}
          {item.texts.map(text)}
        </g>
      ))}
    </svg>
  );
}

function paint(s: Shape) {
  const filled = s.fill !== undefined && s.type !== 'line';
  return {
    fill: filled ? css(s.fill!) : 'none',
    'fill-opacity': filled ? (s.fillAlpha ?? 1) : undefined,
    stroke: s.stroke !== undefined ? css(s.stroke) : undefined,
    'stroke-opacity': s.stroke !== undefined ? (s.strokeAlpha ?? 1) : undefined,
    'stroke-width': s.stroke !== undefined ? (s.lineWidth ?? 1) : undefined,
  };
}

function shape(s: Shape, i: number) {
  switch (s.type) {
    case 'rect':
      return <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} rx={s.radius} {...paint(s)} />;
    case 'circle':
      return <circle key={i} cx={s.x} cy={s.y} r={s.r} {...paint(s)} />;
    case 'polygon':
      return <polygon key={i} points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} {...paint(s)} />;
    case 'line':
      return <polyline key={i} points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} {...paint(s)} />;
  }
}

function text(spec: TextSpec, i: number) {
  const lines = spec.text.split('\n');
  const lineHeight = spec.size * 1.3;
  const height = lines.length * lineHeight;
  const top = spec.y - spec.originY * height;
  const anchor = spec.originX <= 0.25 ? 'start' : spec.originX >= 0.75 ? 'end' : 'middle';
  const width = Math.max(...lines.map((l) => l.length * spec.size * 0.58));
  const left = spec.x - spec.originX * width;
  return (
    <g key={i}>
      {spec.background !== undefined && (
        <rect x={left - 4} y={top - 2} width={width + 8} height={height + 4} fill={css(spec.background)} />
      )}
      <text
        x={spec.x}
        y={top}
        font-size={spec.size}
        font-weight={spec.bold ? 'bold' : undefined}
        fill={css(spec.colour)}
        text-anchor={anchor}
        dominant-baseline="hanging"
        stroke={spec.halo ? HALO : undefined}
        stroke-width={spec.halo ? 3 : undefined}
        paint-order={spec.halo ? 'stroke' : undefined}
      >
        {lines.map((l, n) => (
          <tspan key={n} x={spec.x} dy={n === 0 ? 0 : lineHeight}>
            {l}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The map's legend as text with its symbols, for a page that leaves it out of the picture (the projector). */
export function MapLegend({ scenario, texts }: { scenario: Scenario; texts: ScenarioTexts }) {
  const { t, lang } = useI18n();
  const entries = useMemo(
    () => legendEntries(scenario, (key) => (key.startsWith('map.') ? t(key) : texts.text(key)), lang),
    [scenario, t, texts, lang],
  );
  return (
    <div class="map-legend">
      <p class="map-legend-title">{t('map.legend')}</p>
      <ul class="map-legend-list">
        {entries.map((e) => (
          <li key={e.text}>
            <svg viewBox="-11 -11 22 22" class="map-legend-symbol" aria-hidden="true">
              {e.shapes(0, 0).map(shape)}
              {e.glyph && text({ ...e.glyph }, 0)}
            </svg>
            {e.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
