import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapState } from '../engine/run/run-state.ts';
import type { RunView } from '../engine/run/run-view.ts';
import { buildSituation, type SituationChange, situationChanges } from '../engine/run/situation.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { MapMountOptions, MountSituationMap, SituationMap } from '../map/map-port.ts';
import { useI18n } from './i18n-context.tsx';
import type { ScenarioTexts } from './scenario-text.ts';

/** Loads the map implementation on demand (it brings Phaser, so never in the first load). */
export type LoadSituationMap = () => Promise<MountSituationMap>;

/**
 * The situation map, drawn once its code has loaded, above a text list of the same situation.
 * why: the list is always there: it is the accessible version, works before and without the drawing,
 * and is what the end-to-end tests read.
 */
export function SituationPanel({
  scenario,
  view,
  texts,
  loadMap,
  mapOptions,
}: {
  scenario: Scenario;
  view: RunView;
  texts: ScenarioTexts;
  loadMap?: LoadSituationMap | undefined;
  /** How the map fits its box (the projector asks for 18 px labels and no legend in the picture). */
  mapOptions?: MapMountOptions | undefined;
}) {
  const { t, lang } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const map = useRef<SituationMap | null>(null);
  // why: the map asks for scenario text keys and for its own `map.*` words (legend, states, short
  // unit kinds such as INF, FPU); the latter come through i18next like every UI string.
  const label = (key: string) => (key.startsWith('map.') ? t(key) : texts.text(key));
  const latest = useRef({ view, label });
  latest.current = { view, label };
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const fittedTo = useRef({ width: 0, height: 0 });
  const refit = useRefitOnResize(host, fittedTo, mapOptions?.minLabelPx !== undefined);

  useEffect(() => {
    const element = host.current;
    if (!loadMap || !element) return undefined;
    let cancelled = false;
    setStatus('loading');
    fittedTo.current = { width: element.clientWidth, height: element.clientHeight };
    loadMap()
      .then((mount) => mount(element, scenario, (key) => latest.current.label(key), mapOptions ?? {}))
      .then((drawn) => {
        if (cancelled) {
          drawn.destroy();
          return;
        }
        map.current = drawn;
        drawn.update(latest.current.view);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      map.current?.destroy();
      map.current = null;
    };
    // why: the map draws its title and legend once; a new language draws it again, in that language.
  }, [scenario, loadMap, lang, mapOptions, refit]);

  useEffect(() => {
    map.current?.update(view);
  }, [view]);

  return (
    <section class="card situation" aria-labelledby="map-heading">
      <h3 id="map-heading" class="section-label">
        {t('map.heading')}
      </h3>
      {loadMap && status !== 'failed' && (
        <div class={`map-frame${status === 'ready' ? ' is-ready' : ''}`}>
          <div ref={host} class="map-host" role="img" aria-label={t('map.canvasLabel')} />
          {status === 'loading' && <p class="map-status muted">{t('map.loading')}</p>}
        </div>
      )}
      {status === 'failed' && <p class="map-status muted">{t('map.unavailable')}</p>}
      <SinceLastStep scenario={scenario} view={view} texts={texts} />
      <h4 class="subheading" id="map-list-heading">
        {t('map.listHeading')}
      </h4>
      <SituationList scenario={scenario} map={view.map} texts={texts} />
    </section>
  );
}

/** How far, in CSS pixels, a fitted map's box may change size before the map is fitted again. */
const REFIT_SLACK_PX = 8;

/**
 * A count that grows a moment after the element settles at a size other than the one the map was
 * fitted to. why: a fitted map (the projector's) works out its words' size from its box once; the box
 * can still change after it is drawn (the feed beside it fills, a banner comes and goes), and a map
 * fitted to a box it no longer has shows its labels smaller than asked.
 */
function useRefitOnResize(
  host: { current: HTMLElement | null },
  fittedTo: { current: { width: number; height: number } },
  fitted: boolean,
): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const element = host.current;
    if (!fitted || !element || typeof ResizeObserver === 'undefined') return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const at = fittedTo.current;
        const moved =
          Math.abs(element.clientWidth - at.width) > REFIT_SLACK_PX ||
          Math.abs(element.clientHeight - at.height) > REFIT_SLACK_PX;
        if (moved) setCount((c) => c + 1);
      }, 300);
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [host, fittedTo, fitted]);
  return count;
}

