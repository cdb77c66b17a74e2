import { useMemo, useRef, useState } from 'preact/hooks';
import { buildStarterScenario } from '../../../cli/new-scenario.ts';
import { SITUATIONS } from '../../../engine/doctrine/catalogue.ts';
import type { ScenarioBundle } from '../../../engine/scenario/load-scenario.ts';
import { registerStrings } from '../../../i18n/i18n.ts';
import en from '../../../i18n/locales/editor/en.json';
import fr from '../../../i18n/locales/editor/fr.json';
import { useI18n } from '../../i18n-context.tsx';
import type { LintRunner } from '../lint-runner.ts';
import { canUseFolders, filesFromTexts, openFolder } from './editor-files.ts';
import { markAllUntranslated } from './editor-model.ts';
import { createSession, type DraftStore, type EditorFiles, localDraftStore } from './editor-session.ts';
import { type EditorState, ScenarioEditor } from './scenario-editor.tsx';
import './scenario-editor.css';

registerStrings({ en, fr });

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

// why: the editor's session outlives the preview page while the trainer plays the scenario, so
// Back from the debrief finds the editor as it was, undo history included.
let kept: EditorState | null = null;

/** True when an editing session is open (the preview page then opens on the editor). */
export function hasOpenEditor(): boolean {
  return kept !== null;
}

/**
 * The editor's place on the preview page: a start panel (a situation template, a folder, files,
 * or the draft kept from last time), then the editor itself.
 */
export function EditorArea({
  onPlay,
  opened,
  drafts: draftStore,
  onOpenChange,
  lint,
}: {
  onPlay(bundle: ScenarioBundle): void;
  /** Runs the lint; a Web Worker by default. */
  lint?: LintRunner;
  /** Told when the editor opens or closes, so the page can give it the whole width. */
  onOpenChange?(open: boolean): void;
  /** Reads the files opened in the preview, to edit them. */
  opened?: () => Promise<EditorFiles | undefined>;
  drafts?: DraftStore;
}) {
  const drafts = useMemo(() => draftStore ?? localDraftStore(), [draftStore]);
  const [state, setState] = useState<EditorState | null>(kept);
  const update = (next: EditorState | null) => {
    kept = next;
    setState(next);
    onOpenChange?.(next !== null);
  };
  if (state) {
    return (
      <ScenarioEditor
        state={state}
        onState={update}
        drafts={drafts}
        onPlay={onPlay}
        onClose={() => update(null)}
        {...(lint ? { lint } : {})}
      />
    );
  }
  return <EditorStart drafts={drafts} opened={opened} onOpen={update} />;
}

function EditorStart({
  drafts,
  opened,
  onOpen,
}: {
  drafts: DraftStore;
  opened?: () => Promise<EditorFiles | undefined>;
  onOpen(state: EditorState): void;
}) {
  const { t, lang } = useI18n();
  const [situation, setSituation] = useState(SITUATIONS[0]?.section ?? '15.1');
  const [id, setId] = useState('my-scenario');
  const [draft, setDraft] = useState(() => drafts.read());
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const idOk = ID_PATTERN.test(id);

  const fromTemplate = () => {
    if (!idOk) return;
    const starter = buildStarterScenario(id, situation, ['en', 'fr']);
    const files: EditorFiles = {
      scenario: starter['scenario.yaml']!,
      translations: { fr: markAllUntranslated(starter['fr.yaml']!) },
    };
    onOpen({ session: createSession(id, files, false), folder: null });
  };
  const fromFolder = async () => {
    setError('');
    try {
      const picked = await openFolder();
      if (!picked) return;
      if (!picked.files) {
        setError(t('author.noScenario'));
        return;
      }
      onOpen({ session: createSession(picked.folder.name, picked.files, true), folder: picked.folder });
    } catch (e) {
      setError(t('author.crashed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const fromFiles = async (list: FileList | null) => {
    const named = await Promise.all(
      [...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })),
    );
    const files = filesFromTexts(named);
    if (!files) {
      setError(t('author.noScenario'));
      return;
    }
    const name = /^id:\s*(\S+)/m.exec(files.scenario)?.[1] ?? 'scenario';
    onOpen({ session: createSession(name, files, true), folder: null });
  };

  return (
    <section class="card ed-start" aria-labelledby="ed-start-h">
      <h2 id="ed-start-h">{t('editor.start.heading')}</h2>
      <p>{t('editor.start.intro')}</p>
      {draft && (
        <p class="author-alert author-alert-warning">
          {t('editor.start.draft', {
            name: draft.name,
            time: new Date(draft.at).toLocaleString(lang),
          })}{' '}
          <button
            type="button"
            class="button button-primary ed-small"
            onClick={() => onOpen({ session: createSession(draft.name, draft.files, false), folder: null })}
          >
            {t('editor.start.resume')}
          </button>{' '}
          <button
            type="button"
            class="button button-link ed-small"
            onClick={() => {
              drafts.clear();
              setDraft(null);
            }}
          >
            {t('editor.start.discard')}
          </button>
        </p>
      )}
      <fieldset class="ed-template">
        <legend>{t('editor.start.template')}</legend>
        <div class="ed-row">
          <div class="ed-field">
            <label for="ed-start-situation">{t('editor.start.situation')}</label>
            <select
              id="ed-start-situation"
              value={situation}
              onChange={(e) => setSituation(e.currentTarget.value)}
            >
              {SITUATIONS.map((s) => (
                <option key={s.section} value={s.section}>
                  §{s.section} · {lang === 'fr' ? s.title.fr : s.title.en}
                </option>
              ))}
            </select>
          </div>
          <div class="ed-field">
            <label for="ed-start-id">{t('editor.start.id')}</label>
            <input
              id="ed-start-id"
              type="text"
              value={id}
              aria-invalid={!idOk}
              aria-describedby={idOk ? undefined : 'ed-start-id-error'}
              onInput={(e) => setId(e.currentTarget.value.trim())}
            />
            {!idOk && (
              <p id="ed-start-id-error" class="field-error">
                {t('editor.start.badId')}
              </p>
            )}
          </div>
        </div>
        <button type="button" class="button button-primary" disabled={!idOk} onClick={fromTemplate}>
          {t('editor.start.create')}
        </button>
      </fieldset>
      <div class="ed-actions">
        {canUseFolders() && (
          <button type="button" class="button button-secondary" onClick={() => void fromFolder()}>
            {t('editor.start.openFolder')}
          </button>
        )}
        <button type="button" class="button button-secondary" onClick={() => input.current?.click()}>
          {t('editor.start.openFiles')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".yaml,.yml"
          class="visually-hidden"
          tabIndex={-1}
          aria-label={t('editor.start.openFiles')}
          onChange={(e) => void fromFiles(e.currentTarget.files)}
        />
        {opened && (
          <button
            type="button"
            class="button button-secondary"
            onClick={() =>
              void opened().then((files) => {
                if (files) onOpen({ session: createSession('scenario', files, true), folder: null });
              })
            }
          >
            {t('editor.start.editOpened')}
          </button>
        )}
      </div>
      {error && (
        <p class="author-alert author-alert-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
