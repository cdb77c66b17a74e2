import { useEffect, useMemo, useState } from 'preact/hooks';
import { createExercise } from '../../engine/exercise/exercise-log.ts';
import { moduleAt } from '../../engine/exercise/exercise-timing.ts';
import type { RunView } from '../../engine/run/run-view.ts';
import type { ScenarioBundle } from '../../engine/scenario/load-scenario.ts';
import type { MselItem } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import type { ScenarioEntry } from '../app.tsx';
import { Brand } from '../app-header.tsx';
import { Paragraphs } from '../common.tsx';
import { I18nProvider, useI18n } from '../i18n-context.tsx';
import { JoinScreen } from '../room/join-screen.tsx';
import { showInScenarioLanguage } from '../scenario-languages.ts';
import { type ScenarioTexts, useScenarioTexts } from '../scenario-text.ts';
import { type LoadSituationMap, SituationPanel } from '../situation-panel.tsx';
import { ChannelMark } from './channel-mark.tsx';
import { exerciseLogKey, parseStoredExercise } from './exercise-store.ts';
import { openSyncPort, type SyncPort } from './exercise-sync.ts';
import { exerciseClockFace } from './exercise-time-format.ts';
import { MapLegend } from './map-svg.tsx';
import { buildProjectorView, onProjector, type ProjectorView } from './projector-view.ts';
import { useClockStamp } from './use-clock-stamp.ts';

/** Smallest size, in CSS pixels, of a map label on the projector: legible from the back of a room at 1080p. */
export const PROJECTOR_LABEL_PX = 18;

/**
 * How the projector's map fits: labels of 18 px on a 1080p wall, in proportion on a smaller one (as
 * all the projector's type is), so a 720p screen is not crowded with words; the legend is text
 * beside the picture, where it takes less of the height the map needs.
 */
export function projectorMapOptions(viewport: { width: number; height: number }) {
  const share = Math.min(1, viewport.height / 1080, viewport.width / 1920);
  return { minLabelPx: Math.round(PROJECTOR_LABEL_PX * share), legend: false } as const;
}

/** How many earlier injects stay on the projector below the latest one. */
const EARLIER_SHOWN = 2;

/** Where the projector's view came from: the console live, or the saved log while no console answers. */
type Source = 'waiting' | 'live' | 'saved' | 'left';

/**
 * The projector window: the scenario clock, large; injects released for the room; the situation
 * map and its text. It shows what the console sends and never anything meant for the facilitator.
 */
