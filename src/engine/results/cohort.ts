import { CATALOGUE, type DoctrineCatalogue } from '../doctrine/catalogue.ts';
import {
  type DoctrineKind,
  type LocalizedText,
  PHASES,
  type Phase,
  type Severity,
  TIERS,
  type Tier,
} from '../doctrine/doctrine-entry.ts';
import { createRun } from '../run/run.ts';
import { type Diagnostic, didYouMean, formatFieldPath } from '../scenario/diagnostic.ts';
import { parseYamlFile } from '../scenario/load-scenario.ts';
import type { Decision, Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { buildDebrief, type Debrief } from '../score/debrief.ts';
import { decisionCandidates } from '../score/score-run.ts';
import { csvLines } from './csv.ts';
import { parseRunFile, type RunFile, type RunFileResult } from './run-file.ts';
import { checkPlausibility, describeImplausibility, type Implausibility } from './run-plausibility.ts';
import { placeRun, summaryDisagrees, summaryOf } from './run-standing.ts';
import { buildTierPhaseMatrix, createTierPhaseMatrix, type TierPhaseMatrix } from './tier-phase-matrix.ts';

// why: a trainer gathers run files from many laptops, USB sticks and LMS exports; some are
// damaged, edited, unfinished or of another scenario version. The cohort is built from the logs
// (re-scored here, never from the numbers a file claims), every file is accounted for (counted,
// shown but not counted, or set aside with its place), and only like is averaged with like.

/** A file handed to the cohort view: its name (or path inside a dropped folder) and its text. */
export interface CohortFile {
  name: string;
  text: string;
}

/** Score, pass and ending as a run file states them or as its log replays to. */
export type RunSummary = NonNullable<RunFile['summary']>;

/** Something a trainer should know about a run shown in the table. */
export type RowFlag =
  /** Of another scenario version whose log still replays on this one: counted. */
  | { kind: 'migrated'; fromVersion: string }
  /** Of another scenario version whose log no longer replays: shown, not scored, not counted. */
  | { kind: 'other-version'; fromVersion: string; reason: string }
  /** The summary written in the file disagrees with its log; the log's score is used. */
  | { kind: 'edited-summary'; claimed: RunSummary; recomputed: RunSummary }
  /** Stopped before an ending: shown with its partial score, not counted. */
  | { kind: 'unfinished' }
  /**
   * Its log is not what a person playing in the app produces (see run-plausibility.ts): shown with
   * its reasons, not counted unless a trainer accepted it.
   */
  | { kind: 'implausible'; reasons: Implausibility[]; accepted: boolean };

/** How a run in the table came out. */
export type RowResult = 'passed' | 'failed' | 'unfinished' | 'not-scored';

/** One trainee's run in the cohort table. */
export interface CohortRow {
  file: string;
  /** The trainee's name from the file, or the file's name when it gives none. */
  trainee: string;
  traineeId: string | null;
  /** True when the file names no trainee and its file name stands in. */
  namedByFile: boolean;
  /** Scenario and version as the run file names them. */
  scenario: { id: string; version: string };
  startedAt: string | null;
  /** Whether the run is part of the cohort's aggregates. */
  counted: boolean;
  /** 0-100 re-scored from the log, `null` when it could not be scored. */
  score: number | null;
  result: RowResult;
  /** Critical Don'ts broken (each time counts), `null` when not scored. */
  criticalDonts: number | null;
  /** Scenario seconds the run lasted, story clock jumps included; `null` when not scored. */
  duration: number | null;
  /**
   * Scenario seconds spent deciding: from each decision opening to the choice, or to its time
   * limit; `null` when not scored. why: the story's jumps (to dusk, to the next morning) are the
   * same for everyone, so this is the time that tells trainees apart.
   */
  decisionTime: number | null;
  ending: { id: string; outcome: Outcome } | null;
  flags: RowFlag[];
  /** Warnings about the file with their places (a migrated version, an edited summary, …). */
  notes: Diagnostic[];
}

/** Why a file is not in the table at all. */
export type SetAsideReason = 'damaged' | 'unknown-scenario' | 'does-not-replay' | 'duplicate';

/** A file set aside, with every problem found and its place. */
export interface SetAsideFile {
  file: string;
  reason: SetAsideReason;
  diagnostics: Diagnostic[];
}

/** A doctrine entry the cohort broke, with how often. */
export interface BrokenDoctrine {
  doctrine: string;
  /** Handbook section, `null` for an id missing from the catalogue. */
  section: string | null;
  severity: Severity;
  kind: DoctrineKind | null;
  summary: LocalizedText | null;
  /** Counted runs that broke it at least once. */
  runs: number;
  /** Times it was broken over all counted runs. */
  times: number;
}

/** One tier × phase cell of the heatmap, over the counted runs. */
export interface CohortCell {
  /** Totals over the counted runs. */
  followed: number;
  broken: number;
  /** Means per counted run; `null` when no run is counted. */
  meanFollowed: number | null;
  meanBroken: number | null;
  /** Counted runs with at least one entry followed or broken in this cell. */
  runs: number;
}

/** The tier × phase heatmap averaged over a cohort. */
export interface CohortHeatmap {
  /** Counted runs the means are taken over. */
  runs: number;
  cells: Record<Tier, Record<Phase, CohortCell>>;
}

/** An answer given at a decision: one option, a combination, or `[]` for letting time run out. */
export interface PathChoice {
  /** Options in the order the scenario lists them. */
  options: string[];
  /** Times it was given (each visit of the decision counts). */
  count: number;
  /** Whether it is one of the doctrinally best answers. */
  best: boolean;
}

/** How the cohort answered one decision, against doctrine's best answers. */
export interface DecisionPaths {
  step: string;
  phase: Phase;
  mode: 'single' | 'multi';
  /** Most options a trainee may pick (1 for a single choice). */
  pick: number;
  timeLimit: number | null;
  /** Counted runs that reached the decision. */
  runs: number;
  /** Times the decision was answered or timed out (more than `runs` only when a path loops). */
  visits: number;
  /**
   * Answers given, doctrine's best answers included even when nobody gave them. A single choice
   * lists every option in scenario order; a multi choice lists combinations, most given first.
   */
  choices: PathChoice[];
  /** For each option, the times it was picked, alone or with others. */
  byOption: { option: string; count: number }[];
  /** Times the time limit ran out without a decision. */
  timedOut: number;
  /** Whether the decision has a time limit with a "no decision" branch. */
  canTimeOut: boolean;
  /** Doctrine's best answers as the scoring values them (`[]` stands for not deciding). */
  best: string[][];
  /** Visits that gave one of the best answers. */
  bestTaken: number;
}

/** Figures over the runs of one scenario. */
export interface CohortSummary {
  /** Rows in the table (every readable run of this scenario). */
  runs: number;
  /** Runs in the aggregates: finished, and of this version or migrated to it. */
  counted: number;
  /** Counted runs that passed and that failed. */
  passed: number;
  failed: number;
  /** Mean score, scenario seconds and seconds spent deciding of the counted runs; `null` with none counted. */
  meanScore: number | null;
  meanDuration: number | null;
  meanDecisionTime: number | null;
  unfinished: number;
  editedSummaries: number;
  /** Implausible runs left out of the aggregates (not accepted by the trainer). */
  implausible: number;
  /** Implausible runs a trainer accepted, counted. */
  acceptedImplausible: number;
  /** Runs of other scenario versions, by version: how many were migrated (counted) and how many are not counted. */
  otherVersions: { version: string; migrated: number; notCounted: number }[];
}

/** The results of one scenario's runs. */
export interface CohortGroup {
  /** The scenario at hand, which runs are scored against. */
  scenario: { id: string; version: string };
  mastery: number;
  /** Every readable run of this scenario, sorted by trainee. */
  rows: CohortRow[];
  summary: CohortSummary;
  /** Doctrine entries broken in counted runs: in most runs first, then most times, then most severe. */
  mostBroken: BrokenDoctrine[];
  heatmap: CohortHeatmap;
  /** One entry per decision step, in scenario order. */
  paths: DecisionPaths[];
}

/** A whole cohort: one group per scenario, and the files set aside. */
export interface Cohort {
  /** Most runs first. */
  groups: CohortGroup[];
  setAside: SetAsideFile[];
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/** What the trainer decided about the cohort's runs. */
export interface CohortOptions {
  /** Files (by name) whose implausible runs the trainer checked and accepts: they are counted. */
  accepted?: ReadonlySet<string>;
  /** Files already parsed (by the same `CohortFile` object), so none is parsed twice. */
  parsed?: ReadonlyMap<CohortFile, RunFileResult>;
  /** Called after each file is placed, with how many are done of how many. */
  onProgress?(done: number, total: number): void;
}

/** Builds a cohort from run files: re-scores each from its log, sets damaged ones aside, groups by scenario. */
export function buildCohort(
  files: readonly CohortFile[],
  scenarios: readonly Scenario[],
  catalogue: DoctrineCatalogue = CATALOGUE,
  options: CohortOptions = {},
): Cohort {
  const setAside: SetAsideFile[] = [];
  const placed = new Map<string, { scenario: Scenario; runs: PlacedRun[] }>();
  const seen = new Map<string, string>();

  // why: the order files arrive in (a drop, a folder listing) must not change which copy of a
  // duplicated run is kept, so files are taken in path order.
  const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let done = 0;
  for (const file of ordered) {
    if (done > 0) options.onProgress?.(done, ordered.length);
    done++;
    const parsed = options.parsed?.get(file) ?? parseRunFile(file.text, file.name);
    if (!parsed.ok) {
      setAside.push({ file: file.name, reason: 'damaged', diagnostics: parsed.diagnostics });
      continue;
    }
    const run = parsed.run;
    const locate = locator(file);
    const standing = placeRun(run, scenarios);
    if (standing.kind === 'unknown-scenario') {
      const known = scenarios.map((s) => s.id);
      setAside.push({
        file: file.name,
        reason: 'unknown-scenario',
        diagnostics: [
          {
            file: file.name,
            ...locate(['scenario', 'id']),
            field: 'scenario.id',
            severity: 'error',
            message: `scenario "${run.scenario.id}" is not one of the scenarios here${didYouMean(run.scenario.id, known)}; the run is set aside`,
          },
        ],
      });
      continue;
    }
    if (standing.kind === 'does-not-replay') {
      const index = firstRefusedEvent(standing.scenario, run);
      setAside.push({
        file: file.name,
        reason: 'does-not-replay',
        diagnostics: [
          {
            file: file.name,
            ...locate(index >= 0 ? ['log', index] : ['log']),
            field: index >= 0 ? `log[${index}]` : 'log',
            severity: 'error',
            message: `${standing.reason}; the log does not fit scenario "${run.scenario.id}" ${run.scenario.version}, so the run cannot be scored`,
          },
        ],
      });
      continue;
    }
    const key = duplicateKey(file.name, run);
    const first = seen.get(key);
    if (first !== undefined) {
      setAside.push({
        file: file.name,
        reason: 'duplicate',
        diagnostics: [
          {
            file: file.name,
            line: 1,
            col: 1,
            field: '',
            severity: 'warning',
            message: `the same run as "${first}" (same trainee, start and log); it is counted once`,
          },
        ],
      });
      continue;
    }
    seen.set(key, file.name);
    const scenario = standing.scenario;
    const debrief =
      standing.kind === 'other-version'
        ? null
        : catalogue === CATALOGUE
          ? standing.debrief
          : buildDebrief(scenario, run.log, catalogue);
    const row = buildRow(
      file,
      run,
      scenario,
      standing,
      debrief,
      locate,
      options.accepted?.has(file.name) ?? false,
    );
    let group = placed.get(scenario.id);
    if (!group) {
      group = { scenario, runs: [] };
      placed.set(scenario.id, group);
    }
    group.runs.push({ row, debrief });
  }

  options.onProgress?.(ordered.length, ordered.length);
  const groups = [...placed.values()]
    .map(({ scenario, runs }) => buildGroup(scenario, runs, catalogue))
    .sort((a, b) => b.rows.length - a.rows.length || a.scenario.id.localeCompare(b.scenario.id));
  return { groups, setAside };
}

interface PlacedRun {
  row: CohortRow;
  debrief: Debrief | null;
}

type Locate = (path: readonly PropertyKey[]) => { line: number; col: number };

// why: positions are only needed for files with something to report, so the second parse that
// finds them happens only then.
function locator(file: CohortFile): Locate {
  let parsed: ReturnType<typeof parseYamlFile> | undefined;
  return (path) => {
    parsed ??= parseYamlFile({ path: file.name, text: file.text });
    return parsed.locate(path);
  };
}

function firstRefusedEvent(scenario: Scenario, run: RunFile): number {
  const replay = createRun(scenario);
  return run.log.findIndex((e) => !replay.send(e));
}

// why: the same run copied into two folders must not count twice, but two trainees who happened
// to play alike must; the trainee's label (name or file name) and start time tell them apart.
function duplicateKey(fileName: string, run: RunFile): string {
  return JSON.stringify([
    run.scenario.id,
    run.scenario.version,
    run.trainee?.name ?? baseName(fileName),
    run.trainee?.id ?? null,
    run.startedAt ?? null,
    run.log,
  ]);
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.json$/i, '') || name;
}

function describeSummary(s: RunSummary): string {
  const ending = s.ending === null ? 'no ending' : `ending "${s.ending}"`;
  return `score ${s.overall ?? 'none'}, ${s.passed ? 'passed' : 'not passed'}, ${ending}`;
}

function buildRow(
  file: CohortFile,
  run: RunFile,
  scenario: Scenario,
  standing: ReturnType<typeof placeRun>,
  debrief: Debrief | null,
  locate: Locate,
  accepted: boolean,
): CohortRow {
  const flags: RowFlag[] = [];
  const notes: Diagnostic[] = [];
  const note = (path: (string | number)[], message: string) =>
    notes.push({
      file: file.name,
      ...locate(path),
      field: formatFieldPath(path),
      severity: 'warning',
      message,
    });
  if (standing.kind === 'migrated') {
    flags.push({ kind: 'migrated', fromVersion: standing.fromVersion });
    note(
      ['scenario', 'version'],
      `run of version ${standing.fromVersion}; its log replays on version ${scenario.version}, so it is scored and counted`,
    );
  } else if (standing.kind === 'other-version') {
    flags.push({ kind: 'other-version', fromVersion: standing.fromVersion, reason: standing.reason });
    note(
      ['scenario', 'version'],
      `run of version ${standing.fromVersion}; its log does not replay on version ${scenario.version} (${standing.reason}), so it is shown but not scored or counted`,
    );
  }
  // why: a run of an older version is re-scored against the scenario as it is now (its tags, and
  // the scoring, may have changed since), so the summary written then may honestly differ; only a
  // run of the current version whose summary disagrees with its own log was edited.
  if (debrief && run.summary && standing.kind === 'current' && summaryDisagrees(run, debrief)) {
    const recomputed = summaryOf(debrief);
    flags.push({ kind: 'edited-summary', claimed: { ...run.summary }, recomputed });
    note(
      ['summary'],
      `the summary says ${describeSummary(run.summary)}, but the log replays to ${describeSummary(recomputed)}; the log's score is used`,
    );
  }
  if (debrief && !debrief.completed) flags.push({ kind: 'unfinished' });
  const reasons = debrief ? checkPlausibility(run, scenario, debrief) : [];
  if (reasons.length) {
    flags.push({ kind: 'implausible', reasons, accepted });
    note(
      ['log'],
      `implausible run: ${reasons.map(describeImplausibility).join('; ')}; ${accepted ? 'accepted by the trainer, so it is counted' : 'not counted unless a trainer accepts it'}`,
    );
  }
  const named = run.trainee?.name?.trim();
  return {
    file: file.name,
    trainee: named || baseName(file.name),
    traineeId: run.trainee?.id ?? null,
    namedByFile: !named,
    scenario: { ...run.scenario },
    startedAt: run.startedAt ?? null,
    counted: debrief?.completed === true && (reasons.length === 0 || accepted),
    score: debrief?.score.overall ?? null,
    result: !debrief
      ? 'not-scored'
      : !debrief.completed
        ? 'unfinished'
        : debrief.score.passed
          ? 'passed'
          : 'failed',
    criticalDonts: debrief ? debrief.violations.filter((v) => v.severity === 'critical').length : null,
    duration: debrief?.duration ?? null,
    decisionTime: debrief ? debrief.decisions.reduce((sum, d) => sum + d.elapsed, 0) : null,
    ending: debrief?.ending ?? null,
    flags,
    notes,
  };
}

function buildGroup(scenario: Scenario, runs: PlacedRun[], catalogue: DoctrineCatalogue): CohortGroup {
  const rows = runs.map((r) => r.row).sort(byTrainee);
  const counted = runs.filter((r) => r.row.counted).map((r) => r.debrief!);
  return {
    scenario: { id: scenario.id, version: scenario.version },
    mastery: scenario.masteryScore,
    rows,
    summary: summarize(scenario, rows),
    mostBroken: mostBroken(counted, catalogue),
    heatmap: heatmapOf(scenario, counted),
    paths: pathsOf(scenario, counted, catalogue),
  };
}

function byTrainee(a: CohortRow, b: CohortRow): number {
  return (
    a.trainee.localeCompare(b.trainee, 'en', { sensitivity: 'base', numeric: true }) ||
    a.file.localeCompare(b.file, 'en', { numeric: true })
  );
}

const meanOf = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function summarize(scenario: Scenario, rows: readonly CohortRow[]): CohortSummary {
  const counted = rows.filter((r) => r.counted);
  const versions = new Map<string, { version: string; migrated: number; notCounted: number }>();
  for (const r of rows) {
    for (const f of r.flags) {
      if (f.kind !== 'migrated' && f.kind !== 'other-version') continue;
      const v = versions.get(f.fromVersion) ?? { version: f.fromVersion, migrated: 0, notCounted: 0 };
      if (f.kind === 'migrated' && r.counted) v.migrated++;
      else v.notCounted++;
      versions.set(f.fromVersion, v);
    }
  }
  return {
    runs: rows.length,
    counted: counted.length,
    passed: counted.filter((r) => r.result === 'passed').length,
    failed: counted.filter((r) => r.result === 'failed').length,
    meanScore: meanOf(counted.flatMap((r) => (r.score === null ? [] : [r.score]))),
    meanDuration: meanOf(counted.map((r) => r.duration ?? 0)),
    meanDecisionTime: meanOf(counted.map((r) => r.decisionTime ?? 0)),
    unfinished: rows.filter((r) => r.result === 'unfinished').length,
    editedSummaries: rows.filter((r) => r.flags.some((f) => f.kind === 'edited-summary')).length,
    implausible: rows.filter((r) => r.flags.some((f) => f.kind === 'implausible' && !f.accepted)).length,
    acceptedImplausible: rows.filter((r) => r.flags.some((f) => f.kind === 'implausible' && f.accepted))
      .length,
    otherVersions: [...versions.values()]
      .filter((v) => v.version !== scenario.version)
      .sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true })),
  };
}

