import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { MapState } from '../../src/engine/run/run-state.ts';
import { buildSituation } from '../../src/engine/run/situation.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';
import { layoutMap, markerReach, textBox } from '../../src/map/map-layout.ts';

// why: the review found civilians drawn next to the wrong village while the "Who is where" list
// said otherwise. These hold every bundled scenario's map, at every step of two playthroughs and at
// the widths the map is drawn at, to the list's model.

const WIDTHS = [340, 720, 960];
const folders = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `scenarios/${d.name}`);

/** The map at each step of a run that always takes the first option, or always the last. */
function mapsAlong(scenario: Scenario, pick: 'first' | 'last'): MapState[] {
  const run = createRun(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const maps = [structuredClone(run.context().map)];
  for (let guard = 0; !run.finished() && guard < 200; guard++) {
    const d = steps.get(run.context().step)?.decision;
    const o = d ? (pick === 'first' ? d.options[0]! : d.options[d.options.length - 1]!) : null;
    if (!run.send(o ? { type: 'decision.chosen', optionIds: [o.id] } : { type: 'step.continued' })) break;
    maps.push(structuredClone(run.context().map));
  }
  return maps;
}

describe.each(folders)('the situation map of %s', (folder) => {
  const bundle = loadScenarioFolder(folder).bundle as ScenarioBundle;
  const scenario = bundle.scenario;
  const maps = [...mapsAlong(scenario, 'first'), ...mapsAlong(scenario, 'last')];

  it('draws every marker at the place the list names: within its reach, nearer it than any other place', () => {
    for (const map of maps) {
      const listed = buildSituation(scenario, map).flatMap((p) => [
        ...p.actors.map((a) => `actor:${a.id}@${p.location}`),
        ...p.units.map((u) => `unit:${u.id}@${p.location}`),
      ]);
      for (const width of WIDTHS) {
        const layout = layoutMap(scenario, map, (k) => k, { width });
        const drawn = [...layout.actors, ...layout.units].map((m) => `${m.key}@${m.at}`);
        expect(drawn.sort()).toEqual([...listed].sort());
        const places = new Map(layout.locations.map((l) => [l.id, l]));
        const all = [...layout.actors, ...layout.units];
        for (const m of all) {
          const own = places.get(m.at)!;
          const d = Math.hypot(m.x - own.x, m.y - own.y);
          const crowd = all.filter((x) => x.at === m.at).length;
          expect(d, `${m.key} at ${width} px`).toBeLessThanOrEqual(
            markerReach(own.radius, width, m.extent, crowd) + 0.5,
          );
          for (const other of layout.locations) {
            if (other === own) continue;
            expect(Math.hypot(m.x - other.x, m.y - other.y), `${m.key} nearer ${other.id}`).toBeGreaterThan(
              d,
            );
          }
        }
      }
    }
  }, 120_000);

  it('lets no marker label cover another label or a place name', () => {
    for (const map of maps) {
      for (const width of WIDTHS) {
        const layout = layoutMap(scenario, map, (k) => k, { width });
        const markerLabels = [...layout.actors, ...layout.units].flatMap((m) =>
          m.labelled ? [{ who: m.key, box: textBox(m.texts[m.texts.length - 1]!, m.x, m.y) }] : [],
        );
        const placeNames = layout.locations.map((l) => ({ who: l.key, box: textBox(l.texts[0]!, l.x, l.y) }));
        const all = [...markerLabels, ...placeNames];
        for (const a of markerLabels)
          for (const b of all) {
            if (a === b) continue;
            const hit =
              a.box.x0 < b.box.x1 && b.box.x0 < a.box.x1 && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1;
            expect(hit, `${a.who} covers ${b.who} at ${width} px`).toBe(false);
          }
      }
    }
  }, 120_000);
});
