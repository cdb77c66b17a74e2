import { describe, expect, it } from 'vitest';
import { textKey } from '../../src/engine/scenario/text-keys.ts';
import {
  lazyScenarioLoader,
  setScenarioLanguage,
  showInScenarioLanguage,
} from '../../src/ui/scenario-languages.ts';
import { miniBundle } from './fixtures.ts';

describe('bundled scenarios fetched one language at a time', () => {
  it('fetch the texts of the language in use only, and the other one when the trainee switches', async () => {
    const fetched: string[] = [];
    const { scenario, texts } = miniBundle();
    const table = (lang: 'en' | 'fr') => async () => {
      fetched.push(lang);
      return { ...(texts[lang] ?? texts.en!) };
    };
    const load = lazyScenarioLoader({
      structure: async () => ({ scenario, texts: {} }),
      source: 'en',
      texts: { en: table('en'), fr: table('fr') },
    });
    expect(setScenarioLanguage('fr')).toBeNull();
    const bundle = await load();
    expect(fetched).toEqual(['fr']);
    expect(Object.keys(bundle.texts)).toEqual(['fr']);

    const switching = setScenarioLanguage('en');
    expect(switching).not.toBeNull();
    await switching;
    expect(fetched).toEqual(['fr', 'en']);
    expect(bundle.texts.en?.[textKey.title()]).toBe('Mini gate');
    // nothing left to fetch: the switch back shows at once
    expect(setScenarioLanguage('fr')).toBeNull();
    // a language the scenario was not translated into reads its own language
    expect(setScenarioLanguage('de')).toBeNull();
  });

  it('show a switch once the texts are in, at once when nothing is missing, and never after a cancel', async () => {
    const { scenario, texts } = miniBundle();
    let release = () => {};
    const load = lazyScenarioLoader({
      structure: async () => ({ scenario, texts: {} }),
      source: 'en',
      texts: {
        en: async () => ({ ...texts.en! }),
        fr: () => new Promise((resolve) => (release = () => resolve({ ...texts.fr! }))),
      },
    });
    setScenarioLanguage('en');
    await load();
    const shown: string[] = [];
    showInScenarioLanguage('en', () => shown.push('en'));
    expect(shown).toEqual(['en']);
    // a screen that moves on before the French texts arrive never shows French late
    const cancel = showInScenarioLanguage('fr', () => shown.push('fr, cancelled'));
    cancel();
    showInScenarioLanguage('fr', () => shown.push('fr'));
    expect(shown).toEqual(['en']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual(['en', 'fr']);
  });
});
