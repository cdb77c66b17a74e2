import type { MapState } from '../engine/run/run-state.ts';
import { buildSituation } from '../engine/run/situation.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { mapText } from './map-texts.ts';

// why: everything the situation map shows is decided here, as plain data, so it can be tested in
// Node; situation-map.ts only turns these instructions into Phaser Graphics and Text objects.

/** A point in canvas pixels. */
export interface Point {
  x: number;
  y: number;
}

/** How a shape is filled and outlined; colours are 0xRRGGBB. */
export interface Paint {
  fill?: number;
  fillAlpha?: number;
  stroke?: number;
  strokeAlpha?: number;
  lineWidth?: number;
}

/** A drawing primitive, in pixels relative to the item that holds it. */
export type Shape =
  | (Paint & { type: 'rect'; x: number; y: number; w: number; h: number; radius?: number })
  | (Paint & { type: 'circle'; x: number; y: number; r: number })
  | (Paint & { type: 'polygon'; points: Point[] })
  | (Paint & { type: 'line'; points: Point[] });

/** A text to draw, relative to the item that holds it; `halo` gives a dark outline for legibility. */
export interface TextSpec {
  text: string;
  x: number;
  y: number;
  size: number;
  colour: number;
  originX: number;
  originY: number;
  bold?: boolean;
  halo?: boolean;
  background?: number;
  align?: 'left' | 'center' | 'right';
}

/** Something drawn at one place: shapes and texts relative to (x, y). */
export interface MapItem {
  /** Stable across updates (`location:<id>`, `actor:<id>`, `unit:<id>`), so the renderer can move it. */
  key: string;
  x: number;
  y: number;
  alpha: number;
  shapes: Shape[];
  texts: TextSpec[];
}

export type LocationKind = Scenario['setting']['locations'][number]['kind'];
export type ActorKind = Scenario['setting']['actors'][number]['kind'];
export type UnitKind = Scenario['setting']['units'][number]['kind'];
export type MarkerShape =
  | 'circle'
  | 'diamond'
  | 'square'
  | 'triangle'
  | 'hexagon'
  | 'pentagon'
  | 'triangle-down';

export interface LocationItem extends MapItem {
  id: string;
  kind: LocationKind;
  state: string;
  /** The state written out, or null when the location is in its normal state. */
  tag: string | null;
  /** Radius the location symbol and its state ring take up. */
  radius: number;
}

export interface ActorItem extends MapItem {
  id: string;
  kind: ActorKind;
  at: string;
  mood: string;
  /** Radius of the marker itself; grows with the head count on a log scale. */
  radius: number;
  /** Radius including the mood outline; markers at one place keep at least this apart. */
  extent: number;
  count: number | null;
  /** Name in the UI language, and the short line under it (head count, mood), if any. */
  name: string;
  detail: string | null;
  /** False when there was no room for a label near the place; the UI lists it as text anyway. */
  labelled: boolean;
  shape: MarkerShape;
  glyph: string;
  colour: number;
}

export interface UnitItem extends MapItem {
  id: string;
  kind: UnitKind;
  at: string;
  extent: number;
  abbreviation: string;
  name: string;
  detail: string | null;
  labelled: boolean;
}

/** Draw instructions for one moment of a run's situation map. */
export interface MapLayout {
  width: number;
  height: number;
  /** The rectangle the scenario's map units are scaled into. */
  area: { x: number; y: number; w: number; h: number; scale: number };
  /** Terrain, grid and frame: drawn once. */
  background: Shape[];
  roads: Shape[];
  /** Thin lines from a place to markers that had to sit further out; absolute pixels. */
  leaders: Shape[];
  /** Title, grid references and north arrow: drawn once. */
  texts: TextSpec[];
  locations: LocationItem[];
  units: UnitItem[];
  actors: ActorItem[];
  /** Static per scenario: the actor kinds, unit and location states the scenario can show. */
  legend: MapItem;
}

export interface LayoutOptions {
  /** Canvas width in CSS pixels; the height follows the map's aspect ratio. Default 960. */
  width?: number;
  /** UI locale: formats head counts, and picks the table of map words when `label` has none. Default 'en'. */
  locale?: string;
  /**
   * False leaves the legend out of the picture (its item is empty and takes no height), for a page
   * that shows it as text beside the map (the projector, where every row of height counts). Default true.
   */
  legend?: boolean;
  /**
   * How much larger than usual the map's words are drawn (place, actor and unit labels, state tags,
   * title, grid references), for a wall where the map shows small; symbols keep their size. Default 1.
   */
  labelScale?: number;
}

/** Colours of the map; every kind also has its own shape or letter, so colour never carries meaning alone. */
export const MAP_COLOURS = {
  margin: 0x182117,
  terrain: 0x2a3828,
  terrainLight: 0x33452f,
  terrainDark: 0x222e20,
  grid: 0x8fa88a,
  frame: 0x6f8a6a,
  text: 0xf3f1e7,
  textDim: 0xa9b7a3,
  ink: 0x121a12,
  roadMain: 0xd6c49a,
  roadCasing: 0x141b13,
  roadTrack: 0xb3a27c,
  unitFill: 0x80c0ff,
  unitFrame: 0x0b2545,
  legendBg: 0x131b12,
} as const;

/** Colour of each location state's ring and tag. */
export const STATE_COLOURS: Record<string, number> = {
  normal: 0x000000,
  tense: 0xf2b134,
  'under-attack': 0xe5484d,
  burning: 0xff7a1a,
  secured: 0x4fa3f7,
  abandoned: 0x9aa39a,
};

/** How each actor kind is drawn: colour, a distinct shape and a letter. */
export const ACTOR_STYLES: Record<
  ActorKind,
  { colour: number; ink: number; shape: MarkerShape; glyph: string }
> = {
  civilians: { colour: 0xf6d365, ink: 0x1a1a12, shape: 'circle', glyph: 'C' },
  'armed-group': { colour: 0xe5484d, ink: 0xffffff, shape: 'diamond', glyph: 'A' },
  'host-security': { colour: 0xb79cf0, ink: 0x1a1230, shape: 'square', glyph: 'S' },
  humanitarian: { colour: 0xf4f6f8, ink: 0x14202c, shape: 'triangle', glyph: 'H' },
  'community-leader': { colour: 0xf59ec2, ink: 0x2a0f1c, shape: 'hexagon', glyph: 'L' },
  media: { colour: 0x9fd8e6, ink: 0x0e2530, shape: 'triangle-down', glyph: 'M' },
  'local-authority': { colour: 0x7fd6ae, ink: 0x0d2a1e, shape: 'pentagon', glyph: 'G' },
};

/** Grid references' size: the map's smallest words (SMALLEST_LABEL), so a projector fitted for its labels shows them as large. */
const GRID_WORDS = 10;
const FONT_WIDTH = 0.58;
const PAD = 44;
const TOP = 58;
const GAP = 8;
const UNIT_W = 30;
const UNIT_H = 20;
const LEGEND_ROW = 24;
const LEGEND_PAD = 10;
const TAU = Math.PI * 2;

