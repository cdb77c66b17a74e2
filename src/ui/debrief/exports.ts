import { csvCell, csvLines } from '../../engine/results/csv.ts';
import { createRunFile, type RunFile, serializeRunFile } from '../../engine/results/run-file.ts';
import { summaryOf } from '../../engine/results/run-standing.ts';
import type { RunEvent } from '../../engine/run/run-state.ts';
import { LANGUAGES, type Language } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { Debrief } from '../../engine/score/debrief.ts';
import type { ReportModel } from '../../engine/score/report-model.ts';
import { choiceText, type ReportContext } from './report-text.ts';

/** A file to offer for download. */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

// why: Excel reads a CSV as the system's code page unless it starts with a byte-order mark.
const BOM = '\uFEFF';

/** One CSV field: the engine's one CSV cell rule, formulas disarmed (see src/engine/results/csv.ts). */
export function csvField(value: string | number): string {
  return csvCell(value);
}

/** Rows of fields as CSV text, CRLF line ends, with a byte-order mark so spreadsheets read UTF-8. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `${BOM}${csvLines(rows)}`;
}

/** The decisions of a run as CSV: one row per decision, headers in the UI language. */
export function decisionsCsv(model: ReportModel, ctx: ReportContext): string {
  const t = ctx.t;
  const header = [
    'index',
    'step',
    'prompt',
    'choice',
    'latency',
    'timedOut',
    'score',
    'followed',
    'broken',
    'failed',
    'better',
  ].map((k) => t(`report.csv.${k}`));
  const rows = model.decisions.map((d) => [
    d.index,
    ctx.text(textKey.stepTitle(d.step)),
    ctx.text(textKey.prompt(d.step)),
    choiceText(ctx, d.options),
    d.elapsed,
    t(d.timedOut ? 'report.csv.yes' : 'report.csv.no'),
    d.score,
    d.followed.map((f) => f.id).join(' '),
    d.broken
      .filter((b) => !b.duty)
      .map((b) => b.id)
      .join(' '),
    d.broken
      .filter((b) => b.duty)
      .map((b) => b.id)
      .join(' '),
    d.better === null ? '' : choiceText(ctx, d.better),
  ]);
  return toCsv([header, ...rows]);
}

/** A run file for a finished debrief: its log, the scenario version, the summary and who played. */
export function runFileOf(
  debrief: Debrief,
  fields: {
    language: string;
    log: readonly RunEvent[];
    traineeName?: string;
    startedAt?: string;
    finishedAt?: string;
    savedAt: string;
  },
): RunFile {
  const name = fields.traineeName?.trim();
  const language: Language = (LANGUAGES as readonly string[]).includes(fields.language)
    ? (fields.language as Language)
    : 'en';
  return createRunFile({
    scenario: debrief.scenario,
    language,
    log: fields.log,
    ...(name ? { trainee: { name: name.slice(0, 200) } } : {}),
    ...(fields.startedAt ? { startedAt: fields.startedAt } : {}),
    ...(fields.finishedAt ? { finishedAt: fields.finishedAt } : {}),
    savedAt: fields.savedAt,
    summary: summaryOf(debrief),
  });
}

/** A file name safe on every system: the scenario id, a name if given, and the day. */
export function exportName(
  scenario: string,
  name: string | undefined,
  date: Date,
  extension: string,
): string {
  const safe = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  const who = name ? safe(name).slice(0, 40) : '';
  const day = date.toISOString().slice(0, 10);
  return `${[safe(scenario), who, day].filter(Boolean).join('-')}.${extension}`;
}

/** The JSON export of a run. */
export function runJsonFile(run: RunFile, date: Date): ExportFile {
  return {
    name: exportName(run.scenario.id, run.trainee?.name, date, 'json'),
    text: serializeRunFile(run),
    type: 'application/json',
  };
}

/** The CSV export of a run's decisions. */
export function decisionsCsvFile(
  model: ReportModel,
  ctx: ReportContext,
  name: string | undefined,
  date: Date,
) {
  return {
    name: exportName(model.scenario.id, name, date, 'csv'),
    text: decisionsCsv(model, ctx),
    type: 'text/csv;charset=utf-8',
  } satisfies ExportFile;
}
