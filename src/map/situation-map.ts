import type Phaser from 'phaser';
import { createInitialContext, type MapState } from '../engine/run/run-state.ts';
import type { RunView } from '../engine/run/run-view.ts';
import {
  layoutMap,
  type MapItem,
  type MapLayout,
  type Point,
  type Shape,
  shapesReach,
  type TextSpec,
} from './map-layout.ts';
import type { MapMountOptions, MountSituationMap, SituationMap } from './map-port.ts';

// why: Phaser is about 357 KB gzip and is not tree-shaken; it is imported here with a dynamic
// import() only, so even a static import of this module keeps it out of the first-load chunk.

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const HALO = '#111811';
const MOVE_MS = 700;
const FADE_MS = 350;
const MIN_WIDTH = 640;
/** Frames drawn with nothing moving before the loop sleeps: the last one shows the settled picture. */
const STILL_FRAMES = 3;
const MAX_WIDTH = 1280;
/** User-timing names the benchmark reads: the first drawn frame, and each update to a new run view. */
export const MAP_READY = 'pocsim:map-ready';
export const MAP_UPDATE = 'pocsim:map-update';
export const MAP_UPDATE_START = 'pocsim:map-update-start';
export const MAP_UPDATE_END = 'pocsim:map-update-end';

type PhaserModule = typeof Phaser;

interface Drawn {
  container: Phaser.GameObjects.Container;
  hash: string;
  x: number;
  y: number;
  /** Body radius of the marker, for the ring that marks it as changed. */
  reach: number;
}

/** The ring around a marker that changed at the last step: warm yellow, unlike any state colour. */
const CHANGED_COLOUR = 0xffe066;

/** Fetches Phaser ahead of the map (while the trainee reads the briefing); errors wait for the mount. */
export const preloadPhaser = (): Promise<void> =>
  import('phaser').then(
    () => undefined,
    () => undefined,
  );

