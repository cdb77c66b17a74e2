import { Howl } from 'howler';
import type { AudioPort, SoundCue } from './audio-port.ts';

// why: this module is the only one that imports howler; the UI loads it with a dynamic import()
// after the first user gesture, so howler is not part of the first load.

export interface HowlerAudioOptions {
  muted: boolean;
  /** Sources per cue, best first; howler plays the first format the browser can decode. */
  urls: Record<SoundCue, string[]>;
  /** Whether the page has had a user gesture; defaults to `navigator.userActivation.hasBeenActive`. */
  hasUserGesture?: () => boolean;
}

const VOLUME: Record<SoundCue, number> = { radio: 0.7, alert: 0.55 };

function pageHasBeenActive(): boolean {
  const activation = (
    globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined
  )?.userActivation;
  return activation?.hasBeenActive ?? true;
}

/** Sound through howler (Web Audio): one preloaded Howl per cue; silent while muted or before any user gesture. */
export function createHowlerAudio(options: HowlerAudioOptions): AudioPort {
  let muted = options.muted;
  const hasUserGesture = options.hasUserGesture ?? pageHasBeenActive;
  const howls = new Map<SoundCue, Howl>();
  for (const cue of Object.keys(options.urls) as SoundCue[]) {
    howls.set(cue, new Howl({ src: options.urls[cue], html5: false, preload: true, volume: VOLUME[cue] }));
  }
  return {
    play(cue) {
      // why: a cue that arrives before the user has interacted is dropped, not queued: howler would
      // otherwise play it late, at the first click, out of step with what is on screen.
      if (muted || !hasUserGesture()) return;
      const howl = howls.get(cue);
      if (!howl) return;
      howl.stop();
      howl.play();
    },
    setMuted(next) {
      muted = next;
      if (muted) for (const howl of howls.values()) howl.stop();
    },
    isMuted: () => muted,
  };
}
