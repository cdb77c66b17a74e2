import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOUND_URLS } from '../../src/audio/sound-urls.ts';
import { SOUND_CUES } from '../../src/engine/scenario/scenario.schema.ts';

describe('SOUND_URLS', () => {
  it('gives every sound cue an MP3 and an Ogg source', () => {
    expect(Object.keys(SOUND_URLS).sort()).toEqual([...SOUND_CUES].sort());
    for (const cue of SOUND_CUES) {
      expect(SOUND_URLS[cue].map((u) => u.split('?')[0]!.split('.').pop())).toEqual(['mp3', 'ogg']);
    }
  });

  it.each(SOUND_CUES.flatMap((cue) => ['mp3', 'ogg'].map((ext) => `assets/sounds/${cue}.${ext}`)))(
    '%s stays small (under 15 KB)',
    (file) => {
      expect(statSync(file).size).toBeLessThan(15_000);
    },
  );
});
