import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AudioPort } from '../audio/audio-port.ts';
import { createRun, type Run } from '../engine/run/run.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { ScenarioListing } from '../engine/scenario/scenario-listing.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { UiLanguage } from '../i18n/i18n.ts';
import { AppFooter, AppHeader, type Preferences, PreferencesContext } from './app-header.tsx';
import { Briefing } from './briefing.tsx';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { Menu } from './menu.tsx';
import { PlayScreen } from './play-screen.tsx';
import { readProgress, recordFinishedRun } from './progress.ts';
import { type KeyValueStorage, readSettings, writeSettings } from './settings.ts';
import type { LoadSituationMap } from './situation-panel.tsx';

type DebriefModule = typeof import('./debrief-page.tsx');

/** Everything the app needs from outside; `main.tsx` passes the real ones, tests pass fakes. */
/** A scenario in the menu, with a way to fetch the whole of it. */
export type ScenarioEntry = ScenarioListing & { load(): Promise<ScenarioBundle> };

export interface AppProps {
  scenarios: readonly ScenarioEntry[];
  audio: AudioPort;
  /** Loads the drawn situation map; without it only the text version is shown. */
  loadMap?: LoadSituationMap;
  /** Loads the debrief screen (with the doctrine catalogue), kept out of the first load. */
  loadDebrief?: () => Promise<DebriefModule>;
  /** Where language and sound preferences are kept. */
  storage?: KeyValueStorage;
  /** Language to use when none is stored. */
  defaultLanguage?: UiLanguage;
}

type Screen =
  | { name: 'menu' }
  | { name: 'briefing'; bundle: ScenarioBundle }
  | { name: 'play'; bundle: ScenarioBundle; run: Run; attempt: number }
  | { name: 'debrief'; bundle: ScenarioBundle; log: readonly RunEvent[] };

const importDebrief = () => import('./debrief-page.tsx');

/** The pocsim trainee app: scenario list, briefing, play and debrief. */
export function App({
  scenarios,
  audio,
  loadMap,
  loadDebrief = importDebrief,
  storage,
  defaultLanguage = 'en',
}: AppProps) {
  const initial = useMemo(
    () => readSettings(storage, { language: defaultLanguage, muted: false }),
    [storage, defaultLanguage],
  );
  const [language, setLanguage] = useState<UiLanguage>(initial.language);
  const [muted, setMuted] = useState(initial.muted);
  const [screen, setScreen] = useState<Screen>({ name: 'menu' });
  const [debriefModule, setDebriefModule] = useState<DebriefModule | null>(null);

  useEffect(() => {
    audio.setMuted(muted);
  }, [audio, muted]);
  useEffect(() => {
    writeSettings(storage, { language, muted });
    document.documentElement.lang = language;
  }, [storage, language, muted]);

  const preferences = useMemo<Preferences>(() => ({ muted, setLanguage, setMuted }), [muted]);

  // why: the debrief code (with the doctrine catalogue) loads while the trainee plays, so it is
  // ready at the end without weighing on the first load.
  const needsDebrief = screen.name === 'play' || screen.name === 'debrief';
  const [debriefFailed, setDebriefFailed] = useState(false);
  const [loadAttempt, setLoadAttempt] = useState(0);
  // why: loadAttempt is a dependency so that "Try again" runs the load again.
  useEffect(() => {
    if (!needsDebrief || debriefModule) return;
    let cancelled = false;
    setDebriefFailed(false);
    loadDebrief().then(
      (m) => {
        if (!cancelled) setDebriefModule(m);
      },
      () => {
        if (!cancelled) setDebriefFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [needsDebrief, debriefModule, loadDebrief, loadAttempt]);

  const [attempts, setAttempts] = useState(0);
  const start = useCallback(
    (bundle: ScenarioBundle) => {
      setAttempts(attempts + 1);
      setScreen({ name: 'play', bundle, run: createRun(bundle.scenario), attempt: attempts + 1 });
    },
    [attempts],
  );
  const toMenu = useCallback(() => setScreen({ name: 'menu' }), []);
  const [progress, setProgress] = useState(() => readProgress(storage));
  const recordResult = useCallback(
    (scenario: string, run: { overall: number; passed: boolean }) =>
      setProgress((p) => recordFinishedRun(storage, p, scenario, run)),
    [storage],
  );
  const [opening, setOpening] = useState<{ id: string; failed: boolean } | null>(null);
  const open = useCallback(
    (id: string) => {
      const entry = scenarios.find((s) => s.id === id);
      if (!entry) return;
      setOpening({ id, failed: false });
      entry.load().then(
        (bundle) => {
          setOpening(null);
          setScreen({ name: 'briefing', bundle });
        },
        () => setOpening({ id, failed: true }),
      );
    },
    [scenarios],
  );
  const finish = useCallback(
    (log: readonly RunEvent[]) =>
      setScreen((s) => (s.name === 'play' ? { name: 'debrief', bundle: s.bundle, log: [...log] } : s)),
    [],
  );

  let body: preact.JSX.Element;
  switch (screen.name) {
    case 'menu':
      body = <Menu scenarios={scenarios} onOpen={open} opening={opening} progress={progress} />;
      break;
    case 'briefing':
      body = <Briefing bundle={screen.bundle} onStart={() => start(screen.bundle)} onBack={toMenu} />;
      break;
    case 'play':
      body = (
        <PlayScreen
          key={screen.attempt}
          bundle={screen.bundle}
          run={screen.run}
          audio={audio}
          loadMap={loadMap}
          onFinished={finish}
          onQuit={toMenu}
        />
      );
      break;
    case 'debrief':
      body = debriefModule ? (
        <debriefModule.DebriefPage
          bundle={screen.bundle}
          log={screen.log}
          onFinished={recordResult}
          onPlayAgain={() => start(screen.bundle)}
          onBack={toMenu}
        />
      ) : (
        <Loading failed={debriefFailed} onRetry={() => setLoadAttempt((n) => n + 1)} />
      );
      break;
  }

  return (
    <I18nProvider lang={language}>
      <PreferencesContext.Provider value={preferences}>
        <DocumentTitle screen={screen} />
        <div class={`app screen-${screen.name}`}>{body}</div>
      </PreferencesContext.Provider>
    </I18nProvider>
  );
}

function Loading({ failed, onRetry }: { failed: boolean; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <>
      <AppHeader />
      <main id="main" class="page">
        <div class="loading" role="status">
          <p>{t(failed ? 'app.debriefFailed' : 'app.loadingDebrief')}</p>
          {failed && (
            <button type="button" class="button button-primary" onClick={onRetry}>
              {t('app.retry')}
            </button>
          )}
        </div>
      </main>
      <AppFooter />
    </>
  );
}

/** Keeps the browser tab title in step with the screen, so screen-reader users hear where they are. */
function DocumentTitle({ screen }: { screen: Screen }) {
  const { t, lang } = useI18n();
  const title =
    screen.name === 'menu'
      ? t('menu.heading')
      : `${scenarioText(screen.bundle, lang, textKey.title())}${screen.name === 'debrief' ? ` · ${t('debrief.kicker')}` : ''}`;
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return null;
}
