/** Sound cues the app plays; every cue has a caption key `audio.caption.<cue>` shown as text. */
export type SoundCue = 'radio' | 'alert';

/** Where sound leaves the app; tests use a recording fake, the browser uses howler. */
export interface AudioPort {
  play(cue: SoundCue): void;
  setMuted(muted: boolean): void;
  isMuted(): boolean;
}
