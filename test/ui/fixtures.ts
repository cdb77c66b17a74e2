import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { formatDiagnostic } from '../../src/engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import { buildListing } from '../../src/engine/scenario/scenario-listing.ts';
import type { KeyValueStorage } from '../../src/progress/settings.ts';
import type { ScenarioEntry } from '../../src/ui/app.tsx';

let mini: ScenarioBundle | undefined;

/** The mini fixture scenario, loaded and checked through the engine like a bundled one. */
export function miniBundle(): ScenarioBundle {
  if (!mini) {
    const result = loadScenarioFolder('test/fixtures/mini');
    if (!result.bundle) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    mini = result.bundle;
  }
  return mini;
}

/** French texts for the mini fixture, as a translator would write them. */
export const MINI_FRENCH: Record<string, string> = {
  title: 'Mini porte',
  summary: 'Une foule se rassemble à la porte.',
  'steps.arrival.title': 'Arrivée',
  'options.open.label': 'Ouvrir la porte et filtrer',
};

/** A bundle built from the mini fixture, with parts replaced (for example a French text table). */
export function fakeBundle(partial: { id?: string; fr?: Record<string, string> } = {}): ScenarioBundle {
  const base = miniBundle();
  const scenario = partial.id ? { ...base.scenario, id: partial.id } : base.scenario;
  return {
    scenario,
    texts: { ...base.texts, ...(partial.fr ? { fr: partial.fr } : {}) },
  };
}

/** An in-memory stand-in for localStorage. */
export function createMemoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

/** Menu entries for bundles, loading as the bundled ones do (asynchronously). */
export function listed(...bundles: ScenarioBundle[]): ScenarioEntry[] {
  return bundles.map((b) => ({ ...buildListing(b), load: async () => b }));
}
