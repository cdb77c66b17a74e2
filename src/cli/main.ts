import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkArchetypes, loadArchetypes } from '../engine/analysis/archetypes.ts';
import { buildCoverage } from '../engine/analysis/doctrine-coverage.ts';
import { lintAcrossScenarios } from '../engine/analysis/doctrine-lint.ts';
import { lintScenario, type ScoredPath } from '../engine/analysis/lint-scenario.ts';
import { CATALOGUE, SITUATIONS } from '../engine/doctrine/catalogue.ts';
import { CHAPTER_15 } from '../engine/doctrine/chapter-15.ts';
import { playChoices } from '../engine/run/play-choices.ts';
import { didYouMean, formatDiagnostic } from '../engine/scenario/diagnostic.ts';
import type { LoadResult, ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { buildDebrief } from '../engine/score/debrief.ts';
import { formatDebriefText } from './debrief-text.ts';
import { DOCTRINE_USAGE, doctrineCommand } from './doctrine-command.ts';
import { EXERCISE_USAGE, exerciseCommand } from './exercise-command.ts';
import { buildStarterScenario } from './new-scenario.ts';
import { PACKAGE_USAGE, packageCommand } from './package-command.ts';
import { reportCommand } from './report-command.ts';
import { REVIEW_USAGE, reviewCommand } from './review-command.ts';
import { archetypesFileOf, findScenarioFolders, loadScenarioFolder } from './scenario-files.ts';
import { SERVE_USAGE, serveCommand } from './serve-command.ts';
import { terminalSafeResult } from './terminal-text.ts';
import { TRANSLATE_USAGE, translateCommand } from './translate-command.ts';

/** What a command prints and its exit code; commands never call process.exit themselves. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `pocsim: Protection of Civilians training simulator

Usage:
  pocsim validate [files|dirs] [--strict]
                                   check scenarios (default: scenarios/); --strict (publishing):
                                   untranslated or stale translation texts are errors, not warnings
  pocsim lint [files|dirs]         explore every path of each scenario (default: scenarios/)
  pocsim coverage [--format json|text]
                                   which scenario options exercise each Chapter 15 entry
  pocsim new <id> [--situation 15.x] [--lang en,fr] [--dir scenarios]
                                   write a commented starter scenario that validates and plays
  pocsim play <scenario> [--choose <optionId>,<optionId>,...] [--format json|text] [--lang en|fr]
                                   play a scenario headless and print its debrief;
                                   a decision not covered by --choose takes its first option,
                                   "-" lets a timed decision run out of time
  pocsim report <run.json> [--format html|md] [--lang en|fr] [--scenarios <dir>] [--accept-implausible]
                                   re-score a run exported from the debrief and print its report;
                                   a forged or impossible run is marked and exits 3 unless accepted
${REVIEW_USAGE}${TRANSLATE_USAGE}${DOCTRINE_USAGE}${EXERCISE_USAGE}${PACKAGE_USAGE}${SERVE_USAGE}`;

/** Runs one CLI command with its arguments and returns what to print, made safe for a terminal. */
export function runCli(argv: string[], cwd = process.cwd()): CommandResult {
  return terminalSafeResult(dispatch(argv, cwd));
}

/** Runs a command, `package` included (it builds the app, so it is asynchronous); what the bin prints. */
export async function runCliAsync(argv: string[], cwd = process.cwd()): Promise<CommandResult> {
  if (argv[0] === 'package') return terminalSafeResult(await packageCommand(argv.slice(1), cwd));
  if (argv[0] === 'serve') return terminalSafeResult(await serveCommand(argv.slice(1), cwd));
  return runCli(argv, cwd);
}

function dispatch(argv: string[], cwd: string): CommandResult {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, cwd);
      case 'play':
        return play(rest, cwd);
      case 'lint':
        return lint(rest, cwd);
      case 'new':
        return newScenario(rest, cwd);
      case 'coverage':
        return coverage(rest, cwd);
      case 'report':
        return reportCommand(rest, USAGE, cwd);
      case 'translate':
        return translateCommand(rest, cwd);
      case 'doctrine':
        return doctrineCommand(rest);
      case 'review':
        return reviewCommand(rest, (target) => loadBundle(target, cwd), cwd);
      case 'exercise':
        return exerciseCommand(rest, cwd);
      case 'serve':
        return { code: 2, stdout: '', stderr: 'serve runs a server; run it as `npm run sim -- serve ...`\n' };
      case 'package':
        // why: packaging runs a Vite build, which is asynchronous; the command line awaits it below.
        return {
          code: 2,
          stdout: '',
          stderr: 'package builds the app; run it as `npm run sim -- package ...`\n',
        };
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { code: command ? 0 : 2, stdout: USAGE, stderr: '' };
      default:
        return { code: 2, stdout: '', stderr: `unknown command "${command}"\n\n${USAGE}` };
    }
  } catch (e) {
    return { code: 2, stdout: '', stderr: `pocsim ${command}: ${(e as Error).message}\n` };
  }
}

