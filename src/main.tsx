import scenarios from 'virtual:pocsim-scenarios';
import { render } from 'preact';
import { pseudoModeFrom, setPseudoMode } from './i18n/pseudo.ts';
import type { LmsAppProps } from './lms/connect-lms.tsx';
import { detectLmsLaunch } from './lms/detect-lms.ts';
import { preferredLanguage, readSettings } from './progress/settings.ts';
import { keepZodFromEval } from './pwa/no-eval.ts';
import { createUpdateNotice } from './pwa/update-notice.ts';
import { createRunOwnership } from './storage/run-ownership.ts';
import { createRunSaves } from './storage/run-saves.ts';
import { App, addressOfHash } from './ui/app.tsx';
import { isUiLanguage } from './ui/i18n-context.tsx';
import { createLazyAudio } from './ui/lazy-audio.ts';
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

keepZodFromEval();
// why: `?lang=pseudo` (and `&dir=rtl`) shows the English UI in a long, accented pseudo-locale, to
// check layouts for truncation and right-to-left; it must be set before any string table is read.
const pseudo = pseudoModeFrom(location.search);
setPseudoMode(pseudo);
const storage = safeLocalStorage();
const defaultLanguage = pseudo ? 'en' : preferredLanguage(navigator.languages ?? [navigator.language]);
const { muted, volume } = readSettings(storage, { language: defaultLanguage, muted: false });

const audio = createLazyAudio(
  async (mutedNow) => {
    const [{ createHowlerAudio }, { SOUND_URLS, AMBIENCE_URLS }, { voiceUrl }] = await Promise.all([
      import('./audio/howler-audio.ts'),
      import('./audio/sound-urls.ts'),
      import('./audio/voice-urls.ts'),
    ]);
    return createHowlerAudio({ muted: mutedNow, urls: SOUND_URLS, ambience: AMBIENCE_URLS, voiceUrl });
  },
  muted,
  volume,
);

// why: browsers allow audio only after a user gesture; the sound code loads at the first one.
const warm = () => {
  audio.warm();
  window.removeEventListener('pointerdown', warm);
  window.removeEventListener('keydown', warm);
};
window.addEventListener('pointerdown', warm);
window.addEventListener('keydown', warm);

const loadMap = () => import('./map/situation-map.ts').then((m) => m.mountSituationMap);
// why: Phaser (345 KiB) is fetched while the trainee reads a briefing, so the map is ready soon after Start.
const prefetchMap = () => void import('./map/situation-map.ts').then((m) => m.preloadPhaser());

// why: every trainee run is written to IndexedDB after each event; a browser that refuses storage
// gets the runs kept in memory and a warning with an export, and the run goes on.
const saves = createRunSaves({
  open: () => import('./storage/run-store.ts').then((m) => m.openIndexedDbRunStore()),
  language: () => {
    const lang = document.documentElement.lang;
    return isUiLanguage(lang) ? lang : defaultLanguage;
  },
  legacy: storage,
  summarize: (session) =>
    import('./storage/run-summary.ts').then((m) => m.summarizeRun(session.bundle.scenario, session.run.log)),
  persist: () => {
    navigator.storage?.persist?.().catch(() => undefined);
  },
  // why: two tabs must never write the same run; a run is written by the one tab that holds it.
  ownership: createRunOwnership(globalThis as Parameters<typeof createRunOwnership>[0]),
});
// why: the clock's last second waits for its write; a page going away writes it at once.
window.addEventListener('pagehide', () => void saves.flush());
document.addEventListener('visibilitychange', () => {
  if (document.hidden) void saves.flush();
});

// why: the service worker (Workbox) registers after the page has loaded, from a lazy chunk, so it
// never delays the first decision; `npm start` (dev) registers none.
const updates = createUpdateNotice();
// why: an LMS package is served by the LMS; a worker would outlive the course in the LMS's origin.
if (
  import.meta.env.POCSIM_SERVICE_WORKER &&
  !import.meta.env.VITE_POCSIM_LMS &&
  'serviceWorker' in navigator
) {
  window.addEventListener('load', () => {
    import('./pwa/register.ts').then((m) => m.registerServiceWorker(updates)).catch(() => undefined);
  });
}

// why: an LMS package (`pocsim package`) looks for the LMS that launched it and loads its adapter;
// ordinary builds have no VITE_POCSIM_LMS, so neither is part of them.
const lmsKind = import.meta.env.VITE_POCSIM_LMS;
const lmsLaunch = lmsKind ? detectLmsLaunch(window, lmsKind) : null;
const packageLanguage = import.meta.env.VITE_POCSIM_LANG;

function mount(lms?: LmsAppProps) {
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  render(
    <App
      scenarios={lms?.scenarios ?? scenarios}
      audio={audio}
      loadMap={loadMap}
      prefetchMap={prefetchMap}
      // why: on a slow link the debrief's code (about 100 KB) would compete with the map after Start.
      debriefPreloadMs={8000}
      storage={storage}
      defaultLanguage={lms?.language ?? (isUiLanguage(packageLanguage) ? packageLanguage : defaultLanguage)}
      startAddress={addressOfHash(location.hash)}
      observers={[saves.observer, ...(lms?.observers ?? [])]}
      launch={lms?.launch}
      banner={lms?.banner}
      saves={saves}
      updates={updates}
    />,
    root,
  );
}

if (lmsLaunch)
  import('./lms/connect-lms.tsx')
    .then((m) => m.startLms(lmsLaunch, scenarios, window))
    .then(mount, () => mount());
else mount();
