import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useErrorBoundary, useMemo, useRef, useState } from 'preact/hooks';
import type { AudioPort } from '../audio/audio-port.ts';
import { createRun, initialLog, type Run, timeLimitsOf } from '../engine/run/run.ts';
import type { RunEvent } from '../engine/run/run-state.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import type { TimeLimitSetting } from '../engine/run/time-limits.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { ScenarioListing } from '../engine/scenario/scenario-listing.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { directionOf, type UiLanguage } from '../i18n/i18n.ts';
import { addFinishedRun, readProgress, recordFinishedRun } from '../progress/progress.ts';
import { createSessionId, type RunObserver, type RunSession } from '../progress/run-observer.ts';
import { type KeyValueStorage, readSettings, writeSettings } from '../progress/settings.ts';
import { UpdateBanner } from '../pwa/update-banner.tsx';
import type { UpdateNotice } from '../pwa/update-notice.ts';
import type { RunSaves } from '../storage/run-saves.ts';
import type { SavedRun } from '../storage/saved-run.ts';
import { AppFooter, AppHeader, type Preferences, PreferencesContext } from './app-header.tsx';
import type { PickedFile } from './author/author-model.ts';
import { Briefing } from './briefing.tsx';
import { BreakScreen, TakeABreak } from './content-note.tsx';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { Menu } from './menu.tsx';
import { PlayScreen } from './play-screen.tsx';
import { ResumeRuns, RunHistory } from './saved-runs.tsx';
import type { LoadSituationMap } from './situation-panel.tsx';
import { StorageBanner } from './storage-banner.tsx';
import {
  type ContentNoteChoices,
  contentNoteFor,
  readContentNoteChoices,
  TrainerSettings,
  writeContentNoteChoices,
} from './trainer-settings.tsx';

type DebriefModule = typeof import('./debrief-page.tsx');
type AuthorModule = typeof import('./author/author-page.tsx');
type ExerciseModule = typeof import('./exercise/exercise-screens.tsx');
type CohortModule = typeof import('./cohort/cohort-page.tsx');

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
  /** Loads the trainer's scenario preview (YAML parser, schema, lint), kept out of the first load. */
  loadAuthor?: () => Promise<AuthorModule>;
  /** Loads the facilitator console and projector view of exercises, kept out of the first load. */
  loadExercise?: () => Promise<ExerciseModule>;
  /** Loads the trainer's cohort view (results of many run files), kept out of the first load. */
  loadCohort?: () => Promise<CohortModule>;
  /** The screen to open on: the menu, or the one the address names (see `startScreenFor`). */
  startScreen?: StartScreen;
  /** Where language and sound preferences are kept. */
  storage?: KeyValueStorage;
  /** Language to use when none is stored. */
  defaultLanguage?: UiLanguage;
  /** Follow every trainee run (not trainer previews): the save store, an LMS. */
  observers?: readonly RunObserver[];
  /** The trainee's saved runs and progress (IndexedDB, or memory); without it progress stays in `storage`. */
  saves?: RunSaves;
  /** Tells when a new version of the app is waiting (service worker). */
  updates?: UpdateNotice;
  /** Opens one scenario at once instead of the menu (an LMS launch): its briefing, or the run the LMS saved. */
  launch?: { scenario: string; resume?: ResumeFrom };
  /** Shown under every screen, in the app's language: the LMS connection bar. */
  banner?: ComponentChildren;
}

/** A saved run to reopen where it stopped. */
export interface ResumeFrom {
  id: string;
  log: readonly RunEvent[];
  startedAt: string;
}

/** A run of a trainer's own file, started from the preview: it returns there and is not kept as progress. */
interface Preview {
  startStep?: string;
}

/** A screen an address can open: `#author`, `#cohort`, `#console[/<exercise>]` or `#projector/<exercise>`. */
export type StartScreen =
  | 'menu'
  | 'author'
  | 'cohort'
  | { console: string | null }
  | { projector: string }
  | { join: string | null };

