import type { Ambience, AudioPort, RadioVoice, SoundCue } from './audio-port.ts';

/** An AudioPort for tests: records the cues and voices it would have played (none while muted). */
export function createRecordingAudio(muted = false): AudioPort & {
  played: SoundCue[];
  voices: RadioVoice[];
  ambience: Ambience | null;
  volume: number;
} {
  let isMuted = muted;
  const port = {
    played: [] as SoundCue[],
    voices: [] as RadioVoice[],
    ambience: null as Ambience | null,
    volume: 1,
    play(cue: SoundCue, voice?: RadioVoice) {
      if (isMuted) return;
      port.played.push(cue);
      if (voice) port.voices.push(voice);
    },
    setAmbience(ambience: Ambience | null) {
      port.ambience = ambience;
    },
    setVolume(volume: number) {
      port.volume = volume;
    },
    setMuted(next: boolean) {
      isMuted = next;
    },
    isMuted: () => isMuted,
  };
  return port;
}
