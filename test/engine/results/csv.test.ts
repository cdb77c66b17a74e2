import { describe, expect, it } from 'vitest';
import { csvCell, csvLines, disarmFormula } from '../../../src/engine/results/csv.ts';

describe('the one CSV cell rule', () => {
  it.each([
    ['=HYPERLINK("http://x")'],
    ['+1+1'],
    ["-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['  =1+1'],
    ['＝1+1'],
    ['－1+1'],
  ])('keeps %j as text', (text) => {
    expect(disarmFormula(text)).toBe(`'${text}`);
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(csvCell('Capt. Amina Diallo')).toBe('Capt. Amina Diallo');
    expect(csvCell('a-b')).toBe('a-b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes rows with CRLF line ends', () => {
    expect(
      csvLines([
        ['a', 1],
        [null, '-x'],
      ]),
    ).toBe("a,1\r\n,'-x\r\n");
  });
});
