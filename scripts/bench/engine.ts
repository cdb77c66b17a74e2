// Engine figures against DESIGN.md's budgets: validating and compiling every bundled scenario,
// headless playthroughs, replaying a long run log, and the exhaustive lint of each scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { lintScenario } from '../../src/engine/analysis/lint-scenario.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import { createScenarioMachine } from '../../src/engine/run/scenario-machine.ts';
import {
  loadScenario,
  type ScenarioBundle,
  type SourceFile,
} from '../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';
import { buildDebrief } from '../../src/engine/score/debrief.ts';
import { type BenchRow, type BenchSection, median, round, timeEach } from './section.ts';
import { SCENARIO_FOLDER } from './story.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Folder {
  name: string;
  main: SourceFile;
  translations: SourceFile[];
}

/** A scenario folder read into memory, so timings leave the disk out. */
export function readFolder(dir: string): Folder {
  const read = (f: string) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') });
  return {
    name: dir.split('/').pop()!,
    main: read('scenario.yaml'),
    translations: readdirSync(dir)
      .filter((f) => /^[a-z]{2}\.yaml$/.test(f))
      .sort()
      .map(read),
  };
}

/** Loads a folder read by `readFolder`; throws with the diagnostics when it does not validate. */
export function loadFolder(folder: Folder): ScenarioBundle {
  const r = loadScenario(folder.main, folder.translations);
  if (!r.bundle) throw new Error(`${folder.name} does not validate: ${r.diagnostics[0]?.message}`);
  return r.bundle;
}

/**
 * Plays a scenario to an ending the way a trainee could: the k-th input picks option (7k + seed)
 * modulo the options shown, lets time run out when that is refused, and continues narrative steps.
 * Returns the number of decisions taken (or timed out).
 */
export function playThrough(
  scenario: Scenario,
  seed: number,
): { decisions: number; log: readonly RunEvent[] } {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const run = createRun(scenario);
  let decisions = 0;
  for (let k = 0; !run.finished() && k < 1000; k++) {
    const d = steps.get(run.context().step)!.decision;
    if (!d) {
      run.send({ type: 'step.continued' });
      continue;
    }
    decisions++;
    const option = d.options[(k * 7 + seed) % d.options.length]!;
    if (!run.send({ type: 'decision.chosen', optionIds: [option.id] }))
      run.send({ type: 'clock.ticked', seconds: d.timeLimit ?? 60 });
  }
  return { decisions, log: run.log };
}

/**
 * A long exercise made for the replay figure: `steps` timed decisions, each with an inject half
 * way, so a run that waits for every inject before deciding logs two events per step.
 */
export function longExercise(steps: number): { bundle: ScenarioBundle; log: RunEvent[] } {
  const data = {
    id: 'long-exercise',
    version: '1.0.0',
    language: 'en',
    title: 'Long exercise',
    summary: 'A synthetic run of many timed decisions, for the replay benchmark.',
    situation: '15.4',
    audience: ['mission-leadership'],
    minutes: 120,
    briefing: 'Decide at each step.',
    objectives: ['Decide.'],
    setting: {
      place: 'Sector',
      map: { width: 1000, height: 1000 },
      locations: [{ id: 'hq', name: 'HQ', kind: 'base', x: 10, y: 10 }],
      actors: [{ id: 'crowd', name: 'Crowd', kind: 'civilians', at: 'hq', size: 10 }],
    },
    variables: [{ id: 'trust', name: 'Trust', min: 0, max: 10, initial: 5, better: 'higher' }],
    start: 's0',
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `s${i}`,
      phase: 'response',
      title: `Step ${i}`,
      narration: 'Something happens.',
      injects: [{ id: `i${i}`, from: 'Ops', channel: 'radio', text: 'Update.', at: 30 }],
      decision: {
        prompt: 'What now?',
        timeLimit: 60,
        options: ['a', 'b', 'c'].map((o, oi) => ({
          id: `s${i}-${o}`,
          label: o,
          feedback: o,
          tiers: ['I'],
          effects: { trust: oi - 1 },
          map: [{ actor: 'crowd', size: 10 + i }],
        })),
        next: i + 1 < steps ? `s${i + 1}` : 'end',
        noDecision: { feedback: 'Too late.', effects: { trust: -1 } },
      },
    })),
    endings: [{ id: 'end', title: 'End', text: 'Done.', outcome: 'partial' }],
  };
  const r = loadScenario({ path: 'long-exercise.yaml', text: stringify(data) });
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const log: RunEvent[] = [];
  for (let i = 0; i < steps; i++) {
    log.push(
      { type: 'clock.ticked', seconds: 30 },
      { type: 'decision.chosen', optionIds: [`s${i}-${'abc'[i % 3]}`] },
    );
  }
  return { bundle: r.bundle, log };
}