type Screen =
  | { name: 'menu' }
  | { name: 'author' }
  | { name: 'cohort' }
  | { name: 'console'; exercise: string | null }
  | { name: 'projector'; exercise: string }
  /** A participant's device in a networked exercise room (`#join[/<code>]`). */
  | { name: 'join'; code: string | null }
  | { name: 'briefing'; bundle: ScenarioBundle; preview?: Preview }
  /** Left through "Take a break": the run is kept, and where to find support. */
  | { name: 'break'; bundle: ScenarioBundle }
  | {
      name: 'play';
      bundle: ScenarioBundle;
      run: Run;
      attempt: number;
      preview?: Preview;
      session?: RunSession;
    }
  | {
      name: 'debrief';
      bundle: ScenarioBundle;
      log: readonly RunEvent[];
      preview?: Preview;
      /** When the run was played, for the run file the trainee may export. */
      times?: { startedAt: string; finishedAt: string };
      /** A finished run reopened from the saved runs: already counted in the progress. */
      kept?: boolean;
    };

const NO_OBSERVERS: readonly RunObserver[] = [];
const importDebrief = () => import('./debrief-page.tsx');
const importAuthor = () => import('./author/author-page.tsx');
const importExercise = () => import('./exercise/exercise-screens.tsx');
const importCohort = () => import('./cohort/cohort-page.tsx');
const importRoom = () => import('./room/room-screens.tsx');
const AUTHOR_HASH = '#author';
const COHORT_HASH = '#cohort';
const CONSOLE_HASH = '#console';

/** The screen an address opens; unknown addresses open the menu. */
export function startScreenFor(hash: string): StartScreen {
  if (hash === AUTHOR_HASH) return 'author';
  if (hash === COHORT_HASH) return 'cohort';
  const console = /^#console(?:\/([a-z0-9][a-z0-9-]*))?$/.exec(hash);
  if (console) return { console: console[1] ?? null };
  const projector = /^#projector\/([a-z0-9][a-z0-9-]*)$/.exec(hash);
  if (projector) return { projector: projector[1]! };
  const join = /^#join(?:\/([A-Za-z0-9]{4,20}))?$/.exec(hash);
  if (join) return { join: join[1]?.toUpperCase() ?? null };
  return 'menu';
}

function initialScreen(start: StartScreen): Screen {
  if (start === 'menu' || start === 'author' || start === 'cohort') return { name: start };
  if ('join' in start) return { name: 'join', code: start.join };
  return 'projector' in start
    ? { name: 'projector', exercise: start.projector }
    : { name: 'console', exercise: start.console };
}

