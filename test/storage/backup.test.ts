import { describe, expect, it } from 'vitest';
import { createRunFile, serializeRunFile } from '../../src/engine/results/run-file.ts';
import {
  BACKUP_VERSION,
  type BackupContents,
  backupFileName,
  parseBackup,
  planImport,
  serializeBackup,
} from '../../src/storage/backup.ts';
import { fakeSavedRun } from './factories.ts';

const contents = (partial: Partial<BackupContents> = {}): BackupContents => ({
  runs: [
    fakeSavedRun({ id: 'a', log: [{ type: 'clock.ticked', seconds: 5 }] }),
    fakeSavedRun({
      id: 'b',
      status: 'finished',
      log: [{ type: 'decision.chosen', optionIds: ['push-back'] }],
    }),
  ],
  progress: { 'mini-gate': { finished: 1, best: 0, passed: false } },
  settings: { language: 'fr', muted: true, volume: 0.5 },
  exportedAt: '2026-03-02T10:00:00.000Z',
  ...partial,
});

describe('backup files', () => {
  it('carry runs, progress and settings there and back', () => {
    const text = serializeBackup(contents());
    const read = parseBackup(text, 'backup.json');
    expect(read).toEqual({
      ok: true,
      runs: contents().runs,
      damaged: [],
      progress: contents().progress,
      settings: contents().settings,
    });
    expect(JSON.parse(text)).toMatchObject({ format: 'pocsim-backup', formatVersion: BACKUP_VERSION });
    expect(backupFileName(new Date('2026-03-02T10:00:00Z'))).toBe('pocsim-runs-2026-03-02.json');
  });

  it('keep set-aside records as they were found', () => {
    const raw = { id: 'x', status: 'lost' };
    const text = serializeBackup(
      contents({ setAside: [{ ok: false, id: 'x', reason: 'damaged', detail: 'status', raw }] }),
    );
    expect(JSON.parse(text).setAside).toEqual([{ id: 'x', reason: 'damaged', detail: 'status', raw }]);
  });

  it('import the good runs of a file and place each damaged one at its line and field', () => {
    const good = contents();
    const text = serializeBackup(good).replace('"push-back"', '42');
    const read = parseBackup(text, 'backup.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.runs.map((r) => r.id)).toEqual(['a']);
    expect(read.damaged).toHaveLength(1);
    const [d] = read.damaged;
    const line = text.split('\n').findIndex((l) => l.includes('42')) + 1;
    expect(d).toMatchObject({ file: 'backup.json', line, field: 'runs[1].run.log[0].optionIds[0]' });
    expect(d!.col).toBe(text.split('\n')[line - 1]!.indexOf('42') + 1);
  });

  it('say where a file stops being JSON', () => {
    const text = '{\n  "format": "pocsim-backup",\n  "runs": [,]\n}';
    const read = parseBackup(text, 'broken.json');
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.diagnostics[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^not JSON/) });
  });

  it('refuse other files and newer backups with a reason', () => {
    const other = parseBackup('{"format":"something"}', 'x.json');
    expect(other.ok || other.diagnostics[0]!.message).toMatch(/not a pocsim backup/);
    const newer = parseBackup(
      serializeBackup(contents()).replace('"formatVersion":1', '"formatVersion":9'),
      'n.json',
    );
    expect(newer.ok || newer.diagnostics[0]!.message).toMatch(/newer pocsim.*update pocsim/);
    const empty = parseBackup('  ', 'e.json');
    expect(empty.ok || empty.diagnostics[0]!.message).toBe('the file is empty');
  });

  it('read a backup larger than a scenario file may be, with its positions', () => {
    const runs = Array.from({ length: 3000 }, (_, i) =>
      fakeSavedRun({
        id: `run-${i}`,
        log: Array.from({ length: 20 }, () => ({ type: 'step.continued' as const })),
      }),
    );
    const text = serializeBackup(contents({ runs })).replace(
      '"id":"run-2500","status":"in-progress"',
      '"id":"run-2500","status":"paused"',
    );
    expect(text.length).toBeGreaterThan(1_000_000);
    const read = parseBackup(text, 'big.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.runs).toHaveLength(2999);
    expect(read.damaged[0]).toMatchObject({ field: 'runs[2500].status', line: 2500 + 5 });
  });

  it('import a single run file, the same file twice under the same id', () => {
    const run = createRunFile({
      scenario: { id: 'mini-gate', version: '1.0.0' },
      language: 'en',
      log: [{ type: 'decision.chosen', optionIds: ['push-back'] }],
      startedAt: '2026-03-01T08:00:00.000Z',
      finishedAt: '2026-03-01T08:01:00.000Z',
    });
    const a = parseBackup(serializeRunFile(run), 'one.json');
    const b = parseBackup(serializeRunFile(run), 'again.json');
    expect(a.ok && a.runs[0]?.status).toBe('finished');
    expect(a.ok && b.ok && a.runs[0]!.id === b.runs[0]!.id).toBe(true);
  });
});

