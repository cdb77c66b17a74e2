import { describe, expect, it } from 'vitest';
import {
  createRunFile,
  MIN_RUN_FILE_VERSION,
  RUN_FILE_FORMAT,
  RUN_FILE_VERSION,
  runFileSchema,
} from '../../src/engine/results/run-file.ts';
import type { RunEvent } from '../../src/engine/run/run-state.ts';
import {
  checkStoredRun,
  decisionsOf,
  MIN_RUN_VERSION,
  RUN_FORMAT,
  RUN_VERSION,
  secondsOf,
} from '../../src/storage/saved-run.ts';
import { fakeSavedRun } from './factories.ts';

describe('saved runs', () => {
  it('write the same run-file format and versions as exports and the CLI', () => {
    expect([RUN_FORMAT, RUN_VERSION, MIN_RUN_VERSION]).toEqual([
      RUN_FILE_FORMAT,
      RUN_FILE_VERSION,
      MIN_RUN_FILE_VERSION,
    ]);
    // a saved run's file passes the full schema the cohort view and the CLI read with
    expect(runFileSchema.safeParse(fakeSavedRun().run).success).toBe(true);
  });

  it('read back a well-formed record, including one built by createRunFile', () => {
    const run = createRunFile({
      scenario: { id: 'mini-gate', version: '1.0.0' },
      language: 'fr',
      log: [{ type: 'decision.chosen', optionIds: ['open'] }, { type: 'step.continued' }],
    });
    const read = checkStoredRun({ id: 'x', status: 'finished', savedAt: '2026-03-01T08:00:00Z', run });
    expect(read.ok).toBe(true);
  });

  it.each([
    ['not an object', 'text', 'not a saved run'],
    ['no id', { ...fakeSavedRun(), id: '' }, 'id: missing'],
    ['a bad status', { ...fakeSavedRun(), status: 'paused' }, 'status'],
    ['another format', { ...fakeSavedRun(), run: { ...fakeSavedRun().run, format: 'x' } }, 'run.format'],
    ['a bad event', fakeSavedRun({ log: [{ type: 'clock.ticked', seconds: -1 }] }), 'run.log[0]'],
    ['a bad language', { ...fakeSavedRun(), run: { ...fakeSavedRun().run, language: 'de' } }, 'run.language'],
  ])('set aside a record with %s, saying where', (_name, value, detail) => {
    const read = checkStoredRun(value);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason).toBe('damaged');
      expect(read.detail).toContain(detail);
      expect(read.raw).toBe(value);
    }
  });

  it('tell a run written by a newer pocsim apart from a damaged one', () => {
    const newer = { ...fakeSavedRun(), run: { ...fakeSavedRun().run, formatVersion: RUN_VERSION + 1 } };
    const read = checkStoredRun(newer);
    expect(read).toMatchObject({ ok: false, reason: 'newer-format', id: 'run-1' });
  });

  it('sum the clock and list the decisions of a log', () => {
    const log: RunEvent[] = [
      { type: 'clock.ticked', seconds: 4 },
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'clock.ticked', seconds: 3 },
      { type: 'decision.chosen', optionIds: ['cla', 'night-patrol'] },
    ];
    expect(secondsOf(log)).toBe(7);
    expect(decisionsOf(log)).toEqual([['open'], ['cla', 'night-patrol']]);
  });
});
