import alertMp3 from '../../assets/sounds/alert.mp3?url';
import alertOgg from '../../assets/sounds/alert.ogg?url';
import crowdMp3 from '../../assets/sounds/ambience-crowd.mp3?url';
import ruralMp3 from '../../assets/sounds/ambience-rural.mp3?url';
import townMp3 from '../../assets/sounds/ambience-town.mp3?url';
import radioMp3 from '../../assets/sounds/radio.mp3?url';
import radioOgg from '../../assets/sounds/radio.ogg?url';
import type { Ambience, SoundCue } from './audio-port.ts';

// why: MP3 first, since every current browser decodes it and at these settings it is the smaller
// file; Ogg Vorbis is the fallback. Both are made by scripts/make-sounds.sh.

/** Built asset URLs of each sound cue, for `createHowlerAudio({ muted, urls: SOUND_URLS })`. */
export const SOUND_URLS: Record<SoundCue, string[]> = {
  radio: [radioMp3, radioOgg],
  alert: [alertMp3, alertOgg],
};

/** Built asset URLs of each setting's background loop. */
export const AMBIENCE_URLS: Record<Ambience, string[]> = {
  crowd: [crowdMp3],
  rural: [ruralMp3],
  town: [townMp3],
};
