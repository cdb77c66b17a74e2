import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, directionOf } from '../../src/i18n/i18n.ts';
import { pseudoLocalize, pseudoModeFrom, pseudoTable, setPseudoMode } from '../../src/i18n/pseudo.ts';

afterEach(() => setPseudoMode(null));

describe('the pseudo-locale', () => {
  it('accents every letter, brackets the text and makes it about 40% longer', () => {
    const en = 'Read the briefing before the patrol leaves the base';
    const pseudo = pseudoLocalize(en);
    expect(pseudo.startsWith('[') && pseudo.endsWith(']')).toBe(true);
    expect(pseudo).not.toMatch(/[a-zA-Z]/);
    const growth = pseudo.length / en.length;
    expect(growth).toBeGreaterThan(1.3);
    expect(growth).toBeLessThan(1.6);
  });

  it('leaves interpolation, nesting and markup for i18next to fill in', () => {
    expect(pseudoLocalize('Hi {{name}}, $t(app.name) <b>now</b>')).toBe(
      '[Ĥíí {{name}}, $t(app.name) <b>ñóóŵ</b>]',
    );
  });

  it('replaces the English tables, not the French, when asked for by the address', () => {
    expect(pseudoModeFrom('?lang=fr')).toBeNull();
    expect(pseudoModeFrom('')).toBeNull();
    expect(pseudoModeFrom('?lang=pseudo')).toEqual({ dir: 'ltr' });
    setPseudoMode(pseudoModeFrom('?lang=pseudo&dir=rtl'));
    expect(createI18n('en').t('menu.count', { count: 3 })).toBe(
      pseudoLocalize('{{count}} scenarios available').replace('{{count}}', '3'),
    );
    expect(createI18n('fr').t('menu.heading')).toBe('Scénarios');
    expect(directionOf('en')).toBe('rtl');
    setPseudoMode(null);
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('fr')).toBe('ltr');
    expect(createI18n('en').t('menu.heading')).toBe('Scenarios');
  });

  it('maps nested tables key for key', () => {
    expect(pseudoTable({ a: { b: 'ok' }, n: 1 })).toEqual({ a: { b: '[óóķ]' }, n: 1 });
  });
});

describe('numbers in UI strings', () => {
  it('are written the way each language writes them', () => {
    expect(createI18n('en').t('menu.count', { count: 12345 })).toBe('12,345 scenarios available');
    expect(createI18n('fr').t('menu.count', { count: 12345 })).toMatch(/^12\s345 scénarios disponibles$/);
    expect(createI18n('fr').t('debrief.decisions.late', { percent: 72.5 })).toMatch(/72,5\s%/);
  });
});
