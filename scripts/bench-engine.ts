// Engine figures against DESIGN.md's budgets (not a test): npx tsx scripts/bench-engine.ts
// Validating and compiling every bundled scenario (budget 200 ms), a headless playthrough per
// decision (budget: well under a millisecond), and replaying a saved log.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFolder } from '../src/cli/scenario-files.ts';
import { createRun } from '../src/engine/run/run.ts';
import { createScenarioMachine } from '../src/engine/run/scenario-machine.ts';
import type { ScenarioBundle } from '../src/engine/scenario/load-scenario.ts';
import { buildDebrief } from '../src/engine/score/debrief.ts';

const folders = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join('scenarios', d.name));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const loadTimes: number[] = [];
let bundles: ScenarioBundle[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  bundles = folders.map((f) => loadScenarioFolder(f).bundle!).filter(Boolean);
  for (const b of bundles) createScenarioMachine(b.scenario);
  loadTimes.push(performance.now() - t);
}
console.log(
  `validate + compile ${bundles.length} scenarios: median ${median(loadTimes).toFixed(1)} ms (budget 200 ms)`,
);

for (const b of bundles) {
  const steps = new Map(b.scenario.steps.map((s) => [s.id, s]));
  let decisions = 0;
  const runs = 300;
  let log = createRun(b.scenario).log;
  const t = performance.now();
  for (let i = 0; i < runs; i++) {
    const run = createRun(b.scenario);
    while (!run.finished()) {
      const d = steps.get(run.context().step)!.decision;
      if (d) {
        const o = d.options[i % d.options.length]!;
        run.send({ type: 'decision.chosen', optionIds: [o.id] });
        decisions++;
      } else run.send({ type: 'step.continued' });
    }
    log = run.log;
  }
  const perDecision = (performance.now() - t) / decisions;
  const r = performance.now();
  for (let i = 0; i < 100; i++) buildDebrief(b.scenario, log);
  const replay = (performance.now() - r) / 100;
  console.log(
    `${b.scenario.id}: ${(perDecision * 1000).toFixed(0)} µs per decision played headless; replay + debrief of a ${log.length}-event run ${replay.toFixed(2)} ms`,
  );
}
