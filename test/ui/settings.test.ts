import { describe, expect, it } from 'vitest';
import { preferredLanguage, readSettings, writeSettings } from '../../src/ui/settings.ts';
import { createMemoryStorage } from './fixtures.ts';

const defaults = { language: 'en', muted: false } as const;

describe('settings', () => {
  it('round-trips language and mute', () => {
    const storage = createMemoryStorage();
    writeSettings(storage, { language: 'fr', muted: true });
    expect(readSettings(storage, defaults)).toEqual({ language: 'fr', muted: true });
  });

  it('falls back to defaults for unknown or unreadable values', () => {
    expect(
      readSettings(createMemoryStorage({ 'pocsim.language': 'xx', 'pocsim.muted': 'yes' }), defaults),
    ).toEqual(defaults);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readSettings(throwing, defaults)).toEqual(defaults);
    expect(() => writeSettings(throwing, defaults)).not.toThrow();
  });

  it('picks the first shipped language among the browser’s', () => {
    expect(preferredLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(preferredLanguage(['es'])).toBe('en');
  });
});
