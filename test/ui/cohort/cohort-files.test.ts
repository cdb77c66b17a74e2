import { describe, expect, it } from 'vitest';
import type { CohortRow } from '../../../src/engine/results/cohort.ts';
import { MAX_FILE_BYTES } from '../../../src/engine/scenario/load-scenario.ts';
import {
  type EntryLike,
  filesFromEntries,
  MAX_FOLDER_DEPTH,
  type PickedRunFile,
  readPickedFiles,
} from '../../../src/ui/cohort/cohort-files.ts';
import { mergeHeld, minutesAndSeconds, sortRows } from '../../../src/ui/cohort/cohort-model.ts';

const picked = (path: string, text: string, size = text.length): PickedRunFile => ({
  path,
  size,
  text: async () => text,
});

describe('reading picked run files', () => {
  it('reads .json files, lists the others unread, and refuses huge or unreadable ones with a reason', async () => {
    const read = await readPickedFiles([
      picked('runs/a.json', '{}'),
      picked('runs/B.JSON', '{"x":1}'),
      picked('runs/notes.txt', 'hello'),
      picked('runs/huge.json', '', MAX_FILE_BYTES + 1),
      { path: 'runs/gone.json', size: 10, text: () => Promise.reject(new Error('file was moved')) },
    ]);
    expect(read.files).toEqual([
      { name: 'runs/a.json', text: '{}' },
      { name: 'runs/B.JSON', text: '{"x":1}' },
    ]);
    expect(read.ignored).toEqual(['runs/notes.txt']);
    expect(read.refused.map((r) => [r.file, r.reason])).toEqual([
      ['runs/huge.json', 'damaged'],
      ['runs/gone.json', 'damaged'],
    ]);
    expect(read.refused[0]!.diagnostics[0]!.message).toContain(`limit is ${MAX_FILE_BYTES} bytes`);
    expect(read.refused[1]!.diagnostics[0]!.message).toContain('file was moved');
  });

  it('stops walking a folder nested deeper than the bound, and says so', async () => {
    const deep = (depth: number): EntryLike => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name: `d${depth}`,
        fullPath: `/d${depth}`,
        createReader: () => ({
          readEntries: (ok) => {
            ok(given ? [] : [deep(depth + 1)]);
            given = true;
          },
        }),
      };
    };
    const walked = await filesFromEntries([deep(0)]);
    expect(walked).toEqual({ files: [], truncated: true });
    expect(MAX_FOLDER_DEPTH).toBeGreaterThan(2);
  });
});

describe('the trainee table model', () => {
  const row = (trainee: string, score: number | null): CohortRow => ({
    file: `${trainee}.json`,
    trainee,
    traineeId: null,
    namedByFile: false,
    scenario: { id: 's', version: '1.0.0' },
    startedAt: null,
    counted: score !== null,
    score,
    result: score === null ? 'not-scored' : score >= 70 ? 'passed' : 'failed',
    criticalDonts: score === null ? null : 0,
    duration: null,
    decisionTime: null,
    ending: null,
    flags: [],
    notes: [],
  });
  const rows = [row('Cy', 40), row('Ama', null), row('Ben', 90), row('Dee', 40)];

  it('sorts by score either way, keeping unscored runs last and ties by name', () => {
    expect(sortRows(rows, 'score', 'descending').map((r) => r.trainee)).toEqual(['Ben', 'Cy', 'Dee', 'Ama']);
    expect(sortRows(rows, 'score', 'ascending').map((r) => r.trainee)).toEqual(['Cy', 'Dee', 'Ben', 'Ama']);
    expect(sortRows(rows, 'trainee', 'descending').map((r) => r.trainee)).toEqual([
      'Dee',
      'Cy',
      'Ben',
      'Ama',
    ]);
  });

  it('keeps a file read again once, and a different file of the same name beside it', () => {
    const held = { files: [{ name: 'a.json', text: 'one' }], refused: [], ignored: ['x.txt'] };
    const merged = mergeHeld(held, {
      files: [
        { name: 'a.json', text: 'one' },
        { name: 'a.json', text: 'another trainee' },
        { name: 'b.json', text: 'b' },
      ],
      refused: [],
      ignored: ['x.txt'],
    });
    expect(merged.files).toEqual([
      { name: 'a.json', text: 'one' },
      { name: 'a.json (2)', text: 'another trainee' },
      { name: 'b.json', text: 'b' },
    ]);
    expect(merged.ignored).toEqual(['x.txt']);
  });

  it('splits seconds into minutes and seconds', () => {
    expect(minutesAndSeconds(629.4)).toEqual({ minutes: 10, seconds: 29 });
    expect(minutesAndSeconds(59)).toEqual({ minutes: 0, seconds: 59 });
  });
});
