/** Bundled scenarios, checked and compiled to JSON at build time by the pocsim-scenarios Vite plugin. */
declare module 'virtual:pocsim-scenarios' {
  import type { ScenarioBundle } from './engine/scenario/load-scenario.ts';
  import type { ScenarioListing } from './engine/scenario/scenario-listing.ts';

  /** Menu entries; `load` fetches the whole scenario, a chunk of its own. */
  const scenarios: (ScenarioListing & { load(): Promise<ScenarioBundle> })[];
  export default scenarios;
}
