import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildStarterScenario } from '../../../../src/cli/new-scenario.ts';
import {
  addEnding,
  addStep,
  checkFiles,
  connect,
  markAllUntranslated,
  NEW_TEXTS,
  removeStep,
  renameId,
  renameProblem,
  scenarioData,
  setTranslation,
  UNTRANSLATED,
} from '../../../../src/ui/author/editor/editor-model.ts';
import {
  applyEdit,
  createSession,
  type Draft,
  type EditorFiles,
  isDirty,
  localDraftStore,
  markSaved,
  redo,
  undo,
} from '../../../../src/ui/author/editor/editor-session.ts';
import { keysMarked } from '../../../../src/ui/author/editor/yaml-edit.ts';

function starter(): EditorFiles {
  const files = buildStarterScenario('night-alert', '15.4', ['en', 'fr']);
  return { scenario: files['scenario.yaml']!, translations: { fr: markAllUntranslated(files['fr.yaml']!) } };
}

describe('editing a scenario through its files', () => {
  it('starts from a template that validates, with every French text marked untranslated', () => {
    const files = starter();
    expect(checkFiles(files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const keys = Object.keys(parse(files.translations.fr!).texts);
    expect(keysMarked(files.translations.fr!, ['texts'], UNTRANSLATED).size).toBe(keys.length);
  });

  it('adds a step with its texts in both files, connects it, and reports what validate reports', () => {
    let files = starter();
    const data = scenarioData(files)!;
    const added = addStep(data, NEW_TEXTS.step, 0);
    files = added.edit(files);
    // unreachable until something leads there: the same message as `pocsim validate`
    expect(checkFiles(files).diagnostics.map((d) => d.message)).toContain(
      `step "${added.id}" is unreachable from start`,
    );
    files = connect(['steps', 0, 'decision', 'options', 0], added.id, false)(files);
    expect(checkFiles(files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fr = parse(files.translations.fr!).texts;
    expect(fr[`steps.${added.id}.title`]).toBe('New step');
    expect(keysMarked(files.translations.fr!, ['texts'], UNTRANSLATED).has(`steps.${added.id}.title`)).toBe(
      true,
    );
    // translating clears the mark
    files = setTranslation('fr', `steps.${added.id}.title`, 'Nouvelle étape', false)(files);
    expect(keysMarked(files.translations.fr!, ['texts'], UNTRANSLATED).has(`steps.${added.id}.title`)).toBe(
      false,
    );
    // removing the step removes its texts from the translation too
    files = connect(['steps', 0, 'decision', 'options', 0], 'end-protected', false)(files);
    files = removeStep(scenarioData(files)!, 1)(files);
    const left = Object.keys(parse(files.translations.fr!).texts);
    expect(
      left.filter((k) => k.startsWith(`steps.${added.id}.`) || k.startsWith(`options.${added.id}-`)),
    ).toEqual([]);
    expect(checkFiles(files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('adds an ending with a fresh id', () => {
    const files = starter();
    const a = addEnding(scenarioData(files)!, 'Title', 'Text');
    expect(a.id).toBe('end');
    const b = addEnding(scenarioData(a.edit(files))!, 'Title', 'Text');
    expect(b.id).toBe('end-2');
  });
});

describe('undo, redo and drafts', () => {
  const base: EditorFiles = { scenario: 'a: 1\n', translations: {} };
  const set = (v: string) => (f: EditorFiles) => ({ ...f, scenario: `a: ${v}\n` });

  it('undoes and redoes edits, typing in one field making one step', () => {
    let s = createSession('x', base, true);
    s = applyEdit(s, set('2'), 'a');
    s = applyEdit(s, set('23'), 'a');
    s = applyEdit(s, set('4'));
    expect(s.past).toHaveLength(2);
    s = undo(s);
    expect(s.files.scenario).toBe('a: 23\n');
    s = undo(s);
    expect(s.files.scenario).toBe('a: 1\n');
    expect(isDirty(s)).toBe(false);
    s = redo(redo(s));
    expect(s.files.scenario).toBe('a: 4\n');
    expect(isDirty(s)).toBe(true);
    expect(isDirty(markSaved(s))).toBe(false);
  });

  it('keeps a draft in local storage and reads it back; a broken one reads as none', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    const store = localDraftStore(storage);
    const draft: Draft = { name: 'x', files: base, at: '2026-12-07T12:00:00Z' };
    store.write(draft);
    expect(localDraftStore(storage).read()).toEqual(draft);
    data.set([...data.keys()][0]!, '{not json');
    expect(store.read()).toBeNull();
    store.clear();
    expect(store.read()).toBeNull();
  });
});

describe('the editor reads the bundled scenarios', () => {
  it('parses a bundled scenario into the data the forms show', () => {
    const text = readFileSync('scenarios/15-4-conflict-zone/scenario.yaml', 'utf8');
    const data = scenarioData({ scenario: text, translations: {} })!;
    expect(data.id).toBe('15-4-conflict-zone');
    expect(Array.isArray(data.steps)).toBe(true);
  });
});

describe('renaming an id', () => {
  const folder = 'scenarios/15-4-conflict-zone';
  const files: EditorFiles = {
    scenario: readFileSync(`${folder}/scenario.yaml`, 'utf8'),
    translations: { fr: readFileSync(`${folder}/fr.yaml`, 'utf8') },
  };
  const changed = (a: string, b: string) => {
    const x = a.split('\n');
    const y = b.split('\n');
    expect(y.length).toBe(x.length);
    return x.filter((line, i) => line !== y[i]).length;
  };

  it('renames a step, the start and every next that leads to it, and its French texts, losing nothing', () => {
    const data = scenarioData(files)!;
    const before = checkFiles(files);
    const out = renameId(data, 'survey', 'valley-survey')(files);
    const after = checkFiles(out);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(after.diagnostics.length).toBe(before.diagnostics.length);
    const s = after.bundle!.scenario;
    expect(s.start).toBe('valley-survey');
    expect(s.steps.map((x) => x.id)).toContain('valley-survey');
    expect(after.bundle!.texts.fr!['steps.valley-survey.title']).toBe(
      before.bundle!.texts.fr!['steps.survey.title'],
    );
    // only the lines that held the id changed: its own, the start, and the French keys
    expect(changed(files.scenario, out.scenario)).toBe(2);
    expect(changed(files.translations.fr!, out.translations.fr!)).toBe(
      files.translations.fr!.split('\n').filter((l) => l.includes('steps.survey.')).length,
    );
  });

  it('renames an option and the routes whose condition names it', () => {
    const data = scenarioData(files)!;
    const out = renameId(data, 'night-recall', 'pull-back')(files);
    const after = checkFiles(out);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.scenario).toContain('{ chose: pull-back }');
    expect(out.scenario).not.toContain('night-recall');
    expect(after.bundle!.texts.fr!['options.pull-back.label']).toMatch(/^Rappeler la 1re section/);
  });

  it('refuses an id that is malformed or already used', () => {
    const data = scenarioData(files)!;
    expect(renameProblem(data, 'survey', 'Survey 2')).toBe('badId');
    expect(renameProblem(data, 'survey', 'night-recall')).toBe('taken');
    expect(renameProblem(data, 'survey', 'survey')).toBeUndefined();
    expect(renameId(data, 'survey', 'night-recall')(files)).toEqual(files);
  });
});
