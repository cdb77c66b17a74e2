import { isTimeLimitSetting, type TimeLimitSetting } from '../engine/run/time-limits.ts';
import { isUiLanguage, type UiLanguage } from '../i18n/i18n.ts';

/** The part of Web Storage the settings use; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Trainee preferences kept between visits. */
export interface Settings {
  language: UiLanguage;
  muted: boolean;
  /** Master volume, 0 to 1. */
  volume: number;
}

const LANGUAGE_KEY = 'pocsim.language';
const MUTED_KEY = 'pocsim.muted';
const VOLUME_KEY = 'pocsim.volume';

/** Reads settings, trusting nothing stored: unknown values fall back to the defaults given. */
export function readSettings(
  storage: KeyValueStorage | undefined,
  fallback: Pick<Settings, 'language' | 'muted'> & Partial<Settings>,
): Settings {
  const get = (key: string) => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const language = get(LANGUAGE_KEY);
  const muted = get(MUTED_KEY);
  const volume = Number.parseFloat(get(VOLUME_KEY) ?? '');
  return {
    language: isUiLanguage(language) ? language : fallback.language,
    muted: muted === '1' ? true : muted === '0' ? false : fallback.muted,
    volume: Number.isFinite(volume) && volume >= 0 && volume <= 1 ? volume : (fallback.volume ?? 0.8),
  };
}

/** Stores settings; storage that refuses (private mode, quota) is ignored, as settings are a convenience. */
export function writeSettings(storage: KeyValueStorage | undefined, settings: Settings): void {
  try {
    storage?.setItem(LANGUAGE_KEY, settings.language);
    storage?.setItem(MUTED_KEY, settings.muted ? '1' : '0');
    storage?.setItem(VOLUME_KEY, String(settings.volume));
  } catch {
    // why: a trainee in a locked-down browser still plays; only the preference is not remembered.
  }
}

const TIME_LIMITS_KEY = 'pocsim.timeLimits';

/** The time-limit setting last chosen on this browser (a trainee's or a trainer's), standard when none. */
export function readTimeLimits(storage: KeyValueStorage | undefined): TimeLimitSetting {
  try {
    const value = storage?.getItem(TIME_LIMITS_KEY);
    return isTimeLimitSetting(value) ? value : 'standard';
  } catch {
    return 'standard';
  }
}

/** Keeps the time-limit setting for the next runs on this browser. */
export function writeTimeLimits(storage: KeyValueStorage | undefined, value: TimeLimitSetting): void {
  try {
    storage?.setItem(TIME_LIMITS_KEY, value);
  } catch {
    // why: as for the other settings, a refusing store only means the choice is asked again.
  }
}

/** The UI language closest to the browser's preferred languages. */
export function preferredLanguage(languages: readonly string[]): UiLanguage {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}