/** Mounts the situation map for a scenario into an element, drawn with Phaser 4 (WebGL, Canvas fallback). */
export const mountSituationMap: MountSituationMap = async (element, scenario, label, mount = {}) => {
  const P: PhaserModule = await import('phaser');
  let map: MapState = createInitialContext(scenario).map;
  // why: the UI sets <html lang>; the map's own words and head counts follow it.
  const locale = document.documentElement.lang || 'en';
  const legend = mount.legend !== false;
  const { width, labelScale } = fitLabels(
    element,
    (w, scale) => layoutMap(scenario, map, label, { width: w, locale, legend, labelScale: scale }),
    mount,
  );
  const options = { width, locale, legend, labelScale };
  const first = layoutMap(scenario, map, label, options);
  const pixelRatio = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));

  // why: the wrapper has the map's aspect ratio, so Scale.FIT fills it whether or not the UI gave
  // the element a height; destroy() removes it and leaves the element as it was.
  const wrapper = document.createElement('div');
  wrapper.style.cssText = `position:relative;width:100%;max-height:100%;aspect-ratio:${first.width} / ${first.height};`;
  // why: the layout width and the words' scale say how large the labels show (the projector's font check reads them).
  wrapper.dataset.layoutWidth = String(width);
  wrapper.dataset.labelScale = labelScale.toFixed(3);
  element.append(wrapper);

  let scene: Phaser.Scene | null = null;
  let leaders: Phaser.GameObjects.Graphics | null = null;
  const drawn = new Map<string, Drawn>();
  let rings: Phaser.GameObjects.Graphics[] = [];

  const render = (layout: MapLayout, animate: boolean) => {
    if (!scene) return;
    const s = scene;
    const motion = animate && !prefersReducedMotion();
    const seen = new Set<string>();
    let moved = false;
    // why: the map says what changed since the last step: each marker that appeared, moved or
    // changed state wears a ring until the next change; the text list says the same in words.
    for (const ring of rings) {
      s.tweens.killTweensOf(ring);
      ring.destroy();
    }
    rings = [];
    const changed: Drawn[] = [];
    const layers: [MapItem[], number][] = [
      [layout.locations, 10],
      [layout.units, 20],
      [layout.actors, 30],
    ];
    for (const [items, depth] of layers) {
      for (const item of items) {
        seen.add(item.key);
        const hash = JSON.stringify([item.shapes, item.texts, item.alpha]);
        const known = drawn.get(item.key);
        if (!known) {
          const container = s.add.container(item.x, item.y).setDepth(depth);
          fill(s, container, item, pixelRatio);
          const added = { container, hash, x: item.x, y: item.y, reach: shapesReach(item.shapes) };
          drawn.set(item.key, added);
          if (animate) changed.push(added);
          if (motion) {
            container.setAlpha(0);
            s.tweens.add({ targets: container, alpha: item.alpha, duration: FADE_MS });
          } else container.setAlpha(item.alpha);
          continue;
        }
        if (known.hash !== hash) {
          known.container.removeAll(true);
          fill(s, known.container, item, pixelRatio);
          known.hash = hash;
          known.reach = shapesReach(item.shapes);
          if (animate) changed.push(known);
          if (!motion) known.container.setAlpha(item.alpha);
          else s.tweens.add({ targets: known.container, alpha: item.alpha, duration: FADE_MS });
        }
        if (known.x !== item.x || known.y !== item.y) {
          s.tweens.killTweensOf(known.container);
          known.container.setAlpha(item.alpha);
          moved = true;
          if (animate && !changed.includes(known)) changed.push(known);
          if (motion) {
            s.tweens.add({
              targets: known.container,
              x: item.x,
              y: item.y,
              duration: MOVE_MS,
              ease: 'Sine.easeInOut',
            });
          } else known.container.setPosition(item.x, item.y);
          known.x = item.x;
          known.y = item.y;
        }
      }
    }
    for (const d of changed) {
      const ring = s.make.graphics({}, false);
      ring.lineStyle(3, CHANGED_COLOUR, 0.95).strokeCircle(0, 0, d.reach + 6);
      d.container.addAt(ring, 0);
      rings.push(ring);
      if (motion)
        s.tweens.add({
          targets: ring,
          scale: { from: 1.6, to: 1 },
          alpha: { from: 0, to: 1 },
          duration: MOVE_MS,
        });
    }
    if (leaders) {
      leaders.clear();
      drawShapes(leaders, layout.leaders);
      s.tweens.killTweensOf(leaders);
      // why: leader lines join a place to where a marker ends up; they show once it is there.
      if (motion && moved) {
        leaders.setAlpha(0);
        s.tweens.add({ targets: leaders, alpha: 1, delay: MOVE_MS, duration: FADE_MS });
      } else leaders.setAlpha(1);
    }
    for (const [key, gone] of drawn) {
      if (seen.has(key)) continue;
      drawn.delete(key);
      s.tweens.killTweensOf(gone.container);
      if (motion) {
        s.tweens.add({
          targets: gone.container,
          alpha: 0,
          duration: FADE_MS,
          onComplete: () => gone.container.destroy(),
        });
      } else gone.container.destroy();
    }
  };

  const game = new P.Game({
    type: P.AUTO,
    parent: wrapper,
    width: first.width * pixelRatio,
    height: first.height * pixelRatio,
    backgroundColor: '#182117',
    // why: howler owns the one audio context of the app; a second one from Phaser would compete.
    audio: { noAudio: true },
    // why: the map is a picture of the run; it takes no input, so it never swallows keys, wheel
    // scrolling or touch gestures meant for the page.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false, windowEvents: false },
    autoFocus: false,
    banner: false,
    antialias: true,
    scale: {
      mode: P.Scale.FIT,
      autoCenter: P.Scale.CENTER_BOTH,
      expandParent: false,
    },
    scene: {
      key: 'situation-map',
      create(this: Phaser.Scene) {
        scene = this;
        // why: the layout is in CSS pixels; the backing store has devicePixelRatio times as many,
        // so the camera zooms in and text renders at the same resolution to stay sharp.
        this.cameras.main.setOrigin(0, 0).setZoom(pixelRatio);
        drawStatic(this, first, pixelRatio);
        leaders = this.add.graphics().setDepth(5);
        render(layoutMap(scenario, map, label, options), false);
        // why: the first frame with the map drawn is what "map ready" means in npm run bench
        // (docs/performance.md); a user-timing mark and an attribute let anyone wait for it.
        this.game.events.once(P.Core.Events.POST_RENDER, () => {
          performance.mark(MAP_READY);
          wrapper.dataset.mapReady = '';
        });
      },
    },
  });
  // why: the UI gives the same content as text (places, actors, units, states) in the DOM; the
  // canvas is a picture of it, so screen readers skip it instead of announcing an unlabelled canvas.
  game.canvas?.setAttribute('aria-hidden', 'true');
  game.events.once(P.Core.Events.READY, () => game.canvas?.setAttribute('aria-hidden', 'true'));

  // why: Phaser draws every animation frame, yet the map is a still picture between steps; on a
  // modest laptop (or software WebGL) that kept a core busy for nothing. The loop sleeps once the
  // picture is still and wakes for each update and each resize (Phaser refits the canvas in its loop).
  let stillFrames = 0;
  game.events.on(P.Core.Events.POST_RENDER, () => {
    const moving = !scene || scene.tweens.getTweens().length > 0;
    if (moving) stillFrames = 0;
    else if (++stillFrames >= STILL_FRAMES) game.loop.sleep();
  });
  const wake = () => {
    stillFrames = 0;
    game.loop.wake(true);
  };
  const resized = new ResizeObserver(() => {
    game.scale.dirty = true;
    wake();
  });
  resized.observe(wrapper);

  let destroyed = false;
  const handle: SituationMap = {
    update(view: RunView) {
      if (destroyed || view.map === map) return;
      map = view.map;
      // why: the map budget (no frame over 33 ms from our update code) is measured on this span;
      // marks, unlike a measure alone, carry the thread's CPU time into a DevTools trace.
      performance.mark(MAP_UPDATE_START);
      wake();
      render(layoutMap(scenario, map, label, options), true);
      performance.mark(MAP_UPDATE_END);
      performance.measure(MAP_UPDATE, MAP_UPDATE_START, MAP_UPDATE_END);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      resized.disconnect();
      scene = null;
      leaders = null;
      drawn.clear();
      rings = [];
      game.destroy(true);
      wrapper.remove();
    },
  };
  return handle;
};

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Smallest text of the map's labels, in layout pixels (unit tags, state tags, crowd counts, legend title). */
export const SMALLEST_LABEL = 10;

