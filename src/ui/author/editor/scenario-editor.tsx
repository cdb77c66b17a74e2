import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LintReport } from '../../../engine/analysis/lint-scenario.ts';
import { formatDiagnostic } from '../../../engine/scenario/diagnostic.ts';
import type { LoadResult, ScenarioBundle } from '../../../engine/scenario/load-scenario.ts';
import { useI18n } from '../../i18n-context.tsx';
import { graphMarks } from '../author-model.ts';
import { type LintRunner, lintInWorker } from '../lint-runner.ts';
import { ScenarioGraph } from '../scenario-graph.tsx';
import { followDrag } from './drag-connect.ts';
import {
  canUseFolders,
  chooseFolder,
  downloadFiles,
  type FolderHandle,
  writeFolder,
} from './editor-files.ts';
import {
  addEnding,
  addOption,
  addStep,
  checkFiles,
  connect,
  fillTranslation,
  lenientScenario,
  list,
  markAllUntranslated,
  moveStep,
  NEW_TEXTS,
  removeEnding,
  removeField,
  removeOption,
  removeStep,
  renameId,
  type ScenarioData,
  scenarioData,
  setField,
  setTranslation,
  sourceTexts,
} from './editor-model.ts';
import {
  applyEdit,
  type DraftStore,
  type EditorFiles,
  type EditorSession,
  filesByName,
  isDirty,
  markSaved,
  redo,
  undo,
} from './editor-session.ts';
import { ElsewhereNote, EndingsForm, ScenarioForm } from './scenario-form.tsx';
import { type StepActions, StepForm } from './step-form.tsx';
import { TranslationTab } from './translation-tab.tsx';
import { addItem, type YamlPath } from './yaml-edit.ts';

type Tab = 'scenario' | 'steps' | 'endings' | 'translation';
const TABS: readonly Tab[] = ['scenario', 'steps', 'endings', 'translation'];
const CHECK_DELAY_MS = 250;
const LINT_DELAY_MS = 700;
const DRAFT_DELAY_MS = 400;
const TRANSLATION_LANG = 'fr';

/** An editing session with where it saves to, kept while the trainer plays it and comes back. */
export interface EditorState {
  session: EditorSession;
  folder: FolderHandle | null;
}

/**
 * The visual editor: forms for the scenario, its steps, options and endings, the French side by
 * side with the English, and the graph; every edit is checked live as `pocsim validate` and
 * `pocsim lint` would, and written into the YAML text with the rest of the file untouched.
 */
