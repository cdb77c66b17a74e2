/** Sound cues the app plays; every cue has a caption key `audio.caption.<cue>` shown as text. */
export type SoundCue = 'radio' | 'alert';

/** Background sound of a setting, looped quietly under the run. */
export type Ambience = 'crowd' | 'rural' | 'town';

/** A radio call to voice: the inject it belongs to and the language to speak it in. */
export interface RadioVoice {
  scenario: string;
  inject: string;
  lang: string;
}

/** Where sound leaves the app; tests use a recording fake, the browser uses howler. */
export interface AudioPort {
  /** Plays a cue; a radio cue with a voice speaks the call after the squelch when a recording exists. */
  play(cue: SoundCue, voice?: RadioVoice): void;
  /** Starts (or, with null, stops) the background sound of the setting. */
  setAmbience(ambience: Ambience | null): void;
  /** Master volume, 0 to 1. */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  isMuted(): boolean;
}