/** Runs the engine section. */
export async function run(): Promise<BenchSection> {
  const dirs = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(ROOT, 'scenarios', d.name))
    .sort();
  const folders = dirs.map(readFolder);
  const rows: BenchRow[] = [];

  // Validate + compile: parse, shape, cross-references, translations and the XState machine.
  let bundles: ScenarioBundle[] = [];
  const loadMs = timeEach(
    () => {
      bundles = folders.map(loadFolder);
      for (const b of bundles) createScenarioMachine(b.scenario);
    },
    1,
    15,
    3,
  );
  rows.push({
    metric: `validate + compile all ${folders.length} bundled scenarios`,
    value: round(loadMs),
    unit: 'ms',
    budget: '< 200 ms',
    ok: loadMs < 200,
  });
  const perScenario = folders.map((f) => ({
    name: f.name,
    ms: timeEach(() => createScenarioMachine(loadFolder(f).scenario), 1, 9, 2),
  }));

  // Headless playthroughs: the run, no UI, along varied choices.
  const plays = bundles.map((b) => {
    let decisions = 0;
    const ms = timeEach(
      (i) => {
        decisions += playThrough(b.scenario, i % 5).decisions;
      },
      200,
      7,
      100,
    );
    const perRun = decisions / (200 * 7 + 100);
    return { id: b.scenario.id, perSecond: 1000 / ms, usPerDecision: (ms * 1000) / perRun };
  });
  const worstDecision = Math.max(...plays.map((p) => p.usPerDecision));
  rows.push(
    {
      metric: 'headless playthroughs per second (median scenario)',
      value: round(median(plays.map((p) => p.perSecond))),
      unit: '/s',
    },
    {
      metric: 'time per decision played headless (slowest scenario)',
      value: round(worstDecision),
      unit: 'µs',
      budget: '≪ 1000 µs',
      ok: worstDecision < 100,
    },
  );

  // Replay of a 200-event log: what resuming a saved run or building its debrief costs.
  const long = longExercise(100);
  const replayMs = timeEach(() => createRun(long.bundle.scenario, long.log), 20, 7, 10);
  const debriefMs = timeEach(() => buildDebrief(long.bundle.scenario, long.log), 20, 7, 10);
  rows.push(
    {
      metric: `replay of a ${long.log.length}-event run log`,
      value: round(replayMs),
      unit: 'ms',
      budget: '< 16 ms (one frame)',
      ok: replayMs < 16,
    },
    { metric: `replay + score + debrief of the same log`, value: round(debriefMs), unit: 'ms' },
  );

  // Exhaustive lint: every state of every scenario, best and worst paths.
  // why: one run each; the largest takes seconds, and the suite must finish in a few minutes.
  const lints = bundles.map((b) => {
    let states = 0;
    const ms = timeEach(
      () => {
        states = lintScenario(b.scenario, CATALOGUE).states;
      },
      1,
      1,
      0,
    );
    return { id: b.scenario.id, ms, states };
  });
  const slowest = lints.reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push(
    {
      metric: 'exhaustive lint, all bundled scenarios together',
      value: round(lints.reduce((s, l) => s + l.ms, 0)),
      unit: 'ms',
    },
    {
      metric: `exhaustive lint, slowest scenario (${slowest.id}, ${slowest.states} states)`,
      value: round(slowest.ms),
      unit: 'ms',
    },
  );
  const story = loadFolder(readFolder(SCENARIO_FOLDER));
  let storyStates = 0;
  const storyLint = timeEach(
    () => {
      storyStates = lintScenario(story.scenario, CATALOGUE).states;
    },
    1,
    1,
    0,
  );
  rows.push({
    metric: `exhaustive lint of the 20-decision benchmark story (${storyStates} states)`,
    value: round(storyLint),
    unit: 'ms',
  });

  return {
    title: 'Engine (Node, no UI)',
    rows,
    details: {
      validateCompileMs: Object.fromEntries(perScenario.map((p) => [p.name, round(p.ms)])),
      playthroughs: Object.fromEntries(
        plays.map((p) => [p.id, { perSecond: round(p.perSecond), usPerDecision: round(p.usPerDecision) }]),
      ),
      lint: Object.fromEntries(lints.map((l) => [l.id, { ms: round(l.ms), states: l.states }])),
    },
  };
}