export function ScenarioEditor({
  state,
  onState,
  drafts,
  onPlay,
  onClose,
  lint = lintInWorker,
}: {
  state: EditorState;
  onState(state: EditorState): void;
  drafts: DraftStore;
  onPlay(bundle: ScenarioBundle): void;
  onClose(): void;
  lint?: LintRunner;
}) {
  const { t, formatNumber } = useI18n();
  const { session, folder } = state;
  const stateRef = useRef(state);
  stateRef.current = state;
  // why: several edits may come before the next render (a field written on blur, then the click
  // that blurred it), so each builds on the session the last one made, not on the last render's
  const setSession = useCallback(
    (next: EditorSession) => {
      const state = { ...stateRef.current, session: next };
      stateRef.current = state;
      onState(state);
    },
    [onState],
  );
  const edit = useCallback(
    (fn: (files: EditorFiles) => EditorFiles, typing?: string) => {
      try {
        setSession(applyEdit(stateRef.current.session, fn, typing));
      } catch {
        // why: an edit the YAML cannot take (the file has a syntax error) changes nothing; the
        // checks panel says what is wrong with the file
      }
    },
    [setSession],
  );
  const [tab, setTab] = useState<Tab>('steps');
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [dragging, setDragging] = useState<string | null>(null);

  // The last readable data: forms keep showing it while the YAML has a syntax error.
  const parsed = useMemo(() => scenarioData(session.files), [session.files]);
  const lastGood = useRef<ScenarioData | undefined>(parsed);
  if (parsed) lastGood.current = parsed;
  const data = parsed ?? lastGood.current ?? {};

  const [check, setCheck] = useState<LoadResult | null>(null);
  const [lintReport, setLintReport] = useState<LintReport | null>(null);
  const [linting, setLinting] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setCheck(checkFiles(session.files)), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [session.files]);
  useEffect(() => {
    const bundle = check?.bundle;
    setLintReport(null);
    if (!bundle) return;
    let cancel = () => {};
    setLinting(true);
    const timer = setTimeout(() => {
      const job = lint(bundle.scenario);
      cancel = job.cancel;
      job.report.then(
        (r) => {
          setLintReport(r);
          setLinting(false);
        },
        () => setLinting(false),
      );
    }, LINT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancel();
    };
  }, [check, lint]);

  // Drafts: whatever is typed is kept until saved.
  useEffect(() => {
    if (!isDirty(session)) return;
    const timer = setTimeout(
      () => drafts.write({ name: session.name, files: session.files, at: new Date().toISOString() }),
      DRAFT_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [session, drafts]);

  // Undo and redo from the keyboard, outside text fields' own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.key.toLowerCase() !== 'z' && e.key.toLowerCase() !== 'y')) return;
      e.preventDefault();
      const s = stateRef.current.session;
      setSession(e.shiftKey || e.key.toLowerCase() === 'y' ? redo(s) : undo(s));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setSession]);

  const placeholders = NEW_TEXTS.step;
  const change = (path: YamlPath, value: unknown, typing?: string) => edit(setField(path, value), typing);
  const actions: StepActions = {
    change,
    remove: (path) => edit(removeField(path)),
    removeStep: (i) => edit(removeStep(data, i)),
    moveStep: (from, to) => edit(moveStep(from, to)),
    addStep: (after) => {
      const added = addStep(data, placeholders, after);
      edit(added.edit);
      setSelected(added.id);
    },
    addOption: (i) => edit(addOption(data, i, NEW_TEXTS.option, placeholders.feedback).edit),
    removeOption: (i, k) => edit(removeOption(data, i, k)),
    rename: (old, next) => {
      edit(renameId(data, old, next));
      if (selected === old) setSelected(next);
      setStatus(t('editor.rename.done', { old, next }));
    },
    connect: (path, target) => {
      const exit = path.reduce<ScenarioData | undefined>((v, k) => v?.[k as never], data);
      edit(connect(path, target, Array.isArray(exit?.routes)));
    },
    startDrag: (path, label, event) => {
      setDragging(label);
      followDrag(
        event.currentTarget as Element,
        event,
        (target) => actions.connect(path, target),
        (target) => {
          setDragging(null);
          setStatus(
            target
              ? t('editor.option.connected', { label, target })
              : t('editor.option.notConnected', { label }),
          );
        },
      );
    },
  };

  const save = async (pick: boolean) => {
    // why: the field that had focus wrote its last words on blur, after this render
    const { session } = stateRef.current;
    const named = filesByName(session.files);
    try {
      let target = folder;
      if (!target || pick) target = await chooseFolder();
      if (target) {
        await writeFolder(target, named);
        onState({ session: markSaved(session), folder: target });
        drafts.clear();
        setStatus(t('editor.toolbar.savedTo', { name: target.name }));
        return;
      }
      const names = downloadFiles(named);
      onState({ session: markSaved(session), folder: null });
      drafts.clear();
      setStatus(t('editor.toolbar.downloaded', { files: names.join(', ') }));
    } catch (e) {
      setStatus(t('editor.toolbar.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const draftBundle = useMemo<ScenarioBundle>(() => {
    const scenario = lenientScenario(data);
    const fr = session.files.translations[TRANSLATION_LANG];
    const frTexts = fr
      ? ((scenarioData({ scenario: fr, translations: {} })?.texts ?? {}) as Record<string, string>)
      : undefined;
    return {
      scenario,
      texts: { [scenario.language]: sourceTexts(data), ...(frTexts ? { fr: frTexts } : {}) },
    };
  }, [data, session.files.translations]);
  const marks = useMemo(
    () =>
      check?.bundle && lintReport
        ? graphMarks(check.bundle.scenario, lintReport)
        : graphMarks(draftBundle.scenario, null),
    [check, lintReport, draftBundle],
  );
  const select = (id: string) => {
    const isStep = list(data.steps).some((s) => s.id === id);
    setTab(isStep ? 'steps' : 'endings');
    setSelected(id);
    requestAnimationFrame(() =>
      document
        .querySelector(`[data-edit-step="${id}"],[data-edit-ending="${id}"]`)
        ?.scrollIntoView({ block: 'start' }),
    );
  };
  const dirty = isDirty(session);
  const errors = check?.diagnostics.filter((d) => d.severity === 'error') ?? [];

  return (
    <div class="ed">
      <div class="ed-toolbar card" role="toolbar" aria-label={t('editor.toolbar.label')}>
        <strong class="ed-name">{session.name}</strong>
        <button
          type="button"
          class="button button-secondary"
          disabled={session.past.length === 0}
          onClick={() => setSession(undo(session))}
          aria-keyshortcuts="Control+Z"
        >
          <span aria-hidden="true">↺</span> {t('editor.toolbar.undo')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={session.future.length === 0}
          onClick={() => setSession(redo(session))}
          aria-keyshortcuts="Control+Shift+Z"
        >
          <span aria-hidden="true">↻</span> {t('editor.toolbar.redo')}
        </button>
        <button type="button" class="button button-primary" onClick={() => void save(false)}>
          {folder
            ? t('editor.toolbar.save')
            : canUseFolders()
              ? t('editor.toolbar.saveAs')
              : t('editor.toolbar.download')}
        </button>
        {folder && (
          <button type="button" class="button button-secondary" onClick={() => void save(true)}>
            {t('editor.toolbar.saveAs')}
          </button>
        )}
        <button
          type="button"
          class="button button-secondary"
          disabled={!check?.bundle}
          onClick={() => check?.bundle && onPlay(check.bundle)}
        >
          {t('editor.toolbar.play')} <span aria-hidden="true">→</span>
        </button>
        <span class="ed-spacer" />
        <button
          type="button"
          class="button button-link"
          onClick={() => {
            if (!dirty || window.confirm(t('editor.toolbar.closeUnsaved'))) onClose();
          }}
        >
          {t('editor.toolbar.close')}
        </button>
        <p class="ed-status muted" role="status">
          {status || (dirty ? t('editor.toolbar.unsaved') : t('editor.toolbar.saved'))}
        </p>
      </div>
      {dragging && (
        <p class="ed-dragging" role="status">
          {t('editor.option.dragging', { label: dragging })}
        </p>
      )}
      <div class="ed-layout">
        <div class="ed-main">
          <div class="ed-tabs" role="tablist" aria-label={t('editor.tabs.label')}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`ed-tab-${k}`}
                aria-selected={tab === k}
                aria-controls="ed-panel"
                class={`ed-tab${tab === k ? ' ed-tab-on' : ''}`}
                onClick={() => setTab(k)}
              >
                {t(`editor.tabs.${k}`)}
              </button>
            ))}
          </div>
          <div id="ed-panel" role="tabpanel" aria-labelledby={`ed-tab-${tab}`}>
            {tab === 'scenario' && (
              <>
                <ScenarioForm
                  data={data}
                  change={change}
                  remove={actions.remove}
                  addObjective={() =>
                    edit((f) => ({
                      ...f,
                      scenario: addItem(f.scenario, ['objectives'], NEW_TEXTS.objective),
                    }))
                  }
                />
                <ElsewhereNote data={data} />
              </>
            )}
            {tab === 'steps' && (
              <>
                {list(data.steps).map((s, i) => (
                  <StepForm
                    key={`${i}-${s.id}`}
                    data={data}
                    index={i}
                    actions={actions}
                    selected={selected === s.id}
                  />
                ))}
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => actions.addStep(list(data.steps).length - 1)}
                >
                  {t('editor.step.add')}
                </button>
              </>
            )}
            {tab === 'endings' && (
              <EndingsForm
                data={data}
                change={change}
                onAdd={() => edit(addEnding(data, NEW_TEXTS.endingTitle, NEW_TEXTS.endingText).edit)}
                onRemove={(i) => edit(removeEnding(data, i))}
                onRename={actions.rename}
              />
            )}
            {tab === 'translation' && (
              <TranslationTab
                lang={TRANSLATION_LANG}
                text={session.files.translations[TRANSLATION_LANG]}
                source={draftBundle.texts[draftBundle.scenario.language] ?? {}}
                onChange={(key, value, untranslated) =>
                  edit(setTranslation(TRANSLATION_LANG, key, value, untranslated))
                }
                onFill={(present) =>
                  edit(fillTranslation(TRANSLATION_LANG, draftBundle.texts.en ?? {}, present))
                }
                onCreate={() =>
                  edit((f) => ({
                    ...f,
                    translations: {
                      ...f.translations,
                      [TRANSLATION_LANG]: markAllUntranslated(newTranslation(data, TRANSLATION_LANG)),
                    },
                  }))
                }
              />
            )}
          </div>
        </div>
        <aside class="ed-side">
          <section class="card ed-checks-panel" aria-labelledby="ed-checks-h">
            <h2 id="ed-checks-h">{t('editor.problems.heading')}</h2>
            <div aria-live="polite">
              {!parsed && <p class="author-alert author-alert-error">{t('editor.problems.yaml')}</p>}
              {!check ? (
                <p class="muted">{t('editor.problems.checking')}</p>
              ) : errors.length === 0 ? (
                <p class="lint-clean">✓ {t('editor.problems.none')}</p>
              ) : (
                <p class="author-alert author-alert-error">
                  {t('author.problems.errors', { count: errors.length })}
                </p>
              )}
              {check && check.diagnostics.length > 0 && (
                <ul class="diagnostics ed-diagnostics">
                  {check.diagnostics.map((d, i) => (
                    <li key={i} class={`diagnostic diagnostic-${d.severity}`}>
                      <span class="diagnostic-tag">{t(`author.problems.${d.severity}`)}</span>
                      <code class="diagnostic-line">{formatDiagnostic(d)}</code>
                    </li>
                  ))}
                </ul>
              )}
              {linting && !lintReport && <p class="muted">{t('editor.problems.lintRunning')}</p>}
              {lintReport && (
                <p>
                  {t('editor.problems.lint', {
                    states: formatNumber(lintReport.states),
                    reached: lintReport.endings.length,
                    endings: list(data.endings).length,
                  })}
                </p>
              )}
              {lintReport?.unreachableEndings.map((id) => (
                <p key={id} class="lint-finding">
                  {t('author.lint.unreachableEnding', { id })}
                </p>
              ))}
            </div>
          </section>
          <section class="card ed-graph" aria-labelledby="ed-graph-h">
            <h2 id="ed-graph-h">{t('editor.graph.heading')}</h2>
            <p class="muted">{t('editor.graph.hint')}</p>
            <GraphTools
              steps={list(data.steps)}
              selected={selected}
              onAdd={(after) => {
                actions.addStep(after);
                setTab('steps');
              }}
              onMove={(from, to) => {
                actions.moveStep(from, to);
                setTab('steps');
              }}
            />
            <ScenarioGraph bundle={draftBundle} marks={marks} onPlayFrom={select} />
          </section>
        </aside>
      </div>
    </div>
  );
}