export function ProjectorPage({
  scenarios,
  storage,
  exercise,
  loadMap,
  port: givenPort,
}: {
  scenarios: readonly ScenarioEntry[];
  storage: KeyValueStorage | undefined;
  exercise: string;
  loadMap?: LoadSituationMap | undefined;
  /** The channel to the console; tests pass an in-memory one. */
  port?: SyncPort;
}) {
  const { t } = useI18n();
  const entry = scenarios.find((s) => s.id === exercise && s.facilitated);
  const [bundle, setBundle] = useState<ScenarioBundle | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!entry) return;
    let cancelled = false;
    entry.load().then(
      (b) => !cancelled && setBundle(b),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [entry]);

  if (!entry || failed) {
    return (
      <main id="main" class="xp xp-message">
        <Brand />
        <p role="alert">
          {t(entry ? 'exercise.projector.loadFailed' : 'exercise.projector.unknown', { exercise })}
        </p>
      </main>
    );
  }
  if (!bundle) {
    return (
      <main id="main" class="xp xp-message">
        <Brand />
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  return <ProjectorScreen bundle={bundle} storage={storage} loadMap={loadMap} givenPort={givenPort} />;
}

function ProjectorScreen({
  bundle,
  storage,
  loadMap,
  givenPort,
}: {
  bundle: ScenarioBundle;
  storage: KeyValueStorage | undefined;
  loadMap?: LoadSituationMap | undefined;
  givenPort?: SyncPort | undefined;
}) {
  const { lang } = useI18n();
  const id = bundle.scenario.id;
  const [view, setView] = useState<ProjectorView>(() => savedView(bundle, storage, lang));
  const [source, setSource] = useState<Source>('waiting');

  useEffect(() => {
    const port = givenPort ?? openSyncPort();
    const stop = port.listen((m) => {
      if (m.kind === 'projector.view' && m.view.exercise === id) {
        setView(m.view);
        setSource('live');
      } else if (m.kind === 'console.left' && m.exercise === id) setSource('left');
    });
    port.post({ kind: 'projector.hello', exercise: id });
    // why: with no console open the room still sees where the exercise stood, from the saved log.
    const timer = setTimeout(() => setSource((s) => (s === 'waiting' ? 'saved' : s)), 1500);
    return () => {
      clearTimeout(timer);
      stop();
      if (!givenPort) port.close();
    };
  }, [id, givenPort]);

  // why: the projector speaks the console's language, whatever this window's own setting says;
  // a bundled scenario comes with one language's texts, so the other is fetched before it shows.
  const [shown, setShown] = useState(view.language);
  useEffect(() => showInScenarioLanguage(view.language, () => setShown(view.language)), [view.language]);
  return (
    <I18nProvider lang={shown}>
      <ProjectorBody bundle={bundle} view={view} source={source} loadMap={loadMap} />
      <JoinScreen exercise={id} port={givenPort} />
    </I18nProvider>
  );
}

function ProjectorBody({
  bundle,
  view,
  source,
  loadMap,
}: {
  bundle: ScenarioBundle;
  view: ProjectorView;
  source: Source;
  loadMap?: LoadSituationMap | undefined;
}) {
  const { t, lang } = useI18n();
  const texts = useScenarioTexts(bundle);
  const scenario = bundle.scenario;
  const msel = useMemo(() => new Map((scenario.exercise?.msel ?? []).map((m) => [m.id, m])), [scenario]);
  // why: a second check here, so that even a view built elsewhere never puts a role-only inject on the wall.
  const shown = view.injects
    .map((i) => ({ at: i.at, item: msel.get(i.id) }))
    .filter((i): i is { at: number; item: MselItem } => !!i.item && onProjector(i.item));
  const latest = shown[shown.length - 1];
  const earlier = shown.slice(0, -1).reverse().slice(0, EARLIER_SHOWN);
  const face = exerciseClockFace(scenario.startClock, view.time, t('exercise.time.dayUnit'));
  // why: the room follows the exercise clock; the latest projected inject may be from an earlier module.
  const module = view.status === 'ready' ? undefined : moduleAt(scenario, view.time);
  const runView = useMemo(() => mapOnlyView(scenario.id, view), [scenario.id, view]);
  const viewport = useViewport();
  const mapOptions = useMemo(() => projectorMapOptions(viewport), [viewport]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div class={`xp xp-is-${view.status}`}>
      <header class="xp-band">
        <div class="xp-band-title">
          <Brand />
          <div class="xp-titles">
            <p class="xp-kicker">{t(`exercise.format.${scenario.exercise?.format ?? 'tabletop'}`)}</p>
            <h1 class="xp-title" lang={texts.lang}>
              {texts.text(textKey.title())}
            </h1>
            {module && (
              <p class="xp-module" lang={texts.lang}>
                {texts.text(textKey.exerciseModule(module))}
              </p>
            )}
          </div>
        </div>
        <div class="xp-clock" role="timer" aria-live="off" aria-label={t('exercise.projector.clockLabel')}>
          <p class="xp-day">{t('exercise.time.day', { day: face.day })}</p>
          <p class="xp-time">
            <time>{face.timeOfDay}</time>
          </p>
          <p class="xp-elapsed">
            {t('exercise.time.elapsed', { time: face.elapsed })}
            <span class={`xp-status xp-status-${view.status}`}>{t(`exercise.status.${view.status}`)}</span>
          </p>
        </div>
      </header>
      {view.status === 'paused' && (
        <p class="xp-paused" role="status">
          {t('exercise.projector.paused')}
        </p>
      )}
      <main id="main" class="xp-main">
        <section
          class="xp-map"
          aria-label={t('map.heading')}
          style={{
            '--map-aspect': String(scenario.setting.map.width / (scenario.setting.map.height * 1.25)),
          }}
        >
          <SituationPanel
            scenario={scenario}
            view={runView}
            texts={texts}
            loadMap={loadMap}
            mapOptions={mapOptions}
          />
          <MapLegend scenario={scenario} texts={texts} />
        </section>
        <section class="xp-feed" aria-labelledby="xp-feed-heading" aria-live="polite">
          <h2 id="xp-feed-heading" class="xp-feed-heading">
            {view.discussion ? t('exerciseRecord.discussion.heading') : t('exercise.projector.latest')}
          </h2>
          {view.discussion ? (
            <ProjectedDiscussion module={view.discussion} bundle={bundle} texts={texts} />
          ) : latest ? (
            <ProjectedInject
              item={latest.item}
              at={latest.at}
              startClock={scenario.startClock}
              texts={texts}
              big
            />
          ) : (
            <p class="xp-empty">
              {t(view.status === 'ready' ? 'exercise.projector.notStarted' : 'exercise.projector.none')}
            </p>
          )}
          {!view.discussion && earlier.length > 0 && (
            <>
              <h2 class="xp-feed-heading xp-earlier-heading">{t('exercise.projector.earlier')}</h2>
              <ol class="xp-earlier">
                {earlier.map((e) => (
                  <li key={e.item.id}>
                    <ProjectedInject item={e.item} at={e.at} startClock={scenario.startClock} texts={texts} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </main>
      {source !== 'live' && source !== 'waiting' && (
        <p class="xp-source" role="status">
          {t(source === 'left' ? 'exercise.projector.consoleLeft' : 'exercise.projector.fromSaved')}
        </p>
      )}
    </div>
  );
}

/** A module's discussion questions, put on the wall by the facilitator. */
function ProjectedDiscussion({
  module,
  bundle,
  texts,
}: {
  module: string;
  bundle: ScenarioBundle;
  texts: ScenarioTexts;
}) {
  const m = bundle.scenario.exercise?.modules.find((x) => x.id === module);
  if (!m) return null;
  return (
    <article class="xp-inject xp-inject-latest xp-discussion">
      <h3 class="xp-inject-title" lang={texts.lang}>
        {texts.text(textKey.exerciseModule(m.id))}
      </h3>
      <ol class="xp-questions">
        {m.questions.map((q) => (
          <li key={q.id} lang={texts.lang}>
            {texts.text(textKey.exerciseQuestion(q.id))}
          </li>
        ))}
      </ol>
    </article>
  );
}

function ProjectedInject({
  item,
  at,
  startClock,
  texts,
  big = false,
}: {
  item: MselItem;
  at: number;
  startClock: string;
  texts: ScenarioTexts;
  big?: boolean;
}) {
  const { t } = useI18n();
  const stamp = useClockStamp(startClock);
  return (
    <article class={`xp-inject${big ? ' xp-inject-latest' : ''}`} data-inject={item.id}>
      <p class="xp-inject-meta">
        <time class="xp-inject-time">{stamp(at)}</time>
        <ChannelMark channel={item.channel} />
        <span lang={texts.lang}>{texts.text(textKey.mselFrom(item.id))}</span>
      </p>
      <h3 class="xp-inject-title" lang={texts.lang}>
        {texts.text(textKey.mselTitle(item.id))}
      </h3>
      {big && (
        <div class="xp-inject-text" lang={texts.lang}>
          <Paragraphs text={texts.text(textKey.mselText(item.id))} />
        </div>
      )}
      {big && item.to !== 'all' && (
        <p class="xp-inject-to">
          {t('exercise.inject.to', {
            roles: item.to.map((r) => texts.text(textKey.exerciseRole(r))).join(', '),
          })}
        </p>
      )}
    </article>
  );
}

/** The projector view as the situation panel reads it: only the map matters there. */
function mapOnlyView(scenarioId: string, view: ProjectorView): RunView {
  return {
    scenarioId,
    step: null,
    clock: { elapsed: view.time, timeOfDay: '' },
    injects: [],
    decision: null,
    timeLimits: 'standard',
    outcome: null,
    feedbackMode: 'assessment',
    progress: { taken: 0, current: null, about: 0 },
    canContinue: false,
    variables: [],
    map: view.map,
    ending: null,
  };
}

/** The view the saved log gives, before (or without) the console answering. */
function savedView(
  bundle: ScenarioBundle,
  storage: KeyValueStorage | undefined,
  lang: ProjectorView['language'],
): ProjectorView {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(exerciseLogKey(bundle.scenario.id)) ?? null;
  } catch {
    raw = null;
  }
  // why: only reads; the console owns the log and is the one that sets an unusable one aside.
  const parsed = raw ? parseStoredExercise(raw, bundle.scenario.id) : null;
  const log = parsed && 'stored' in parsed ? parsed.stored.log : [];
  const state = createExercise(bundle.scenario, log).state();
  return buildProjectorView(bundle.scenario, state, lang);
}

/**
 * The window's size, followed a moment after each resize: the projector window often opens small and
 * is then put full screen, and the map fits its labels to the screen it is on.
 */
function useViewport(): { width: number; height: number } {
  const read = () => ({ width: globalThis.innerWidth || 1920, height: globalThis.innerHeight || 1080 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setSize(read()), 300);
    };
    globalThis.addEventListener?.('resize', onResize);
    return () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('resize', onResize);
    };
  }, []);
  return size;
}
