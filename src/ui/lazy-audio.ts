import type { AudioPort, SoundCue } from '../audio/audio-port.ts';

/** An audio port that loads its real implementation only when first needed. */
export interface LazyAudio extends AudioPort {
  /** Starts loading the implementation; call it from the first user gesture so browsers allow sound. */
  warm(): void;
}

/**
 * Wraps a loader so the sound library stays out of the first page load. Cues played before it has
 * loaded are played once it is ready, unless muted meanwhile; a loader that fails leaves the app silent.
 */
export function createLazyAudio(load: (muted: boolean) => Promise<AudioPort>, muted = false): LazyAudio {
  let real: AudioPort | undefined;
  let started = false;
  let pending: SoundCue | undefined;
  const warm = () => {
    if (started) return;
    started = true;
    void load(muted).then(
      (port) => {
        real = port;
        real.setMuted(muted);
        if (pending && !muted) real.play(pending);
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
    play(cue) {
      if (real) real.play(cue);
      else if (!muted) {
        pending = cue;
        warm();
      }
    },
    setMuted(value) {
      muted = value;
      real?.setMuted(value);
    },
    isMuted: () => muted,
  };
}
