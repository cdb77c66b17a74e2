import type { RunView } from '../engine/run/run-view.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';

/** A drawn situation map that follows the run; it only shows the view, it never changes the run. */
export interface SituationMap {
  update(view: RunView): void;
  destroy(): void;
}

/** How the map is fitted to its element. */
export interface MapMountOptions {
  /**
   * Smallest size, in CSS pixels on screen, the map's labels must reach (the projector asks for 18);
   * the map is then laid out narrower and drawn larger until they do, within the element's box.
   */
  minLabelPx?: number;
  /** False draws no legend in the picture, for a page that shows it as text (see `MapLegend`). Default true. */
  legend?: boolean;
}

/** Mounts the map into an element; `label` turns a scenario text key into text in the UI language. */
export type MountSituationMap = (
  element: HTMLElement,
  scenario: Scenario,
  label: (key: string) => string,
  options?: MapMountOptions,
) => Promise<SituationMap>;
