import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/engine/doctrine/catalogue.ts';
import { parseRunFile } from '../../../src/engine/results/run-file.ts';
import { placeRun } from '../../../src/engine/results/run-standing.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { textKey } from '../../../src/engine/scenario/text-keys.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { buildReportModel } from '../../../src/engine/score/report-model.ts';
import { createI18n } from '../../../src/i18n/i18n.ts';
import '../../../src/ui/debrief/debrief-strings.ts';
import {
  csvField,
  decisionsCsv,
  exportName,
  runFileOf,
  runJsonFile,
  toCsv,
} from '../../../src/ui/debrief/exports.ts';
import { createReportContext } from '../../../src/ui/debrief/report-text.ts';
import { miniBundle } from '../fixtures.ts';

/** Splits CSV text (RFC 4180, CRLF) into rows of fields; a small reader so the test checks what a spreadsheet reads. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const bundle = miniBundle();
const log: RunEvent[] = [
  { type: 'clock.ticked', seconds: 12 },
  { type: 'decision.chosen', optionIds: ['open'] },
  { type: 'decision.chosen', optionIds: ['night-patrol', 'rally'] },
];
const debrief = buildDebrief(bundle.scenario, log);
const model = buildReportModel(bundle.scenario, debrief, CATALOGUE);
const ctx = (lang: 'en' | 'fr') => {
  const i18n = createI18n(lang);
  return createReportContext(i18n.t.bind(i18n), lang, bundle);
};

describe('CSV of decisions', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces, and disarms formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(42)).toBe('42');
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\uFEFFa,b\r\nc,d\r\n');
  });

  it('has one row per decision with step, prompt, choice, latency, time-out, score, doctrine ids and a better choice', () => {
    const text = decisionsCsv(model, ctx('en'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows[0]).toEqual([
      '#',
      'Step',
      'Question',
      'Choice',
      'Time taken (s)',
      'Time ran out',
      'Score',
      'Doctrine followed',
      'Doctrine broken',
      'Duties failed',
      'Better choice',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '1',
      'Arrival',
      'What do you do?',
      'Open the gate and screen',
      '12',
      'no',
      '100',
      '15.1-do-3 15.1-do-4',
      '',
      '',
      '',
    ]);
    expect(rows[2]).toEqual([
      '2',
      'Night',
      'Pick up to two.',
      'Night patrols + Allow a rally',
      '0',
      'no',
      String(model.decisions[1]!.score),
      '15.1-do-12',
      '15.1-dont-2',
      '',
      'Night patrols + Talk with CLAs',
    ]);
  });

  it('keeps every cell a spreadsheet could run as a formula as text, whatever the scenario says', () => {
    // why: step titles, questions and choice labels come from scenario files anyone can write;
    // the review's DDE payload starts with "-", which the first version let through.
    const hostile = miniBundle();
    const en = hostile.texts.en!;
    en[textKey.stepTitle('arrival')] = "-2+3+cmd|' /C calc'!A0";
    en[textKey.prompt('arrival')] = '@SUM(1+1)*cmd';
    en[textKey.optionLabel('open')] = '+1+1';
    en[textKey.stepTitle('night')] = '\t=1+1';
    en[textKey.prompt('night')] = '\r=1+1';
    en[textKey.optionLabel('rally')] = '＝1+1';
    const i18n = createI18n('en');
    const rows = readCsv(decisionsCsv(model, createReportContext(i18n.t.bind(i18n), 'en', hostile)).slice(1));
    const cells = rows.slice(1).flatMap((r) => r.slice(1, 4));
    expect(cells.length).toBeGreaterThan(4);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    expect(rows[1]![1]).toBe("'-2+3+cmd|' /C calc'!A0");
  });

  it('writes its headers in the UI language', () => {
    const rows = readCsv(decisionsCsv(model, ctx('fr')).slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['N°', 'Étape', 'Question', 'Choix']);
    expect(rows[1]![5]).toBe('non');
  });
});

describe('JSON run file', () => {
  it('is a run file that reads back and re-scores to the same debrief, with the trainee’s name and summary', () => {
    const run = runFileOf(debrief, {
      language: 'fr',
      log,
      traineeName: '  Amina Diallo ',
      startedAt: '2026-03-01T08:00:00.000Z',
      finishedAt: '2026-03-01T08:20:00.000Z',
      savedAt: '2026-03-01T08:21:00.000Z',
    });
    const file = runJsonFile(run, new Date('2026-03-01T08:21:00Z'));
    expect(file.name).toBe('mini-gate-amina-diallo-2026-03-01.json');
    expect(file.type).toBe('application/json');
    const back = parseRunFile(file.text, file.name);
    if (!back.ok) throw new Error(JSON.stringify(back.diagnostics));
    expect(back.run).toMatchObject({
      scenario: { id: 'mini-gate', version: '1.0.0' },
      language: 'fr',
      trainee: { name: 'Amina Diallo' },
      log,
      summary: { overall: debrief.score.overall, passed: false, ending: 'end-mixed' },
    });
    const standing = placeRun(back.run, [bundle.scenario]);
    expect(standing.kind).toBe('current');
    if (standing.kind === 'current') expect(standing.debrief.score).toEqual(debrief.score);
  });

  it('leaves the trainee out when no name was given', () => {
    const run = runFileOf(debrief, {
      language: 'en',
      log,
      traineeName: '   ',
      savedAt: '2026-03-01T08:21:00.000Z',
    });
    expect(run.trainee).toBeUndefined();
  });

  it('names files after the scenario, the name and the day, safe on every system', () => {
    const day = new Date('2026-03-01T10:00:00Z');
    expect(exportName('15-1-base-gate', 'Élodie N’Guessan / 3 Coy', day, 'csv')).toBe(
      '15-1-base-gate-elodie-n-guessan-3-coy-2026-03-01.csv',
    );
    expect(exportName('mini', undefined, day, 'json')).toBe('mini-2026-03-01.json');
  });
});
