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
