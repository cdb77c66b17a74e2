import type { TextSource } from '../engine/run/run-view.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { pseudoLocalize, pseudoMode } from '../i18n/pseudo.ts';
import { useI18n } from './i18n-context.tsx';

/** Turns scenario text keys into text in the UI language, with the language the text is really in. */
export interface ScenarioTexts {
  text(key: string): string;
  /** The language of the scenario's texts: the UI language, or the source language when untranslated. */
  lang: string;
}

/** Scenario texts for a bundle in the current UI language (falls back to the scenario's source language). */
export function useScenarioTexts(bundle: TextSource): ScenarioTexts {
  const { lang } = useI18n();
  return scenarioTextsFor(bundle, lang);
}

/** Scenario texts for a bundle in a given language. */
export function scenarioTextsFor(bundle: TextSource, lang: string): ScenarioTexts {
  const translated = bundle.texts[lang as keyof ScenarioBundle['texts']] !== undefined;
  // why: the pseudo-locale checks layout with scenario texts as long as the UI's own words.
  const pseudo = pseudoMode() && lang === 'en';
  return {
    text: pseudo
      ? (key) => pseudoLocalize(scenarioText(bundle, lang, key))
      : (key) => scenarioText(bundle, lang, key),
    lang: translated ? lang : bundle.scenario.language,
  };
}
