import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../src/cli/main.ts';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createRun } from '../../src/engine/run/run.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';
import { hasStepCycle, stepEdges } from '../../src/engine/scenario/scenario-graph.ts';
import {
  decodeSuspendData,
  encodeSuspendData,
  SUSPEND_DATA_LIMIT,
  type SuspendedRun,
} from '../../src/lms/suspend-data.ts';

const bundles: ScenarioBundle[] = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadScenarioFolder(join('scenarios', d.name)).bundle!)
  .filter(Boolean);

const saved = (log: readonly RunEvent[], scenario: Scenario = bundles[0]!.scenario): SuspendedRun => ({
  scenario: { id: scenario.id, version: scenario.version },
  id: '6f1c2a7e-8d3b-4b8e-9a51-3f0e6c1d2b4a',
  startedAt: '2026-03-02T08:15:30.000Z',
  log,
});

/** The longest choice a decision accepts, by the characters it takes in the log. */
function longestChoice(step: Scenario['steps'][number]): string {
  const d = step.decision;
  if (!d) return '';
  const ids = d.options.map((o) => o.id).sort((a, b) => b.length - a.length);
  return ids.slice(0, d.mode === 'multi' ? (d.pick ?? 1) : 1).join('+');
}

/**
 * The log of the longest run a scenario allows: the path through the most costly steps (ignoring
 * guards, so every branch is open), where the trainee idles at every step for days of scenario
 * time and then takes the longest choice. Ticks merge within a step, so a step adds one tick entry
 * and one decision (or continue) at most.
 */
function longestPlausibleLog(scenario: Scenario): RunEvent[] {
  const edges = stepEdges(scenario);
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const memo = new Map<string, RunEvent[]>();
  let tick = 0;
  const visit = (id: string): RunEvent[] => {
    const step = steps.get(id);
    if (!step) return [];
    const known = memo.get(id);
    if (known) return known;
    const choice = longestChoice(step);
    // why: distinct six-digit tick counts resist compression the way real, irregular pauses do.
    const own: RunEvent[] = [
      { type: 'clock.ticked', seconds: 900_000 + ((tick++ * 7919) % 99_999) },
      step.decision ? { type: 'decision.chosen', optionIds: choice.split('+') } : { type: 'step.continued' },
    ];
    const tails = (edges.get(id) ?? []).map(visit);
    const size = (log: RunEvent[]) => JSON.stringify(log).length;
    const longest = tails.reduce<RunEvent[]>((a, b) => (size(b) > size(a) ? b : a), []);
    const out = [...own, ...longest];
    memo.set(id, out);
    return out;
  };
  return visit(scenario.start);
}

describe('suspend data for SCORM 1.2', () => {
  it('reopens a run at the same step with the same world state', () => {
    const bundle = bundles.find((b) => b.scenario.id === '15-1-base-gate')!;
    const run = createRun(bundle.scenario);
    run.send({ type: 'clock.ticked', seconds: 7 });
    const d = bundle.scenario.steps.find((s) => s.id === run.context().step)!.decision!;
    run.send({ type: 'decision.chosen', optionIds: [d.options[1]!.id] });
    run.send({ type: 'clock.ticked', seconds: 3 });

    const text = encodeSuspendData(saved(run.log, bundle.scenario));
    expect(text).toMatch(/^pocsim1:[A-Za-z0-9+/=]+$/);
    const read = decodeSuspendData(text);
    if (!read.ok) throw new Error('did not decode');
    expect(read.run).toEqual(saved(run.log, bundle.scenario));
    const reopened = createRun(bundle.scenario, read.run.log);
    expect(reopened.context().step).toBe(run.context().step);
    expect(reopened.context().vars).toEqual(run.context().vars);
    expect(reopened.context().time).toBe(run.context().time);
  });

  it('round-trips any log of ticks, continues and decisions', () => {
    const event = fc.oneof(
      fc.integer({ min: 1, max: 10_000_000 }).map((seconds): RunEvent => ({ type: 'clock.ticked', seconds })),
      fc.constant<RunEvent>({ type: 'step.continued' }),
      fc
        .array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { maxLength: 5 })
        .map((optionIds): RunEvent => ({ type: 'decision.chosen', optionIds })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (log) => {
        const read = decodeSuspendData(encodeSuspendData(saved(log)));
        return read.ok && JSON.stringify(read.run.log) === JSON.stringify(log);
      }),
    );
  });

  it('reports anything it did not write, and never throws', () => {
    const problem = (text: string) => {
      const r = decodeSuspendData(text);
      return r.ok ? 'ok' : r.empty ? 'empty' : r.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem('lesson=3;page=7')).toBe('not progress saved by pocsim');
    expect(problem('pocsim9:AAAA')).toMatch(/another pocsim version \(format 9/);
    expect(problem('pocsim1:not base64 at all!')).toBe('saved progress is damaged');
    const packed = (value: unknown) =>
      `pocsim1:${Buffer.from(deflateSync(strToU8(JSON.stringify(value)))).toString('base64')}`;
    expect(problem(packed({ a: 1 }))).toBe('saved progress has an unknown shape');
    expect(problem(packed(['x', '1.0.0', 'id', 0, [5, 'a', -3]]))).toBe(
      'saved progress has an unreadable event at position 3',
    );
    fc.assert(fc.property(fc.string(), (s) => typeof decodeSuspendData(`pocsim1:${s}`).ok === 'boolean'));
  });

  it.each(bundles.map((b) => [b.scenario.id, b] as const))(
    'keeps the longest plausible run of %s within 4,096 characters',
    (_id, bundle) => {
      expect(hasStepCycle(bundle.scenario)).toBe(false);
      const log = longestPlausibleLog(bundle.scenario);
      expect(log.length).toBeGreaterThan(10);
      expect(encodeSuspendData(saved(log, bundle.scenario)).length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    },
  );

  it('stays far below the limit for a real run played to its ending', () => {
    for (const bundle of bundles) {
      const { log } = playHeadless(bundle, []);
      expect(encodeSuspendData(saved(log, bundle.scenario)).length).toBeLessThan(SUSPEND_DATA_LIMIT / 4);
    }
  });
});