describe('planning an import', () => {
  const base = fakeSavedRun({ id: 'r', log: [{ type: 'decision.chosen', optionIds: ['open'] }] });
  const further = fakeSavedRun({
    id: 'r',
    log: [
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'clock.ticked', seconds: 3 },
    ],
  });

  it('adds new runs, updates runs that went further, and skips what is already here', () => {
    const plan = planImport([base], [further, fakeSavedRun({ id: 'new' })]);
    expect(plan.added.map((r) => r.id)).toEqual(['new']);
    expect(plan.updated).toEqual([further]);
    expect(planImport([further], [base]).skipped).toEqual([base]);
    expect(planImport([base], [base]).skipped).toEqual([base]);
  });

  it('keeps both copies of a run that went two ways', () => {
    const other = fakeSavedRun({ id: 'r', log: [{ type: 'decision.chosen', optionIds: ['push-back'] }] });
    const plan = planImport([base], [other]);
    expect(plan.keptBeside.map((r) => r.id)).toEqual(['r~imported']);
    expect(plan.outcomes).toEqual([{ kind: 'kept-beside', id: 'r~imported', of: 'r' }]);
    // importing it again changes nothing
    const again = planImport([base, ...plan.keptBeside], [other]);
    expect(again.skipped).toHaveLength(1);
    expect(again.outcomes).toEqual([{ kind: 'already-here', id: 'r~imported' }]);
  });

  it('takes a finished copy over an unfinished one with the same log', () => {
    const done = { ...base, status: 'finished' as const };
    expect(planImport([base], [done]).updated).toEqual([done]);
    expect(planImport([done], [base]).skipped).toEqual([base]);
  });
});

// why: review defect 3 — a second import of a run that had diverged, and went further on the other
// computer, was reported "already on this browser" and its new decisions were dropped.
describe('importing a run carried between two computers again and again', () => {
  const chose = (...ids: string[]) =>
    ids.map((id) => ({ type: 'decision.chosen' as const, optionIds: [id] }));
  const here = fakeSavedRun({ id: 'R', log: chose('alert-plan', 'gate-open-adjacent') });
  const importedBefore = fakeSavedRun({ id: 'R~imported', log: chose('alert-plan', 'gate-disperse') });

  it('brings the earlier imported copy up to date when the file went further along it', () => {
    const further = fakeSavedRun({ id: 'R', log: chose('alert-plan', 'gate-disperse', 'road-block') });
    const plan = planImport([here, importedBefore], [further]);
    expect(plan.updated.map((r) => [r.id, r.run.log.length])).toEqual([['R~imported', 3]]);
    expect(plan.skipped).toEqual([]);
    expect(plan.outcomes).toEqual([{ kind: 'updated', id: 'R~imported' }]);
  });

  it('brings it up to date when the file’s copy is the same run, finished', () => {
    const finished = { ...importedBefore, id: 'R', status: 'finished' as const };
    const plan = planImport([here, importedBefore], [finished]);
    expect(plan.updated.map((r) => [r.id, r.status])).toEqual([['R~imported', 'finished']]);
  });

  it('keeps a copy that went a third way beside the other two', () => {
    const third = fakeSavedRun({ id: 'R', log: chose('alert-plan', 'gate-wait') });
    const plan = planImport([here, importedBefore], [third]);
    expect(plan.keptBeside.map((r) => r.id)).toEqual(['R~imported-2']);
    expect(plan.skipped).toEqual([]);
    // and a fourth, once the third is here
    const fourth = fakeSavedRun({ id: 'R', log: chose('alert-plan', 'gate-close') });
    expect(
      planImport([here, importedBefore, ...plan.keptBeside], [fourth]).keptBeside.map((r) => r.id),
    ).toEqual(['R~imported-3']);
  });

  it('never keeps the shorter copy: a file behind this browser changes nothing, and says where the run is', () => {
    const behind = fakeSavedRun({ id: 'R', log: chose('alert-plan') });
    const plan = planImport([here, importedBefore], [behind]);
    expect(plan.updated).toEqual([]);
    expect(plan.outcomes).toEqual([{ kind: 'already-here', id: 'R' }]);
  });

  it('compares a copy exported under its ~imported id with every copy of its run', () => {
    const exported = fakeSavedRun({
      id: 'R~imported',
      log: chose('alert-plan', 'gate-disperse', 'road-block'),
    });
    const plan = planImport([here, importedBefore], [exported]);
    expect(plan.outcomes).toEqual([{ kind: 'updated', id: 'R~imported' }]);
    const diverged = fakeSavedRun({ id: 'R~imported', log: chose('alert-plan', 'gate-wait') });
    expect(planImport([here, importedBefore], [diverged]).outcomes).toEqual([
      { kind: 'kept-beside', id: 'R~imported-2', of: 'R' },
    ]);
  });
});
