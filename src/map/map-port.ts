import type { RunView } from '../engine/run/run-view.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';

/** A drawn situation map that follows the run; it only shows the view, it never changes the run. */
export interface SituationMap {
  update(view: RunView): void;
  destroy(): void;
}

/** Mounts the map into an element; `label` turns a scenario text key into text in the UI language. */
export type MountSituationMap = (
  element: HTMLElement,
  scenario: Scenario,
  label: (key: string) => string,
) => Promise<SituationMap>;
