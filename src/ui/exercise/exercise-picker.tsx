import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import type { ScenarioEntry } from '../app.tsx';
import { ClockIcon, useFocusHeading } from '../common.tsx';
import { useI18n } from '../i18n-context.tsx';
import { scenarioTextsFor } from '../scenario-text.ts';
import { exerciseLogKey, parseStoredExercise } from './exercise-store.ts';
import { elapsedText } from './exercise-time-format.ts';
import { ImportExercise } from './import-exercise.tsx';

/** What the picker shows of an exercise already run on this browser. */
interface SavedSummary {
  ended: boolean;
  /** Scenario seconds reached. */
  time: number;
  savedAt: Date | null;
  /** The stored text is unreadable; opening it will set it aside. */
  unreadable: boolean;
}

/** The exercises a facilitator can run, each with its saved state on this browser. */
export function ExercisePicker({
  scenarios,
  storage,
  opening,
  onOpen,
}: {
  scenarios: readonly ScenarioEntry[];
  storage: KeyValueStorage | undefined;
  /** The exercise being fetched, and whether fetching it failed. */
  opening: { id: string; failed: boolean } | null;
  /** Opens an exercise: resumes its saved log, or with `fresh` sets that log aside and starts anew. */
  onOpen(id: string, fresh: boolean): void;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading('exercise-picker');
  const exercises = scenarios.filter((s) => s.facilitated);
  return (
    <main id="main" class="page page-exercise-picker">
      <div class="page-intro">
        <p class="kicker">{t('exercise.picker.kicker')}</p>
        <h1 ref={heading} tabIndex={-1}>
          {t('exercise.picker.heading')}
        </h1>
        <p class="lead">{t('exercise.picker.intro')}</p>
      </div>
      <ol class="xc-howto" aria-label={t('exercise.picker.howtoLabel')}>
        {(['projector', 'timeline', 'report'] as const).map((k, i) => (
          <li key={k}>
            <span class="xc-howto-n" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <strong>{t(`exercise.picker.howto.${k}.title`)}</strong>
              <span class="muted"> {t(`exercise.picker.howto.${k}.text`)}</span>
            </span>
          </li>
        ))}
      </ol>
      {opening?.failed && (
        <p class="xc-alert xc-alert-bad" role="alert">
          {t('exercise.picker.loadFailed')}
        </p>
      )}
      {exercises.length === 0 ? (
        <p class="empty-state">{t('exercise.picker.empty')}</p>
      ) : (
        <ul class="xc-picker-grid">
          {exercises.map((s) => (
            <ExerciseCard
              key={s.id}
              entry={s}
              saved={savedSummary(storage, s.id)}
              busy={opening?.id === s.id && !opening.failed}
              onOpen={(fresh) => onOpen(s.id, fresh)}
            />
          ))}
        </ul>
      )}
      <ImportExercise scenarios={exercises} storage={storage} onOpen={(id) => onOpen(id, false)} />
    </main>
  );
}

function ExerciseCard({
  entry,
  saved,
  busy,
  onOpen,
}: {
  entry: ScenarioEntry;
  saved: SavedSummary | null;
  busy: boolean;
  onOpen(fresh: boolean): void;
}) {
  const { t, lang } = useI18n();
  const texts = scenarioTextsFor({ scenario: entry, texts: entry.texts }, lang);
  const title = texts.text(textKey.title());
  const format = entry.exercise?.format ?? 'tabletop';
  const afresh = () => {
    if (!saved || (globalThis.confirm?.(t('exercise.picker.afreshConfirm')) ?? true)) onOpen(true);
  };
  return (
    <li class="card xc-picker-card">
      <p class="card-meta">
        <span class={`badge xc-format xc-format-${format}`}>{t(`exercise.format.${format}`)}</span>
        <span class="meta-item">{t('exercise.picker.roles', { count: entry.exercise?.roles ?? 0 })}</span>
        <span class="meta-item">
          <ClockIcon />
          {t('exerciseRecord.sessionMinutes', { count: entry.exercise?.minutes ?? entry.minutes })}
        </span>
      </p>
      <h2 class="card-title" lang={texts.lang}>
        {title}
      </h2>
      <p class="card-summary" lang={texts.lang}>
        {texts.text(textKey.summary())}
      </p>
      <p class="xc-saved">
        {saved === null ? (
          <span class="muted">{t('exercise.picker.notRun')}</span>
        ) : saved.unreadable ? (
          <span class="xc-saved-bad">{t('exercise.picker.savedUnreadable')}</span>
        ) : (
          <>
            <span class={`badge badge-small ${saved.ended ? 'badge-neutral' : 'badge-blue'}`}>
              {t(saved.ended ? 'exercise.picker.savedEnded' : 'exercise.picker.savedRunning')}
            </span>{' '}
            {t('exercise.picker.savedAt', {
              time: t('exercise.time.elapsed', { time: elapsedText(saved.time, t('exercise.time.dayUnit')) }),
              saved: saved.savedAt
                ? saved.savedAt.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })
                : '—',
            })}
          </>
        )}
      </p>
      <div class="card-actions xc-picker-actions">
        <button
          type="button"
          class="button button-primary"
          aria-label={t(
            saved && !saved.unreadable ? 'exercise.picker.resumeLabel' : 'exercise.picker.prepareLabel',
            {
              title,
            },
          )}
          aria-busy={busy}
          disabled={busy}
          onClick={() => onOpen(false)}
        >
          {t(saved && !saved.unreadable ? 'exercise.picker.resume' : 'exercise.picker.prepare')}
          <span aria-hidden="true" class="button-arrow">
            →
          </span>
        </button>
        {saved && !saved.unreadable && (
          <button
            type="button"
            class="button button-secondary"
            aria-label={t('exercise.picker.afreshLabel', { title })}
            disabled={busy}
            onClick={afresh}
          >
            {t('exercise.picker.afresh')}
          </button>
        )}
      </div>
    </li>
  );
}

// why: the picker only reads; a log that cannot be used is set aside when it is opened, with a message there.
function savedSummary(storage: KeyValueStorage | undefined, id: string): SavedSummary | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(exerciseLogKey(id)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  const parsed = parseStoredExercise(raw, id);
  if (!('stored' in parsed)) return { ended: false, time: 0, savedAt: null, unreadable: true };
  const { log, savedAt } = parsed.stored;
  if (log.length === 0) return null;
  const time = log.reduce(
    (sum, e) => sum + (e.type === 'clock.ticked' || e.type === 'clock.jumped' ? e.seconds : 0),
    0,
  );
  const date = savedAt ? new Date(savedAt) : null;
  return {
    ended: log.some((e) => e.type === 'exercise.ended'),
    time,
    savedAt: date && !Number.isNaN(date.getTime()) ? date : null,
    unreadable: false,
  };
}