function mostBroken(debriefs: readonly Debrief[], catalogue: DoctrineCatalogue): BrokenDoctrine[] {
  const byId = new Map<string, { runs: number; times: number; severity: Severity }>();
  for (const d of debriefs) {
    const inRun = new Set<string>();
    for (const v of d.violations) {
      const entry = byId.get(v.doctrine) ?? { runs: 0, times: 0, severity: v.severity };
      entry.times++;
      if (!inRun.has(v.doctrine)) entry.runs++;
      inRun.add(v.doctrine);
      byId.set(v.doctrine, entry);
    }
  }
  return [...byId]
    .map(([id, { runs, times, severity }]) => {
      const entry = catalogue.get(id);
      return {
        doctrine: id,
        section: entry?.section ?? null,
        severity: entry?.severity ?? entry?.duty ?? severity,
        kind: entry?.kind ?? null,
        summary: entry ? { ...entry.summary } : null,
        runs,
        times,
      };
    })
    .sort(
      (a, b) =>
        b.runs - a.runs ||
        b.times - a.times ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.doctrine.localeCompare(b.doctrine, 'en', { numeric: true }),
    );
}

function heatmapOf(scenario: Scenario, debriefs: readonly Debrief[]): CohortHeatmap {
  const totals: TierPhaseMatrix = createTierPhaseMatrix();
  const touched = Object.fromEntries(
    TIERS.map((t) => [t, Object.fromEntries(PHASES.map((p) => [p, 0]))]),
  ) as Record<Tier, Record<Phase, number>>;
  for (const d of debriefs) {
    const m = buildTierPhaseMatrix(scenario, d.decisions);
    for (const t of TIERS) {
      for (const p of PHASES) {
        totals[t][p].followed += m[t][p].followed;
        totals[t][p].broken += m[t][p].broken;
        if (m[t][p].followed + m[t][p].broken > 0) touched[t][p]++;
      }
    }
  }
  const n = debriefs.length;
  const cells = Object.fromEntries(
    TIERS.map((t) => [
      t,
      Object.fromEntries(
        PHASES.map((p) => {
          const { followed, broken } = totals[t][p];
          const cell: CohortCell = {
            followed,
            broken,
            meanFollowed: n ? followed / n : null,
            meanBroken: n ? broken / n : null,
            runs: touched[t][p],
          };
          return [p, cell];
        }),
      ),
    ]),
  ) as Record<Tier, Record<Phase, CohortCell>>;
  return { runs: n, cells };
}

