// A page for looking at the situation map outside the app (served by scripts/map-screenshot.ts,
// or by `npx vite --port 5199 --strictPort` and /scripts/map-preview.html?scenario=demo&frame=1).
// It is a developer tool, not part of the app bundle.

import { applyMapChanges, createInitialContext, type MapState } from '../src/engine/run/run-state.ts';
import { buildRunView, scenarioText } from '../src/engine/run/run-view.ts';
import { loadScenario } from '../src/engine/scenario/load-scenario.ts';
import { type MapChange, type Scenario, scenarioSchema } from '../src/engine/scenario/scenario.schema.ts';
import type { SituationMap } from '../src/map/map-port.ts';
import { mountSituationMap } from '../src/map/situation-map.ts';
import { MAP_DEMO, MAP_DEMO_CHANGES } from '../test/fixtures/map-demo.ts';
import miniYaml from '../test/fixtures/mini/scenario.yaml?raw';

declare global {
  interface Window {
    /** Shows frame `n` of the chosen scenario; resolves when drawn. */
    showFrame?: (n: number) => void;
    /** Destroys the map, as the UI does when it leaves the run screen. */
    destroyMap?: () => void;
    mapReady?: boolean;
    mapError?: string;
  }
}

function frames(scenario: Scenario, extra: MapChange[][]): MapState[] {
  const out = [createInitialContext(scenario).map];
  for (const changes of extra) out.push(applyMapChanges(out[out.length - 1]!, changes));
  return out;
}

// why: raw text of every bundled scenario, so the preview can show the real ones too.
const bundled = import.meta.glob<string>('../scenarios/*/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Frames of a real scenario: the start, then each step's changes and its first option's, in file order. */
function walk(scenario: Scenario): MapChange[][] {
  return scenario.steps
    .flatMap((step) => [step.map ?? [], step.decision?.options[0]?.map ?? []])
    .filter((c) => c.length);
}

function pick(): { scenario: Scenario; label: (key: string) => string; frames: MapState[] } {
  const params = new URLSearchParams(location.search);
  const which = params.get('scenario') ?? 'demo';
  const language = params.get('lang') ?? 'en';
  if (which === 'demo') {
    const scenario = scenarioSchema.parse(MAP_DEMO);
    return { scenario, label: (key) => key, frames: frames(scenario, [MAP_DEMO_CHANGES]) };
  }
  const folder = which === 'mini' ? '../test/fixtures/mini' : `../scenarios/${which}`;
  const main = which === 'mini' ? miniYaml : bundled[`${folder}/scenario.yaml`];
  if (main === undefined) throw new Error(`no scenario ${which}`);
  const translations = Object.entries(bundled)
    .filter(([path]) => path.startsWith(`${folder}/`) && !path.endsWith('/scenario.yaml'))
    .map(([path, text]) => ({ path, text }));
  const { bundle, diagnostics } = loadScenario({ path: `${folder}/scenario.yaml`, text: main }, translations);
  if (!bundle) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  document.documentElement.lang = language;
  const scenario = bundle.scenario;
  return {
    scenario,
    label: (key) => scenarioText(bundle, language, key),
    frames: frames(scenario, walk(scenario)),
  };
}

async function main() {
  const element = document.getElementById('map')!;
  const width = new URLSearchParams(location.search).get('width');
  if (width) element.style.setProperty('--map-width', `${width}px`);
  const chosen = pick();
  const map: SituationMap = await mountSituationMap(element, chosen.scenario, chosen.label);
  const context = createInitialContext(chosen.scenario);
  window.showFrame = (n) => {
    const frame = chosen.frames[Math.min(n, chosen.frames.length - 1)]!;
    map.update(buildRunView(chosen.scenario, { ...context, map: frame }));
  };
  const start = Number(new URLSearchParams(location.search).get('frame') ?? '0');
  if (start > 0) window.showFrame(start);
  window.destroyMap = () => map.destroy();
  window.mapReady = true;
}

main().catch((error: unknown) => {
  window.mapError = String(error);
  console.error(error);
});
