import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  type LoadOptions,
  type LoadResult,
  loadScenario,
  type ScenarioBundle,
} from '../../src/engine/scenario/load-scenario.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The mini fixture's YAML text. */
export function miniYaml(): string {
  return readFileSync(join(FIXTURES, 'mini', 'scenario.yaml'), 'utf8');
}

/** Loads YAML text as a scenario named `scenario.yaml`. */
export function loadText(
  text: string,
  translations: { path: string; text: string }[] = [],
  options: LoadOptions = {},
): LoadResult {
  return loadScenario({ path: 'scenario.yaml', text }, translations, undefined, options);
}

/** The mini fixture, loaded and checked; throws if it stopped validating. */
export function miniBundle(): ScenarioBundle {
  const r = loadText(miniYaml());
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bundle;
}

/** The mini fixture as data, changed by `edit`, rendered back to YAML. */
export function miniWith(edit: (data: Record<string, any>) => void): string {
  const data = structuredClone(miniBundle().scenario) as Record<string, any>;
  edit(data);
  return stringify(data);
}

/** The mini fixture with a step that guards never let out of: wrap-up leads to "trap", which loops on itself. */
export function miniWithTrap(): string {
  return miniWith((s) => {
    s.steps[2].next = 'trap';
    s.steps.push({
      id: 'trap',
      phase: 'consolidation',
      title: 'Trap',
      narration: 'Round and round.',
      routes: [{ when: { variable: 'trust', atLeast: 0 }, next: 'trap' }, { next: 'end-good' }],
    });
  });
}