/** Doctrine's best answers to a decision (`[]` for not deciding), valued as the scoring values them. */
export function bestChoices(d: Decision, catalogue: DoctrineCatalogue = CATALOGUE): string[][] {
  // why: one definition of value, the scoring's; the phase given only labels parts, not values.
  const candidates = decisionCandidates({ phase: 'response' }, d, catalogue);
  const top = Math.max(...candidates.map((c) => c.value));
  return candidates.filter((c) => c.value === top).map((c) => c.options);
}

function pathsOf(scenario: Scenario, debriefs: readonly Debrief[], catalogue: DoctrineCatalogue) {
  const out: DecisionPaths[] = [];
  for (const step of scenario.steps) {
    const d = step.decision;
    if (!d) continue;
    const order = new Map(d.options.map((o, i) => [o.id, i]));
    const normalize = (ids: readonly string[]) =>
      [...ids].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
    const keyOf = (ids: readonly string[]) => normalize(ids).join('+');
    const best = bestChoices(d, catalogue);
    const bestKeys = new Set(best.map(keyOf));
    const given = new Map<string, string[]>();
    const counts = new Map<string, number>();
    const byOption = new Map(d.options.map((o) => [o.id, 0]));
    let runs = 0;
    let visits = 0;
    let timedOut = 0;
    let bestTaken = 0;
    for (const debrief of debriefs) {
      const here = debrief.decisions.filter((x) => x.step === step.id);
      if (here.length) runs++;
      for (const x of here) {
        visits++;
        const key = x.timedOut ? '' : keyOf(x.options);
        if (bestKeys.has(key)) bestTaken++;
        if (x.timedOut) {
          timedOut++;
          continue;
        }
        given.set(key, normalize(x.options));
        counts.set(key, (counts.get(key) ?? 0) + 1);
        for (const id of x.options) byOption.set(id, (byOption.get(id) ?? 0) + 1);
      }
    }
    let choices: PathChoice[];
    if (d.mode === 'single') {
      choices = d.options.map((o) => ({
        options: [o.id],
        count: counts.get(o.id) ?? 0,
        best: bestKeys.has(o.id),
      }));
    } else {
      choices = [...counts]
        .map(([key, count]) => ({ options: given.get(key)!, count, best: bestKeys.has(key) }))
        .sort((a, b) => b.count - a.count || compareCombos(a.options, b.options, order));
      for (const b of best) {
        if (b.length > 0 && !counts.has(keyOf(b)))
          choices.push({ options: normalize(b), count: 0, best: true });
      }
    }
    out.push({
      step: step.id,
      phase: step.phase,
      mode: d.mode,
      pick: d.mode === 'multi' ? (d.pick ?? 1) : 1,
      timeLimit: d.timeLimit ?? null,
      runs,
      visits,
      choices,
      byOption: [...byOption].map(([option, count]) => ({ option, count })),
      timedOut,
      canTimeOut: d.noDecision !== undefined && d.timeLimit !== undefined,
      best,
      bestTaken,
    });
  }
  return out;
}