/** Loads a lazily imported screen while `needed`, with a way to try again after a failure. */
function useLazyModule<M>(load: () => Promise<M>, needed: boolean) {
  const [module, setModule] = useState<M | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // why: attempt is a dependency so that "Try again" runs the load again.
  useEffect(() => {
    if (!needed || module) return;
    let cancelled = false;
    setFailed(false);
    load().then(
      (m) => {
        if (!cancelled) setModule(() => m);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [needed, module, load, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { module, failed, retry };
}

/** The pocsim trainee app: scenario list, briefing, play and debrief. */
export function App({
  scenarios,
  audio,
  loadMap,
  loadDebrief = importDebrief,
  loadAuthor = importAuthor,
  loadExercise = importExercise,
  loadCohort = importCohort,
  startScreen = 'menu',
  storage,
  defaultLanguage = 'en',
  observers = NO_OBSERVERS,
  saves,
  updates,
  launch,
  banner,
}: AppProps) {
  const initial = useMemo(
    () => readSettings(storage, { language: defaultLanguage, muted: false }),
    [storage, defaultLanguage],
  );
  const [language, setLanguage] = useState<UiLanguage>(initial.language);
  const [muted, setMuted] = useState(initial.muted);
  const [volume, setVolume] = useState(initial.volume);
  const [screen, setScreen] = useState<Screen>(() => initialScreen(startScreen));
  const [noteChoices, setNoteChoices] = useState(() => readContentNoteChoices(storage));
  const changeNoteChoices = useCallback(
    (choices: ContentNoteChoices) => {
      setNoteChoices(choices);
      writeContentNoteChoices(storage, choices);
    },
    [storage],
  );

  useEffect(() => {
    audio.setMuted(muted);
    audio.setVolume(volume);
  }, [audio, muted, volume]);
  useEffect(() => {
    writeSettings(storage, { language, muted, volume });
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  }, [storage, language, muted, volume]);

  const preferences = useMemo<Preferences>(
    () => ({ muted, volume, setLanguage, setMuted, setVolume }),
    [muted, volume],
  );

  // why: the debrief code (with the doctrine catalogue) loads while the trainee plays, so it is
  // ready at the end without weighing on the first load.
  const debrief = useLazyModule(loadDebrief, screen.name === 'play' || screen.name === 'debrief');
  // why: the YAML parser, the zod schema and the lint reach the browser only when a trainer opens
  // the preview; a preview run keeps the module, since its Back leads there again.
  const author = useLazyModule(
    loadAuthor,
    screen.name === 'author' ||
      ((screen.name === 'briefing' || screen.name === 'play' || screen.name === 'debrief') &&
        !!screen.preview),
  );
  // why: the console and projector (with their string tables) reach the browser only for facilitators.
  const exercise = useLazyModule(loadExercise, screen.name === 'console' || screen.name === 'projector');
  // why: the cohort view (with the run-file parser and its string tables) reaches only trainers.
  const cohort = useLazyModule(loadCohort, screen.name === 'cohort');
  const room = useLazyModule(importRoom, screen.name === 'join');
  // why: the trainer's files outlive the preview page while one of them is played, so Back finds them open.
  const [authorFiles, setAuthorFiles] = useState<readonly PickedFile[]>([]);

  const [attempts, setAttempts] = useState(0);
  const start = useCallback(
    (
      bundle: ScenarioBundle,
      preview?: Preview,
      resume?: ResumeFrom,
      timeLimits: TimeLimitSetting = 'standard',
    ) => {
      setAttempts(attempts + 1);
      // why: the debrief replays the run's log against the screen's bundle, so a run started at a
      // later step must carry that start in the bundle itself, not only in the run.
      const played = preview?.startStep
        ? { ...bundle, scenario: { ...bundle.scenario, start: preview.startStep } }
        : bundle;
      // why: extended time enters the run as its first event; a resumed or replayed log carries its own.
      const run = createRun(played.scenario, resume?.log ?? initialLog(timeLimits));
      // why: trainer previews are not the trainee's runs, so nothing outside the tab follows them.
      const session: RunSession | undefined = preview
        ? undefined
        : {
            id: resume?.id ?? createSessionId(),
            bundle: played,
            run,
            startedAt: resume?.startedAt ?? new Date().toISOString(),
            resumed: !!resume,
          };
      if (session) {
        for (const o of observers) o.opened?.(session);
        run.subscribe(() => {
          for (const o of observers) o.changed?.(session);
        });
      }
      setScreen({ name: 'play', bundle: played, run, attempt: attempts + 1, preview, session });
    },
    [attempts, observers],
  );
  const toMenu = useCallback(() => setScreen({ name: 'menu' }), []);
  const toAuthor = useCallback(() => setScreen({ name: 'author' }), []);
  const toCohort = useCallback(() => setScreen({ name: 'cohort' }), []);
  const toConsole = useCallback(() => setScreen({ name: 'console', exercise: null }), []);
  // why: a trainer proofreads the briefing, objectives and content note too, so playing from the
  // start opens the briefing as a trainee sees it; a run from a later step goes straight in.
  const playPreview = useCallback(
    (bundle: ScenarioBundle, startStep?: string) =>
      startStep ? start(bundle, { startStep }) : setScreen({ name: 'briefing', bundle, preview: {} }),
    [start],
  );
  useAuthorAddress(screen.name, toAuthor);
  useCohortAddress(screen.name, toCohort);
  useConsoleAddress(screen.name, toConsole);
  const [progress, setProgress] = useState(() => saves?.snapshot().progress ?? readProgress(storage));
  useEffect(() => saves?.subscribe(() => setProgress(saves.snapshot().progress)), [saves]);
  const recordResult = useCallback(
    (scenario: string, run: { overall: number; passed: boolean }) => {
      if (saves) saves.recordFinished(scenario, run);
      else setProgress((p) => recordFinishedRun(storage, p, scenario, run));
    },
    [storage, saves],
  );
  // why: a run has one writing tab; when another tab plays it, the menu says so and offers to take
  // it over, and the run continues from the freshest copy in the store, not this tab's old one.
  const continueRun = useCallback(
    (bundle: ScenarioBundle, saved: SavedRun, takeOver?: boolean) => {
      void (saves ? saves.take(saved.id, { takeOver }) : Promise.resolve(saved)).then((fresh) => {
        if (fresh === 'elsewhere') return;
        const from = fresh ?? saved;
        start(bundle, undefined, {
          id: from.id,
          log: from.run.log,
          startedAt: from.run.startedAt ?? from.savedAt,
        });
      });
    },
    [start, saves],
  );
  const reopenDebrief = useCallback((bundle: ScenarioBundle, saved: SavedRun) => {
    const startedAt = saved.run.startedAt ?? saved.savedAt;
    const finishedAt = saved.run.finishedAt ?? saved.savedAt;
    setScreen({ name: 'debrief', bundle, log: saved.run.log, times: { startedAt, finishedAt }, kept: true });
  }, []);
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
  // why: an LMS launches one scenario; the trainee lands on its briefing, or back in the saved run.
  const launched = useRef(false);
  useEffect(() => {
    if (!launch || launched.current) return;
    launched.current = true;
    const entry = scenarios.find((s) => s.id === launch.scenario);
    const resume = launch.resume;
    if (!entry) return;
    if (!resume) {
      open(entry.id);
      return;
    }
    entry.load().then(
      (bundle) => {
        try {
          start(bundle, undefined, resume);
        } catch {
          // why: a saved log the scenario no longer accepts must not block the launch.
          setScreen({ name: 'briefing', bundle });
        }
      },
      () => open(entry.id),
    );
  }, [launch, scenarios, open, start]);
  const finish = useCallback(
    (log: readonly RunEvent[]) => {
      if (screen.name !== 'play') return;
      if (screen.session) for (const o of observers) o.finished?.(screen.session);
      const times = screen.session
        ? { startedAt: screen.session.startedAt, finishedAt: new Date().toISOString() }
        : undefined;
      // why: a run another tab took over is that tab's to count; this copy is not recorded again.
      const takenOver = !!screen.session && !!saves?.snapshot().takenOver.has(screen.session.id);
      setScreen({
        name: 'debrief',
        bundle: screen.bundle,
        log: [...log],
        preview: screen.preview,
        times,
        ...(takenOver ? { kept: true } : {}),
      });
    },
    [screen, observers, saves],
  );
  const leaveRun = useCallback(() => {
    if (screen.name === 'play' && screen.session) {
      for (const o of observers) o.left?.(screen.session);
    }
    setScreen(screen.name === 'play' && screen.preview ? { name: 'author' } : { name: 'menu' });
  }, [screen, observers]);
  // why: leaving through "Take a break" keeps the run as it is (saved, not scored, to continue later)
  // and lands on a calm screen that says so, wherever in the run the trainee was.
  const takeBreak = useCallback(() => {
    if (screen.name === 'play' && screen.session) {
      for (const o of observers) o.left?.(screen.session);
    }
    if (screen.name === 'briefing' || screen.name === 'play' || screen.name === 'debrief')
      setScreen({ name: 'break', bundle: screen.bundle });
  }, [screen, observers]);
  const note =
    screen.name === 'briefing' || screen.name === 'play' || screen.name === 'debrief'
      ? contentNoteFor(screen.bundle.scenario, noteChoices)
      : null;

  let body: preact.JSX.Element;
  switch (screen.name) {
    case 'menu':
      body = (
        <Menu
          scenarios={scenarios}
          onOpen={open}
          opening={opening}
          progress={progress}
          onAuthor={toAuthor}
          onConsole={toConsole}
          onCohort={toCohort}
          before={saves && <ResumeRuns saves={saves} scenarios={scenarios} onContinue={continueRun} />}
          after={saves && <RunHistory saves={saves} scenarios={scenarios} onDebrief={reopenDebrief} />}
          trainerSettings={
            <TrainerSettings
              scenarios={scenarios}
              choices={noteChoices}
              onChange={changeNoteChoices}
              storage={storage}
            />
          }
        />
      );
      break;
    case 'console':
      body = exercise.module ? (
        <exercise.module.ConsolePage
          scenarios={scenarios}
          storage={storage}
          exercise={screen.exercise}
          onBack={toMenu}
        />
      ) : (
        <Loading
          failed={exercise.failed}
          onRetry={exercise.retry}
          messages={['app.loadingConsole', 'app.consoleFailed']}
        />
      );
      break;
    case 'projector':
      body = exercise.module ? (
        <exercise.module.ProjectorPage
          scenarios={scenarios}
          storage={storage}
          exercise={screen.exercise}
          loadMap={loadMap}
        />
      ) : (
        <Loading
          failed={exercise.failed}
          onRetry={exercise.retry}
          messages={['app.loadingConsole', 'app.consoleFailed']}
        />
      );
      break;
    case 'join':
      body = room.module ? (
        <room.module.ParticipantPage code={screen.code} storage={storage} />
      ) : (
        <Loading failed={room.failed} onRetry={room.retry} messages={['app.loadingRoom', 'app.roomFailed']} />
      );
      break;
    case 'cohort':
      body = cohort.module ? (
        <cohort.module.CohortPage scenarios={scenarios} onBack={toMenu} />
      ) : (
        <Loading
          failed={cohort.failed}
          onRetry={cohort.retry}
          messages={['app.loadingCohort', 'app.cohortFailed']}
        />
      );
      break;
    case 'author':
      body = author.module ? (
        <author.module.AuthorPage
          onPlay={playPreview}
          onBack={toMenu}
          files={authorFiles}
          onFilesChange={setAuthorFiles}
        />
      ) : (
        <Loading
          failed={author.failed}
          onRetry={author.retry}
          messages={['app.loadingAuthor', 'app.authorFailed']}
        />
      );
      break;
    case 'briefing':
      body = (
        <Briefing
          bundle={screen.bundle}
          onStart={(timeLimits) => start(screen.bundle, screen.preview, undefined, timeLimits)}
          storage={storage}
          onBack={screen.preview ? toAuthor : toMenu}
          backKey={screen.preview ? 'author.backToPreview' : undefined}
          contentNote={note}
          onTakeBreak={takeBreak}
        />
      );
      break;
    case 'break':
      body = <BreakScreen title={scenarioText(screen.bundle, language, textKey.title())} onBack={toMenu} />;
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
          onQuit={leaveRun}
          contentNote={note}
          onTakeBreak={takeBreak}
          startPaused={!!screen.session?.resumed}
        />
      );
      break;
    case 'debrief':
      body = debrief.module ? (
        <debrief.module.DebriefPage
          bundle={screen.bundle}
          log={screen.log}
          onFinished={screen.preview || screen.kept ? undefined : recordResult}
          onPlayAgain={() => start(screen.bundle, screen.preview, undefined, timeLimitsOf(screen.log))}
          onReplayFrom={(log) =>
            // why: a replay is a new run (fresh id) that starts from the original log up to a decision.
            start(screen.bundle, screen.preview, {
              id: createSessionId(),
              log,
              startedAt: new Date().toISOString(),
            })
          }
          onBack={screen.preview ? toAuthor : toMenu}
          backKey={screen.preview ? 'author.backToPreview' : undefined}
          storage={storage}
          times={screen.times}
          headerTools={note && <TakeABreak onLeave={takeBreak} />}
        />
      ) : (
        <Loading
          failed={debrief.failed}
          onRetry={debrief.retry}
          messages={['app.loadingDebrief', 'app.debriefFailed']}
        />
      );
      break;
  }

  return (
    <I18nProvider lang={language}>
      <PreferencesContext.Provider value={preferences}>
        <DocumentTitle screen={screen} />
        <div class={`app screen-${screen.name}`}>
          <ScreenGuard key={screen.name} onBack={toMenu}>
            {body}
          </ScreenGuard>
          {/* why: last and sticky at the bottom, so a storage warning stays in view while the run goes on
              without covering the top bar; an update reloads the page, so it is offered only where no
              run is in progress. */}
          <div class="app-notices">
            {saves && <StorageBanner saves={saves} />}
            {updates && (screen.name === 'menu' || screen.name === 'debrief') && (
              <UpdateBanner updates={updates} />
            )}
          </div>
          {banner}
        </div>
      </PreferencesContext.Provider>
    </I18nProvider>
  );
}

function Loading({
  failed,
  onRetry,
  messages: [loading, failure],
}: {
  failed: boolean;
  onRetry(): void;
  /** Keys of the message while loading and after a failure. */
  messages: [string, string];
}) {
  const { t } = useI18n();
  return (
    <>
      <AppHeader />
      <main id="main" class="page">
        <div class="loading" role="status">
          <p>{t(failed ? failure : loading)}</p>
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

// why: a screen that throws (a corrupt run, a scenario the engine refuses) must leave a message and a
// way back, never a blank page.
function ScreenGuard({ children, onBack }: { children: ComponentChildren; onBack(): void }) {
  const { t } = useI18n();
  const [error, reset] = useErrorBoundary();
  if (!error) return <>{children}</>;
  return (
    <>
      <AppHeader />
      <main id="main" class="page">
        <div class="alert alert-critical" role="alert">
          <p>{t('app.screenFailed')}</p>
          <p class="muted">{error instanceof Error ? error.message : String(error)}</p>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              reset();
              onBack();
            }}
          >
            {t('debrief.back')}
          </button>
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
      : screen.name === 'author'
        ? t('author.heading')
        : screen.name === 'cohort'
          ? t('app.cohortTitle')
          : screen.name === 'console'
            ? t('app.consoleTitle')
            : screen.name === 'projector'
              ? t('app.projectorTitle')
              : screen.name === 'join'
                ? t('app.roomTitle')
                : screen.name === 'break'
                  ? t('contentNote.left.heading')
                  : `${scenarioText(screen.bundle, lang, textKey.title())}${screen.name === 'debrief' ? ` · ${t('debrief.kicker')}` : ''}`;
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return null;
}

// why: trainers bookmark the preview, so the address says `#author` while it is open, and typing
// that address into an open app opens it too.
function useAuthorAddress(screen: Screen['name'], openAuthor: () => void) {
  useEffect(() => {
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    const here = location.hash === AUTHOR_HASH;
    if (screen === 'author' && !here) history.replaceState(null, '', AUTHOR_HASH);
    else if (screen === 'menu' && here) history.replaceState(null, '', location.pathname + location.search);
  }, [screen]);
  useEffect(() => {
    if (screen !== 'menu') return;
    const onHash = () => {
      if (location.hash === AUTHOR_HASH) openAuthor();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [screen, openAuthor]);
}

// why: facilitators bookmark the console; typing `#console` into an open app opens it, and the
// menu drops the address again. The console writes `#console/<exercise>` itself once one is picked.
function useConsoleAddress(screen: Screen['name'], openConsole: () => void) {
  useEffect(() => {
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    if (screen === 'menu' && location.hash.startsWith(CONSOLE_HASH))
      history.replaceState(null, '', location.pathname + location.search);
  }, [screen]);
  useEffect(() => {
    if (screen !== 'menu') return;
    const onHash = () => {
      if (location.hash.startsWith(CONSOLE_HASH)) openConsole();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [screen, openConsole]);
}

// why: trainers bookmark the cohort view like the preview: the address says `#cohort` while it is
// open, and typing it into an open app opens it.
function useCohortAddress(screen: Screen['name'], openCohort: () => void) {
  useEffect(() => {
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    const here = location.hash === COHORT_HASH;
    if (screen === 'cohort' && !here) history.replaceState(null, '', COHORT_HASH);
    else if (screen === 'menu' && here) history.replaceState(null, '', location.pathname + location.search);
  }, [screen]);
  useEffect(() => {
    if (screen !== 'menu') return;
    const onHash = () => {
      if (location.hash === COHORT_HASH) openCohort();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [screen, openCohort]);
}
