// The player engine plus what the end of a run needs (scoring against the doctrine catalogue and
// the debrief model), bundled by scripts/bench/ink.ts for a figure inkjs has no counterpart to.
export { createRun } from '../../src/engine/run/run.ts';
export { buildRunView, scenarioText } from '../../src/engine/run/run-view.ts';
export { buildDebrief } from '../../src/engine/score/debrief.ts';
