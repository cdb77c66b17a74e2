import { useEffect, useState } from 'preact/hooks';
import type { ExerciseState } from '../../engine/exercise/exercise-state.ts';
import { moduleAt } from '../../engine/exercise/exercise-timing.ts';
import type { Scenario } from '../../engine/scenario/scenario.schema.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';
import { useI18n } from '../i18n-context.tsx';
import type { ScenarioTexts } from '../scenario-text.ts';

// why: wall-clock time is the room's, not the scenario's, so it stays out of the exercise log (whose
// fold must not depend on when it is replayed); it is kept beside the log so a reload keeps counting.

interface SessionTimes {
  /** When the facilitator pressed Start, ISO. */
  started?: string;
  /** When the exercise clock entered each module, ISO. */
  modules: Record<string, string>;
}

const key = (exercise: string) => `pocsim.exercise.${exercise}.session`;

function read(storage: KeyValueStorage | undefined, exercise: string): SessionTimes {
  try {
    const data = JSON.parse(storage?.getItem(key(exercise)) ?? 'null');
    if (data && typeof data === 'object' && typeof data.modules === 'object') return data as SessionTimes;
  } catch {
    // an unreadable entry only loses the timer, never the exercise
  }
  return { modules: {} };
}

/** Real minutes as "0:42" or "1:05". */
const minutesText = (ms: number) => {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};

/** The session's wall-clock timer and the current module's time against its budget. */
export function SessionTimer({
  scenario,
  state,
  texts,
  storage,
  now = () => Date.now(),
}: {
  scenario: Scenario;
  state: ExerciseState;
  texts: ScenarioTexts;
  storage: KeyValueStorage | undefined;
  now?: () => number;
}) {
  const { t } = useI18n();
  const [times, setTimes] = useState(() => read(storage, scenario.id));
  const [, setTick] = useState(0);
  const module = state.status === 'ready' ? undefined : moduleAt(scenario, state.time);
  useEffect(() => {
    if (state.status === 'ready') return;
    const at = new Date(now()).toISOString();
    const next = {
      started: times.started ?? at,
      modules: module && !times.modules[module] ? { ...times.modules, [module]: at } : times.modules,
    };
    if (next.started === times.started && next.modules === times.modules) return;
    setTimes(next);
    try {
      storage?.setItem(key(scenario.id), JSON.stringify(next));
    } catch {
      // the browser refused; the timer still runs for this page
    }
  }, [state.status, module, times, storage, scenario.id, now]);
  useEffect(() => {
    if (state.status === 'ended' || state.status === 'ready') return;
    const id = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(id);
  }, [state.status]);
  if (!times.started) return null;
  const modules = scenario.exercise?.modules ?? [];
  const m = modules.find((x) => x.id === module);
  const since = m && times.modules[m.id] ? now() - Date.parse(times.modules[m.id]!) : 0;
  const over = m?.minutes !== undefined && since > m.minutes * 60_000;
  return (
    <p class="xc-session" aria-live="off">
      <span>{t('exerciseRecord.session', { time: minutesText(now() - Date.parse(times.started)) })}</span>
      {m && (
        <span class={over ? 'xc-session-over' : undefined}>
          {' · '}
          <span lang={texts.lang}>{texts.text(textKey.exerciseModule(m.id))}</span>{' '}
          {m.minutes !== undefined
            ? t('exerciseRecord.moduleBudget', { spent: minutesText(since), budget: m.minutes })
            : t('exerciseRecord.moduleSpent', { spent: minutesText(since) })}
        </span>
      )}
    </p>
  );
}
