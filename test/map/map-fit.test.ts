import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createInitialContext } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { layoutMap, legendEntries } from '../../src/map/map-layout.ts';
import { fitLabels, SMALLEST_LABEL } from '../../src/map/situation-map.ts';

// why: on the projector the map is fitted into a box limited by the screen's height, so labels of
// 10 to 13 layout px show at 8 to 12 px; asking for 18 px must draw the words larger (its legend goes
// beside it as text, since a legend in the picture takes height the map needs).

const { scenario } = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle as ScenarioBundle;
const map = createInitialContext(scenario).map;
const layoutAt = (width: number, labelScale = 1) =>
  layoutMap(scenario, map, (k) => k, { width, legend: false, labelScale });
/** How large a word of `size` layout px shows once the layout is fitted into the box. */
const shown = (
  box: { clientWidth: number; clientHeight: number },
  width: number,
  scale: number,
  size: number,
) => {
  const l = layoutAt(width, scale);
  const drawn = Math.min(box.clientWidth, (box.clientHeight * l.width) / l.height);
  return (size * scale * drawn) / width;
};
/** Every word size of a layout, in layout px, but the letters inside symbols. */
const wordSizes = (scale: number) => {
  const l = layoutAt(971, scale);
  return [...l.texts, ...[...l.locations, ...l.units, ...l.actors].flatMap((i) => i.texts)]
    .filter((t) => t.halo || t.background !== undefined || l.texts.includes(t))
    .map((t) => t.size);
};

describe('fitting the map to a projector', () => {
  // the map's box on the projector at 1920x1080, as measured in Chromium, the legend below it as text
  const box1080 = { clientWidth: 971, clientHeight: 640 };

  it('draws the words at their usual size when no label size is asked for', () => {
    expect(fitLabels(box1080, layoutAt, {})).toEqual({ width: 971, labelScale: 1 });
    expect(shown(box1080, 971, 1, SMALLEST_LABEL)).toBeLessThan(18);
  });

  it('draws the words larger until the smallest label shows at 18 px, the symbols as they were', () => {
    const fit = fitLabels(box1080, layoutAt, { minLabelPx: 18 });
    expect(fit.width).toBe(971);
    expect(fit.labelScale).toBeGreaterThan(1.5);
    expect(shown(box1080, fit.width, fit.labelScale, SMALLEST_LABEL)).toBeGreaterThanOrEqual(17.9);
    expect(Math.min(...wordSizes(fit.labelScale))).toBeGreaterThan(Math.min(...wordSizes(1)));
    const plain = layoutAt(971, 1);
    const big = layoutAt(971, fit.labelScale);
    expect(big.units.map((u) => u.extent)).toEqual(plain.units.map((u) => u.extent));
  });
});

describe('a map without its legend in the picture', () => {
  it('takes no height for the legend, and the legend entries are there to show as text', () => {
    const full = layoutMap(scenario, map, (k) => k, { width: 640 });
    const bare = layoutMap(scenario, map, (k) => k, { width: 640, legend: false });
    expect(bare.height).toBeLessThan(full.height);
    expect(bare.legend.texts).toEqual([]);
    const entries = legendEntries(scenario, (k) => k).map((e) => e.text);
    expect(entries).toContain('Civilians');
    expect(entries.length).toBe(full.legend.texts.filter((x) => x.size === 11).length);
  });
});

describe('the projector asks for', () => {
  it('18 px labels on a 1080p wall and in proportion on a 720p one, with the legend as text', async () => {
    const { projectorMapOptions } = await import('../../src/ui/exercise/projector-page.tsx');
    expect(projectorMapOptions({ width: 1920, height: 1080 })).toEqual({ minLabelPx: 18, legend: false });
    expect(projectorMapOptions({ width: 1280, height: 720 }).minLabelPx).toBe(12);
    expect(projectorMapOptions({ width: 3840, height: 2160 }).minLabelPx).toBe(18);
  });
});
