import type { DoctrineEntry } from '../doctrine/doctrine-entry.ts';
import type { Scenario } from '../scenario/scenario.schema.ts';

/** Where a scenario exercises a doctrine entry: the option that follows a Do or breaks a Don't. */
export interface CoverageUse {
  scenario: string;
  step: string;
  /** Option id, or `null` for a decision's no-decision branch. */
  option: string | null;
}

/** One doctrine entry and every place the scenarios exercise it. */
export interface CoverageEntry {
  id: string;
  section: string;
  kind: DoctrineEntry['kind'];
  uses: CoverageUse[];
}

/** Coverage of a list of doctrine entries by a set of scenarios. */
export interface DoctrineCoverage {
  entries: CoverageEntry[];
  covered: number;
  total: number;
}

// why: a Do counts only where an option follows it (the right choice) and a Don't only where an
// option breaks it (the tempting wrong choice); a Don't cited as followed would teach nothing.
/** For each doctrine entry, which scenario options exercise it. */
export function buildCoverage(
  entries: readonly DoctrineEntry[],
  scenarios: readonly Scenario[],
): DoctrineCoverage {
  const uses = new Map<string, CoverageUse[]>(entries.map((e) => [e.id, []]));
  for (const s of scenarios) {
    for (const step of s.steps) {
      const d = step.decision;
      if (!d) continue;
      for (const o of d.options) {
        for (const id of o.follows) uses.get(id)?.push({ scenario: s.id, step: step.id, option: o.id });
        for (const id of o.breaks) uses.get(id)?.push({ scenario: s.id, step: step.id, option: o.id });
      }
      for (const id of d.noDecision?.breaks ?? [])
        uses.get(id)?.push({ scenario: s.id, step: step.id, option: null });
    }
  }
  const out = entries.map((e) => ({ id: e.id, section: e.section, kind: e.kind, uses: uses.get(e.id)! }));
  return { entries: out, covered: out.filter((e) => e.uses.length > 0).length, total: out.length };
}
