import { Howl, Howler } from 'howler';
import type { Ambience, AudioPort, RadioVoice, SoundCue } from './audio-port.ts';

// why: this module is the only one that imports howler; the UI loads it with a dynamic import()
// after the first user gesture, so howler is not part of the first load.

export interface HowlerAudioOptions {
  muted: boolean;
  /** Master volume, 0 to 1. */
  volume?: number;
  /** Sources per cue, best first; howler plays the first format the browser can decode. */
  urls: Record<SoundCue, string[]>;
  /** Sources of each setting's background loop. */
  ambience?: Partial<Record<Ambience, string[]>>;
  /** URL of a radio call's recording, when one exists. */
  voiceUrl?: (voice: RadioVoice) => string | undefined;
  /** Whether the page has had a user gesture; defaults to `navigator.userActivation.hasBeenActive`. */
  hasUserGesture?: () => boolean;
}

const VOLUME: Record<SoundCue, number> = { radio: 0.7, alert: 0.55 };
const VOICE_VOLUME = 0.9;
const AMBIENCE_VOLUME = 0.18;

function pageHasBeenActive(): boolean {
  const activation = (
    globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined
  )?.userActivation;
  return activation?.hasBeenActive ?? true;
}

/**
 * Sound through howler (Web Audio): one preloaded Howl per cue, radio calls voiced one after another,
 * a quiet loop per setting; silent while muted or before any user gesture.
 */
export function createHowlerAudio(options: HowlerAudioOptions): AudioPort {
  let muted = options.muted;
  let volume = clamp(options.volume ?? 1);
  const hasUserGesture = options.hasUserGesture ?? pageHasBeenActive;
  const howls = new Map<SoundCue, Howl>();
  for (const cue of Object.keys(options.urls) as SoundCue[]) {
    howls.set(cue, new Howl({ src: options.urls[cue], html5: false, preload: true, volume: VOLUME[cue] }));
  }
  // why: two calls released in the same second are both heard, in order, rather than cut off.
  const calls: Howl[] = [];
  let speaking: Howl | undefined;
  const nextCall = () => {
    speaking = calls.shift();
    if (!speaking) return;
    speaking.once('end', nextCall);
    speaking.once('loaderror', nextCall);
    speaking.once('playerror', nextCall);
    speaking.play();
  };
  let ambience: { kind: Ambience; howl: Howl } | undefined;
  let wantedAmbience: Ambience | null = null;
  const applyAmbience = () => {
    const kind = muted || !hasUserGesture() ? null : wantedAmbience;
    if (ambience && ambience.kind === kind) return;
    ambience?.howl.unload();
    ambience = undefined;
    const src = kind ? options.ambience?.[kind] : undefined;
    if (!kind || !src) return;
    const howl = new Howl({ src, loop: true, volume: AMBIENCE_VOLUME, html5: false });
    howl.play();
    ambience = { kind, howl };
  };
  // why: howler's global volume scales every sound, cues, calls and ambience alike.
  const applyVolume = () => Howler.volume(volume);
  applyVolume();
  return {
    play(cue, voice) {
      // why: a cue that arrives before the user has interacted is dropped, not queued: howler would
      // otherwise play it late, at the first click, out of step with what is on screen.
      if (muted || !hasUserGesture()) return;
      const howl = howls.get(cue);
      if (!howl) return;
      const url = voice && options.voiceUrl?.(voice);
      if (url) {
        calls.push(howl, new Howl({ src: [url], html5: false, volume: VOICE_VOLUME }));
        if (!speaking) nextCall();
        return;
      }
      howl.stop();
      howl.play();
    },
    setAmbience(next) {
      wantedAmbience = next;
      applyAmbience();
    },
    setVolume(next) {
      volume = clamp(next);
      applyVolume();
    },
    setMuted(next) {
      muted = next;
      if (muted) {
        for (const howl of howls.values()) howl.stop();
        calls.length = 0;
        speaking?.stop();
        speaking = undefined;
      }
      applyAmbience();
    },
    isMuted: () => muted,
  };
}

function clamp(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1;
}