/** Marker radius for a head count: log scale, so a crowd of 3,000 is bigger than 300 but still fits. */
export function crowdRadius(size: number | undefined): number {
  if (size === undefined) return 10;
  return Math.min(26, 9 + 3.4 * Math.log10(Math.max(1, size)));
}

// why: the words' scale is read by the many builders below; layoutMap sets it for one synchronous
// layout and puts it back, so the builders keep their plain signatures.
let wordScale = 1;
/** A word size scaled for this layout. */
const words = (size: number) => size * wordScale;

/** Lays out the situation map for a scenario and the current map state. */
export function layoutMap(
  scenario: Scenario,
  map: MapState,
  label: (key: string) => string,
  options: LayoutOptions = {},
): MapLayout {
  const before = wordScale;
  wordScale = Math.max(1, options.labelScale ?? 1);
  try {
    return layoutScaled(scenario, map, label, options);
  } finally {
    wordScale = before;
  }
}

function layoutScaled(
  scenario: Scenario,
  map: MapState,
  label: (key: string) => string,
  options: LayoutOptions,
): MapLayout {
  const width = Math.round(options.width ?? 960);
  const t = translator(label, options.locale ?? 'en');
  const { setting } = scenario;
  const scale = (width - 2 * PAD) / setting.map.width;
  // why: larger words need a taller band for the title and the column letters above the map.
  const top = Math.max(TOP, Math.round(20 + words(15) * 1.3 + words(GRID_WORDS) * 1.3 + 6));
  const area = { x: PAD, y: top, w: width - 2 * PAD, h: setting.map.height * scale, scale };
  const legend =
    options.legend === false
      ? { key: 'legend', x: 0, y: area.y + area.h + 14, alpha: 1, shapes: [], texts: [], rows: 0 }
      : buildLegend(scenario, t, width, area.y + area.h + 14);
  const height = Math.round(
    options.legend === false ? area.y + area.h + 16 : legend.y + legendHeight(legend) + 8,
  );

  const pos = new Map<string, Point>();
  for (const l of setting.locations) pos.set(l.id, { x: area.x + l.x * scale, y: area.y + l.y * scale });

  const locations = setting.locations.map((l) =>
    buildLocation(l, map.locations[l.id]?.state ?? 'normal', pos.get(l.id)!, t, width),
  );

  // why: the markers come from the same model as the "Who is where" list, place by place.
  const units: UnitItem[] = [];
  const actors: ActorItem[] = [];
  const compact = compactFormat(options.locale ?? 'en');
  const unitsById = new Map(setting.units.map((u) => [u.id, u]));
  const actorsById = new Map(setting.actors.map((a) => [a.id, a]));
  for (const place of buildSituation(scenario, map)) {
    for (const u of place.units) units.push(buildUnit(unitsById.get(u.id)!, place.location, t));
    for (const a of place.actors) actors.push(buildActor(actorsById.get(a.id)!, a, t, compact));
  }

  const placeTexts = arrangeLocationTexts(locations, width);
  const leaders = placeMarkers([...units, ...actors], locations, placeTexts, area, width);

  return {
    width,
    height,
    area,
    background: buildBackground(scenario, area, width, height, legend.y),
    roads: buildRoads(scenario, pos),
    leaders,
    texts: buildFrameTexts(scenario, t, area, width),
    locations,
    units,
    actors,
    legend,
  };
}

// ---------------------------------------------------------------------------------------------
// Text

const formats = new Map<string, Intl.NumberFormat>();

function compactFormat(locale: string): Intl.NumberFormat {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    formats.set(locale, f);
  }
  return f;
}

type Translate = (key: string, fallback?: string) => string;

function translator(label: (key: string) => string, locale: string): Translate {
  const language = locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  return (key, fallback) => {
    const got = label(key);
    if (got && got !== key) return got;
    return fallback ?? mapText(language, key) ?? mapText('en', key) ?? key;
  };
}

/** The text, cut with an ellipsis where it would be wider than `max` pixels. */
export function fitText(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text;
  const keep = Math.max(1, Math.floor(max / (size * FONT_WIDTH)) - 1);
  return `${text.slice(0, keep).trimEnd()}…`;
}

/** How far a marker's drawing reaches from its centre, in pixels: the radius of a ring around it. */
export function shapesReach(shapes: readonly Shape[]): number {
  let reach = 0;
  for (const s of shapes) {
    const points =
      s.type === 'circle'
        ? [{ x: Math.abs(s.x) + s.r, y: Math.abs(s.y) }]
        : s.type === 'rect'
          ? [
              { x: s.x, y: s.y },
              { x: s.x + s.w, y: s.y + s.h },
              { x: s.x + s.w, y: s.y },
              { x: s.x, y: s.y + s.h },
            ]
          : s.points;
    for (const p of points) reach = Math.max(reach, Math.hypot(p.x, p.y));
  }
  return reach;
}

/** Rough width of a text in pixels, for keeping labels inside the canvas and wrapping the legend. */
export function textWidth(text: string, size: number): number {
  return text.length * size * FONT_WIDTH;
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

function regular(sides: number, r: number, rotation: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * TAU) / sides;
    out.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
  }
  return out;
}

function offset(points: Point[], dx: number, dy: number): Point[] {
  return points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
}

/** An outline shape of the given kind, centred on (cx, cy), filling about the same area as a circle of radius r. */
export function markerShape(shape: MarkerShape, r: number, paint: Paint, cx = 0, cy = 0): Shape {
  const up = -Math.PI / 2;
  switch (shape) {
    case 'circle':
      return { type: 'circle', x: cx, y: cy, r, ...paint };
    case 'diamond':
      return { type: 'polygon', points: offset(regular(4, r * 1.22, up), cx, cy), ...paint };
    case 'square':
      return { type: 'rect', x: cx - r * 0.9, y: cy - r * 0.9, w: r * 1.8, h: r * 1.8, ...paint };
    case 'triangle':
      return { type: 'polygon', points: offset(regular(3, r * 1.3, up), cx, cy + r * 0.2), ...paint };
    case 'triangle-down':
      return { type: 'polygon', points: offset(regular(3, r * 1.3, -up), cx, cy - r * 0.2), ...paint };
    case 'hexagon':
      return { type: 'polygon', points: offset(regular(6, r * 1.08, 0), cx, cy), ...paint };
    case 'pentagon':
      return { type: 'polygon', points: offset(regular(5, r * 1.12, up), cx, cy + r * 0.05), ...paint };
  }
}

function dashedCircle(r: number, dash: number, gap: number, paint: Paint): Shape[] {
  const count = Math.max(6, Math.round((TAU * r) / (dash + gap)));
  const step = TAU / count;
  const sweep = step * (dash / (dash + gap));
  const out: Shape[] = [];
  for (let i = 0; i < count; i++) {
    const a0 = i * step;
    const points: Point[] = [];
    for (let k = 0; k <= 3; k++) {
      const a = a0 + (sweep * k) / 3;
      points.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
    }
    out.push({ type: 'line', points, ...paint });
  }
  return out;
}

