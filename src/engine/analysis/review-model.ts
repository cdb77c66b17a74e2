import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import type { Phase, Severity } from '../doctrine/doctrine-entry.ts';
import type { HistoryEntry } from '../run/run-state.ts';
import type { Condition, Decision, Route, Scenario } from '../scenario/scenario.schema.ts';
import { conditionsOf } from '../scenario/scenario-graph.ts';
import { decisionCandidates, scoreRun } from '../score/score-run.ts';
import type { ArchetypeResult } from './archetypes.ts';

// why (issue 12 item 8): before a mission uses a scenario, its POC adviser signs it off; the sheet
// lays out every choice with the doctrine it is scored against, what it scores and where it leads,
// so the adviser judges the tags, not the story.

/** A doctrine entry as the sheet cites it: id and, for a breach, how much it weighs. */
export interface ReviewDoctrine {
  id: string;
  severity?: Severity;
}

/** Where a choice leads: one target, or guarded routes tried in order. */
export interface ReviewRoute {
  /** Step or ending id. */
  to: string;
  /** Conditions in a compact form (`trust >= 6`, `chose x`, `not chose x`); empty for the default. */
  when: string[];
}

/** One option of a decision, or the time-out (`id: null`). */
export interface ReviewChoice {
  id: string | null;
  follows: ReviewDoctrine[];
  breaks: ReviewDoctrine[];
  fails: ReviewDoctrine[];
  /** The author's reason for `doctrine: none`, when given. */
  doctrineNote: string | null;
  /** 0-100: what this choice alone scores, answered on time (a time-out at its limit). */
  score: number;
  leadsTo: ReviewRoute[];
}

/** One decision of the scenario as the sheet shows it. */
export interface ReviewDecision {
  step: string;
  phase: Phase;
  mode: 'single' | 'multi';
  pick: number;
  timeLimit: number | null;
  choices: ReviewChoice[];
  /** Doctrine's best answer (fewest picks among equals). */
  best: string[];
}

/** A lint finding on the sheet, already placed by the caller. */
export interface ReviewFinding {
  where: string;
  message: string;
}

/** Everything a review sheet shows, in data; renderers add the words. */
export interface ReviewModel {
  scenario: { id: string; version: string; situation: string; masteryScore: number };
  decisions: ReviewDecision[];
  archetypes: ArchetypeResult[] | null;
  findings: ReviewFinding[];
}

const condition = (c: Condition): string => {
  if ('chose' in c) return `chose ${c.chose}`;
  if ('notChose' in c) return `not chose ${c.notChose}`;
  const parts = [];
  if (c.atLeast !== undefined) parts.push(`${c.variable} >= ${c.atLeast}`);
  if (c.atMost !== undefined) parts.push(`${c.variable} <= ${c.atMost}`);
  return parts.join(' and ') || c.variable;
};

function routesOf(...targets: { next?: string | undefined; routes?: Route[] | undefined }[]): ReviewRoute[] {
  const t = targets.find((x) => x.next !== undefined || x.routes !== undefined);
  if (!t) return [];
  if (t.next !== undefined) return [{ to: t.next, when: [] }];
  return (t.routes ?? []).map((r) => ({ to: r.next, when: conditionsOf(r.when).map(condition) }));
}

const cite = (ids: readonly string[], catalogue: DoctrineCatalogue, weigh: boolean): ReviewDoctrine[] =>
  [...new Set(ids)].map((id) => {
    const e = catalogue.get(id);
    const severity = weigh ? (e?.severity ?? e?.duty) : undefined;
    return severity ? { id, severity } : { id };
  });

/** Builds the review sheet's data for a scenario: every decision's choices, scores and routes. */
export function buildReviewModel(
  scenario: Scenario,
  catalogue: DoctrineCatalogue,
  extra: { archetypes?: ArchetypeResult[] | null; findings?: ReviewFinding[] } = {},
): ReviewModel {
  const decisions: ReviewDecision[] = [];
  for (const step of scenario.steps) {
    const d: Decision | undefined = step.decision;
    if (!d) continue;
    const scoreOf = (entry: HistoryEntry) => scoreRun(scenario, [entry], catalogue).decisions[0]!;
    const choices: ReviewChoice[] = d.options.map((o) => ({
      id: o.id,
      follows: cite(o.follows, catalogue, false),
      breaks: cite(o.breaks, catalogue, true),
      fails: cite(o.fails, catalogue, true),
      doctrineNote: o.doctrineNote ?? null,
      score: scoreOf({ type: 'decision.made', step: step.id, options: [o.id], at: 0, latency: 0 }).score,
      leadsTo: d.mode === 'multi' ? routesOf(d) : routesOf(o, d),
    }));
    if (d.noDecision) {
      const nd = d.noDecision;
      choices.push({
        id: null,
        follows: cite(nd.follows, catalogue, false),
        breaks: cite(nd.breaks, catalogue, true),
        fails: cite(nd.fails, catalogue, true),
        doctrineNote: nd.doctrineNote ?? null,
        score: scoreOf({ type: 'decision.timedOut', step: step.id, at: 0, latency: d.timeLimit ?? 0 }).score,
        leadsTo: routesOf(nd, d),
      });
    }
    const all = decisionCandidates(step, d, catalogue).filter((c) => c.options.length > 0);
    const top = Math.max(...all.map((c) => c.value));
    const best = all
      .filter((c) => c.value === top)
      .reduce((a, b) => (b.options.length < a.options.length ? b : a));
    decisions.push({
      step: step.id,
      phase: step.phase,
      mode: d.mode,
      pick: d.mode === 'multi' ? (d.pick ?? 1) : 1,
      timeLimit: d.timeLimit ?? null,
      choices,
      best: best.options,
    });
  }
  return {
    scenario: {
      id: scenario.id,
      version: scenario.version,
      situation: scenario.situation,
      masteryScore: scenario.masteryScore,
    },
    decisions,
    archetypes: extra.archetypes ?? null,
    findings: extra.findings ?? [],
  };
}
