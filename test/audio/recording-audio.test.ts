import { describe, expect, it } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';

describe('createRecordingAudio', () => {
  it('records the cues played, in order', () => {
    const audio = createRecordingAudio();
    audio.play('radio');
    audio.play('alert');
    audio.play('radio');
    expect(audio.played).toEqual(['radio', 'alert', 'radio']);
  });

  it('records nothing while muted, and again after unmuting', () => {
    const audio = createRecordingAudio(true);
    expect(audio.isMuted()).toBe(true);
    audio.play('alert');
    audio.setMuted(false);
    expect(audio.isMuted()).toBe(false);
    audio.play('radio');
    expect(audio.played).toEqual(['radio']);
  });
});