function dashedLine(a: Point, b: Point, dash: number, gap: number, paint: Paint): Shape[] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0) return [];
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const out: Shape[] = [];
  for (let s = 0; s < length; s += dash + gap) {
    const e = Math.min(length, s + dash);
    out.push({
      type: 'line',
      points: [
        { x: a.x + ux * s, y: a.y + uy * s },
        { x: a.x + ux * e, y: a.y + uy * e },
      ],
      ...paint,
    });
  }
  return out;
}

/** An axis-aligned box in canvas pixels. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function overlapArea(a: Box, b: Box): number {
  return (
    Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
    Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0))
  );
}

function square(x: number, y: number, half: number): Box {
  return { x0: x - half, y0: y - half, x1: x + half, y1: y + half };
}

/** The box a text covers when its item stands at (x, y), from an estimate of its width. */
export function textBox(spec: TextSpec, x: number, y: number): Box {
  const lines = spec.text.split('\n');
  const padded = spec.background !== undefined;
  const w = Math.max(...lines.map((l) => textWidth(l, spec.size))) + (padded ? 8 : 0);
  const h = lines.length * spec.size * 1.3 + (padded ? 4 : 0);
  const left = x + spec.x - w * spec.originX;
  const top = y + spec.y - h * spec.originY;
  return { x0: left, y0: top, x1: left + w, y1: top + h };
}

/** Where a text may go around a place: each candidate replaces the text's offset and origin. */
function around(spec: TextSpec, radius: number, kind: 'name' | 'tag', below: number): TextSpec[] {
  const above = { ...spec, x: 0, y: -radius - (kind === 'tag' ? 2 : 3), originX: 0.5, originY: 1 };
  const under = { ...spec, x: 0, y: kind === 'tag' ? below : radius + 3, originX: 0.5, originY: 0 };
  const right = { ...spec, x: radius + 4, y: 0, originX: 0, originY: 0.5 };
  const left = { ...spec, x: -radius - 4, y: 0, originX: 1, originY: 0.5 };
  return kind === 'name' ? [under, above, right, left] : [spec, under, right, left, above];
}

/**
 * Moves each place's name and state tag off its neighbours: the name goes below the symbol, the
 * tag above it, unless that covers another place's symbol or texts; then the next free side.
 */
/** Returns the boxes of the places' texts where they ended up. */
function arrangeLocationTexts(locations: LocationItem[], width: number): Box[] {
  const taken: Box[] = locations.map((l) => square(l.x, l.y, l.radius));
  const within = (b: Box) => b.x0 >= 2 && b.x1 <= width - 2;
  for (const l of locations) {
    const [name, tag] = l.texts;
    if (!name) continue;
    const own = square(l.x, l.y, l.radius);
    const free = (b: Box) => within(b) && !taken.some((t) => t !== own && overlaps(t, b));
    const spots = around(name, l.radius, 'name', 0);
    // why: where no spot is free (crowded places, or words drawn large on a projector), the spot
    // covering the least of what is already placed reads best, rather than always the first.
    const covered = (b: Box) =>
      taken.reduce((sum, t) => (t === own ? sum : sum + overlapArea(t, b)), within(b) ? 0 : 1e9);
    const nameSpot =
      spots.find((c) => free(textBox(c, l.x, l.y))) ??
      spots.reduce<TextSpec | undefined>(
        (best, c) =>
          best === undefined || covered(textBox(c, l.x, l.y)) < covered(textBox(best, l.x, l.y)) ? c : best,
        undefined,
      ) ??
      name;
    l.texts[0] = nameSpot;
    const nameBox = textBox(nameSpot, l.x, l.y);
    taken.push(nameBox);
    if (!tag) continue;
    const below = nameSpot.originY === 0 && nameSpot.x === 0 ? nameBox.y1 - l.y + 2 : l.radius + 3;
    const tagSpot =
      around(tag, l.radius, 'tag', below).find((c) => {
        const box = textBox(c, l.x, l.y);
        return free(box) && !overlaps(box, nameBox);
      }) ?? tag;
    l.texts[1] = tagSpot;
    taken.push(textBox(tagSpot, l.x, l.y));
  }
  return taken.slice(locations.length);
}

/**
 * How far from its place's centre a marker of this extent may stand, in canvas pixels, at a map
 * width, when `crowd` markers share the place: a busy place spreads a little further.
 */
export function markerReach(placeRadius: number, width: number, extent = 0, crowd = 1): number {
  return placeRadius + Math.max(48, 0.11 * width) + 2 * extent + 10 * Math.max(0, crowd - 1);
}

/**
 * Places units and actors near their location, greedily: each takes the nearest free spot around
 * it (right of the place first, or left near the right edge) where neither its marker nor its
 * label covers a place, a place's texts, or a marker placed before it. Where no spot close by has
 * room for the whole label, the marker stays close and shows its count and mood only, or no label
 * (the UI lists every marker as text). Markers that still end up further out get a thin leader
 * line back to their place. Returns those leader lines.
 */
