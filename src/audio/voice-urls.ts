import type { RadioVoice } from './audio-port.ts';

// why: the voiced radio calls are made by scripts/make-voices.ts into assets/voices/<scenario>/
// <inject>.<lang>.mp3; globbing them here gives each a built URL without listing them by hand, and
// this module loads only with the sound code, after the first user gesture.
const FILES = import.meta.glob('../../assets/voices/*/*.mp3', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const BY_CALL = new Map<string, string>();
for (const [path, url] of Object.entries(FILES)) {
  const m = /\/voices\/([^/]+)\/([^/]+)\.([a-z]{2})\.mp3$/.exec(path);
  if (m) BY_CALL.set(`${m[1]}/${m[2]}/${m[3]}`, url);
}

/** URL of the recording of a radio call, when one was made. */
export function voiceUrl(voice: RadioVoice): string | undefined {
  return BY_CALL.get(`${voice.scenario}/${voice.inject}/${voice.lang}`);
}
