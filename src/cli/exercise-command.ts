import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { afterActionMarkdown, buildAfterActionReport } from '../engine/exercise/after-action.ts';
import { parseExerciseFile } from '../engine/exercise/exercise-file.ts';
import { playExerciseHeadless } from '../engine/exercise/exercise-headless.ts';
import { createExercise, type Exercise, ExerciseReplayError } from '../engine/exercise/exercise-log.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import { formatDiagnostic } from '../engine/scenario/diagnostic.ts';
import { createI18n, registerStrings } from '../i18n/i18n.ts';
import aarEn from '../i18n/locales/after-action/en.json';
import aarFr from '../i18n/locales/after-action/fr.json';
import { loadScenarioFolder } from './scenario-files.ts';

/** Usage lines of the exercise command, for the CLI help. */
export const EXERCISE_USAGE = `  pocsim exercise <scenario> [--miss] [--log <file.json>] [--format md|json] [--lang en|fr]
                                   play a scenario's exercise headless: release every scheduled
                                   inject on time, take every expected action on time, recording
                                   the expected options (--miss: miss them all, so contingencies
                                   fire), print the after-action report; --log: render the report
                                   of an exercise exported from the console instead
`;

/** Runs `pocsim exercise`; returns what to print and the exit code. */
export function exerciseCommand(
  args: string[],
  cwd: string,
): { code: number; stdout: string; stderr: string } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      miss: { type: 'boolean', default: false },
      log: { type: 'string' },
      format: { type: 'string', default: 'md' },
      lang: { type: 'string', default: 'en' },
    },
  });
  const lang = values.lang === 'fr' ? 'fr' : 'en';
  registerStrings({ en: aarEn, fr: aarFr });
  const i18n = createI18n(lang);
  const t = (key: string, params: Record<string, string | number> = {}) => i18n.t(key, params);
  const target = positionals[0];
  if (!target)
    return { code: 2, stdout: '', stderr: `${t('cli.exercise.needsScenario')}\n\n${EXERCISE_USAGE}` };
  if (values.format !== 'md' && values.format !== 'json')
    return { code: 2, stdout: '', stderr: `${t('cli.exercise.badFormat', { format: values.format })}\n` };
  if (!existsSync(target))
    return { code: 1, stdout: '', stderr: `${t('cli.exercise.noSuchPath', { path: target })}\n` };
  const folder = statSync(target).isDirectory() ? target : dirname(target);
  const loaded = loadScenarioFolder(folder, cwd);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  if (!loaded.bundle) return { code: 1, stdout: '', stderr: `${errors.join('\n')}\n` };
  const bundle = loaded.bundle;
  if (!bundle.scenario.exercise)
    return { code: 1, stdout: '', stderr: `${t('cli.exercise.noExercise', { id: bundle.scenario.id })}\n` };
  let exercise: Exercise;
  if (values.log !== undefined) {
    if (!existsSync(values.log))
      return { code: 1, stdout: '', stderr: `${t('cli.exercise.noSuchPath', { path: values.log })}\n` };
    const file = parseExerciseFile(readFileSync(values.log, 'utf8'));
    if ('error' in file) return { code: 1, stdout: '', stderr: `${values.log}: ${file.error}\n` };
    if (file.exercise !== bundle.scenario.id)
      return {
        code: 1,
        stdout: '',
        stderr: `${values.log}: the log is of exercise "${file.exercise}", not "${bundle.scenario.id}"\n`,
      };
    try {
      exercise = createExercise(bundle.scenario, file.log);
    } catch (e) {
      if (!(e instanceof ExerciseReplayError)) throw e;
      return { code: 1, stdout: '', stderr: `${values.log}: ${e.message}\n` };
    }
  } else exercise = playExerciseHeadless(bundle.scenario, { miss: values.miss });
  const report = buildAfterActionReport(bundle.scenario, exercise.state());
  if (values.format === 'json')
    return { code: 0, stdout: `${JSON.stringify({ ...report, log: exercise.log }, null, 2)}\n`, stderr: '' };
  const stdout = afterActionMarkdown(report, {
    t,
    text: (key) => scenarioText(bundle, lang, key),
    language: lang,
  });
  return { code: 0, stdout, stderr: '' };
}
