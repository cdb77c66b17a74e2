import type { AudioPort, SoundCue } from './audio-port.ts';

/** An AudioPort for tests: records the cues it would have played (none while muted). */
export function createRecordingAudio(muted = false): AudioPort & { played: SoundCue[] } {
  let isMuted = muted;
  const played: SoundCue[] = [];
  return {
    played,
    play(cue) {
      if (!isMuted) played.push(cue);
    },
    setMuted(next) {
      isMuted = next;
    },
    isMuted: () => isMuted,
  };
}
