import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Route, Router, Switch } from 'wouter-preact';
import { navigate, useHashLocation } from 'wouter-preact/use-hash-location';
import type { AudioPort } from '../audio/audio-port.ts';
import { scenarioText } from '../engine/run/run-view.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { directionOf, type UiLanguage } from '../i18n/i18n.ts';
import { readProgress, recordFinishedRun } from '../progress/progress.ts';
import type { RunObserver } from '../progress/run-observer.ts';
import { type KeyValueStorage, readSettings, writeSettings } from '../progress/settings.ts';
import { UpdateBanner } from '../pwa/update-banner.tsx';
import type { UpdateNotice } from '../pwa/update-notice.ts';
import type { RunSaves } from '../storage/run-saves.ts';
import {
  address,
  addressOfStart,
  PREVIEW_ROUTE,
  SCENARIO_ROUTE,
  type StartScreen,
  scenarioViewOf,
} from './app/addresses.ts';
import { Loading, useLazyModule } from './app/lazy-screen.tsx';
import { LiveRun, ScenarioScreen } from './app/scenario-screen.tsx';
import { DocumentTitle, ScreenGuard } from './app/screen-guard.tsx';
import { addressOfSession, type ResumeFrom, type ScenarioEntry, useTraineeRuns } from './app/trainee-runs.ts';
import { type Preferences, PreferencesContext } from './app-header.tsx';
import type { PickedFile } from './author/author-model.ts';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { Menu } from './menu.tsx';
import { ResumeRuns, RunHistory } from './saved-runs.tsx';
import { setScenarioLanguage, showInScenarioLanguage } from './scenario-languages.ts';
import type { LoadSituationMap } from './situation-panel.tsx';
import { StorageBanner } from './storage-banner.tsx';
import {
  type ContentNoteChoices,
  readContentNoteChoices,
  TrainerSettings,
  writeContentNoteChoices,
} from './trainer-settings.tsx';

export type { StartScreen } from './app/addresses.ts';
export { addressOfHash, startScreenFor } from './app/addresses.ts';
export type { ResumeFrom, ScenarioEntry } from './app/trainee-runs.ts';

type DebriefModule = typeof import('./debrief-page.tsx');
type AuthorModule = typeof import('./author/author-page.tsx');
type ExerciseModule = typeof import('./exercise/exercise-screens.tsx');
type CohortModule = typeof import('./cohort/cohort-page.tsx');

