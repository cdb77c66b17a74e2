import scenarios from 'virtual:pocsim-scenarios';
import { render } from 'preact';
import { App, startScreenFor } from './ui/app.tsx';
import { createLazyAudio } from './ui/lazy-audio.ts';
import { preferredLanguage, readSettings } from './ui/settings.ts';
import './ui/styles.css';

// why: the one place that picks implementations. Sound (howler) and the drawn map (Phaser) are
// loaded by dynamic import only, so neither is part of the first load.

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const storage = safeLocalStorage();
const defaultLanguage = preferredLanguage(navigator.languages ?? [navigator.language]);
const { muted, volume } = readSettings(storage, { language: defaultLanguage, muted: false });

const audio = createLazyAudio(async (mutedNow) => {
  const [{ createHowlerAudio }, { SOUND_URLS, AMBIENCE_URLS }, { voiceUrl }] = await Promise.all([
    import('./audio/howler-audio.ts'),
    import('./audio/sound-urls.ts'),
    import('./audio/voice-urls.ts'),
  ]);
  return createHowlerAudio({ muted: mutedNow, urls: SOUND_URLS, ambience: AMBIENCE_URLS, voiceUrl });
}, muted, volume);

// why: browsers allow audio only after a user gesture; the sound code loads at the first one.
const warm = () => {
  audio.warm();
  window.removeEventListener('pointerdown', warm);
  window.removeEventListener('keydown', warm);
};
window.addEventListener('pointerdown', warm);
window.addEventListener('keydown', warm);

const loadMap = () => import('./map/situation-map.ts').then((m) => m.mountSituationMap);

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(
    <App
      scenarios={scenarios}
      audio={audio}
      loadMap={loadMap}
      storage={storage}
      defaultLanguage={defaultLanguage}
      startScreen={startScreenFor(location.hash)}
    />,
    root,
  );
}
