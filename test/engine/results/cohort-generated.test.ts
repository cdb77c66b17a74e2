import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { PHASES, TIERS } from '../../../src/engine/doctrine/doctrine-entry.ts';
import { bestChoices, buildCohort, buildCohortCsv } from '../../../src/engine/results/cohort.ts';
import { parseRunFile } from '../../../src/engine/results/run-file.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { generateCohort, type LedgerRun, loadBundledScenarios } from '../../fixtures/cohort/generate.ts';
import { scaled } from '../../test-scale.ts';

// why: the expectations below are worked out from the generator's ledger (what each seeded policy
// sent at each decision) and the scenario data, not from the cohort code under test.
const bundles = loadBundledScenarios();
const scenarios = bundles.map((b) => b.scenario);
const generated = generateCohort(bundles);
const cohort = buildCohort(generated.files, scenarios);
const scenarioOf = (id: string) => scenarios.find((s) => s.id === id)!;
const countedRuns = (id: string) => generated.runs.filter((r) => r.scenario === id && r.counted);
const logOf = (file: string) => {
  const parsed = parseRunFile(generated.files.find((f) => f.name === file)!.text, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.run.log;
};
const sortedKey = (s: Scenario, step: string, ids: readonly string[]) => {
  const order = s.steps.find((x) => x.id === step)!.decision!.options.map((o) => o.id);
  return [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('+');
};

describe('a generated cohort of mixed quality', () => {
  it('has at least 30 readable runs from several policies, and every file is accounted for', () => {
    expect(generated.runs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(generated.runs.map((r) => r.policy))).toEqual(
      new Set(['faithful', 'reckless', 'random', 'slow']),
    );
    const rows = cohort.groups.flatMap((g) => g.rows.map((r) => r.file));
    const aside = cohort.setAside.map((s) => s.file);
    expect([...rows, ...aside].sort()).toEqual(generated.files.map((f) => f.name).sort());
    expect(rows.sort()).toEqual(generated.runs.map((r) => r.file).sort());
    const names = generated.files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.fromEntries(cohort.setAside.map((s) => [s.file, s.reason]))).toEqual(
      Object.fromEntries(generated.setAside.map((s) => [s.file, s.reason])),
    );
    for (const s of cohort.setAside) {
      for (const d of s.diagnostics) expect(d.line, `${s.file}: ${d.message}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('marks each row counted or not, with the flags its file earned', () => {
    for (const g of cohort.groups) {
      for (const row of g.rows) {
        const ledger = generated.runs.find((r) => r.file === row.file)!;
        expect([row.counted, row.flags.map((f) => f.kind).sort()], row.file).toEqual([
          ledger.counted,
          [...ledger.flags].sort(),
        ]);
      }
    }
  });

  it('gives each scenario’s pass count and mean score over its counted runs only', () => {
    for (const g of cohort.groups) {
      const runs = countedRuns(g.scenario.id);
      const scores = runs.map((r) => buildDebrief(scenarioOf(r.scenario), logOf(r.file)).score);
      expect(g.summary.counted).toBe(runs.length);
      expect(g.summary.passed).toBe(scores.filter((s) => s.passed).length);
      expect(g.summary.meanScore).toBeCloseTo(
        scores.reduce((sum, s) => sum + s.overall!, 0) / scores.length,
        10,
      );
    }
  });

  it('counts path frequencies per decision from what the trainees chose', () => {
    for (const g of cohort.groups) {
      const s = scenarioOf(g.scenario.id);
      const runs = countedRuns(s.id);
      for (const p of g.paths) {
        const here = (r: LedgerRun) => r.decisions.filter((d) => d.step === p.step);
        const visits = runs.flatMap(here);
        expect(p.runs, p.step).toBe(runs.filter((r) => here(r).length > 0).length);
        expect(p.visits, p.step).toBe(visits.length);
        expect(p.timedOut, p.step).toBe(visits.filter((d) => d.timedOut).length);
        const expected = new Map<string, number>();
        for (const d of visits.filter((v) => !v.timedOut)) {
          const key = sortedKey(s, p.step, d.options);
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const given = new Map(
          p.choices.filter((c) => c.count > 0).map((c) => [sortedKey(s, p.step, c.options), c.count]),
        );
        expect(given, p.step).toEqual(expected);
        for (const o of p.byOption) {
          expect(o.count, `${p.step} ${o.option}`).toBe(
            visits.filter((d) => d.options.includes(o.option)).length,
          );
        }
      }
    }
  });

  it('lists the doctrine most often broken with the runs and times worked out from the choices', () => {
    for (const g of cohort.groups) {
      const s = scenarioOf(g.scenario.id);
      const expected = new Map<string, { runs: number; times: number }>();
      for (const run of countedRuns(s.id)) {
        const inRun = new Set<string>();
        for (const d of run.decisions) {
          const decision = s.steps.find((x) => x.id === d.step)!.decision!;
          // a failed duty is listed beside the Don'ts broken
          const broken = d.timedOut
            ? [...decision.noDecision!.breaks, ...decision.noDecision!.fails]
            : decision.options
                .filter((o) => d.options.includes(o.id))
                .flatMap((o) => [...o.breaks, ...o.fails]);
          for (const id of new Set(broken)) {
            const e = expected.get(id) ?? { runs: 0, times: 0 };
            e.times++;
            if (!inRun.has(id)) e.runs++;
            inRun.add(id);
            expected.set(id, e);
          }
        }
      }
      expect(new Map(g.mostBroken.map((b) => [b.doctrine, { runs: b.runs, times: b.times }]))).toEqual(
        expected,
      );
      for (const b of g.mostBroken) {
        const entry = CATALOGUE.get(b.doctrine)!;
        expect(b.severity).toBe(entry.severity ?? entry.duty);
        expect(b.section).toBe(CATALOGUE.get(b.doctrine)!.section);
      }
      const order = g.mostBroken.map((b) => [b.runs, b.times]);
      for (let i = 1; i < order.length; i++) {
        const [runs, times] = order[i]!;
        const [prevRuns, prevTimes] = order[i - 1]!;
        expect(prevRuns! > runs! || (prevRuns === runs && prevTimes! >= times!)).toBe(true);
      }
    }
  });

  it('averages the tier × phase heatmap from the options each trainee took', () => {
    for (const g of cohort.groups) {
      const s = scenarioOf(g.scenario.id);
      const runs = countedRuns(s.id);
      const totals = new Map<string, { followed: number; broken: number; runs: Set<string> }>();
      const add = (cell: string, followed: number, broken: number, file: string) => {
        const t = totals.get(cell) ?? { followed: 0, broken: 0, runs: new Set<string>() };
        t.followed += followed;
        t.broken += broken;
        if (followed + broken > 0) t.runs.add(file);
        totals.set(cell, t);
      };
      for (const run of runs) {
        for (const d of run.decisions) {
          const step = s.steps.find((x) => x.id === d.step)!;
          const decision = step.decision!;
          if (d.timedOut) {
            for (const tier of new Set(decision.options.flatMap((o) => o.tiers)))
              add(
                `${tier}/${step.phase}`,
                new Set(decision.noDecision!.follows).size,
                new Set([...decision.noDecision!.breaks, ...decision.noDecision!.fails]).size,
                run.file,
              );
            continue;
          }
          for (const o of decision.options.filter((x) => d.options.includes(x.id)))
            for (const tier of o.tiers)
              for (const phase of o.phases ?? [step.phase])
                add(`${tier}/${phase}`, o.follows.length, o.breaks.length + o.fails.length, run.file);
        }
      }
      expect(g.heatmap.runs).toBe(runs.length);
      for (const tier of TIERS) {
        for (const phase of PHASES) {
          const want = totals.get(`${tier}/${phase}`) ?? { followed: 0, broken: 0, runs: new Set() };
          const cell = g.heatmap.cells[tier][phase];
          expect([cell.followed, cell.broken, cell.runs], `${tier}/${phase}`).toEqual([
            want.followed,
            want.broken,
            want.runs.size,
          ]);
          expect(cell.meanFollowed).toBeCloseTo(want.followed / runs.length, 10);
          expect(cell.meanBroken).toBeCloseTo(want.broken / runs.length, 10);
        }
      }
    }
  });

  it('marks as best exactly the answers the scoring does not correct', () => {
    for (const run of generated.runs.filter((r) => r.counted)) {
      const s = scenarioOf(run.scenario);
      for (const d of buildDebrief(s, logOf(run.file)).decisions) {
        const best = bestChoices(s.steps.find((x) => x.id === d.step)!.decision!).map((b) =>
          sortedKey(s, d.step, b),
        );
        const chosen = sortedKey(s, d.step, d.options);
        if (d.better === null) expect(best, `${run.file} ${d.step}`).toContain(chosen);
        else {
          expect(best).not.toContain(chosen);
          expect(best).toContain(sortedKey(s, d.step, d.better));
        }
      }
    }
  });

  it('exports one CSV line per row of the table', () => {
    for (const g of cohort.groups) {
      const lines = buildCohortCsv(g).trimEnd().split('\r\n');
      expect(lines).toHaveLength(g.rows.length + 1);
    }
  });
});

describe('hostile run files', () => {
  const valid = generated.files[0]!.text;
  it('never crash the cohort: each ends up in the table or set aside', () => {
    const mutated = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 8 }))
        .map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + 1)),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 40 }))
        .map(([at, n]) => valid.slice(0, at) + valid.slice(at + n)),
    );
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (texts) => {
        const files = texts.map((text, i) => ({ name: `f${i}.json`, text }));
        const c = buildCohort(files, scenarios);
        const seen = [
          ...c.groups.flatMap((g) => g.rows.map((r) => r.file)),
          ...c.setAside.map((s) => s.file),
        ];
        expect(seen.sort()).toEqual(files.map((f) => f.name).sort());
      }),
      { numRuns: scaled(60), seed: 7 },
    );
  }, 30_000);
});