function placeMarkers(
  markers: (UnitItem | ActorItem)[],
  locations: LocationItem[],
  placeTexts: Box[],
  area: MapLayout['area'],
  width: number,
): Shape[] {
  const bounds: Box = { x0: area.x, y0: area.y, x1: area.x + area.w, y1: area.y + area.h };
  const labelBounds: Box = { x0: 2, y0: area.y, x1: width - 2, y1: area.y + area.h };
  const inside = (b: Box, within: Box) =>
    b.x0 >= within.x0 && b.x1 <= within.x1 && b.y0 >= within.y0 && b.y1 <= within.y1;
  const leaders: Shape[] = [];
  const solid: Box[] = locations.map((l) => square(l.x, l.y, l.radius));
  const soft: Box[] = [...placeTexts];

  for (const place of locations) {
    const preferred = place.x > area.x + area.w * 0.66 ? Math.PI : 0;
    const crowd = markers.filter((m) => m.at === place.id).length;
    for (const m of markers) {
      if (m.at !== place.id) continue;
      const full = m.texts[m.texts.length - 1]!;
      const variants: (TextSpec | null)[] = [full];
      if (m.detail !== null && m.detail !== full.text) variants.push({ ...full, text: m.detail });
      variants.push(null);
      const candidates: { x: number; y: number; a: number; ring: number; score: number }[] = [];
      for (let ring = 0; ring < 10; ring++) {
        const r = place.radius + m.extent + GAP / 2 + ring * (m.extent + 6);
        const count = Math.max(8, Math.ceil((TAU * r) / (m.extent + 4)));
        for (let i = 0; i < count; i++) {
          const a = preferred + (i * TAU) / count;
          const dev = Math.abs(Math.atan2(Math.sin(a - preferred), Math.cos(a - preferred)));
          candidates.push({
            x: place.x + r * Math.cos(a),
            y: place.y + r * Math.sin(a),
            a,
            ring,
            score: ring + (1.6 * dev) / Math.PI,
          });
        }
      }
      // why: a marker stands where the list says it is: within its place's reach, and nearer its
      // own place than any other, so nobody reads it as being at the neighbouring village.
      const reach = markerReach(place.radius, width, m.extent, crowd);
      const own = (x: number, y: number) => {
        const d = Math.hypot(x - place.x, y - place.y);
        return d <= reach && locations.every((q) => q === place || Math.hypot(x - q.x, y - q.y) > d + 2);
      };
      const allowed = candidates.filter((c) => own(c.x, c.y));
      candidates.length = 0;
      candidates.push(...allowed);
      candidates.sort((p, q) => p.score - q.score);
      const attempt = (c: (typeof candidates)[number], label: TextSpec | null, side: 1 | -1) => {
        const body = square(c.x, c.y, m.extent);
        if (!inside(body, bounds) || solid.some((b) => overlaps(b, body))) return null;
        const text = label && sided(label, side, m.extent);
        const box = text && textBox(text, c.x, c.y);
        if (box && !inside(box, labelBounds)) return null;
        const clashes = soft.filter((b) => overlaps(b, body) || (box !== null && overlaps(b, box))).length;
        const hits = box === null ? 0 : solid.filter((b) => overlaps(b, box)).length;
        return { x: c.x, y: c.y, text, clashes: clashes + hits, ring: c.ring };
      };
      const sides = (c: (typeof candidates)[number]): (1 | -1)[] => {
        const cos = Math.cos(c.a);
        const outward: 1 | -1 = cos > 0.2 ? 1 : cos < -0.2 ? -1 : preferred === 0 ? 1 : -1;
        return [outward, -outward as 1 | -1];
      };
      type Spot = NonNullable<ReturnType<typeof attempt>>;
      let spot: Spot | null = null;
      // why: close to its place matters more than a label; the full label may push a marker out
      // two rings at most, a shorter one or none keeps it nearer.
      const rings = [2, 1, 4];
      search: for (const [v, label] of variants.entries()) {
        for (const c of candidates) {
          if (c.ring > (rings[v] ?? 3)) break;
          for (const side of sides(c)) {
            const got = attempt(c, label, side);
            if (got?.clashes === 0) {
              spot = got;
              break search;
            }
          }
        }
      }
      if (!spot) {
        // why: a crowded place: stay near and never cover another marker or a symbol, even if
        // that means sitting on some text.
        for (const c of candidates) {
          const got = attempt(c, null, 1);
          if (got && (!spot || 4 * got.clashes + got.ring < 4 * spot.clashes + spot.ring)) spot = got;
        }
      }
      if (!spot && candidates.length > 0) {
        // why: no free spot within reach: overlap a neighbour least rather than stand elsewhere.
        const cost = (c: (typeof candidates)[number]) => {
          const body = square(c.x, c.y, m.extent);
          return 100 * solid.filter((b) => overlaps(b, body)).length + c.ring;
        };
        const c = candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a));
        spot = { x: c.x, y: c.y, text: null, clashes: 0, ring: c.ring };
      }
      const chosen = spot ?? { x: place.x, y: place.y, text: null };
      m.x = chosen.x;
      m.y = chosen.y;
      m.texts.pop();
      if (chosen.text) m.texts.push(chosen.text);
      m.labelled = chosen.text !== null;
      solid.push(square(m.x, m.y, m.extent));
      if (chosen.text) soft.push(textBox(chosen.text, m.x, m.y));
      const dx = m.x - place.x;
      const dy = m.y - place.y;
      const d = Math.hypot(dx, dy);
      if (d > place.radius + m.extent + GAP * 1.5) {
        leaders.push({
          type: 'line',
          points: [
            { x: place.x + (dx / d) * (place.radius + 1), y: place.y + (dy / d) * (place.radius + 1) },
            { x: m.x - (dx / d) * (m.extent + 1), y: m.y - (dy / d) * (m.extent + 1) },
          ],
          stroke: MAP_COLOURS.text,
          strokeAlpha: 0.75,
          lineWidth: 1.25,
        });
      }
    }
  }
  return leaders;
}

/** A marker's name label moved to its right (1) or left (-1) side. */
function sided(label: TextSpec, side: 1 | -1, extent: number): TextSpec {
  return {
    ...label,
    x: side * (extent + 4),
    originX: side > 0 ? 0 : 1,
    align: side > 0 ? 'left' : 'right',
  };
}

// ---------------------------------------------------------------------------------------------
// Background, roads and frame

function seeded(seedText: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Grid spacing in map units: a round number giving at most ten cells across. */
export function gridStep(mapWidth: number): number {
  const steps = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];
  return steps.find((s) => mapWidth / s <= 10) ?? 5000;
}

function buildBackground(
  scenario: Scenario,
  area: MapLayout['area'],
  width: number,
  height: number,
  legendY: number,
): Shape[] {
  const c = MAP_COLOURS;
  const out: Shape[] = [
    { type: 'rect', x: 0, y: 0, w: width, h: height, fill: c.margin },
    { type: 'rect', x: area.x, y: area.y, w: area.w, h: area.h, fill: c.terrain },
  ];
  // why: a few soft patches of lighter and darker ground read as terrain without inventing
  // features; seeded by the scenario id, so a scenario always looks the same.
  const random = seeded(scenario.id);
  const patches = 9 + Math.round((area.w * area.h) / 90_000);
  for (let i = 0; i < patches; i++) {
    const r0 = Math.min(area.w, area.h) * (0.08 + random() * 0.14);
    const cx = area.x + r0 + random() * Math.max(1, area.w - 2 * r0);
    const cy = area.y + r0 + random() * Math.max(1, area.h - 2 * r0);
    const points: Point[] = [];
    const sides = 11;
    for (let k = 0; k < sides; k++) {
      const a = (k * TAU) / sides;
      const r = r0 * (0.7 + random() * 0.3);
      points.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) * 0.75 });
    }
    const light = random() < 0.55;
    out.push({
      type: 'polygon',
      points,
      fill: light ? c.terrainLight : c.terrainDark,
      fillAlpha: light ? 0.55 : 0.6,
    });
  }
  const step = gridStep(scenario.setting.map.width) * area.scale;
  for (let x = area.x + step; x < area.x + area.w - 1; x += step) {
    out.push({
      type: 'line',
      points: [
        { x, y: area.y },
        { x, y: area.y + area.h },
      ],
      stroke: c.grid,
      strokeAlpha: 0.16,
      lineWidth: 1,
    });
  }
  for (let y = area.y + step; y < area.y + area.h - 1; y += step) {
    out.push({
      type: 'line',
      points: [
        { x: area.x, y },
        { x: area.x + area.w, y },
      ],
      stroke: c.grid,
      strokeAlpha: 0.16,
      lineWidth: 1,
    });
  }
  out.push({ type: 'rect', x: area.x, y: area.y, w: area.w, h: area.h, stroke: c.frame, lineWidth: 1.5 });
  out.push({
    type: 'line',
    points: [
      { x: 0, y: legendY - 4 },
      { x: width, y: legendY - 4 },
    ],
    stroke: c.frame,
    strokeAlpha: 0.5,
    lineWidth: 1,
  });
  out.push(...northArrow(width));
  return out;
}

