import { useEffect, useRef } from 'preact/hooks';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';
import type { MselRow, SendExerciseEvent } from './console-model.ts';
import { durationText, elapsedText } from './exercise-time-format.ts';
import { useClockStamp } from './use-clock-stamp.ts';

/**
 * The master scenario events list: released and skipped injects in the order they happened, then
 * those still to come, with the next one marked; held contingency injects below. Each line selects
 * its inject for the centre panel; those not yet out can be released now or skipped, and a held
 * contingency fired by hand.
 */
export function MselTimeline({
  rows,
  state,
  texts,
  startClock,
  selected,
  onSelect,
  send,
}: {
  rows: { timeline: MselRow[]; held: MselRow[] };
  state: ExerciseState;
  texts: ScenarioTexts;
  startClock: string;
  selected: string | null;
  onSelect(inject: string): void;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const live = state.status === 'running' || state.status === 'paused';
  const count = (s: MselRow['status']) => rows.timeline.filter((r) => r.status === s).length;
  const panel = useRef<HTMLElement>(null);
  const next = state.upcoming[0]?.inject;
  const released = state.released.length;
  // why: whenever an inject comes out (on time, by hand or as a contingency), the timeline shows
  // where the exercise now stands: the latest released just above the next one.
  useEffect(() => {
    const box = panel.current;
    const item = next ? box?.querySelector<HTMLElement>(`[data-inject="${next}"]`) : null;
    if (!box || !item || box.scrollHeight <= box.clientHeight) return;
    box.scrollTop = Math.max(0, item.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [next, released]);
  let lastModule: string | undefined;
  return (
    <section ref={panel} class="card xc-panel xc-timeline" aria-labelledby="xc-msel-heading">
      <div class="xc-panel-head">
        <h2 id="xc-msel-heading" class="section-label">
          {t('exercise.msel.heading')}
        </h2>
        <p class="xc-counts">
          {t('exercise.msel.counts', {
            released: count('released'),
            upcoming: count('upcoming'),
            skipped: count('skipped'),
          })}
        </p>
      </div>
      <ol class="xc-msel">
        {rows.timeline.map((row) => {
          const module = row.item.module;
          const divider = module !== undefined && module !== lastModule;
          if (module !== undefined) lastModule = module;
          return (
            <MselLine
              key={row.item.id}
              row={row}
              module={divider ? module : undefined}
              state={state}
              texts={texts}
              startClock={startClock}
              selected={selected === row.item.id}
              live={live}
              onSelect={onSelect}
              send={send}
            />
          );
        })}
      </ol>
      {rows.held.length > 0 && (
        <>
          <h3 class="xc-subhead">{t('exercise.msel.held')}</h3>
          <ol class="xc-msel xc-msel-held">
            {rows.held.map((row) => (
              <MselLine
                key={row.item.id}
                row={row}
                state={state}
                texts={texts}
                startClock={startClock}
                selected={selected === row.item.id}
                live={live}
                onSelect={onSelect}
                send={send}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MselLine({
  row,
  module,
  state,
  texts,
  startClock,
  selected,
  live,
  onSelect,
  send,
}: {
  row: MselRow;
  /** The module this line opens, shown as a divider above it. */
  module?: string | undefined;
  state: ExerciseState;
  texts: ScenarioTexts;
  startClock: string;
  selected: boolean;
  live: boolean;
  onSelect(inject: string): void;
  send: SendExerciseEvent;
}) {
  const { t } = useI18n();
  const { item } = row;
  const title = texts.text(textKey.mselTitle(item.id));
  const stamp = useClockStamp(startClock);
  const statusWord =
    row.status === 'released'
      ? t(`exercise.msel.released.${row.how ?? 'scheduled'}`)
      : row.status === 'upcoming' && row.next
        ? t('exercise.msel.next', { in: durationText((row.at ?? 0) - state.time) })
        : t(`exercise.msel.status.${row.status}`);
  const expects = item.expects.length;
  const taken = state.actions.filter((a) => a.inject === item.id).length;
  const missed = state.missed.filter((m) => m.inject === item.id).length;
  const late =
    row.status === 'released' && row.scheduled !== null && row.at !== null && row.at !== row.scheduled;
  return (
    <>
      {module && (
        <li class="xc-msel-module" aria-hidden="true" lang={texts.lang}>
          {texts.text(textKey.exerciseModule(module))}
        </li>
      )}
      <li
        class={`xc-msel-item is-${row.status}${row.next ? ' is-next' : ''}${selected ? ' is-selected' : ''}`}
        data-inject={item.id}
      >
        <button
          type="button"
          class="xc-msel-select"
          aria-pressed={selected}
          onClick={() => onSelect(item.id)}
        >
          <span class="xc-msel-time">
            {row.at === null
              ? '—'
              : t('exercise.time.elapsed', { time: elapsedText(row.at, t('exercise.time.dayUnit')) })}
            {row.at !== null && <span class="xc-msel-tod">{stamp(row.at)}</span>}
          </span>
          <span class="xc-msel-body">
            <span class="xc-msel-title" lang={texts.lang}>
              {title}
            </span>
            <span class="xc-msel-meta">
              <span class={`xc-msel-status xc-msel-status-${row.status}${row.next ? ' is-next' : ''}`}>
                <StatusGlyph status={row.status} next={row.next} />
                {statusWord}
              </span>
              {late && row.scheduled !== null && (
                <span class="xc-msel-sched">
                  {t('exercise.msel.scheduledFor', {
                    time: t('exercise.time.elapsed', {
                      time: elapsedText(row.scheduled, t('exercise.time.dayUnit')),
                    }),
                  })}
                </span>
              )}
              {!item.projector && (
                <span class="xc-tag xc-tag-private">{t('exercise.inject.privateShort')}</span>
              )}
              {row.status === 'released' && expects > 0 && (
                <span class={`xc-tag${missed ? ' xc-tag-bad' : taken === expects ? ' xc-tag-good' : ''}`}>
                  {t('exercise.msel.expectsDone', { taken, count: expects })}
                </span>
              )}
            </span>
          </span>
        </button>
        {live && row.status === 'upcoming' && (
          <div class="xc-msel-actions">
            <button
              type="button"
              class="xc-mini"
              aria-label={t('exercise.msel.releaseLabel', { title })}
              onClick={() => send({ type: 'inject.released', inject: item.id })}
            >
              {t('exercise.msel.release')}
            </button>
            <button
              type="button"
              class="xc-mini xc-mini-quiet"
              aria-label={t('exercise.msel.skipLabel', { title })}
              onClick={() => send({ type: 'inject.skipped', inject: item.id })}
            >
              {t('exercise.msel.skip')}
            </button>
          </div>
        )}
        {live && row.status === 'held' && (
          <div class="xc-msel-actions">
            <button
              type="button"
              class="xc-mini xc-mini-warn"
              aria-label={t('exercise.msel.fireLabel', { title })}
              onClick={() => send({ type: 'contingency.fired', inject: item.id })}
            >
              {t('exercise.msel.fire')}
            </button>
            <button
              type="button"
              class="xc-mini xc-mini-quiet"
              aria-label={t('exercise.msel.skipLabel', { title })}
              onClick={() => send({ type: 'inject.skipped', inject: item.id })}
            >
              {t('exercise.msel.skip')}
            </button>
          </div>
        )}
      </li>
    </>
  );
}

/** A shape per status, so the timeline never relies on colour alone. */
function StatusGlyph({ status, next }: { status: MselRow['status']; next: boolean }) {
  const d =
    status === 'released'
      ? 'M5 12.5l4.5 4.5L19 7.5'
      : status === 'skipped'
        ? 'M6 12h12'
        : status === 'held'
          ? 'M12 5v8M12 17.5v.5'
          : next
            ? 'M8 5l8 7-8 7'
            : 'M12 7v5l3 2';
  return (
    <svg
      class="icon xc-glyph"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'upcoming' && !next && (
        <circle cx="12" cy="12" r="8.5" stroke="currentColor" stroke-width="2.2" fill="none" />
      )}
      <path
        d={d}
        stroke="currentColor"
        stroke-width="2.6"
        fill="none"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
