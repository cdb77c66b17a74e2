import type { Scenario } from '../scenario/scenario.schema.ts';
import type { ActorState, MapState } from './run-state.ts';

// why: the map's drawing and the "Who is where" list once each worked out who stood where; the
// review found markers drawn away from the place the list named. Both now read this one model.

/** One place of the situation: its state and who is there. */
export interface SituationPlace {
  location: string;
  state: string;
  /** Visible actors at this place, in the scenario's order. */
  actors: (ActorState & { id: string })[];
  /** UN units at this place, in the scenario's order. */
  units: { id: string }[];
}

/** Who is where at one moment of a run: every location in the scenario's order. Pure. */
export function buildSituation(scenario: Scenario, map: MapState): SituationPlace[] {
  return scenario.setting.locations.map((loc) => ({
    location: loc.id,
    state: map.locations[loc.id]?.state ?? 'normal',
    actors: scenario.setting.actors.flatMap((a) => {
      const s = map.actors[a.id] ?? { at: a.at, mood: a.mood, visible: a.visible, size: a.size };
      return s.visible && s.at === loc.id ? [{ ...s, id: a.id }] : [];
    }),
    units: scenario.setting.units.flatMap((u) =>
      (map.units[u.id]?.at ?? u.at) === loc.id ? [{ id: u.id }] : [],
    ),
  }));
}

/** One change to the situation between two steps, as ids the UI words. */
export type SituationChange =
  | { kind: 'moved'; actor: string; from: string; to: string }
  | { kind: 'unitMoved'; unit: string; from: string; to: string }
  | { kind: 'appeared'; actor: string; at: string }
  | { kind: 'gone'; actor: string; at: string }
  | { kind: 'grew' | 'shrank'; actor: string; at: string; size: number }
  | { kind: 'mood'; actor: string; at: string; mood: string }
  | { kind: 'state'; location: string; state: string };

/** What changed on the map from one moment to the next, places first, then people, then units. Pure. */
export function situationChanges(scenario: Scenario, before: MapState, after: MapState): SituationChange[] {
  const out: SituationChange[] = [];
  for (const loc of scenario.setting.locations) {
    const a = before.locations[loc.id]?.state ?? 'normal';
    const b = after.locations[loc.id]?.state ?? 'normal';
    if (a !== b) out.push({ kind: 'state', location: loc.id, state: b });
  }
  for (const actor of scenario.setting.actors) {
    const a = before.actors[actor.id];
    const b = after.actors[actor.id];
    if (!a || !b) continue;
    if (!a.visible && b.visible) {
      out.push({ kind: 'appeared', actor: actor.id, at: b.at });
      continue;
    }
    if (a.visible && !b.visible) {
      out.push({ kind: 'gone', actor: actor.id, at: a.at });
      continue;
    }
    if (!b.visible) continue;
    if (a.at !== b.at) out.push({ kind: 'moved', actor: actor.id, from: a.at, to: b.at });
    if (a.size !== undefined && b.size !== undefined && a.size !== b.size)
      out.push({ kind: b.size > a.size ? 'grew' : 'shrank', actor: actor.id, at: b.at, size: b.size });
    if (a.mood !== b.mood) out.push({ kind: 'mood', actor: actor.id, at: b.at, mood: b.mood });
  }
  for (const unit of scenario.setting.units) {
    const a = before.units[unit.id]?.at ?? unit.at;
    const b = after.units[unit.id]?.at ?? unit.at;
    if (a !== b) out.push({ kind: 'unitMoved', unit: unit.id, from: a, to: b });
  }
  return out;
}
