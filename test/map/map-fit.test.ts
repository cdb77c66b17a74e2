import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createInitialContext } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { layoutMap } from '../../src/map/map-layout.ts';
import { fitWidth, SMALLEST_LABEL } from '../../src/map/situation-map.ts';

// why: on the projector the map is fitted into a box limited by the screen's height, so a layout as
// wide as the box shows its labels at 8 to 10 px; asking for 18 px must lay it out narrower (with its
// legend as text beside it, since a legend in the picture grows taller as the layout narrows).

const { scenario } = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle as ScenarioBundle;
const map = createInitialContext(scenario).map;
const layoutAt = (width: number) => layoutMap(scenario, map, (k) => k, { width, legend: false });
/** The on-screen size of the smallest label once the layout is fitted into the box. */
const shownLabel = (box: { clientWidth: number; clientHeight: number }, width: number) => {
  const l = layoutAt(width);
  const shown = Math.min(box.clientWidth, (box.clientHeight * l.width) / l.height);
  return (SMALLEST_LABEL * shown) / width;
};

describe('fitting the map to a projector', () => {
  // the map's box on the projector at 1920x1080, as measured in Chromium, the legend below it as text
  const box1080 = { clientWidth: 971, clientHeight: 660 };

  it('lays out as wide as its element when no label size is asked for', () => {
    expect(fitWidth(box1080, layoutAt, {})).toEqual({ width: 971, zoom: 1 });
    expect(shownLabel(box1080, 971)).toBeLessThan(18);
  });

  it('lays out narrower until the smallest label shows at 18 px, and says how much larger it draws', () => {
    const fit = fitWidth(box1080, layoutAt, { minLabelPx: 18 });
    expect(fit.width).toBeLessThan(971);
    expect(shownLabel(box1080, fit.width)).toBeGreaterThanOrEqual(18);
    expect(fit.zoom * SMALLEST_LABEL).toBeGreaterThanOrEqual(18);
    // and no narrower than it needs: one step wider would miss the mark
    expect(shownLabel(box1080, fit.width + 16)).toBeLessThan(18);
  });
});

describe('a map without its legend in the picture', () => {
  it('takes no height for the legend, and the legend entries are there to show as text', async () => {
    const { legendEntries } = await import('../../src/map/map-layout.ts');
    const full = layoutMap(scenario, map, (k) => k, { width: 640 });
    const bare = layoutMap(scenario, map, (k) => k, { width: 640, legend: false });
    expect(bare.height).toBeLessThan(full.height);
    expect(bare.legend.texts).toEqual([]);
    const entries = legendEntries(scenario, (k) => k).map((e) => e.text);
    expect(entries).toContain('Civilians');
    expect(entries.length).toBe(full.legend.texts.filter((x) => x.size === 11).length);
  });
});
