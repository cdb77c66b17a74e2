import { beforeEach, describe, expect, it, vi } from 'vitest';

const howler = vi.hoisted(() => {
  class FakeHowl {
    static instances: FakeHowl[] = [];
    readonly options: { src: string[]; html5: boolean; preload: boolean; volume: number };
    readonly play = vi.fn(() => 1);
    readonly stop = vi.fn();
    constructor(options: FakeHowl['options']) {
      this.options = options;
      FakeHowl.instances.push(this);
    }
  }
  return { FakeHowl };
});

vi.mock('howler', () => ({ Howl: howler.FakeHowl, Howler: {} }));

const { createHowlerAudio } = await import('../../src/audio/howler-audio.ts');

const urls = { radio: ['/radio.mp3', '/radio.ogg'], alert: ['/alert.mp3', '/alert.ogg'] };
const howlFor = (src: string) => howler.FakeHowl.instances.find((h) => h.options.src[0] === src)!;

describe('createHowlerAudio', () => {
  beforeEach(() => {
    howler.FakeHowl.instances.length = 0;
  });

  it('makes one preloaded Web Audio Howl per cue, with its sources in order', () => {
    createHowlerAudio({ muted: false, urls, hasUserGesture: () => true });
    expect(howler.FakeHowl.instances.map((h) => h.options.src)).toEqual([urls.radio, urls.alert]);
    for (const h of howler.FakeHowl.instances) {
      expect(h.options).toMatchObject({ html5: false, preload: true });
    }
  });

  it('plays the Howl of the cue asked for', () => {
    const audio = createHowlerAudio({ muted: false, urls, hasUserGesture: () => true });
    audio.play('alert');
    expect(howlFor('/alert.mp3').play).toHaveBeenCalledTimes(1);
    expect(howlFor('/radio.mp3').play).not.toHaveBeenCalled();
    audio.play('radio');
    expect(howlFor('/radio.mp3').play).toHaveBeenCalledTimes(1);
  });

  it('restarts a cue that is still playing instead of stacking it', () => {
    const audio = createHowlerAudio({ muted: false, urls, hasUserGesture: () => true });
    audio.play('radio');
    audio.play('radio');
    const radio = howlFor('/radio.mp3');
    expect(radio.play).toHaveBeenCalledTimes(2);
    expect(radio.stop).toHaveBeenCalledTimes(2);
    expect(radio.stop.mock.invocationCallOrder[1]!).toBeLessThan(radio.play.mock.invocationCallOrder[1]!);
  });

  it('never calls play while muted', () => {
    const audio = createHowlerAudio({ muted: true, urls, hasUserGesture: () => true });
    expect(audio.isMuted()).toBe(true);
    audio.play('radio');
    audio.play('alert');
    for (const h of howler.FakeHowl.instances) expect(h.play).not.toHaveBeenCalled();
  });

  it('muting stops what is playing and silences later cues; unmuting plays again', () => {
    const audio = createHowlerAudio({ muted: false, urls, hasUserGesture: () => true });
    audio.play('radio');
    audio.setMuted(true);
    expect(audio.isMuted()).toBe(true);
    for (const h of howler.FakeHowl.instances) expect(h.stop).toHaveBeenCalled();
    audio.play('radio');
    expect(howlFor('/radio.mp3').play).toHaveBeenCalledTimes(1);
    audio.setMuted(false);
    audio.play('radio');
    expect(howlFor('/radio.mp3').play).toHaveBeenCalledTimes(2);
  });

  it('drops cues that arrive before any user gesture instead of playing them late', () => {
    let gesture = false;
    const audio = createHowlerAudio({ muted: false, urls, hasUserGesture: () => gesture });
    audio.play('alert');
    expect(howlFor('/alert.mp3').play).not.toHaveBeenCalled();
    gesture = true;
    audio.play('alert');
    expect(howlFor('/alert.mp3').play).toHaveBeenCalledTimes(1);
  });
});