/** Everything the app needs from outside; `main.tsx` passes the real ones, tests pass fakes. */
export interface AppProps {
  scenarios: readonly ScenarioEntry[];
  audio: AudioPort;
  /** Loads the drawn situation map; without it only the text version is shown. */
  loadMap?: LoadSituationMap;
  /** Starts fetching the map's code while a briefing is read; without it the map loads on Start. */
  prefetchMap?: () => void;
  /** How long a run goes on before the debrief's code is fetched; at once by default. */
  debriefPreloadMs?: number;
  /** Loads the debrief screen (with the doctrine catalogue), kept out of the first load. */
  loadDebrief?: () => Promise<DebriefModule>;
  /** Loads the trainer's scenario preview (YAML parser, schema, lint), kept out of the first load. */
  loadAuthor?: () => Promise<AuthorModule>;
  /** Loads the facilitator console and projector view of exercises, kept out of the first load. */
  loadExercise?: () => Promise<ExerciseModule>;
  /** Loads the trainer's cohort view (results of many run files), kept out of the first load. */
  loadCohort?: () => Promise<CohortModule>;
  /** The address to open on (`/author`, `/scenario/<id>`…; see addresses.ts); the menu by default. */
  startAddress?: string;
  /** The same as a screen name, for callers that know the screen, not its address. */
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

const NO_OBSERVERS: readonly RunObserver[] = [];
const importDebrief = () => import('./debrief-page.tsx');
const importAuthor = () => import('./author/author-page.tsx');
const importExercise = () => import('./exercise/exercise-screens.tsx');
const importCohort = () => import('./cohort/cohort-page.tsx');
const importRoom = () => import('./room/room-screens.tsx');

/** The pocsim trainee app: scenario list, briefing, play and debrief, and the staff tools. */
export function App(props: AppProps) {
  const { storage, defaultLanguage = 'en' } = props;
  // why: the address the app opens on is set before anything reads it, so a test or an LMS
  // launch starts where it asks, whatever the page's address was.
  useState(() => {
    const first = props.startAddress ?? addressOfStart(props.startScreen ?? 'menu');
    if (`/${location.hash.replace(/^#?\/?/, '')}` !== first) navigate(first, { replace: true });
  });
  const initial = useMemo(
    () => readSettings(storage, { language: defaultLanguage, muted: false }),
    [storage, defaultLanguage],
  );
  const [language, showLanguage] = useState<UiLanguage>(() => {
    void setScenarioLanguage(initial.language);
    return initial.language;
  });
  // why: scenarios come with the texts of one language; a switch shows once the open scenarios
  // have their texts in the new one, so no screen flashes text keys meanwhile.
  const setLanguage = useCallback((next: UiLanguage) => {
    showInScenarioLanguage(next, () => showLanguage(next));
  }, []);
  const [muted, setMuted] = useState(initial.muted);
  const [volume, setVolume] = useState(initial.volume);
  useEffect(() => {
    props.audio.setMuted(muted);
    props.audio.setVolume(volume);
  }, [props.audio, muted, volume]);
  useEffect(() => {
    writeSettings(storage, { language, muted, volume });
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  }, [storage, language, muted, volume]);
  const preferences = useMemo<Preferences>(
    () => ({ muted, volume, setLanguage, setMuted, setVolume }),
    [muted, volume, setLanguage],
  );
  return (
    <I18nProvider lang={language}>
      <PreferencesContext.Provider value={preferences}>
        <Router hook={useHashLocation}>
          <Screens {...props} />
        </Router>
      </PreferencesContext.Provider>
    </I18nProvider>
  );
}

function Screens({
  scenarios,
  audio,
  loadMap,
  prefetchMap,
  debriefPreloadMs = 0,
  loadDebrief = importDebrief,
  loadAuthor = importAuthor,
  loadExercise = importExercise,
  loadCohort = importCohort,
  storage,
  observers = NO_OBSERVERS,
  saves,
  updates,
  launch,
  banner,
}: AppProps) {
  const [here, go] = useHashLocation();
  const runs = useTraineeRuns({ scenarios, observers, saves, navigate: go, launch });
  const { session } = runs;
  const [noteChoices, setNoteChoices] = useState(() => readContentNoteChoices(storage));
  const changeNoteChoices = useCallback(
    (choices: ContentNoteChoices) => {
      setNoteChoices(choices);
      writeContentNoteChoices(storage, choices);
    },
    [storage],
  );
  const toMenu = useCallback(() => go(address.menu), [go]);
  const toAuthor = useCallback(() => go(address.author), [go]);
  const toCohort = useCallback(() => go(address.cohort), [go]);
  const toConsole = useCallback(() => go(address.console()), [go]);

  // why: the play screen stays drawn while the address says something else, until the trainee
  // answers the dialog: Back must never end a run without asking, nor restart its screen.
  const live = session?.name === 'play' ? session : null;
  const liveAddress = live && addressOfSession(live);
  const [quitting, setQuitting] = useState(false);
  const away = !!live && here !== liveAddress;
  const screen = live ? 'play' : screenNameOf(here);

  // why: the debrief code (with the doctrine catalogue) loads while the trainee plays, so it is
  // ready at the end without weighing on the first load; not at once, so that on a slow link it
  // does not compete with the map and the sounds of the first step.
  const [playedAWhile, setPlayedAWhile] = useState(debriefPreloadMs <= 0);
  useEffect(() => {
    if (screen !== 'play' || playedAWhile) return;
    const timer = setTimeout(() => setPlayedAWhile(true), debriefPreloadMs);
    return () => clearTimeout(timer);
  }, [screen, playedAWhile, debriefPreloadMs]);
  const debrief = useLazyModule(loadDebrief, (screen === 'play' && playedAWhile) || screen === 'debrief');
  // why: the YAML parser, the zod schema and the lint reach the browser only when a trainer opens
  // the preview; a preview run keeps the module, since its Back leads there again.
  const author = useLazyModule(loadAuthor, screen === 'author' || !!session?.preview);
  // why: the console and projector (with their string tables) reach the browser only for facilitators.
  const exercise = useLazyModule(loadExercise, screen === 'console' || screen === 'projector');
  // why: the cohort view (with the run-file parser and its string tables) reaches only trainers.
  const cohort = useLazyModule(loadCohort, screen === 'cohort');
  // why: a participant's page of a networked exercise (socket.io with it) reaches only their devices.
  const room = useLazyModule(importRoom, screen === 'join');
  // why: the trainer's files outlive the preview page while one of them is played, so Back finds them open.
  const [authorFiles, setAuthorFiles] = useState<readonly PickedFile[]>([]);

  const [progress, setProgress] = useState(() => saves?.snapshot().progress ?? readProgress(storage));
  useEffect(() => saves?.subscribe(() => setProgress(saves.snapshot().progress)), [saves]);
  const recordResult = useCallback(
    (scenario: string, run: { overall: number; passed: boolean }) => {
      if (saves) saves.recordFinished(scenario, run);
      else setProgress((p) => recordFinishedRun(storage, p, scenario, run));
    },
    [storage, saves],
  );
  const scenarioProps = { runs, noteChoices, storage, toMenu, toAuthor, debrief, recordResult, prefetchMap };

  let body: preact.JSX.Element;
  if (live) {
    body = (
      <LiveRun
        session={live}
        audio={audio}
        loadMap={loadMap}
        noteChoices={noteChoices}
        runs={runs}
        asking={quitting || away}
        onQuit={() => setQuitting(true)}
        onStay={() => {
          setQuitting(false);
          if (away && liveAddress) go(liveAddress);
        }}
        onLeave={() => {
          setQuitting(false);
          runs.leave(away ? here : undefined);
        }}
      />
    );
  } else {
    // The route table: one line per address (see app/addresses.ts); the last one is the menu.
    body = (
      <Switch>
        <Route path={address.author}>
          {author.module ? (
            <author.module.AuthorPage
              onPlay={runs.playPreview}
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
          )}
        </Route>
        <Route path={address.cohort}>
          {cohort.module ? (
            <cohort.module.CohortPage scenarios={scenarios} onBack={toMenu} />
          ) : (
            <Loading
              failed={cohort.failed}
              onRetry={cohort.retry}
              messages={['app.loadingCohort', 'app.cohortFailed']}
            />
          )}
        </Route>
        <Route path="/console/:exercise?">
          {(p: { exercise?: string }) =>
            exercise.module ? (
              <exercise.module.ConsolePage
                scenarios={scenarios}
                storage={storage}
                exercise={p.exercise ?? null}
                onBack={toMenu}
              />
            ) : (
              <Loading
                failed={exercise.failed}
                onRetry={exercise.retry}
                messages={['app.loadingConsole', 'app.consoleFailed']}
              />
            )
          }
        </Route>
        <Route path="/projector/:exercise">
          {(p: { exercise: string }) =>
            exercise.module ? (
              <exercise.module.ProjectorPage
                scenarios={scenarios}
                storage={storage}
                exercise={p.exercise}
                loadMap={loadMap}
              />
            ) : (
              <Loading
                failed={exercise.failed}
                onRetry={exercise.retry}
                messages={['app.loadingConsole', 'app.consoleFailed']}
              />
            )
          }
        </Route>
        <Route path="/join/:code?">
          {(p: { code?: string }) =>
            room.module ? (
              <room.module.ParticipantPage code={joinCode(p.code)} storage={storage} />
            ) : (
              <Loading
                failed={room.failed}
                onRetry={room.retry}
                messages={['app.loadingRoom', 'app.roomFailed']}
              />
            )
          }
        </Route>
        <Route path={SCENARIO_ROUTE}>
          {(p: { id: string; view?: string }) => (
            <ScenarioRoute {...p} preview={false} shared={scenarioProps} />
          )}
        </Route>
        <Route path={PREVIEW_ROUTE}>
          {(p: { id: string; view?: string }) => <ScenarioRoute {...p} preview shared={scenarioProps} />}
        </Route>
        <Route>
          <Menu
            scenarios={scenarios}
            onOpen={runs.open}
            opening={runs.opening}
            progress={progress}
            onAuthor={toAuthor}
            onConsole={toConsole}
            onCohort={toCohort}
            before={saves && <ResumeRuns saves={saves} scenarios={scenarios} onContinue={runs.continueRun} />}
            after={saves && <RunHistory saves={saves} scenarios={scenarios} onDebrief={runs.reopenDebrief} />}
            trainerSettings={
              <TrainerSettings
                scenarios={scenarios}
                choices={noteChoices}
                onChange={changeNoteChoices}
                storage={storage}
              />
            }
          />
        </Route>
      </Switch>
    );
  }

  return (
    <>
      <ScreenTitle screen={screen} session={session} />
      <div class={`app screen-${screen}`}>
        <ScreenGuard key={screen} onBack={toMenu}>
          {body}
        </ScreenGuard>
        {/* why: last and sticky at the bottom, so a storage warning stays in view while the run goes on
            without covering the top bar; an update reloads the page, so it is offered only where no
            run is in progress. */}
        <div class="app-notices">
          {saves && <StorageBanner saves={saves} />}
          {updates && (screen === 'menu' || screen === 'debrief') && <UpdateBanner updates={updates} />}
        </div>
        {banner}
      </div>
    </>
  );
}

/** A room's join code from its address (`#join/<code>`), or null for the page that asks for one. */
function joinCode(code: string | undefined): string | null {
  return code && /^[A-Za-z0-9]{4,20}$/.test(code) ? code.toUpperCase() : null;
}

function ScenarioRoute({
  id,
  view,
  preview,
  shared,
}: {
  id: string;
  view?: string;
  preview: boolean;
  shared: Omit<Parameters<typeof ScenarioScreen>[0], 'id' | 'view' | 'preview'>;
}) {
  const known = scenarioViewOf(view);
  const [, go] = useHashLocation();
  useEffect(() => {
    if (!known) go(address.scenario(id, 'briefing', preview), { replace: true });
  }, [known, id, preview, go]);
  return known ? <ScenarioScreen id={id} view={known} preview={preview} {...shared} /> : null;
}

/** What the page shows, from its address: names the stylesheet's `screen-*` classes and the title. */
function screenNameOf(path: string): string {
  const [, first = '', , view] = path.split('/');
  if (first === 'scenario' || first === 'preview') return scenarioViewOf(view) ?? 'briefing';
  if (
    first === 'author' ||
    first === 'cohort' ||
    first === 'console' ||
    first === 'projector' ||
    first === 'join'
  )
    return first;
  return 'menu';
}

function ScreenTitle({
  screen,
  session,
}: {
  screen: string;
  session: ReturnType<typeof useTraineeRuns>['session'];
}) {
  const { t, lang } = useI18n();
  const named: Record<string, string> = {
    menu: 'menu.heading',
    author: 'author.heading',
    cohort: 'app.cohortTitle',
    console: 'app.consoleTitle',
    projector: 'app.projectorTitle',
    join: 'app.roomTitle',
    break: 'contentNote.left.heading',
  };
  const key = named[screen];
  const title = key
    ? t(key)
    : session
      ? `${scenarioText(session.bundle, lang, textKey.title())}${screen === 'debrief' ? ` · ${t('debrief.kicker')}` : ''}`
      : t('app.loading');
  return <DocumentTitle title={title} />;
}