function validate(args: string[], cwd: string): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false } },
  });
  const targets = positionals.length ? positionals : ['scenarios'];
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length)
    return { code: 1, stdout: '', stderr: missing.map((m) => `${m}: no such file or folder\n`).join('') };
  const folders = findScenarioFolders(targets);
  if (folders.length === 0)
    return { code: 1, stdout: '', stderr: `no scenario.yaml found in ${targets.join(', ')}\n` };
  const lines: string[] = [];
  let errors = 0;
  let valid = 0;
  for (const folder of folders) {
    const result = loadScenarioFolder(folder, cwd, { strict: values.strict });
    for (const d of result.diagnostics) {
      lines.push(formatDiagnostic(d));
      if (d.severity === 'error') errors++;
    }
    if (result.bundle) valid++;
  }
  const summary = `${valid} of ${folders.length} scenario${folders.length === 1 ? '' : 's'} valid, ${errors} error${errors === 1 ? '' : 's'}`;
  const out = `${lines.join('\n')}${lines.length ? '\n' : ''}`;
  return errors
    ? { code: 1, stdout: out, stderr: `${summary}\n` }
    : { code: 0, stdout: `${out}${summary}\n`, stderr: '' };
}

// why: a --choose list may start with "-" (a timed decision left to run out), which parseArgs
// would read as an option; joining it as --choose=<list> keeps the natural spelling working.
function joinOptionValues(args: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (names.includes(a) && i + 1 < args.length) out.push(`${a}=${args[++i]}`);
    else out.push(a);
  }
  return out;
}

function loadAll(targets: string[], cwd: string) {
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length) return { error: missing.map((m) => `${m}: no such file or folder\n`).join('') };
  const folders = findScenarioFolders(targets);
  if (folders.length === 0) return { error: `no scenario.yaml found in ${targets.join(', ')}\n` };
  const loaded = folders.map((f) => loadScenarioFolder(f, cwd));
  const errors = loaded.flatMap((l) =>
    l.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
  );
  if (errors.length) return { error: `${errors.join('\n')}\nfix these first (pocsim validate)\n` };
  return { bundles: loaded.map((l) => l.bundle!), loaded };
}

function newScenario(args: string[], cwd: string): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      situation: { type: 'string', default: '15.1' },
      lang: { type: 'string', default: 'en,fr' },
      dir: { type: 'string', default: 'scenarios' },
    },
  });
  const id = positionals[0];
  if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    return {
      code: 2,
      stdout: '',
      stderr: 'new needs an id of lower-case letters, digits and hyphens, for example 15-3-night-patrol\n',
    };
  }
  if (!SITUATIONS.some((s) => s.section === values.situation)) {
    return {
      code: 2,
      stdout: '',
      stderr: `--situation must be one of ${SITUATIONS.map((s) => s.section).join(', ')}${didYouMean(
        values.situation,
        SITUATIONS.map((s) => s.section),
      )}\n`,
    };
  }
  const folder = resolve(cwd, values.dir, id);
  if (existsSync(folder))
    return { code: 1, stdout: '', stderr: `${join(values.dir, id)} already exists; nothing was written\n` };
  const langs = values.lang
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const files = buildStarterScenario(id, values.situation, langs);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const written = Object.keys(files).map((f) => join(values.dir, id, f));
  return {
    code: 0,
    stdout: `wrote ${written.join(', ')}\nnext: npm run sim -- validate ${join(values.dir, id)}\n`,
    stderr: '',
  };
}