function buildRoads(scenario: Scenario, pos: Map<string, Point>): Shape[] {
  const c = MAP_COLOURS;
  const casings: Shape[] = [];
  const fills: Shape[] = [];
  for (const road of scenario.setting.roads) {
    const a = pos.get(road.from);
    const b = pos.get(road.to);
    if (!a || !b) continue;
    if (road.kind === 'main') {
      casings.push({ type: 'line', points: [a, b], stroke: c.roadCasing, strokeAlpha: 0.85, lineWidth: 7 });
      fills.push({ type: 'line', points: [a, b], stroke: c.roadMain, lineWidth: 4 });
    } else {
      fills.push(...dashedLine(a, b, 7, 5, { stroke: c.roadTrack, strokeAlpha: 0.9, lineWidth: 2 }));
    }
  }
  // why: all casings first, so crossing main roads join instead of cutting each other.
  return [...casings, ...fills];
}

function buildFrameTexts(
  scenario: Scenario,
  t: Translate,
  area: MapLayout['area'],
  width: number,
): TextSpec[] {
  const c = MAP_COLOURS;
  const title = `${t('map.title')} · ${t(textKey.place(), scenario.setting.place)}`;
  const room = width - 2 * PAD - 24;
  // why: a long place name must not run into the north arrow; it gets smaller before it is cut,
  // so the title is whole on every screen but the narrowest.
  let size = words(15);
  while (size > words(12) && textWidth(title, size) > room) size--;
  let text = title;
  // why: still too long at 12 px: two lines (the band above the grid has room for them), cut only
  // if the second line overflows too.
  if (textWidth(title, size) > room) {
    const rest = title.split(' ');
    let first = '';
    while (rest.length > 1 && textWidth(`${first} ${rest[0]}`.trim(), size) <= room) {
      first = `${first} ${rest.shift()}`.trim();
    }
    text = first ? `${first}\n${fitText(rest.join(' '), size, room)}` : fitText(title, size, room);
  }
  const out: TextSpec[] = [
    {
      text,
      x: PAD,
      y: text.includes('\n') ? 4 : 14 + (words(15) - size) / 2,
      size,
      colour: c.text,
      originX: 0,
      originY: 0,
      bold: true,
    },
    {
      text: t('map.north'),
      x: width - PAD + 10,
      y: 8,
      size: words(11),
      colour: c.text,
      originX: 0.5,
      originY: 0,
      bold: true,
    },
  ];
  const step = gridStep(scenario.setting.map.width);
  const px = step * area.scale;
  const columns = Math.ceil(scenario.setting.map.width / step);
  for (let i = 0; i < columns; i++) {
    const cellW = Math.min(px, area.x + area.w - (area.x + i * px));
    out.push({
      text: columnName(i),
      x: area.x + i * px + cellW / 2,
      y: area.y - 4,
      size: words(GRID_WORDS),
      colour: c.textDim,
      originX: 0.5,
      originY: 1,
    });
  }
  const rows = Math.ceil(scenario.setting.map.height / step);
  for (let i = 0; i < rows; i++) {
    const cellH = Math.min(px, area.y + area.h - (area.y + i * px));
    out.push({
      text: String(i + 1),
      x: area.x - 6,
      y: area.y + i * px + cellH / 2,
      size: words(GRID_WORDS),
      colour: c.textDim,
      originX: 1,
      originY: 0.5,
    });
  }
  return out;
}

function northArrow(width: number): Shape[] {
  const x = width - PAD + 10;
  const y = 24;
  return [
    {
      type: 'polygon',
      points: [
        { x, y },
        { x: x + 6, y: y + 18 },
        { x, y: y + 13 },
      ],
      fill: MAP_COLOURS.text,
    },
    {
      type: 'polygon',
      points: [
        { x, y },
        { x: x - 6, y: y + 18 },
        { x, y: y + 13 },
      ],
      stroke: MAP_COLOURS.text,
      lineWidth: 1,
    },
  ];
}

