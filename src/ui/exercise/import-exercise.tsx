import { useState } from 'preact/hooks';
import { parseExerciseFile } from '../../engine/exercise/exercise-file.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import type { ScenarioEntry } from '../app.tsx';
import { useI18n } from '../i18n-context.tsx';
import { exerciseLogKey, setAside, writeStoredExercise } from './exercise-store.ts';

// why: an exercise lives in one browser's storage; a facilitator who changes laptop, or an IMTC
// team archiving a run, continues it from the JSON the report exports (its log is the exercise).

/** Continues an exercise from an exported report or saved log: the log is stored, then opened as if resumed. */
export function ImportExercise({
  scenarios,
  storage,
  onOpen,
}: {
  scenarios: readonly ScenarioEntry[];
  storage: KeyValueStorage | undefined;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseExerciseFile(await file.text());
    if ('error' in parsed) {
      setProblem(t('exerciseRecord.import.failed', { detail: parsed.error }));
      return;
    }
    if (!scenarios.some((s) => s.id === parsed.exercise)) {
      setProblem(t('exerciseRecord.import.unknown', { id: parsed.exercise }));
      return;
    }
    const key = exerciseLogKey(parsed.exercise);
    let existing: string | null = null;
    try {
      existing = storage?.getItem(key) ?? null;
    } catch {
      existing = null;
    }
    if (existing && !(globalThis.confirm?.(t('exerciseRecord.import.replaceConfirm')) ?? true)) return;
    // why: the exercise already saved here is kept aside, never overwritten.
    if (existing) setAside(storage, key, existing);
    writeStoredExercise(storage, parsed.exercise, parsed.scenarioVersion, parsed.log);
    setProblem(null);
    onOpen(parsed.exercise);
  };
  return (
    <section class="card xc-import" aria-labelledby="xc-import-label">
      <label id="xc-import-label" class="xc-import-label" for="xc-import-file">
        {t('exerciseRecord.import.label')}
      </label>
      <p class="muted" id="xc-import-hint">
        {t('exerciseRecord.import.hint')}
      </p>
      <input
        id="xc-import-file"
        type="file"
        accept=".json,application/json"
        aria-describedby="xc-import-hint"
        onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      {problem && (
        <p class="xc-alert xc-alert-bad" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
