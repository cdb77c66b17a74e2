import { createHash } from 'node:crypto';
import type { ScenarioBundle } from '../src/engine/scenario/load-scenario.ts';
import { textKey } from '../src/engine/scenario/text-keys.ts';

/** Name of the file listing each voice file with a fingerprint of the text it speaks. */
export const VOICE_MANIFEST = 'manifest.json';

/** A radio inject to voice in one language. */
export interface RadioCall {
  scenario: string;
  inject: string;
  lang: 'en' | 'fr';
  sender: string;
  text: string;
}

/** Path of a voice file under assets/voices. */
export function voiceFile(scenario: string, inject: string, lang: string): string {
  return `${scenario}/${inject}.${lang}.mp3`;
}

/** Every radio inject of a scenario, in each language it has texts for. */
export function radioCalls(bundle: ScenarioBundle): RadioCall[] {
  const out: RadioCall[] = [];
  for (const step of bundle.scenario.steps) {
    for (const inj of step.injects ?? []) {
      if (inj.channel !== 'radio') continue;
      for (const lang of ['en', 'fr'] as const) {
        const texts = bundle.texts[lang];
        const text = texts?.[textKey.injectText(inj.id)];
        if (!text) continue;
        out.push({
          scenario: bundle.scenario.id,
          inject: inj.id,
          lang,
          sender: texts?.[textKey.injectFrom(inj.id)] ?? inj.from,
          text,
        });
      }
    }
  }
  return out;
}

// why: a handful of espeak-ng variants, picked by sender, so the gate and the ops room sound like
// different people.
const VARIANTS = ['m1', 'm3', 'm7', 'f2', 'f4', 'm2'];

/** The espeak-ng voice variant for a sender. */
export function voiceVariant(sender: string): string {
  const h = createHash('sha1').update(sender).digest();
  return VARIANTS[h[0]! % VARIANTS.length]!;
}

/** Fingerprint of what a voice file says and how, so a reworded inject shows its recording is stale. */
export function voiceFingerprint(call: RadioCall): string {
  return createHash('sha1')
    .update(`${call.text}\n${voiceVariant(call.sender)}\nv1`)
    .digest('hex')
    .slice(0, 16);
}
