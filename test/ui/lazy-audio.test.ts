import { describe, expect, it, vi } from 'vitest';
import { createRecordingAudio } from '../../src/audio/recording-audio.ts';
import { createLazyAudio } from '../../src/ui/lazy-audio.ts';

describe('createLazyAudio', () => {
  it('loads nothing until warmed or asked to play', () => {
    const load = vi.fn(async () => createRecordingAudio());
    createLazyAudio(load);
    expect(load).not.toHaveBeenCalled();
  });

  it('plays a cue asked for before loading once the implementation arrives', async () => {
    const real = createRecordingAudio();
    const audio = createLazyAudio(async () => real);
    audio.play('radio');
    await vi.waitFor(() => expect(real.played).toEqual(['radio']));
    audio.play('alert');
    expect(real.played).toEqual(['radio', 'alert']);
  });

  it('passes the mute state on and loads only once', async () => {
    const real = createRecordingAudio();
    const load = vi.fn(async (muted: boolean) => {
      expect(muted).toBe(true);
      return real;
    });
    const audio = createLazyAudio(load, true);
    audio.warm();
    audio.warm();
    audio.play('radio');
    await vi.waitFor(() => expect(real.isMuted()).toBe(true));
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.played).toEqual([]);
    audio.setMuted(false);
    audio.play('alert');
    expect(real.played).toEqual(['alert']);
    expect(audio.isMuted()).toBe(false);
  });

  it('stays silent, without throwing, when loading fails', async () => {
    const audio = createLazyAudio(() => Promise.reject(new Error('offline')));
    expect(() => audio.play('radio')).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(() => audio.play('alert')).not.toThrow();
  });
});
