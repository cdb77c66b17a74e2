import type { Condition, Effects, MapChange, Scenario } from '../scenario/scenario.schema.ts';
import type { TimeLimitSetting } from './time-limits.ts';

/** Inputs a run accepts; the run log is a list of these, in order. */
export type RunEvent =
  | { type: 'decision.chosen'; optionIds: string[] }
  | { type: 'clock.ticked'; seconds: number }
  | { type: 'step.continued' }
  /** Only as the first event: how the run treats time limits (extended or off); absent means standard. */
  | { type: 'run.configured'; timeLimits: TimeLimitSetting };

/** What happened in a run, derived by replaying its log; the debrief timeline reads it. */
export type HistoryEntry =
  | { type: 'run.configured'; timeLimits: TimeLimitSetting; at: number }
  | { type: 'step.opened'; step: string; at: number }
  | { type: 'inject.released'; step: string; inject: string; at: number }
  | { type: 'decision.made'; step: string; options: string[]; at: number; latency: number }
  | { type: 'decision.timedOut'; step: string; at: number; latency: number }
  | { type: 'step.continued'; step: string; at: number }
  | { type: 'ending.reached'; ending: string; at: number };

export interface ActorState {
  at: string;
  size?: number;
  mood: string;
  visible: boolean;
}

/** The situation map as the run has changed it. */
export interface MapState {
  actors: Record<string, ActorState>;
  units: Record<string, { at: string }>;
  locations: Record<string, { state: string }>;
}

/** The machine's context: world state, scenario clock and what happened so far. */
export interface RunContext {
  /** Scenario seconds since the run started. */
  time: number;
  /** Seconds past midnight when the run started, for showing time of day. */
  startOfDay: number;
  step: string;
  stepOpenedAt: number;
  vars: Record<string, number>;
  bounds: Record<string, [number, number]>;
  map: MapState;
  chosen: string[];
  history: HistoryEntry[];
  ending?: string;
  /** How time limits are applied in this run (see `run.configured`). */
  timeLimits: TimeLimitSetting;
}

/** Parses "HH:MM" into seconds past midnight. */
export function secondsOfDay(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h! * 60 + m!) * 60;
}

/** The context a run starts from, before the first step opens. */
export function createInitialContext(s: Scenario): RunContext {
  const map: MapState = { actors: {}, units: {}, locations: {} };
  for (const a of s.setting.actors) {
    map.actors[a.id] = { at: a.at, mood: a.mood, visible: a.visible, ...(a.size ? { size: a.size } : {}) };
  }
  for (const u of s.setting.units) map.units[u.id] = { at: u.at };
  for (const l of s.setting.locations) map.locations[l.id] = { state: 'normal' };
  return {
    time: 0,
    startOfDay: secondsOfDay(s.startClock),
    step: s.start,
    stepOpenedAt: 0,
    vars: Object.fromEntries(s.variables.map((v) => [v.id, v.initial])),
    bounds: Object.fromEntries(s.variables.map((v) => [v.id, [v.min, v.max] as [number, number]])),
    map,
    chosen: [],
    history: [],
    timeLimits: 'standard',
  };
}

/** Applies variable changes, keeping each variable within its bounds. */
export function applyEffects(
  vars: Record<string, number>,
  bounds: Record<string, [number, number]>,
  ...all: (Effects | undefined)[]
): Record<string, number> {
  const out = { ...vars };
  for (const effects of all) {
    for (const [id, delta] of Object.entries(effects ?? {})) {
      const [min, max] = bounds[id] ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
      out[id] = Math.min(max, Math.max(min, (out[id] ?? 0) + delta));
    }
  }
  return out;
}

/** Applies map changes to the map state. */
export function applyMapChanges(map: MapState, changes: readonly MapChange[] | undefined): MapState {
  if (!changes?.length) return map;
  const out: MapState = {
    actors: { ...map.actors },
    units: { ...map.units },
    locations: { ...map.locations },
  };
  for (const c of changes) {
    if ('actor' in c) {
      const prev = out.actors[c.actor];
      if (!prev) continue;
      out.actors[c.actor] = {
        ...prev,
        ...(c.to !== undefined ? { at: c.to } : {}),
        ...(c.size !== undefined ? { size: c.size } : {}),
        ...(c.mood !== undefined ? { mood: c.mood } : {}),
        ...(c.visible !== undefined ? { visible: c.visible } : {}),
      };
    } else if ('unit' in c) out.units[c.unit] = { at: c.to };
    else out.locations[c.location] = { state: c.state };
  }
  return out;
}

/** Whether every condition holds for these variables and choices. */
export function conditionsHold(
  conditions: readonly Condition[],
  vars: Record<string, number>,
  chosen: readonly string[],
): boolean {
  return conditions.every((c) => {
    if ('variable' in c) {
      const v = vars[c.variable] ?? 0;
      return (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
    }
    if ('chose' in c) return chosen.includes(c.chose);
    return !chosen.includes(c.notChose);
  });
}
