import { describe, expect, it } from 'vitest';
import { preferredLanguage, readSettings, writeSettings } from '../../src/progress/settings.ts';
import { createMemoryStorage } from '../ui/fixtures.ts';

const defaults = { language: 'en', muted: false, volume: 0.8 } as const;

describe('settings', () => {
  it('round-trips language, mute and volume', () => {
    const storage = createMemoryStorage();
    writeSettings(storage, { language: 'fr', muted: true, volume: 0.3 });
    expect(readSettings(storage, defaults)).toEqual({ language: 'fr', muted: true, volume: 0.3 });
  });

  it('falls back to defaults for unknown or unreadable values', () => {
    expect(
      readSettings(
        createMemoryStorage({ 'pocsim.language': 'xx', 'pocsim.muted': 'yes', 'pocsim.volume': '7' }),
        defaults,
      ),
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
