import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { parseRunFile, type RunFile } from '../engine/results/run-file.ts';
import { checkPlausibility, describeImplausibility } from '../engine/results/run-plausibility.ts';
import { placeRun, summaryDisagrees } from '../engine/results/run-standing.ts';
import { createRun } from '../engine/run/run.ts';
import { type Diagnostic, formatDiagnostic, formatFieldPath } from '../engine/scenario/diagnostic.ts';
import { parseYamlFile, type ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { buildReportModel } from '../engine/score/report-model.ts';
import { createI18n, UI_LANGUAGES, type UiLanguage } from '../i18n/i18n.ts';
import '../ui/debrief/debrief-strings.ts';
import { buildReportDocument } from '../ui/debrief/report-document.ts';
import { createReportContext } from '../ui/debrief/report-text.ts';
import { type ImplausibleBanner, renderReportHtml, renderReportMarkdown } from './report-render.ts';
import { findScenarioFolders, loadScenarioFolder } from './scenario-files.ts';

/** What a command prints and its exit code. */
interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const fail = (code: number, stderr: string): CommandResult => ({ code, stdout: '', stderr });

/** Where a field of a run file sits, for a message about it. */
function place(text: string, file: string, path: PropertyKey[], message: string): Diagnostic {
  const at = parseYamlFile({ path: file, text }).locate(path);
  return { file, ...at, field: formatFieldPath(path), severity: 'error', message };
}

/** The first event of a log a scenario refuses, or -1 when the whole log replays. */
function firstRefused(scenario: Scenario, run: RunFile): number {
  const replay = createRun(scenario);
  return run.log.findIndex((e) => !replay.send(e));
}

/** Finds the scenario a run was played on among the folders given; invalid folders are named, not fatal. */
function findScenario(
  dir: string,
  id: string,
  cwd: string,
): { bundle?: ScenarioBundle; problems: string[]; count: number } {
  const folders = findScenarioFolders([dir]);
  const problems: string[] = [];
  for (const folder of folders) {
    const loaded = loadScenarioFolder(folder, cwd);
    if (loaded.bundle?.scenario.id === id) return { bundle: loaded.bundle, problems, count: folders.length };
    if (!loaded.bundle) {
      problems.push(
        ...loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)),
      );
    }
  }
  return { problems, count: folders.length };
}

/**
 * `report <run.json> [--format html|md] [--lang en|fr] [--scenarios <dir>]`: re-scores a saved run
 * from its log and prints the debrief report the trainee saw.
 */
export function reportCommand(args: string[], usage: string, cwd = process.cwd()): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'html' },
      lang: { type: 'string' },
      scenarios: { type: 'string', default: 'scenarios' },
      'accept-implausible': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) return fail(2, `report needs a run file (a .json exported from the debrief)\n\n${usage}`);
  if (values.format !== 'html' && values.format !== 'md') {
    return fail(2, `--format must be html or md, not "${values.format}"\n`);
  }
  if (values.lang !== undefined && !Object.hasOwn(UI_LANGUAGES, values.lang)) {
    return fail(2, `--lang must be one of ${Object.keys(UI_LANGUAGES).join(', ')}, not "${values.lang}"\n`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) return fail(1, `${file}: no such file\n`);
  const dir = values.scenarios;
  if (!existsSync(dir))
    return fail(1, `${dir}: no such folder (give the scenarios with --scenarios <dir>)\n`);

  const text = readFileSync(file, 'utf8');
  const parsed = parseRunFile(text, file);
  if (!parsed.ok) return fail(1, parsed.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
  const run = parsed.run;

  const found = findScenario(dir, run.scenario.id, cwd);
  if (!found.bundle) {
    const why = found.problems.length
      ? `; ${found.problems.length} problem(s) in scenarios that could not be read:\n${found.problems.join('\n')}`
      : '';
    const d = place(
      text,
      file,
      ['scenario', 'id'],
      `no scenario "${run.scenario.id}" among the ${found.count} scenario(s) in ${dir}${why}`,
    );
    return fail(1, `${formatDiagnostic(d)}\n`);
  }
  const scenario = found.bundle.scenario;
  const standing = placeRun(run, [scenario]);
  if (standing.kind === 'other-version') {
    const d = place(
      text,
      file,
      ['scenario', 'version'],
      `this run was played on version ${standing.fromVersion} of "${scenario.id}", but ${dir} holds version ${scenario.version} and the run's log does not replay on it (${standing.reason}); report it with the scenarios of version ${standing.fromVersion}`,
    );
    return fail(1, `${formatDiagnostic(d)}\n`);
  }
  if (standing.kind === 'does-not-replay') {
    const at = firstRefused(scenario, run);
    const d = place(
      text,
      file,
      at >= 0 ? ['log', at] : ['log'],
      `the log does not replay on "${scenario.id}" version ${scenario.version}: ${standing.reason}; the file may be damaged or edited`,
    );
    return fail(1, `${formatDiagnostic(d)}\n`);
  }
  if (standing.kind === 'unknown-scenario') return fail(1, `${file}: no scenario "${run.scenario.id}"\n`);

  const notes: string[] = [];
  if (standing.kind === 'migrated') {
    notes.push(
      formatDiagnostic({
        ...place(
          text,
          file,
          ['scenario', 'version'],
          `played on version ${standing.fromVersion}; its log still replays, so it is re-scored on version ${scenario.version}`,
        ),
        severity: 'warning',
      }),
    );
  }
  if (summaryDisagrees(run, standing.debrief)) {
    const s = run.summary!;
    notes.push(
      formatDiagnostic({
        ...place(
          text,
          file,
          ['summary'],
          `the summary written in the file (score ${s.overall}, ${s.passed ? 'passed' : 'not passed'}) differs from the score recomputed from its log (${standing.debrief.score.overall}, ${standing.debrief.score.passed ? 'passed' : 'not passed'}); the report shows the recomputed one`,
        ),
        severity: 'warning',
      }),
    );
  }

  // why: a forged or impossible log is reported, but never passes for a result until the trainer,
  // having checked with the trainee, accepts it; exit code 3 lets a script keep it out of its counts.
  const accept = values['accept-implausible'] === true;
  const reasons = checkPlausibility(run, scenario, standing.debrief);
  if (reasons.length) {
    notes.push(
      formatDiagnostic({
        ...place(
          text,
          file,
          ['log'],
          `implausible run: ${reasons.map(describeImplausibility).join('; ')}; ${
            accept
              ? 'accepted with --accept-implausible'
              : 'not counted (exit code 3); after checking with the trainee, accept it with --accept-implausible'
          }`,
        ),
        severity: 'warning',
      }),
    );
  }

  const lang = (values.lang ?? run.language) as UiLanguage;
  const i18n = createI18n(lang);
  const t = i18n.t.bind(i18n);
  const ctx = createReportContext(t, lang, found.bundle);
  const model = buildReportModel(scenario, standing.debrief, CATALOGUE);
  const doc = buildReportDocument(model, ctx, { traineeName: run.trainee?.name });
  const flag: ImplausibleBanner | undefined = reasons.length
    ? {
        heading: t('report.implausible.heading'),
        intro: t('report.implausible.intro'),
        reasons: reasons.map((r) => t(`report.implausible.reason.${r.kind}`, { ...r })),
        ...(accept ? { accepted: t('report.implausible.accepted') } : {}),
      }
    : undefined;
  const stdout = values.format === 'html' ? renderReportHtml(doc, flag) : renderReportMarkdown(doc, flag);
  return { code: reasons.length && !accept ? 3 : 0, stdout, stderr: notes.map((n) => `${n}\n`).join('') };
}
