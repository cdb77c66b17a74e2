import type { Ambience, AudioPort, RadioVoice, SoundCue } from '../audio/audio-port.ts';

/** An audio port that loads its real implementation only when first needed. */
export interface LazyAudio extends AudioPort {
  /** Starts loading the implementation; call it from the first user gesture so browsers allow sound. */
  warm(): void;
}

/**
 * Wraps a loader so the sound library stays out of the first page load. A cue played before it has
 * loaded is played once it is ready, unless muted meanwhile; ambience and volume are applied when it
 * arrives; a loader that fails leaves the app silent.
 */
export function createLazyAudio(
  load: (muted: boolean) => Promise<AudioPort>,
  muted = false,
  volume = 1,
): LazyAudio {
  let real: AudioPort | undefined;
  let started = false;
  let pending: { cue: SoundCue; voice?: RadioVoice } | undefined;
  let ambience: Ambience | null = null;
  const warm = () => {
    if (started) return;
    started = true;
    void load(muted).then(
      (port) => {
        real = port;
        real.setMuted(muted);
        real.setVolume(volume);
        real.setAmbience(ambience);
        if (pending && !muted) real.play(pending.cue, pending.voice);
        pending = undefined;
      },
      () => {
        // why: sound is a cue on top of captions, never the only signal; without it the run goes on.
        pending = undefined;
      },
    );
  };
  return {
    warm,
    play(cue, voice) {
      if (real) real.play(cue, voice);
      else if (!muted) {
        pending = voice ? { cue, voice } : { cue };
        warm();
      }
    },
    setAmbience(next) {
      ambience = next;
      real?.setAmbience(next);
    },
    setVolume(next) {
      volume = next;
      real?.setVolume(next);
    },
    setMuted(value) {
      muted = value;
      real?.setMuted(value);
    },
    isMuted: () => muted,
  };
}
