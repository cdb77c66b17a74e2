import { beforeEach, describe, expect, it, vi } from 'vitest';

const howler = vi.hoisted(() => {
  class FakeHowl {
    static instances: FakeHowl[] = [];
    readonly options: { src: string[]; html5: boolean; preload?: boolean; volume: number; loop?: boolean };
    readonly play = vi.fn(() => 1);
    readonly stop = vi.fn();
    readonly unload = vi.fn();
    readonly handlers = new Map<string, () => void>();
    constructor(options: FakeHowl['options']) {
      this.options = options;
      FakeHowl.instances.push(this);
    }
    once(event: string, fn: () => void) {
      this.handlers.set(event, fn);
      return this;
    }
    /** Ends the sound as the browser would, firing its one-shot 'end' listener. */
    end() {
      const fn = this.handlers.get('end');
      this.handlers.clear();
      fn?.();
    }
  }
  const Howler = { volume: vi.fn() };
  return { FakeHowl, Howler };
});

vi.mock('howler', () => ({ Howl: howler.FakeHowl, Howler: howler.Howler }));

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

  describe('voiced radio calls, ambience and volume', () => {
    const voiceUrl = (v: { inject: string; lang: string }) =>
      v.inject === 'silent' ? undefined : `/voices/${v.inject}.${v.lang}.mp3`;

    it('speaks a call after the squelch, and a second call only when the first has ended', () => {
      const audio = createHowlerAudio({ muted: false, urls, voiceUrl, hasUserGesture: () => true });
      audio.play('radio', { scenario: 's', inject: 'gate', lang: 'fr' });
      audio.play('radio', { scenario: 's', inject: 'ops', lang: 'fr' });
      const radio = howlFor('/radio.mp3');
      expect(radio.play).toHaveBeenCalledTimes(1);
      radio.end();
      const gate = howlFor('/voices/gate.fr.mp3');
      expect(gate.play).toHaveBeenCalledTimes(1);
      expect(
        howler.FakeHowl.instances.find((h) => h.options.src[0] === '/voices/ops.fr.mp3')?.play,
      ).not.toHaveBeenCalled();
      gate.end();
      expect(radio.play).toHaveBeenCalledTimes(2);
      radio.end();
      expect(howlFor('/voices/ops.fr.mp3').play).toHaveBeenCalledTimes(1);
    });

    it('falls back to the plain cue when a call has no recording, and mute drops the queue', () => {
      const audio = createHowlerAudio({ muted: false, urls, voiceUrl, hasUserGesture: () => true });
      audio.play('radio', { scenario: 's', inject: 'silent', lang: 'en' });
      expect(howlFor('/radio.mp3').play).toHaveBeenCalledTimes(1);
      audio.play('radio', { scenario: 's', inject: 'a', lang: 'en' });
      audio.play('radio', { scenario: 's', inject: 'b', lang: 'en' });
      audio.setMuted(true);
      howlFor('/radio.mp3').end();
      expect(
        howler.FakeHowl.instances.some(
          (h) => h.options.src[0]?.startsWith('/voices/') && h.play.mock.calls.length,
        ),
      ).toBe(false);
    });

    it('loops the setting’s ambience quietly, switches it, and stops it when muted', () => {
      const ambience = { crowd: ['/crowd.mp3'], rural: ['/rural.mp3'] };
      const audio = createHowlerAudio({ muted: false, urls, ambience, hasUserGesture: () => true });
      audio.setAmbience('crowd');
      const crowd = howlFor('/crowd.mp3');
      expect(crowd.options).toMatchObject({ loop: true });
      expect(crowd.options.volume).toBeLessThan(0.5);
      expect(crowd.play).toHaveBeenCalledTimes(1);
      audio.setAmbience('rural');
      expect(crowd.unload).toHaveBeenCalled();
      expect(howlFor('/rural.mp3').play).toHaveBeenCalledTimes(1);
      audio.setMuted(true);
      expect(howlFor('/rural.mp3').unload).toHaveBeenCalled();
    });

    it('starts no ambience before a user gesture', () => {
      const audio = createHowlerAudio({
        muted: false,
        urls,
        ambience: { town: ['/town.mp3'] },
        hasUserGesture: () => false,
      });
      audio.setAmbience('town');
      expect(howler.FakeHowl.instances.some((h) => h.options.src[0] === '/town.mp3')).toBe(false);
    });

    it('sets the master volume, kept between 0 and 1', () => {
      const audio = createHowlerAudio({ muted: false, urls, volume: 0.4, hasUserGesture: () => true });
      expect(howler.Howler.volume).toHaveBeenLastCalledWith(0.4);
      audio.setVolume(3);
      expect(howler.Howler.volume).toHaveBeenLastCalledWith(1);
    });
  });
});
