import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../../../src/engine/analysis/doctrine-coverage.ts';
import { CHAPTER_15 } from '../../../src/engine/doctrine/chapter-15.ts';
import { miniBundle } from '../factories.ts';

describe('doctrine coverage', () => {
  const report = buildCoverage(CHAPTER_15, [miniBundle().scenario]);

  it("lists the options that follow a Do and those that break a Don't", () => {
    const entry = (id: string) => report.entries.find((e) => e.id === id)!;
    expect(entry('15.1-do-3').uses).toEqual([{ scenario: 'mini-gate', step: 'arrival', option: 'open' }]);
    expect(entry('15.1-dont-1').uses).toEqual([
      { scenario: 'mini-gate', step: 'arrival', option: 'push-back' },
    ]);
    expect(entry('15.7-dont-1').uses).toEqual([]);
  });

  it('counts covered entries out of the whole chapter', () => {
    expect(report.total).toBe(112);
    expect(report.covered).toBe(6);
  });
});