function lint(args: string[], cwd: string): CommandResult {
  const { loaded, error } = loadAll(args.length ? args : ['scenarios'], cwd);
  if (!loaded) return { code: 1, stdout: '', stderr: error };
  const lines: string[] = [];
  let failed = 0;
  // why: the same act must weigh the same wherever a trainee meets it, so scenarios linted together
  // are also compared with each other.
  const across = lintAcrossScenarios(loaded.map((l) => l.bundle!.scenario));
  for (const l of loaded) {
    const b = l.bundle!;
    const started = performance.now();
    const r = lintScenario(b.scenario, CATALOGUE);
    r.problems.push(...across.filter((f) => f.scenario === b.scenario.id));
    const ms = Math.round(performance.now() - started);
    const path = (p: ScoredPath | null) =>
      p
        ? `${p.score} (${p.ending}${p.criticalBreach ? ", critical Don't broken" : p.breaksDont ? ", breaks a Don't" : ''}) --choose ${p.choices.join(',')}`
        : 'n/a';
    lines.push(
      `${r.scenario}: ${r.states} states, ${r.paths ?? 'unbounded'} paths, ${r.endings.length}/${b.scenario.endings.length} endings reached (${ms} ms)`,
      `  best:  ${path(r.best)}`,
      `  worst: ${path(r.worst)}`,
      ...r.problems.map((p) => `  ${l.place ? formatDiagnostic(l.place(p)) : p.message}`),
    );
    const archetypes = lintArchetypes(l.folder, b.scenario, cwd);
    lines.push(...archetypes.lines);
    if (r.problems.length || archetypes.findings) failed++;
  }
  lines.push(`${loaded.length - failed} of ${loaded.length} scenarios clean`);
  return { code: failed ? 1 : 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

// why: a scenario's archetypes say what a POC adviser would make of typical runs; a verdict the
// engine does not share is a finding like any other, placed in archetypes.yaml.
function lintArchetypes(folder: string, scenario: Scenario, cwd: string) {
  const file = archetypesFileOf(folder, cwd);
  if (!file) return { lines: [], findings: 0 };
  const loaded = loadArchetypes(file);
  const lines = loaded.diagnostics.map((d) => `  ${formatDiagnostic(d)}`);
  let findings = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (loaded.archetypes) {
    const results = checkArchetypes(scenario, loaded.archetypes, CATALOGUE);
    const agree = results.filter((r) => r.problems.length === 0).length;
    lines.unshift(
      `  archetypes: ${agree} of ${results.length} agree with the adviser (${results.map((r) => `${r.id} ${r.actual ?? '?'}`).join(', ')})`,
    );
    for (const r of results) {
      for (const p of r.problems) lines.push(`  ${formatDiagnostic(loaded.place(p))}`);
      findings += r.problems.length;
    }
  }
  return { lines, findings };
}

function coverage(args: string[], cwd: string): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' } },
  });
  if (values.format !== 'json' && values.format !== 'text') {
    return { code: 2, stdout: '', stderr: `--format must be json or text, not "${values.format}"\n` };
  }
  const { bundles, error } = loadAll(positionals.length ? positionals : ['scenarios'], cwd);
  if (!bundles) return { code: 1, stdout: '', stderr: error };
  const report = buildCoverage(
    CHAPTER_15,
    bundles.map((b) => b.scenario),
  );
  const code = report.covered === report.total ? 0 : 1;
  if (values.format === 'json') return { code, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
  const lines = report.entries.map((e) => {
    const where = e.uses.map((u) => `${u.scenario}:${u.option ?? `${u.step}(no decision)`}`).join(', ');
    return `${e.uses.length ? '+' : '-'} ${e.id.padEnd(13)} ${where || 'NOT EXERCISED'}`;
  });
  lines.push(`coverage: ${report.covered}/${report.total} entries`);
  return { code, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** Loads a scenario for play: its folder or its scenario.yaml. */
export function loadBundle(
  target: string,
  cwd: string,
): { bundle?: ScenarioBundle; errors: string; folder?: string; place?: LoadResult['place'] } {
  if (!existsSync(target)) return { errors: `${target}: no such file or folder\n` };
  const folder = statSync(target).isDirectory() ? target : dirname(target);
  const result = loadScenarioFolder(folder, cwd);
  const errors = result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${formatDiagnostic(d)}\n`);
  return result.bundle
    ? { bundle: result.bundle, errors: '', folder, ...(result.place ? { place: result.place } : {}) }
    : { errors: errors.join('') };
}

function play(args: string[], cwd: string): CommandResult {
  const { values, positionals } = parseArgs({
    args: joinOptionValues(args, ['--choose']),
    allowPositionals: true,
    options: {
      choose: { type: 'string', default: '' },
      format: { type: 'string', default: 'text' },
      lang: { type: 'string', default: 'en' },
    },
  });
  const target = positionals[0];
  if (!target) return { code: 2, stdout: '', stderr: `play needs a scenario folder or file\n\n${USAGE}` };
  if (values.format !== 'json' && values.format !== 'text') {
    return { code: 2, stdout: '', stderr: `--format must be json or text, not "${values.format}"\n` };
  }
  const { bundle, errors } = loadBundle(target, cwd);
  if (!bundle) return { code: 1, stdout: '', stderr: errors };
  const choices = values.choose ? values.choose.split(',').map((c) => c.trim()) : [];
  const { log, problems, defaulted } = playHeadless(bundle, choices);
  if (problems.length) return { code: 1, stdout: '', stderr: problems.map((p) => `${p}\n`).join('') };
  // why: a short --choose list silently answers the rest with first options, which are often the
  // tempting wrong ones; a debrief read without this warning misleads its author.
  const warning =
    defaulted.length && choices.length
      ? `warning: --choose ran out; ${defaulted.length} later decision${defaulted.length === 1 ? '' : 's'} took the first option (${defaulted.join(', ')})\n`
      : '';
  const debrief = buildDebrief(bundle.scenario, log);
  const stdout =
    values.format === 'json'
      ? `${JSON.stringify(debrief, null, 2)}\n`
      : formatDebriefText(bundle, debrief, values.lang);
  return { code: 0, stdout, stderr: warning };
}

/** Plays a scenario to an ending with the given choices; returns the run log and any choice that did not fit. */
export function playHeadless(bundle: ScenarioBundle, choices: string[]) {
  const { log, problems, defaulted } = playChoices(bundle.scenario, choices);
  return { log, problems, defaulted };
}

const isMain = process.argv[1] !== undefined && /[\\/]src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  void runCliAsync(process.argv.slice(2)).then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  });
}
