// The engine a player needs to play a compiled scenario and to save and restore it (the run log and
// its replay), bundled by scripts/bench/ink.ts to weigh it against the inkjs runtime.
export { createRun } from '../../src/engine/run/run.ts';
export { buildRunView, scenarioText } from '../../src/engine/run/run-view.ts';