/** What changed on the map since the step before, in words; remembers the map as each step opened. */
function SinceLastStep({
  scenario,
  view,
  texts,
}: {
  scenario: Scenario;
  view: RunView;
  texts: ScenarioTexts;
}) {
  const { t, formatNumber } = useI18n();
  const stepId = view.step?.id ?? null;
  const seen = useRef<{ step: string | null; before: MapState | null; at: MapState }>({
    step: stepId,
    before: null,
    at: view.map,
  });
  if (seen.current.step !== stepId) seen.current = { step: stepId, before: seen.current.at, at: view.map };
  const before = seen.current.before;
  if (!before) return null;
  const changes = situationChanges(scenario, before, view.map);
  const place = (id: string) => texts.text(textKey.location(id));
  const words = (c: SituationChange): string => {
    switch (c.kind) {
      case 'state':
        return t('map.changes.state', { place: place(c.location), state: t(`map.placeState.${c.state}`) });
      case 'unitMoved':
        return t('map.changes.unitMoved', {
          name: texts.text(textKey.unit(c.unit)),
          from: place(c.from),
          to: place(c.to),
        });
      case 'moved':
        return t('map.changes.moved', {
          name: texts.text(textKey.actor(c.actor)),
          from: place(c.from),
          to: place(c.to),
        });
      case 'appeared':
      case 'gone':
        return t(`map.changes.${c.kind}`, { name: texts.text(textKey.actor(c.actor)), at: place(c.at) });
      case 'grew':
      case 'shrank':
        return t(`map.changes.${c.kind}`, {
          name: texts.text(textKey.actor(c.actor)),
          at: place(c.at),
          size: formatNumber(c.size),
        });
      case 'mood':
        return t('map.changes.mood', {
          name: texts.text(textKey.actor(c.actor)),
          at: place(c.at),
          mood: t(`map.actorMood.${c.mood}`),
        });
    }
  };
  return (
    <div class="situation-changes" aria-live="polite">
      <h4 class="subheading">{t('map.changes.heading')}</h4>
      {changes.length === 0 ? (
        <p class="muted">{t('map.changes.none')}</p>
      ) : (
        <ul class="situation-change-list">
          {changes.map((c, i) => (
            <li key={i}>{words(c)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The situation as text: every location with its state, the people and UN units there. */
export function SituationList({
  scenario,
  map,
  texts,
}: {
  scenario: Scenario;
  map: RunView['map'];
  texts: ScenarioTexts;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <ul class="situation-list" aria-labelledby="map-list-heading">
      {buildSituation(scenario, map).map((place) => {
        const loc = { id: place.location };
        const state = place.state;
        const kinds = new Map(scenario.setting.actors.map((a) => [a.id, a.kind]));
        const unitKinds = new Map(scenario.setting.units.map((u) => [u.id, u.kind]));
        const actors = place.actors.map((a) => ({ ...a, kind: kinds.get(a.id)! }));
        const units = place.units.map((u) => ({ ...u, kind: unitKinds.get(u.id)! }));
        return (
          <li key={loc.id} class={`place place-${state}`} data-location={loc.id}>
            <p class="place-head">
              <span class="place-name" lang={texts.lang}>
                {texts.text(textKey.location(loc.id))}
              </span>
              <span class={`state state-${state}`}>{t(`map.placeState.${state}`)}</span>
            </p>
            {actors.length + units.length === 0 ? (
              <p class="place-empty muted">{t('map.nobody')}</p>
            ) : (
              <ul class="place-items">
                {actors.map((s) => {
                  const a = s;
                  const params = {
                    name: texts.text(textKey.actor(a.id)),
                    kind: t(`map.actorType.${a.kind}`),
                    mood: t(`map.actorMood.${s.mood}`),
                    size: s.size === undefined ? '' : formatNumber(s.size),
                  };
                  return (
                    <li key={a.id} class={`place-item actor actor-${a.kind}`} data-actor={a.id}>
                      <span class="dot" aria-hidden="true" />
                      {t(s.size === undefined ? 'map.actorLine' : 'map.actorLineSized', params)}
                    </li>
                  );
                })}
                {units.map((u) => (
                  <li key={u.id} class="place-item unit" data-unit={u.id}>
                    <span class="dot dot-unit" aria-hidden="true" />
                    {t('map.unitLine', {
                      name: texts.text(textKey.unit(u.id)),
                      kind: t(`map.unitType.${u.kind}`),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
