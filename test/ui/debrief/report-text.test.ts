import { describe, expect, it } from 'vitest';
import { textKey } from '../../../src/engine/scenario/text-keys.ts';
import { createI18n } from '../../../src/i18n/i18n.ts';
import '../../../src/ui/debrief/debrief-strings.ts';
import {
  createReportContext,
  durationText,
  stepTitleText,
  timelineClockText,
  unquoted,
} from '../../../src/ui/debrief/report-text.ts';
import { miniBundle } from '../fixtures.ts';

const ctx = (lang: 'en' | 'fr', titled = 'Arrival') => {
  const i18n = createI18n(lang);
  const bundle = miniBundle();
  const texts = { ...bundle.texts, [lang]: { ...bundle.texts.en, [textKey.stepTitle('arrival')]: titled } };
  return createReportContext(i18n.t.bind(i18n), lang, { ...bundle, texts });
};

describe('the report’s words', () => {
  it('says a ten-day run in days, hours and minutes, in English and French', () => {
    const ten = 9 * 86_400 + 2 * 3600 + 30 * 60;
    expect(durationText(ctx('en'), ten)).toBe('9 days 2 h 30 min');
    expect(durationText(ctx('fr'), ten)).toBe('9 jours 2 h 30 min');
    expect(durationText(ctx('en'), 86_400 + 60)).toBe('1 day 0 h 1 min');
    expect(durationText(ctx('en'), 13 * 3600 + 1800)).toBe('13 h 30 min');
  });

  it('marks the day on a timeline that spans days, and only then', () => {
    const item = {
      kind: 'step' as const,
      step: 'arrival',
      phase: 'response' as const,
      at: 0,
      day: 3,
      clock: '10:00',
    };
    expect(timelineClockText(ctx('en'), item, 10)).toBe('Day 3, 10:00');
    expect(timelineClockText(ctx('fr'), item, 10)).toBe('Jour 3, 10:00');
    expect(timelineClockText(ctx('en'), { ...item, day: 1 }, 1)).toBe('10:00');
  });

  it('quotes a title that carries its own quotation marks once, not twice', () => {
    expect(unquoted('"Secure Kilo-7"')).toBe('Secure Kilo-7');
    expect(unquoted('« Sécuriser Kilo-7 »')).toBe('Sécuriser Kilo-7');
    expect(unquoted('The "safe" road')).toBe('The "safe" road');
    expect(unquoted('"Safe" or "unsafe"')).toBe('"Safe" or "unsafe"');
    expect(stepTitleText(ctx('en', '"Secure Kilo-7"'), 'arrival')).toBe('Secure Kilo-7');
  });
});
