import { describe, expect, it } from 'vitest';
import { createI18n, registerStrings } from '../../src/i18n/i18n.ts';

describe('string tables of lazily loaded screens', () => {
  it('reach instances created before and after they register, in each language, beside the core strings', () => {
    const before = createI18n('fr');
    registerStrings({
      en: { lazyTest: { hello: 'Hello {{name}}' } },
      fr: { lazyTest: { hello: 'Bonjour {{name}}' } },
    });
    const after = createI18n('en');
    expect(before.t('lazyTest.hello', { name: 'Ama' })).toBe('Bonjour Ama');
    expect(after.t('lazyTest.hello', { name: 'Ama' })).toBe('Hello Ama');
    expect(after.t('app.name')).toBe(createI18n('en').t('app.name'));
    expect(after.t('app.name')).not.toBe('app.name');
  });
});

describe('handbook sections in running text', () => {
  it('put the section sign before chapter sections only, and name annexes in the UI language', () => {
    expect(createI18n('en').t('doctrine.section', { section: '15.1' })).toBe('Handbook §15.1');
    expect(createI18n('en').t('doctrine.section', { section: 'Annex V' })).toBe('Handbook Annex V');
    expect(createI18n('fr').t('doctrine.section', { section: 'Annex V' })).toBe('Manuel Annexe V');
    expect(createI18n('en').t('doctrine.section', { section: '15.1, §Annex IV' })).toBe(
      'Handbook §15.1, Annex IV',
    );
  });
});
