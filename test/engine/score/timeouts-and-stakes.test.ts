import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import type { HistoryEntry } from '../../../src/engine/run/run-state.ts';
import { loadScenario } from '../../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import { decisionCandidates, type ScoredDecision, scoreRun } from '../../../src/engine/score/score-run.ts';

// why: the review (../shared/reviews/2026-12-doctrine-review.md §3) played the scenarios as they were
// on commit 1e2d43b; test/fixtures/reviewed keeps two of those files, so the absurd outcomes it found
// are reproduced on the very data it read, whatever the bundled scenarios say today.
function reviewed(name: string): Scenario {
  const path = join('test', 'fixtures', 'reviewed', `${name}.yaml`);
  const r = loadScenario({ path, text: readFileSync(path, 'utf8') });
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bundle.scenario;
}

/** The decision at `step` scored alone: chosen `options` after `latency` seconds, or a time-out. */
function decide(s: Scenario, step: string, options: string[] | 'timeout', latency = 0): ScoredDecision {
  const entry: HistoryEntry =
    options === 'timeout'
      ? { type: 'decision.timedOut', step, at: 0, latency }
      : { type: 'decision.made', step, options, at: 0, latency };
  return scoreRun(s, [entry], CATALOGUE).decisions[0]!;
}

const limitOf = (s: Scenario, step: string) => s.steps.find((x) => x.id === step)!.decision!.timeLimit!;

describe('time-outs (review §3.1, §3.2)', () => {
  const refuge = reviewed('15-2-individual-refuge');
  const imminent = reviewed('15-6-sv-imminent');

  it.each([
    // the review: best answer one second before the limit 71, time-out 75 (15-2); 71 against 86 (15-6)
    ['15-2 hand-over', refuge, 'hand-over', ['ho-conditions']],
    ['15-6 media', imminent, 'media', ['media-spokesperson']],
  ] as const)(
    '%s: the best answer given at the last second beats letting time run out',
    (_, s, step, best) => {
      const limit = limitOf(s, step);
      const late = decide(s, step, [...best], limit - 1);
      const timeout = decide(s, step, 'timeout', limit);
      expect(late.better).toBeNull();
      expect(late.score).toBeGreaterThan(timeout.score);
      expect(timeout.timeliness).toBe(0.7);
    },
  );

  it('15-2 deserter: a time-out that lands where the critical breach lands scores no better than it', () => {
    // the no-decision branch hauls Daniel in with his rifle, as des-armed-in does (critical 15.2-dont-4)
    const timeout = decide(refuge, 'deserter', 'timeout', limitOf(refuge, 'deserter'));
    const armedIn = decide(refuge, 'deserter', ['des-armed-in'], limitOf(refuge, 'deserter'));
    expect(armedIn.broken.map((b) => b.severity)).toEqual(['critical']);
    expect(timeout.score).toBeLessThanOrEqual(armedIn.score);
    expect(timeout.score).toBe(0);
  });

  it('values the time-out at its own tags when they are worse than every answer', () => {
    const d = refuge.steps.find((x) => x.id === 'deserter')!.decision!;
    const withBreach = { ...d, noDecision: { ...d.noDecision!, breaks: ['15.2-dont-4', '15.2-dont-1'] } };
    const timeout = decisionCandidates({ phase: 'response' }, withBreach, CATALOGUE).at(-1)!;
    expect(timeout.options).toEqual([]);
    expect(timeout.value).toBe(timeout.ownValue);
    expect(timeout.value).toBeLessThan(-3);
  });
});

// why: the rule must hold for every timed decision a trainee meets, in the reviewed files and in
// every bundled scenario as it is now, not only where the review happened to look.
const bundled = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadScenarioFolder(join('scenarios', d.name)).bundle!.scenario);

describe.each([reviewed('15-2-individual-refuge'), reviewed('15-6-sv-imminent'), ...bundled])(
  'every timed decision of $id (version $version)',
  (s) => {
    const timed = s.steps.filter((x) => x.decision?.timeLimit !== undefined);

    it('scores a time-out below the best answer given at the very last second', () => {
      for (const step of timed) {
        const d = step.decision!;
        const best = decide(s, step.id, [d.options[0]!.id]).better ?? [d.options[0]!.id];
        const late = decide(s, step.id, best, d.timeLimit!);
        expect(decide(s, step.id, 'timeout', d.timeLimit!).score, step.id).toBeLessThan(late.score);
      }
    });

    it('scores a time-out no better than any answer, given at the last second, that leads to the same place', () => {
      for (const step of timed) {
        const all = decisionCandidates(step, step.decision!, CATALOGUE);
        const timeout = all.find((c) => c.options.length === 0)!;
        const timeoutScore = decide(s, step.id, 'timeout', step.decision!.timeLimit!).score;
        for (const c of all.filter((x) => x.options.length > 0 && x.exit === timeout.exit)) {
          const late = decide(s, step.id, c.options, step.decision!.timeLimit!);
          expect(timeoutScore, `${step.id}: ${c.options.join('+')}`).toBeLessThanOrEqual(late.score);
        }
      }
    });
  },
);

describe('tier and phase attribution (review §3.7)', () => {
  const imminent = reviewed('15-6-sv-imminent');

  it('15-6 prevent: a Tier I confidentiality breach counts toward Tier I only, in the step’s phase', () => {
    // prevent-visit breaks 15.7-dont-5 (Tier I) and misses the women-only meeting and alert network
    // (15.3-do-7, 15.3-do-6, both Tier I); the best answer's Tier III tag on prevent-meeting is not at stake
    const d = decide(imminent, 'prevent', ['prevent-visit', 'prevent-patrols']);
    expect(d.better).toEqual(['prevent-meeting', 'prevent-patrols']);
    expect(d.counts).toEqual({ tiers: ['I'], phases: ['consolidation'] });
    const run = scoreRun(
      imminent,
      [
        {
          type: 'decision.made',
          step: 'prevent',
          options: ['prevent-visit', 'prevent-patrols'],
          at: 0,
          latency: 0,
        },
      ],
      CATALOGUE,
    );
    expect(run.score.byTier.III).toBeNull();
    expect(run.score.byTier.I).toBe(d.score);
  });

  it('a best answer still counts in the tiers and phases its options act in', () => {
    const d = decide(imminent, 'prevent', ['prevent-meeting', 'prevent-patrols']);
    expect(d.better).toBeNull();
    expect(d.counts).toEqual({ tiers: ['I', 'II', 'III'], phases: ['prevention', 'consolidation'] });
  });
});
