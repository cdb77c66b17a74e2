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
    expect(plan.added.map((r) => r.id)).toEqual(['r~imported']);
    // importing it again changes nothing
    expect(planImport([base, ...plan.added], [other]).skipped).toHaveLength(1);
  });

  it('takes a finished copy over an unfinished one with the same log', () => {
    const done = { ...base, status: 'finished' as const };
    expect(planImport([base], [done]).updated).toEqual([done]);
    expect(planImport([done], [base]).skipped).toEqual([base]);
  });
});