function compareCombos(a: string[], b: string[], order: Map<string, number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (order.get(a[i]!) ?? 0) - (order.get(b[i]!) ?? 0);
    if (d) return d;
  }
  return a.length - b.length;
}

/** Columns of the cohort CSV, in order; ids stay stable so spreadsheets built on them keep working. */
export const COHORT_CSV_COLUMNS = [
  'trainee',
  'trainee_id',
  'file',
  'scenario',
  'scenario_version',
  'counted',
  'score',
  'mastery',
  'result',
  'critical_donts',
  'decision_seconds',
  'duration_seconds',
  'ending',
  'outcome',
  'flags',
] as const;

function flagText(f: RowFlag): string {
  switch (f.kind) {
    case 'migrated':
      return `migrated from ${f.fromVersion}`;
    case 'other-version':
      return `other version ${f.fromVersion}, not counted`;
    case 'edited-summary':
      return `edited summary (file says ${f.claimed.overall ?? 'none'})`;
    case 'unfinished':
      return 'unfinished';
    case 'implausible':
      return `implausible (${f.reasons.map(describeImplausibility).join('; ')})${f.accepted ? ', accepted by the trainer' : ', not counted'}`;
  }
}

/** The cohort table as CSV (RFC 4180, CRLF line ends), one line per row, scores re-scored from the logs. */
export function buildCohortCsv(group: Pick<CohortGroup, 'rows' | 'mastery'>): string {
  const rows: (string | number | null)[][] = [[...COHORT_CSV_COLUMNS]];
  for (const r of group.rows) {
    rows.push([
      r.trainee,
      r.traineeId,
      r.file,
      r.scenario.id,
      r.scenario.version,
      r.counted ? 'yes' : 'no',
      r.score,
      group.mastery,
      r.result,
      r.criticalDonts,
      r.decisionTime,
      r.duration,
      r.ending?.id ?? null,
      r.ending?.outcome ?? null,
      r.flags.map(flagText).join('; '),
    ]);
  }
  return csvLines(rows);
}