/**
 * The layout width for an element, and how much larger than usual to draw the map's words. Without
 * `minLabelPx` the layout takes the element's width at the usual size; with it, the words grow until
 * the smallest shows at that size once the map is fitted into the element's box (the layout's height,
 * and so its fit, depends a little on the words' size, so it is worked out twice).
 */
export function fitLabels(
  element: { clientWidth: number; clientHeight: number },
  layoutAt: (width: number, labelScale: number) => { width: number; height: number },
  { minLabelPx }: MapMountOptions,
): { width: number; labelScale: number } {
  const available = element.clientWidth || 960;
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, available)));
  if (!minLabelPx) return { width, labelScale: 1 };
  const boxHeight = element.clientHeight || Number.POSITIVE_INFINITY;
  let labelScale = 1;
  for (let i = 0; i < 2; i++) {
    const l = layoutAt(width, labelScale);
    const shown = Math.min(available, (boxHeight * l.width) / l.height);
    // why: rounded up to a tenth, so a fraction of a pixel lost to the fit never leaves a label under the mark.
    labelScale = Math.max(1, Math.ceil((10 * minLabelPx) / ((SMALLEST_LABEL * shown) / width)) / 10);
  }
  return { width, labelScale };
}

function drawStatic(scene: Phaser.Scene, layout: MapLayout, pixelRatio: number): void {
  const g = scene.add.graphics().setDepth(0);
  drawShapes(g, layout.background);
  drawShapes(g, layout.roads);
  for (const spec of layout.texts) scene.add.existing(makeText(scene, spec, pixelRatio)).setDepth(1);
  const legend = scene.add.container(layout.legend.x, layout.legend.y).setDepth(40);
  fill(scene, legend, layout.legend, pixelRatio);
}

function fill(
  scene: Phaser.Scene,
  container: Phaser.GameObjects.Container,
  item: MapItem,
  pixelRatio: number,
) {
  const g = scene.make.graphics({}, false);
  drawShapes(g, item.shapes);
  container.add(g);
  for (const spec of item.texts) container.add(makeText(scene, spec, pixelRatio));
}

function makeText(scene: Phaser.Scene, spec: TextSpec, pixelRatio: number): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${spec.size}px`,
    fontStyle: spec.bold ? 'bold' : 'normal',
    color: css(spec.colour),
    align: spec.align ?? 'center',
    resolution: pixelRatio,
  };
  if (spec.halo) {
    style.stroke = HALO;
    style.strokeThickness = 3;
  }
  if (spec.background !== undefined) {
    style.backgroundColor = css(spec.background);
    style.padding = { x: 4, y: 2 };
  }
  return scene.make
    .text({ x: spec.x, y: spec.y, text: spec.text, style }, false)
    .setOrigin(spec.originX, spec.originY);
}

function drawShapes(g: Phaser.GameObjects.Graphics, shapes: readonly Shape[]): void {
  for (const s of shapes) {
    const filled = s.fill !== undefined && s.type !== 'line';
    const stroked = s.stroke !== undefined;
    if (filled) g.fillStyle(s.fill!, s.fillAlpha ?? 1);
    if (stroked) g.lineStyle(s.lineWidth ?? 1, s.stroke!, s.strokeAlpha ?? 1);
    switch (s.type) {
      case 'rect':
        if (s.radius) {
          if (filled) g.fillRoundedRect(s.x, s.y, s.w, s.h, s.radius);
          if (stroked) g.strokeRoundedRect(s.x, s.y, s.w, s.h, s.radius);
        } else {
          if (filled) g.fillRect(s.x, s.y, s.w, s.h);
          if (stroked) g.strokeRect(s.x, s.y, s.w, s.h);
        }
        break;
      case 'circle':
        if (filled) g.fillCircle(s.x, s.y, s.r);
        if (stroked) g.strokeCircle(s.x, s.y, s.r);
        break;
      case 'polygon':
        if (filled) trace(g, s.points, true).fillPath();
        if (stroked) trace(g, s.points, true).strokePath();
        break;
      case 'line':
        if (stroked) trace(g, s.points, false).strokePath();
        break;
    }
  }
}

function trace(g: Phaser.GameObjects.Graphics, points: readonly Point[], close: boolean) {
  g.beginPath();
  points.forEach((p, i) => {
    if (i === 0) g.moveTo(p.x, p.y);
    else g.lineTo(p.x, p.y);
  });
  if (close) g.closePath();
  return g;
}

function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
