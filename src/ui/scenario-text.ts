import type { TextSource } from '../engine/run/run-view.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
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
  return {
    text: (key) => scenarioText(bundle, lang, key),
    lang: translated ? lang : bundle.scenario.language,
  };
}