function columnName(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Locations

type Location = Scenario['setting']['locations'][number];

const LIGHT = 0xe9e4d2;
const DARK = 0x141b13;
const MUD = 0xcdb68a;
const TERRACOTTA = 0xc45a3c;
const WATER = 0x4c7fa8;
const UN_BLUE = 0x4a86c8;

/** Shapes of a location symbol centred on (0, 0), and the radius it covers. */
export function locationSymbol(kind: LocationKind): { shapes: Shape[]; radius: number } {
  const edge = { stroke: DARK, lineWidth: 1.5 };
  switch (kind) {
    case 'base': {
      const shapes: Shape[] = [];
      for (const [cx, cy] of [
        [-12, -12],
        [12, -12],
        [-12, 12],
        [12, 12],
      ] as const) {
        shapes.push({
          type: 'polygon',
          points: offset(regular(4, 6, 0), cx, cy),
          fill: UN_BLUE,
          stroke: LIGHT,
          lineWidth: 1.5,
        });
      }
      shapes.push({ type: 'rect', x: -12, y: -12, w: 24, h: 24, fill: UN_BLUE, stroke: LIGHT, lineWidth: 2 });
      shapes.push({
        type: 'rect',
        x: -7,
        y: -7,
        w: 14,
        h: 14,
        stroke: LIGHT,
        strokeAlpha: 0.6,
        lineWidth: 1,
      });
      return { shapes, radius: 18 };
    }
    case 'gate':
      return {
        shapes: [
          { type: 'rect', x: -12, y: -2.5, w: 24, h: 5, fill: LIGHT, ...edge },
          { type: 'rect', x: -2, y: -2.5, w: 4, h: 5, fill: TERRACOTTA },
          { type: 'rect', x: -9, y: -2.5, w: 4, h: 5, fill: TERRACOTTA },
          { type: 'rect', x: 5, y: -2.5, w: 4, h: 5, fill: TERRACOTTA },
          { type: 'rect', x: -15, y: -8, w: 5, h: 16, fill: LIGHT, ...edge },
          { type: 'rect', x: 10, y: -8, w: 5, h: 16, fill: LIGHT, ...edge },
        ],
        radius: 15,
      };
    case 'settlement': {
      const huts: [number, number, number][] = [
        [-7, -5, 5.5],
        [5, -7, 5],
        [9, 4, 5.5],
        [-3, 6, 5.5],
        [-11, 5, 4],
      ];
      const shapes: Shape[] = [];
      for (const [x, y, r] of huts) {
        shapes.push({ type: 'circle', x, y, r, fill: MUD, ...edge });
        shapes.push({ type: 'circle', x, y, r: 1.3, fill: DARK });
      }
      return { shapes, radius: 15 };
    }
    case 'idp-site': {
      const shapes: Shape[] = [
        { type: 'rect', x: -16, y: -13, w: 32, h: 26, radius: 4, fill: LIGHT, fillAlpha: 0.12 },
        ...dashedLine({ x: -16, y: -13 }, { x: 16, y: -13 }, 3, 3, { stroke: LIGHT, lineWidth: 1 }),
        ...dashedLine({ x: 16, y: -13 }, { x: 16, y: 13 }, 3, 3, { stroke: LIGHT, lineWidth: 1 }),
        ...dashedLine({ x: 16, y: 13 }, { x: -16, y: 13 }, 3, 3, { stroke: LIGHT, lineWidth: 1 }),
        ...dashedLine({ x: -16, y: 13 }, { x: -16, y: -13 }, 3, 3, { stroke: LIGHT, lineWidth: 1 }),
      ];
      const tents: [number, number][] = [
        [-8, -3],
        [0, -3],
        [8, -3],
        [-4, 8],
        [4, 8],
      ];
      for (const [x, y] of tents) {
        shapes.push({
          type: 'polygon',
          points: [
            { x: x - 4.5, y: y + 3 },
            { x, y: y - 5 },
            { x: x + 4.5, y: y + 3 },
          ],
          fill: 0xdbe7f0,
          stroke: DARK,
          lineWidth: 1.2,
        });
      }
      return { shapes, radius: 18 };
    }
    case 'junction':
      return {
        shapes: [{ type: 'circle', x: 0, y: 0, r: 5, fill: MAP_COLOURS.roadMain, ...edge }],
        radius: 8,
      };
    case 'checkpoint':
      return {
        shapes: [
          { type: 'circle', x: 0, y: 0, r: 10, fill: LIGHT, ...edge },
          { type: 'rect', x: -7, y: -2, w: 14, h: 4, fill: TERRACOTTA },
        ],
        radius: 12,
      };
    case 'river-crossing':
      return {
        shapes: [
          {
            type: 'polygon',
            points: [
              { x: -16, y: -3 },
              { x: -8, y: -6 },
              { x: 0, y: -3 },
              { x: 8, y: -6 },
              { x: 16, y: -3 },
              { x: 16, y: 5 },
              { x: 8, y: 2 },
              { x: 0, y: 5 },
              { x: -8, y: 2 },
              { x: -16, y: 5 },
            ],
            fill: WATER,
          },
          { type: 'rect', x: -4, y: -11, w: 8, h: 22, fill: LIGHT, ...edge },
        ],
        radius: 16,
      };
    case 'market':
      return {
        shapes: [
          { type: 'rect', x: -10, y: -2, w: 20, h: 11, fill: MUD, ...edge },
          {
            type: 'polygon',
            points: [
              { x: -13, y: -2 },
              { x: -10, y: -10 },
              { x: 10, y: -10 },
              { x: 13, y: -2 },
            ],
            fill: TERRACOTTA,
            ...edge,
          },
          { type: 'rect', x: -5, y: -10, w: 3, h: 8, fill: LIGHT },
          { type: 'rect', x: 2, y: -10, w: 3, h: 8, fill: LIGHT },
        ],
        radius: 15,
      };
    case 'school':
      return {
        shapes: [
          { type: 'rect', x: -11, y: -3, w: 22, h: 12, fill: LIGHT, ...edge },
          {
            type: 'polygon',
            points: [
              { x: -13, y: -3 },
              { x: 0, y: -12 },
              { x: 13, y: -3 },
            ],
            fill: TERRACOTTA,
            ...edge,
          },
          { type: 'rect', x: -2, y: 2, w: 4, h: 7, fill: DARK },
        ],
        radius: 15,
      };
    case 'health-centre':
      return {
        shapes: [
          { type: 'rect', x: -11, y: -11, w: 22, h: 22, radius: 4, fill: 0xffffff, ...edge },
          { type: 'rect', x: -2.5, y: -7, w: 5, h: 14, fill: 0x1f8a70 },
          { type: 'rect', x: -7, y: -2.5, w: 14, h: 5, fill: 0x1f8a70 },
        ],
        radius: 15,
      };
    case 'field': {
      const shapes: Shape[] = [
        {
          type: 'rect',
          x: -14,
          y: -9,
          w: 28,
          h: 18,
          radius: 3,
          fill: 0x5d7c40,
          stroke: 0x9bb877,
          lineWidth: 1.2,
        },
      ];
      for (const x of [-8, 0, 8]) {
        shapes.push({
          type: 'line',
          points: [
            { x: x - 2, y: 4 },
            { x, y: -3 },
            { x: x + 2, y: 4 },
          ],
          stroke: 0xc9dca8,
          lineWidth: 1.3,
        });
      }
      return { shapes, radius: 16 };
    }
    case 'airstrip': {
      const shapes: Shape[] = [{ type: 'rect', x: -19, y: -5, w: 38, h: 10, fill: 0x6f726c, ...edge }];
      for (const x of [-13, -5, 3, 11]) {
        shapes.push({ type: 'rect', x, y: -0.75, w: 4, h: 1.5, fill: LIGHT });
      }
      return { shapes, radius: 19 };
    }
  }
}

function buildLocation(
  location: Location,
  state: string,
  at: Point,
  t: Translate,
  canvasWidth: number,
): LocationItem {
  const symbol = locationSymbol(location.kind);
  const shapes = [...symbol.shapes];
  const ringR = symbol.radius + 4;
  const colour = STATE_COLOURS[state] ?? STATE_COLOURS.tense!;
  let top = symbol.radius;
  switch (state) {
    case 'tense':
      shapes.unshift(...dashedCircle(ringR, 5, 4, { stroke: colour, lineWidth: 2.5 }));
      break;
    case 'under-attack':
      shapes.unshift({ type: 'circle', x: 0, y: 0, r: ringR, stroke: colour, lineWidth: 3.5 });
      shapes.push(burst(symbol.radius * 0.75, -symbol.radius * 0.75, 7, colour));
      break;
    case 'burning':
      shapes.unshift({ type: 'circle', x: 0, y: 0, r: ringR, stroke: colour, lineWidth: 3 });
      shapes.push(...flames(symbol.radius));
      top = symbol.radius + 6;
      break;
    case 'secured':
      shapes.unshift(
        { type: 'circle', x: 0, y: 0, r: ringR, stroke: colour, lineWidth: 3 },
        { type: 'circle', x: 0, y: 0, r: ringR + 4, stroke: colour, strokeAlpha: 0.55, lineWidth: 1.5 },
      );
      break;
    case 'abandoned':
      shapes.unshift(...dashedCircle(ringR, 2, 4, { stroke: colour, lineWidth: 2 }));
      break;
    default:
      break;
  }
  const stateName = t(`map.state.${state}`);
  const tag = state === 'normal' ? null : stateName.toLocaleUpperCase();
  const name = t(textKey.location(location.id), location.name);
  const texts: TextSpec[] = [
    keepInside(
      {
        text: name,
        x: 0,
        y: ringR + 3,
        size: words(location.kind === 'base' ? 13 : 12),
        colour: MAP_COLOURS.text,
        originX: 0.5,
        originY: 0,
        bold: true,
        halo: true,
      },
      at.x,
      canvasWidth,
    ),
  ];
  if (tag) {
    texts.push(
      keepInside(
        {
          text: tag,
          x: 0,
          y: -Math.max(top, ringR) - 6,
          size: words(10),
          colour: state === 'tense' || state === 'abandoned' ? MAP_COLOURS.ink : 0xffffff,
          originX: 0.5,
          originY: 1,
          bold: true,
          background: colour,
        },
        at.x,
        canvasWidth,
      ),
    );
  }
  return {
    key: `location:${location.id}`,
    id: location.id,
    kind: location.kind,
    state,
    tag,
    radius: ringR + (state === 'secured' ? 4 : 0),
    x: at.x,
    y: at.y,
    alpha: state === 'abandoned' ? 0.6 : 1,
    shapes,
    texts,
  };
}

function keepInside(text: TextSpec, anchorX: number, canvasWidth: number): TextSpec {
  const w = textWidth(text.text, text.size);
  const left = anchorX + text.x - w * text.originX;
  const margin = 4;
  if (left < margin) return { ...text, x: text.x + (margin - left) };
  const right = left + w;
  if (right > canvasWidth - margin) return { ...text, x: text.x - (right - (canvasWidth - margin)) };
  return text;
}

function burst(cx: number, cy: number, r: number, colour: number): Shape {
  const points: Point[] = [];
  for (let i = 0; i < 16; i++) {
    const rr = i % 2 === 0 ? r : r * 0.45;
    const a = (i * TAU) / 16;
    points.push({ x: cx + rr * Math.cos(a), y: cy + rr * Math.sin(a) });
  }
  return { type: 'polygon', points, fill: colour, stroke: 0xffe08a, lineWidth: 1 };
}

function flames(radius: number): Shape[] {
  const out: Shape[] = [];
  for (const [dx, h] of [
    [-7, 9],
    [0, 13],
    [7, 10],
  ] as const) {
    const base = -radius + 4;
    const outer: Point[] = [
      { x: dx - 4, y: base },
      { x: dx - 3, y: base - h * 0.5 },
      { x: dx, y: base - h },
      { x: dx + 3, y: base - h * 0.5 },
      { x: dx + 4, y: base },
    ];
    out.push({ type: 'polygon', points: outer, fill: 0xff7a1a, stroke: 0x7a2a00, lineWidth: 1 });
    out.push({
      type: 'polygon',
      points: [
        { x: dx - 2, y: base },
        { x: dx, y: base - h * 0.55 },
        { x: dx + 2, y: base },
      ],
      fill: 0xffd35a,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Actors and units

type Actor = Scenario['setting']['actors'][number];
type Unit = Scenario['setting']['units'][number];

function buildActor(
  actor: Actor,
  state: { at: string; size?: number | undefined; mood: string },
  t: Translate,
  compact: Intl.NumberFormat,
): ActorItem {
  const style = ACTOR_STYLES[actor.kind];
  const radius = crowdRadius(state.size);
  const shapes: Shape[] = [];
  let extent = radius * (style.shape === 'diamond' || style.shape.startsWith('triangle') ? 1.25 : 1.05);
  switch (state.mood) {
    case 'tense':
      shapes.push(...dashedCircle(extent + 3, 4, 3, { stroke: 0xf2b134, lineWidth: 2 }));
      extent += 4;
      break;
    case 'hostile':
      shapes.push({ type: 'circle', x: 0, y: 0, r: extent + 3, stroke: 0xe5484d, lineWidth: 2.5 });
      shapes.push({ type: 'circle', x: 0, y: 0, r: extent + 6.5, stroke: 0xe5484d, lineWidth: 1.5 });
      extent += 7.5;
      break;
    case 'panicked':
      shapes.push(spikes(extent + 1, extent + 6, 12, 0xff9f43));
      extent += 7;
      break;
    default:
      break;
  }
  shapes.push(markerShape(style.shape, radius, { fill: style.colour, stroke: DARK, lineWidth: 1.5 }));
  const name = t(textKey.actor(actor.id), actor.name);
  const count = state.size ?? null;
  const detail = [
    count === null ? null : compact.format(count),
    state.mood === 'calm' ? null : t(`map.mood.${state.mood}`),
  ].filter((s): s is string => s !== null);
  const texts: TextSpec[] = [
    {
      text: style.glyph,
      x: 0,
      y: style.shape === 'triangle' ? radius * 0.15 : style.shape === 'triangle-down' ? -radius * 0.2 : 0,
      size: Math.round(Math.max(10, radius * 0.95)),
      colour: style.ink,
      originX: 0.5,
      originY: 0.5,
      bold: true,
    },
    {
      text: detail.length ? `${name}\n${detail.join(' · ')}` : name,
      x: extent + 4,
      y: 0,
      size: words(11),
      colour: MAP_COLOURS.text,
      originX: 0,
      originY: 0.5,
      halo: true,
      align: 'left',
    },
  ];
  return {
    key: `actor:${actor.id}`,
    id: actor.id,
    kind: actor.kind,
    at: state.at,
    mood: state.mood,
    radius,
    extent,
    count,
    name,
    detail: detail.length ? detail.join(' · ') : null,
    labelled: true,
    shape: style.shape,
    glyph: style.glyph,
    colour: style.colour,
    x: 0,
    y: 0,
    alpha: 1,
    shapes,
    texts,
  };
}

function spikes(inner: number, outer: number, count: number, colour: number): Shape {
  const points: Point[] = [];
  for (let i = 0; i < count * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (i * Math.PI) / count;
    points.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
  }
  return { type: 'polygon', points, fill: colour, fillAlpha: 0.8, stroke: 0x4a2200, lineWidth: 1 };
}

/** Frame and kind symbol of a UN unit box centred on (cx, cy), NATO style (friendly: blue rectangle). */
export function unitBox(
  kind: UnitKind,
  abbreviation: string,
  cx = 0,
  cy = 0,
): { shapes: Shape[]; text: TextSpec | null } {
  const x = cx - UNIT_W / 2;
  const y = cy - UNIT_H / 2;
  const ink = { stroke: MAP_COLOURS.unitFrame, lineWidth: 1.5 };
  const shapes: Shape[] = [
    {
      type: 'rect',
      x,
      y,
      w: UNIT_W,
      h: UNIT_H,
      fill: MAP_COLOURS.unitFill,
      stroke: MAP_COLOURS.unitFrame,
      lineWidth: 2,
    },
  ];
  switch (kind) {
    case 'infantry':
      shapes.push(
        {
          type: 'line',
          points: [
            { x, y },
            { x: x + UNIT_W, y: y + UNIT_H },
          ],
          ...ink,
        },
        {
          type: 'line',
          points: [
            { x: x + UNIT_W, y },
            { x, y: y + UNIT_H },
          ],
          ...ink,
        },
      );
      return { shapes, text: null };
    case 'medical':
      shapes.push(
        {
          type: 'line',
          points: [
            { x: cx, y: y + 3 },
            { x: cx, y: y + UNIT_H - 3 },
          ],
          ...ink,
          lineWidth: 2.5,
        },
        {
          type: 'line',
          points: [
            { x: cx - 7, y: cy },
            { x: cx + 7, y: cy },
          ],
          ...ink,
          lineWidth: 2.5,
        },
      );
      return { shapes, text: null };
    case 'engineers':
      shapes.push({
        type: 'line',
        points: [
          { x: cx - 8, y: cy + 4 },
          { x: cx - 8, y: cy - 4 },
          { x: cx + 8, y: cy - 4 },
          { x: cx + 8, y: cy + 4 },
        ],
        ...ink,
        lineWidth: 2,
      });
      shapes.push({
        type: 'line',
        points: [
          { x: cx, y: cy - 4 },
          { x: cx, y: cy + 4 },
        ],
        ...ink,
        lineWidth: 2,
      });
      return { shapes, text: null };
    default:
      return {
        shapes,
        text: {
          text: abbreviation,
          x: cx,
          y: cy,
          size: 10,
          colour: MAP_COLOURS.unitFrame,
          originX: 0.5,
          originY: 0.5,
          bold: true,
        },
      };
  }
}

function buildUnit(unit: Unit, at: string, t: Translate): UnitItem {
  const abbreviation = t(`map.unitKind.${unit.kind}`);
  const box = unitBox(unit.kind, abbreviation);
  const extent = Math.hypot(UNIT_W, UNIT_H) / 2;
  const name = t(textKey.unit(unit.id), unit.name);
  const texts: TextSpec[] = [];
  if (box.text) texts.push(box.text);
  texts.push({
    text: box.text ? name : `${name}\n${abbreviation}`,
    x: extent + 3,
    y: 0,
    size: words(11),
    colour: 0xcfe5ff,
    originX: 0,
    originY: 0.5,
    halo: true,
    bold: true,
    align: 'left',
  });
  return {
    key: `unit:${unit.id}`,
    id: unit.id,
    kind: unit.kind,
    at,
    extent,
    abbreviation,
    name,
    detail: box.text ? null : abbreviation,
    labelled: true,
    x: 0,
    y: 0,
    alpha: 1,
    shapes: box.shapes,
    texts,
  };
}

// ---------------------------------------------------------------------------------------------
// Legend

interface LegendItem extends MapItem {
  rows: number;
}

/** Location states a scenario can reach, in the order of LOCATION_STATES. */
function statesUsed(scenario: Scenario): string[] {
  const used = new Set<string>();
  const scan = (changes: Scenario['steps'][number]['map']) => {
    for (const c of changes ?? []) if ('location' in c) used.add(c.state);
  };
  for (const step of scenario.steps) {
    scan(step.map);
    for (const o of step.decision?.options ?? []) scan(o.map);
    scan(step.decision?.noDecision?.map);
  }
  return Object.keys(STATE_COLOURS).filter((s) => s !== 'normal' && used.has(s));
}

/** One entry of the map's legend: its symbol drawn around (cx, cy), its words, and the letter on an actor's marker. */
export interface LegendEntry {
  shapes: (cx: number, cy: number) => Shape[];
  text: string;
  glyph?: TextSpec;
}

/** The legend's entries for a scenario: the actor kinds it has, UN units, and the place states it can show. */
export function legendEntries(
  scenario: Scenario,
  label: (key: string) => string,
  locale = 'en',
): LegendEntry[] {
  return buildLegendEntries(scenario, translator(label, locale));
}

function buildLegend(scenario: Scenario, t: Translate, width: number, y: number): LegendItem {
  const c = MAP_COLOURS;
  const entries = buildLegendEntries(scenario, t);
  const shapes: Shape[] = [];
  const texts: TextSpec[] = [];
  const title = t('map.legend');
  texts.push({
    text: title.toLocaleUpperCase(),
    x: PAD,
    y: LEGEND_PAD + LEGEND_ROW / 2,
    size: 10,
    colour: c.textDim,
    originX: 0,
    originY: 0.5,
    bold: true,
  });
  const startX = PAD + textWidth(title, 10) + 18;
  let x = startX;
  let row = 0;
  for (const e of entries) {
    const w = 22 + textWidth(e.text, 11) + 18;
    if (x + w > width - PAD && x > startX) {
      x = startX;
      row += 1;
    }
    const cy = LEGEND_PAD + row * LEGEND_ROW + LEGEND_ROW / 2;
    shapes.push(...e.shapes(x + 8, cy));
    if (e.glyph) texts.push({ ...e.glyph, x: x + 8 + e.glyph.x, y: cy + e.glyph.y });
    texts.push({ text: e.text, x: x + 22, y: cy, size: 11, colour: c.text, originX: 0, originY: 0.5 });
    x += w;
  }
  return { key: 'legend', x: 0, y, alpha: 1, shapes, texts, rows: row + 1 };
}

function buildLegendEntries(scenario: Scenario, t: Translate): LegendEntry[] {
  const c = MAP_COLOURS;
  const entries: LegendEntry[] = [];
  const kinds = Object.keys(ACTOR_STYLES).filter((k) =>
    scenario.setting.actors.some((a) => a.kind === k),
  ) as ActorKind[];
  for (const kind of kinds) {
    const style = ACTOR_STYLES[kind];
    entries.push({
      shapes: (cx, cy) => [
        markerShape(style.shape, 7, { fill: style.colour, stroke: DARK, lineWidth: 1 }, cx, cy),
      ],
      text: t(`map.actorKind.${kind}`),
      glyph: {
        text: style.glyph,
        x: 0,
        y: style.shape === 'triangle' ? 1 : style.shape === 'triangle-down' ? -1.5 : 0,
        size: 8,
        colour: style.ink,
        originX: 0.5,
        originY: 0.5,
        bold: true,
      },
    });
  }
  if (scenario.setting.units.length > 0) {
    entries.push({
      shapes: (cx, cy) => [
        {
          type: 'rect',
          x: cx - 9,
          y: cy - 6,
          w: 18,
          h: 12,
          fill: c.unitFill,
          stroke: c.unitFrame,
          lineWidth: 1.5,
        },
      ],
      text: t('map.unit'),
    });
  }
  for (const state of statesUsed(scenario)) {
    const colour = STATE_COLOURS[state]!;
    entries.push({
      shapes: (cx, cy) =>
        state === 'tense' || state === 'abandoned'
          ? dashedCircle(6.5, state === 'tense' ? 3 : 1.5, 2.5, { stroke: colour, lineWidth: 2 }).map((s) =>
              s.type === 'line' ? { ...s, points: offset(s.points, cx, cy) } : s,
            )
          : [{ type: 'circle', x: cx, y: cy, r: 6.5, stroke: colour, lineWidth: 2.5 }],
      text: t(`map.state.${state}`),
    });
  }

  return entries;
}

function legendHeight(legend: LegendItem): number {
  return LEGEND_PAD * 2 + legend.rows * LEGEND_ROW;
}
