import { useEffect, useRef, useState } from 'preact/hooks';
import type { RunView } from '../engine/run/run-view.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { MountSituationMap, SituationMap } from '../map/map-port.ts';
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
}: {
  scenario: Scenario;
  view: RunView;
  texts: ScenarioTexts;
  loadMap?: LoadSituationMap | undefined;
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

  useEffect(() => {
    const element = host.current;
    if (!loadMap || !element) return undefined;
    let cancelled = false;
    setStatus('loading');
    loadMap()
      .then((mount) => mount(element, scenario, (key) => latest.current.label(key)))
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
  }, [scenario, loadMap, lang]);

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
      <h4 class="subheading" id="map-list-heading">
        {t('map.listHeading')}
      </h4>
      <SituationList scenario={scenario} map={view.map} texts={texts} />
    </section>
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
      {scenario.setting.locations.map((loc) => {
        const state = map.locations[loc.id]?.state ?? 'normal';
        const actors = scenario.setting.actors.filter((a) => {
          const s = map.actors[a.id];
          return s?.visible && s.at === loc.id;
        });
        const units = scenario.setting.units.filter((u) => map.units[u.id]?.at === loc.id);
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
                {actors.map((a) => {
                  const s = map.actors[a.id]!;
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
