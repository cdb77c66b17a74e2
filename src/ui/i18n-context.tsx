import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { createI18n, type UiLanguage } from '../i18n/i18n.ts';

/** The UI language and its translation function, shared by every component. */
export interface I18nValue {
  lang: UiLanguage;
  t: TFunction;
  /** Formats a number for the UI language. */
  formatNumber(value: number): string;
  /** Formats a time of day, given in seconds past midnight, for the UI language (24-hour clock). */
  formatClock(secondsOfDay: number): string;
}

const instances = new Map<UiLanguage, TFunction>();

function translatorFor(lang: UiLanguage): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const i18n = createI18n(lang);
    t = i18n.t.bind(i18n) as TFunction;
    instances.set(lang, t);
  }
  return t;
}

// why: the check lives with the languages in src/i18n, below the storage that also needs it.
export { isUiLanguage } from '../i18n/i18n.ts';

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the UI language to the components below it. */
export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ComponentChildren }) {
  const value = useMemo<I18nValue>(() => {
    const numbers = new Intl.NumberFormat(lang);
    // why: operations run on a 24-hour clock whatever the language; the digits and separator follow it.
    const clock = new Intl.DateTimeFormat(lang, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    return {
      lang,
      t: translatorFor(lang),
      formatNumber: (n) => numbers.format(n),
      formatClock: (s) => clock.format(new Date((((s % 86_400) + 86_400) % 86_400) * 1000)),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI language and translation function; components must sit under an `I18nProvider`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}