/** Adds a step after the one chosen on the graph (or last) and moves the chosen step in the file's order. */
function GraphTools({
  steps,
  selected,
  onAdd,
  onMove,
}: {
  steps: ScenarioData[];
  selected: string | null;
  onAdd(after: number): void;
  onMove(from: number, to: number): void;
}) {
  const { t } = useI18n();
  const index = steps.findIndex((s) => s.id === selected);
  const chosen = steps[index];
  return (
    <div class="ed-graph-tools">
      <p class="ed-graph-chosen" aria-live="polite">
        {chosen
          ? t('editor.graph.chosen', {
              title: typeof chosen.title === 'string' ? chosen.title : String(chosen.id),
              id: String(chosen.id),
              n: index + 1,
              count: steps.length,
            })
          : t('editor.graph.noneChosen')}
      </p>
      {/* why: icon buttons with their names in aria-label and title keep the graph in sight on a 768 px laptop */}
      <button
        type="button"
        class="button button-secondary ed-small"
        title={index >= 0 ? t('editor.graph.addAfter') : undefined}
        onClick={() => onAdd(index >= 0 ? index : steps.length - 1)}
      >
        {t('editor.step.add')}
      </button>
      <button
        type="button"
        class="button button-secondary ed-small"
        aria-label={t('editor.graph.earlier')}
        title={t('editor.graph.earlier')}
        disabled={index <= 0}
        onClick={() => onMove(index, index - 1)}
      >
        ▲
      </button>
      <button
        type="button"
        class="button button-secondary ed-small"
        aria-label={t('editor.graph.later')}
        title={t('editor.graph.later')}
        disabled={index < 0 || index >= steps.length - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ▼
      </button>
    </div>
  );
}

/** A translation file for the scenario's texts as they are now (each text the source, to translate). */
function newTranslation(data: ScenarioData, lang: string): string {
  const texts = sourceTexts(data);
  const header = `# yaml-language-server: $schema=../../schema/translation.schema.json\n`;
  const body = [
    `language: ${lang}`,
    `scenario: ${String(data.id ?? '')}`,
    `sourceVersion: ${String(data.version ?? '1.0.0')}`,
    'texts: {}',
    '',
  ].join('\n');
  let out = header + body;
  out = fillTranslation(lang, texts, new Set())({ scenario: '', translations: { [lang]: out } }).translations[
    lang
  ]!;
  return out;
}
