import { useState } from 'preact/hooks';
import type { ContentTopic } from '../engine/scenario/scenario.schema.ts';
import type { ScenarioListing } from '../engine/scenario/scenario-listing.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { type KeyValueStorage, readTimeLimits, writeTimeLimits } from '../progress/settings.ts';
import { type ContentNote, topicsText } from './content-note.tsx';
import { useI18n } from './i18n-context.tsx';
import { scenarioTextsFor } from './scenario-text.ts';
import { TimeLimitsChoice } from './time-limits-choice.tsx';

/** A trainer's choices on this browser, by scenario id: note on or off; absent means the file decides. */
export type ContentNoteChoices = Readonly<Record<string, boolean>>;

const CHOICES_KEY = 'pocsim.contentNotes';

/** Reads the trainer's choices, trusting nothing stored: anything but `{ id: boolean }` is ignored. */
export function readContentNoteChoices(storage: KeyValueStorage | undefined): ContentNoteChoices {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(CHOICES_KEY) ?? null;
  } catch {
    return {};
  }
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const choices: Record<string, boolean> = {};
    for (const [id, on] of Object.entries(parsed)) if (typeof on === 'boolean') choices[id] = on;
    return choices;
  } catch {
    return {};
  }
}

/** Keeps the choices; storage that refuses (private mode, quota) is ignored, as with other settings. */
export function writeContentNoteChoices(
  storage: KeyValueStorage | undefined,
  choices: ContentNoteChoices,
): void {
  try {
    storage?.setItem(CHOICES_KEY, JSON.stringify(choices));
  } catch {
    // why: the choice still holds for this visit; only remembering it is lost.
  }
}

/** The content note a scenario's runs open with: the trainer's choice if any, else the file's. */
export function contentNoteFor(
  scenario: { id: string; contentNote?: { topics: readonly ContentTopic[] } | undefined },
  choices: ContentNoteChoices,
): ContentNote | null {
  const choice = Object.hasOwn(choices, scenario.id) ? choices[scenario.id] : undefined;
  const on = choice ?? scenario.contentNote !== undefined;
  return on ? { topics: scenario.contentNote?.topics ?? [] } : null;
}

/**
 * The trainers' settings in the menu: which scenarios open with a content note and offer a break
 * at any point, one checkbox each, starting from what the scenario files ask for.
 */
export function TrainerSettings({
  scenarios,
  choices,
  onChange,
  storage,
}: {
  scenarios: readonly ScenarioListing[];
  choices: ContentNoteChoices;
  onChange(choices: ContentNoteChoices): void;
  /** Where the time-limit setting is kept: a trainer sets it here for the trainees who use this browser. */
  storage?: KeyValueStorage | undefined;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [timeLimits, setTimeLimits] = useState(() => readTimeLimits(storage));
  const [message, setMessage] = useState('');
  const set = (id: string, on: boolean, byFile: boolean) => {
    const next: Record<string, boolean> = { ...choices };
    // why: a choice equal to the file's is dropped, so a later change to the file still applies.
    if (on === byFile) delete next[id];
    else next[id] = on;
    onChange(next);
    setMessage(t('trainerSettings.saved'));
  };
  const changed = Object.keys(choices).some((id) => scenarios.some((s) => s.id === id));
  return (
    <div class="trainer-settings">
      <p class="muted">{t('trainerSettings.text')}</p>
      <button
        type="button"
        class="button button-secondary"
        aria-expanded={open}
        aria-controls="trainer-settings-panel"
        onClick={() => setOpen(!open)}
      >
        {t('trainerSettings.open')}
      </button>
      <div id="trainer-settings-panel" class="trainer-settings-panel" hidden={!open}>
        <fieldset>
          <legend>{t('trainerSettings.legend')}</legend>
          <ul class="note-choices">
            {scenarios.map((s) => {
              const byFile = s.contentNote !== undefined;
              const on = contentNoteFor(s, choices) !== null;
              const id = `note-choice-${s.id}`;
              const title = scenarioTextsFor({ scenario: s, texts: s.texts }, lang).text(textKey.title());
              return (
                <li key={s.id} class="note-choice">
                  <input
                    id={id}
                    type="checkbox"
                    checked={on}
                    aria-describedby={`${id}-hint`}
                    onChange={(e) => set(s.id, (e.currentTarget as HTMLInputElement).checked, byFile)}
                  />
                  <label for={id}>{title}</label>
                  <span id={`${id}-hint`} class="note-choice-hint">
                    {byFile
                      ? t('trainerSettings.fileAsks', { topics: topicsText(t, lang, s.contentNote!.topics) })
                      : t('trainerSettings.fileSilent')}
                    {Object.hasOwn(choices, s.id) && ` ${t('trainerSettings.changedHere')}`}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <TimeLimitsChoice
          value={timeLimits}
          onChange={(value) => {
            setTimeLimits(value);
            writeTimeLimits(storage, value);
            setMessage(t('trainerSettings.saved'));
          }}
        />
        <div class="trainer-settings-actions">
          <button
            type="button"
            class="button button-secondary"
            disabled={!changed}
            onClick={() => {
              onChange({});
              setMessage(t('trainerSettings.resetDone'));
            }}
          >
            {t('trainerSettings.reset')}
          </button>
          <p class="muted" role="status">
            {message}
          </p>
        </div>
      </div>
    </div>
  );
}
