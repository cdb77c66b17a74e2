import { describe, expect, it } from 'vitest';
import { DOCTRINE } from '../../../src/engine/doctrine/catalogue.ts';
import { inSection, searchDoctrine } from '../../../src/engine/doctrine/search-doctrine.ts';

const ids = (q: Parameters<typeof searchDoctrine>[0]) => searchDoctrine(q).map((e) => e.id);

describe('searchDoctrine', () => {
  it('lists a whole section, in handbook order, without its neighbours', () => {
    const found = ids({ section: '15.4' });
    expect(found).toEqual(DOCTRINE.filter((e) => e.section === '15.4').map((e) => e.id));
    expect(found).toHaveLength(15);
  });

  it('takes a parent section for its subsections and an annex by name', () => {
    expect(ids({ section: '11.4' })).toEqual(
      DOCTRINE.filter((e) => e.section.startsWith('11.4.')).map((e) => e.id),
    );
    expect(ids({ section: '§11.4' }).length).toBeGreaterThan(0);
    expect(ids({ section: 'annex v' }).every((id) => id.startsWith('annex-v-'))).toBe(true);
    expect(inSection({ ...DOCTRINE[0]!, section: '15.40' }, '15.4')).toBe(false);
  });

  it('finds entries by words in English or French, ignoring accents and word endings', () => {
    expect(ids({ text: 'intervene' })).toContain('15.4-do-5');
    expect(ids({ text: 'intervene' })).not.toContain('15.7-dont-2'); // "interview" is another word
    expect(ids({ text: 'securite deplaces', section: '15.3' })).toContain('15.3-do-4');
    expect(ids({ text: 'night', kind: 'dont' })).toEqual(
      expect.arrayContaining(['15.3-dont-6', '15.4-dont-4']),
    );
  });

  it('puts an exact id first and needs every word to match', () => {
    expect(ids({ text: '15.6-do-1' })[0]).toBe('15.6-do-1');
    expect(ids({ text: 'sexual zebra' })).toEqual([]);
  });
});
