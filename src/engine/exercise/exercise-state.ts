import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { PHASES, type Phase, TIERS, type Tier } from '../doctrine/doctrine-entry.ts';
import { applyMapChanges, createInitialContext, type MapState } from '../run/run-state.ts';
import {
  ALL_ROLES,
  type ExpectedAction,
  type MselItem,
  RATINGS,
  type Rating,
  type Scenario,
  type Step,
} from '../scenario/scenario.schema.ts';
import { textKey } from '../scenario/text-keys.ts';
import type { ExerciseEvent } from './exercise-log.ts';
import { exerciseSeconds } from './exercise-time.ts';

/** Where an exercise stands: not started, clock running, clock paused, or over (hotwash and report). */
export type ExerciseStatus = 'ready' | 'running' | 'paused' | 'ended';

/** How an inject reached the table: on its scheduled time, by the facilitator's hand, or as a contingency for a missed action. */
export type ReleaseKind = 'scheduled' | 'facilitator' | 'contingency';

/** An inject put to the table. */
export interface ReleasedInject {
  inject: string;
  /** Scenario seconds since the start when it was released; for a scheduled one, its own `at`. */
  at: number;
  how: ReleaseKind;
  /** Role ids it went to, or `all`. */
  to: readonly string[] | typeof ALL_ROLES;
  /** Whether the projector may show it. */
  projector: boolean;
  /** For a contingency fired by a missed action: that action's id. */
  trigger?: string;
}

/** A scheduled inject not yet released or skipped. */
export interface UpcomingInject {
  inject: string;
  at: number;
}

/** An expected action of a released inject, not yet taken and not yet due. */
export interface OpenAction {
  action: string;
  role: string;
  inject: string;
  /** Scenario seconds when it becomes missed (release time + `within`). */
  due: number;
}

/** An expected action the facilitator saw taken. */
export interface TakenAction {
  /** Record id (`take-<n>`, or the id of the decision that ticked it), for undo. */
  id: string;
  action: string;
  /** Role that took it (the facilitator may credit another role than the expected one). */
  role: string;
  expectedRole: string;
  inject: string;
  at: number;
  due: number;
  onTime: boolean;
  /** Seconds after `due`; 0 when on time. */
  late: number;
  /** The recorded decision whose option satisfied the action, when it was ticked by a decision. */
  by?: string;
}

/** An inject the facilitator skipped. */
export interface SkippedInject {
  /** Record id `skip-<n>`, for undo. */
  id: string;
  inject: string;
  at: number;
}

/** An expected action whose time ran out without it being taken (it leaves this list if taken late). */
export interface MissedAction {
  action: string;
  role: string;
  inject: string;
  due: number;
  /** The contingency item it fired, when it has one and that item was not already released or skipped. */
  fired?: string;
}

/** A decision recorded for a role: options from the file, or free text tagged with tiers, phases and doctrine. */
export interface RecordedDecision {
  /** Record id `dec-<n>`, for undo and correction. */
  id: string;
  role: string;
  at: number;
  step?: string;
  options: string[];
  text?: string;
  tiers: Tier[];
  phases: Phase[];
  doctrine: string[];
}

/** A message one role sent another from its own device (networked play); `to` may be "control". */
export interface RoleMessage {
  /** Record id `msg-<n>`. */
  id: string;
  from: string;
  to: string;
  at: number;
  text: string;
}

/** Who a message can go to besides the roles: the control cell (facilitator). */
export const CONTROL = 'control';

/** A facilitator note about a role. */
export interface ExerciseNote {
  /** Record id `note-<n>`. */
  id: string;
  role: string;
  at: number;
  text: string;
}

/** The rating an evaluation point was given. */
export interface PointRating {
  /** Record id `rate-<n>`. */
  id: string;
  point: string;
  rating: Rating;
  comment?: string;
  at: number;
}

/** A hotwash entry: a strength or an area for improvement, per role. */
export interface HotwashEntry {
  /** `hw-<n>`, numbered in the order recorded; drafted corrective actions refer to it. */
  id: string;
  role: string;
  kind: 'strength' | 'improvement';
  text: string;
  at: number;
}

/** A record taken back by `record.undone`, kept so `record.redone` can put it back. */
export type UndoneRecord =
  | { kind: 'action'; record: TakenAction }
  | { kind: 'skip'; record: SkippedInject }
  | { kind: 'decision'; record: RecordedDecision }
  | { kind: 'note'; record: ExerciseNote }
  | { kind: 'rating'; record: PointRating }
  | { kind: 'hotwash'; record: HotwashEntry };

/** A correction the facilitator made to a record, as the console's log and the report show it. */
export interface RecordCorrection {
  record: string;
  kind: 'undone' | 'redone' | 'amended';
  at: number;
}

/** What moving the clock would do: awaited actions it would miss and injects it would release. */
export interface ClockPreview {
  /** Awaited actions whose due time falls inside the move. */
  missed: OpenAction[];
  /** Contingency items those misses would fire. */
  fired: string[];
  /** Scheduled items released on the way, in order. */
  released: string[];
}

/** Where a corrective action stands: not started, under way, or done. */
export const CORRECTIVE_STATUSES = ['open', 'in-progress', 'done'] as const;
export type CorrectiveStatus = (typeof CORRECTIVE_STATUSES)[number];

/** Longest capability or doctrine area accepted on a corrective action. */
export const MAX_AREA = 200;

/** One row of the corrective-action table (improvement plan). */
export interface CorrectiveAction {
  id: string;
  /** The action as typed; empty for a row drafted from a missed action and not edited yet (see `actionKey`). */
  action: string;
  /** Scenario text key of the missed expected action a drafted row came from, until the facilitator edits it. */
  actionKey?: string;
  role: string;
  /** Due date as the facilitator wrote it; empty until set. */
  due: string;
  /**
   * Capability or doctrine area the action strengthens, as written; a row drafted from a missed
   * action starts with the doctrine entries that action cites (for example "15.4-do-6").
   */
  area: string;
  status: CorrectiveStatus;
  source: 'improvement' | 'missed' | 'facilitator';
  /** Whether the facilitator set this row (as opposed to a draft). */
  edited: boolean;
}

/** An exercise at one moment, derived by folding its log. */
export interface ExerciseState {
  /** Scenario seconds since the exercise started. */
  time: number;
  status: ExerciseStatus;
  /** Scenario seconds per real second (a whole number). */
  speed: number;
  /** Released injects in the order they reached the table; each inject at most once. */
  released: ReleasedInject[];
  skipped: SkippedInject[];
  upcoming: UpcomingInject[];
  /** Expected actions awaited, earliest due first. */
  pending: OpenAction[];
  actions: TakenAction[];
  missed: MissedAction[];
  decisions: RecordedDecision[];
  notes: ExerciseNote[];
  /** Messages between roles, in the order sent. */
  messages: RoleMessage[];
  /** Ratings by evaluation point id: the latest one standing (a later rating replaces an earlier one; undoing it brings the earlier back). */
  ratings: Record<string, PointRating>;
  /** Every rating given and not undone, in order; `ratings` is derived from it. */
  ratingLog: PointRating[];
  hotwash: HotwashEntry[];
  /** Records made so far; numbers record ids. */
  seq: number;
  /** Hotwash entries made so far; numbers `hw-<n>` ids, which drafted corrective actions refer to. */
  hotwashSeq: number;
  /** Records undone and not redone. */
  undone: UndoneRecord[];
  /** Corrections to records, in order. */
  corrections: RecordCorrection[];
  /** The corrective-action table: drafted from improvements and missed actions, then as edited. */
  corrective: CorrectiveAction[];
  /** The facilitator's edits to the corrective-action table, kept so drafts and edits merge the same way on replay. */
  correctiveEdits: { rows: CorrectiveAction[]; removed: string[] };
  /** The situation map: the setting with the released injects' map changes applied in release order. */
  map: MapState;
  /** Module of the latest released inject that names one. */
  module?: string;
}

/** Default speed: one scenario minute per real second. */
export const DEFAULT_SPEED = 60;
/** Fastest clock accepted, in scenario seconds per real second (one scenario day per real second). */
export const MAX_SPEED = 86_400;
/** Longest free text accepted in a decision, note, hotwash entry or corrective action. */
export const MAX_TEXT = 4_000;

/** A scenario's exercise, indexed for folding; built once per scenario object. */
export interface ExerciseIndex {
  items: Map<string, MselItem>;
  /** Scheduled items by release time, MSEL order among equal times. */
  schedule: { item: MselItem; at: number }[];
  expects: Map<string, { action: ExpectedAction; item: MselItem; within: number }>;
  roles: Set<string>;
  points: Set<string>;
  steps: Map<string, Step>;
  /** Expected actions each option satisfies (`satisfiedBy`). */
  satisfies: Map<string, string[]>;
}

const indexes = new WeakMap<Scenario, ExerciseIndex>();

/** The index of a scenario's exercise section; throws when the scenario has none. */
export function exerciseIndex(scenario: Scenario): ExerciseIndex {
  let index = indexes.get(scenario);
  if (index) return index;
  const x = scenario.exercise;
  if (!x) throw new Error(`scenario "${scenario.id}" has no exercise section`);
  const items = new Map(x.msel.map((m) => [m.id, m]));
  const schedule = x.msel
    .filter((m) => !m.contingency && m.at !== undefined)
    .map((item, order) => ({ item, at: exerciseSeconds(item.at!), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ item, at }) => ({ item, at }));
  const expects = new Map<string, { action: ExpectedAction; item: MselItem; within: number }>();
  for (const item of x.msel)
    for (const action of item.expects)
      expects.set(action.id, { action, item, within: exerciseSeconds(action.within) });
  const satisfies = new Map<string, string[]>();
  for (const item of x.msel)
    for (const action of item.expects)
      for (const option of action.satisfiedBy ?? [])
        satisfies.set(option, [...(satisfies.get(option) ?? []), action.id]);
  index = {
    satisfies,
    items,
    schedule,
    expects,
    roles: new Set(x.roles.map((r) => r.id)),
    points: new Set(x.evaluation.map((p) => p.id)),
    steps: new Map(scenario.steps.map((s) => [s.id, s])),
  };
  indexes.set(scenario, index);
  return index;
}

/** The state of an exercise before its first event. */
export function createExerciseState(scenario: Scenario): ExerciseState {
  const index = exerciseIndex(scenario);
  return {
    time: 0,
    status: 'ready',
    speed: DEFAULT_SPEED,
    released: [],
    skipped: [],
    upcoming: index.schedule.map((s) => ({ inject: s.item.id, at: s.at })),
    pending: [],
    actions: [],
    missed: [],
    decisions: [],
    notes: [],
    messages: [],
    ratings: {},
    ratingLog: [],
    hotwash: [],
    seq: 0,
    hotwashSeq: 0,
    undone: [],
    corrections: [],
    corrective: [],
    correctiveEdits: { rows: [], removed: [] },
    map: createInitialContext(scenario).map,
  };
}

/** What applying one event gives: the next state, or why the event does not apply (and must not be logged). */
export type ExerciseStep = { state: ExerciseState } | { refused: string };

const text = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT;
const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const live = (s: ExerciseState) => s.status === 'running' || s.status === 'paused';

/** Applies one event to an exercise state; pure. Events that do not apply come back refused with a reason. */
export function applyExerciseEvent(
  scenario: Scenario,
  state: ExerciseState,
  event: ExerciseEvent,
  catalogue: DoctrineCatalogue,
): ExerciseStep {
  const index = exerciseIndex(scenario);
  const refuse = (why: string): ExerciseStep => ({ refused: `${event?.type ?? 'event'}: ${why}` });
  const ok = (next: ExerciseState): ExerciseStep => ({ state: withCorrective(scenario, next) });
  if (typeof event !== 'object' || event === null) return refuse('not an event');
  switch (event.type) {
    case 'exercise.started':
      if (state.status !== 'ready') return refuse(`the exercise is already ${state.status}`);
      return ok(advance(scenario, { ...state, status: 'running' }, state.time));
    case 'exercise.paused':
      return state.status === 'running'
        ? ok({ ...state, status: 'paused' })
        : refuse('the clock is not running');
    case 'exercise.resumed':
      return state.status === 'paused'
        ? ok({ ...state, status: 'running' })
        : refuse('the clock is not paused');
    case 'exercise.ended':
      return live(state) ? ok({ ...state, status: 'ended' }) : refuse(`the exercise is ${state.status}`);
    case 'clock.ticked':
      if (state.status !== 'running') return refuse('the clock is not running');
      // why: whole seconds keep merged ticks exact, so a replayed log crosses every boundary the same way.
      if (!Number.isSafeInteger(event.seconds) || event.seconds <= 0)
        return refuse('seconds must be a positive whole number');
      return ok(advance(scenario, state, state.time + event.seconds));
    case 'clock.jumped': {
      if (!live(state)) return refuse(`the exercise is ${state.status}`);
      if (!Number.isSafeInteger(event.seconds) || event.seconds <= 0)
        return refuse('seconds must be a positive whole number');
      // why: the actions awaited keep the time they had left, so a jump never turns them into misses.
      const held =
        event.hold === false
          ? state.pending
          : state.pending.map((p) => ({ ...p, due: p.due + event.seconds }));
      return ok(advance(scenario, { ...state, pending: held }, state.time + event.seconds));
    }
    case 'speed.changed':
      if (state.status === 'ended') return refuse('the exercise is over');
      if (!Number.isInteger(event.speed) || event.speed < 1 || event.speed > MAX_SPEED)
        return refuse(`speed must be a whole number from 1 to ${MAX_SPEED}`);
      return ok({ ...state, speed: event.speed });
    case 'inject.released':
    case 'contingency.fired': {
      if (!live(state)) return refuse(`the exercise is ${state.status}`);
      const item = index.items.get(event.inject);
      if (!item) return refuse(`unknown inject "${event.inject}"`);
      if (event.type === 'contingency.fired' && !item.contingency)
        return refuse(`"${item.id}" is a scheduled inject, not a contingency`);
      if (isDone(state, item.id)) return refuse(`"${item.id}" was already released or skipped`);
      return ok(release(scenario, state, item, state.time, 'facilitator'));
    }
    case 'inject.skipped': {
      if (state.status === 'ended') return refuse('the exercise is over');
      const item = index.items.get(event.inject);
      if (!item) return refuse(`unknown inject "${event.inject}"`);
      if (isDone(state, item.id)) return refuse(`"${item.id}" was already released or skipped`);
      const seq = state.seq + 1;
      return ok({
        ...state,
        seq,
        skipped: [...state.skipped, { id: `skip-${seq}`, inject: item.id, at: state.time }],
        upcoming: state.upcoming.filter((u) => u.inject !== item.id),
      });
    }
    case 'action.recorded': {
      if (!live(state)) return refuse(`the exercise is ${state.status}`);
      if (!index.roles.has(event.role)) return refuse(`unknown role "${event.role}"`);
      const expected = index.expects.get(event.action);
      if (!expected) return refuse(`unknown expected action "${event.action}"`);
      if (state.actions.some((a) => a.action === event.action))
        return refuse(`"${event.action}" was already recorded`);
      const open = state.pending.find((p) => p.action === event.action);
      const missed = state.missed.find((m) => m.action === event.action);
      const was = open ?? missed;
      if (!was) return refuse(`the inject of "${event.action}" has not been released`);
      const seq = state.seq + 1;
      const taken: TakenAction = {
        id: `take-${seq}`,
        action: event.action,
        role: event.role,
        expectedRole: expected.action.role,
        inject: was.inject,
        at: state.time,
        due: was.due,
        onTime: open !== undefined,
        late: open ? 0 : state.time - was.due,
      };
      return ok({
        ...state,
        seq,
        actions: [...state.actions, taken],
        pending: state.pending.filter((p) => p.action !== event.action),
        missed: state.missed.filter((m) => m.action !== event.action),
      });
    }
    case 'decision.recorded': {
      if (!live(state)) return refuse(`the exercise is ${state.status}`);
      if (!index.roles.has(event.role)) return refuse(`unknown role "${event.role}"`);
      const options = event.options ?? [];
      if (!Array.isArray(options) || !options.every(id)) return refuse('options must be option ids');
      if (event.text !== undefined && !text(event.text))
        return refuse(`text must be 1 to ${MAX_TEXT} characters`);
      if (event.step !== undefined) {
        const d = index.steps.get(event.step)?.decision;
        if (!d) return refuse(`step "${event.step}" has no decision`);
        const unknown = options.filter((o) => !d.options.some((x) => x.id === o));
        if (unknown.length) return refuse(`step "${event.step}" has no option "${unknown.join('", "')}"`);
        if (new Set(options).size !== options.length) return refuse('an option is given twice');
        const most = d.mode === 'multi' ? (d.pick ?? 1) : 1;
        if (options.length > most) return refuse(`pick at most ${most}`);
      } else if (options.length) return refuse('options need the step they belong to');
      if (!options.length && event.text === undefined) return refuse('give options or text');
      const tiers = event.tiers ?? [];
      const phases = event.phases ?? [];
      const doctrine = event.doctrine ?? [];
      if (!Array.isArray(tiers) || !tiers.every((t) => (TIERS as readonly string[]).includes(t)))
        return refuse('unknown tier');
      if (!Array.isArray(phases) || !phases.every((p) => (PHASES as readonly string[]).includes(p)))
        return refuse('unknown phase');
      if (!Array.isArray(doctrine)) return refuse('doctrine must be a list of ids');
      const unknownDoctrine = doctrine.filter((d) => !catalogue.has(d));
      if (unknownDoctrine.length) return refuse(`unknown doctrine id "${unknownDoctrine.join('", "')}"`);
      const seq = state.seq + 1;
      const decision: RecordedDecision = {
        id: `dec-${seq}`,
        role: event.role,
        at: state.time,
        ...(event.step !== undefined ? { step: event.step } : {}),
        options: [...options],
        ...(event.text !== undefined ? { text: event.text } : {}),
        tiers: [...tiers],
        phases: [...phases],
        doctrine: [...doctrine],
      };
      return ok(
        creditDecision(scenario, { ...state, seq, decisions: [...state.decisions, decision] }, decision),
      );
    }
    case 'note.recorded':
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!index.roles.has(event.role)) return refuse(`unknown role "${event.role}"`);
      if (!text(event.text)) return refuse(`text must be 1 to ${MAX_TEXT} characters`);
      return ok({
        ...state,
        seq: state.seq + 1,
        notes: [
          ...state.notes,
          { id: `note-${state.seq + 1}`, role: event.role, at: state.time, text: event.text },
        ],
      });
    case 'message.sent':
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!index.roles.has(event.from)) return refuse(`unknown role "${event.from}"`);
      if (event.to !== CONTROL && !index.roles.has(event.to)) return refuse(`unknown role "${event.to}"`);
      if (event.to === event.from) return refuse('a role cannot message itself');
      if (!text(event.text)) return refuse(`text must be 1 to ${MAX_TEXT} characters`);
      return ok({
        ...state,
        seq: state.seq + 1,
        messages: [
          ...state.messages,
          { id: `msg-${state.seq + 1}`, from: event.from, to: event.to, at: state.time, text: event.text },
        ],
      });
    case 'evaluation.rated': {
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!index.points.has(event.point)) return refuse(`unknown evaluation point "${event.point}"`);
      if (!(RATINGS as readonly string[]).includes(event.rating))
        return refuse(`unknown rating "${event.rating}"`);
      if (event.comment !== undefined && !text(event.comment))
        return refuse(`comment must be 1 to ${MAX_TEXT} characters`);
      const rating: PointRating = {
        id: `rate-${state.seq + 1}`,
        point: event.point,
        rating: event.rating,
        ...(event.comment !== undefined ? { comment: event.comment } : {}),
        at: state.time,
      };
      return ok(withRatings({ ...state, seq: state.seq + 1, ratingLog: [...state.ratingLog, rating] }));
    }
    case 'hotwash.recorded':
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!index.roles.has(event.role)) return refuse(`unknown role "${event.role}"`);
      if (event.kind !== 'strength' && event.kind !== 'improvement')
        return refuse('kind must be strength or improvement');
      if (!text(event.text)) return refuse(`text must be 1 to ${MAX_TEXT} characters`);
      return ok({
        ...state,
        seq: state.seq + 1,
        hotwashSeq: state.hotwashSeq + 1,
        hotwash: [
          ...state.hotwash,
          {
            id: `hw-${state.hotwashSeq + 1}`,
            role: event.role,
            kind: event.kind,
            text: event.text,
            at: state.time,
          },
        ],
      });
    case 'corrective.set': {
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!id(event.id)) return refuse('a corrective action needs an id');
      if (!text(event.action)) return refuse(`action must be 1 to ${MAX_TEXT} characters`);
      if (!index.roles.has(event.role)) return refuse(`unknown role "${event.role}"`);
      if (typeof event.due !== 'string' || event.due.length > 200) return refuse('due must be text');
      if (event.area !== undefined && (typeof event.area !== 'string' || event.area.length > MAX_AREA))
        return refuse(`area must be text of at most ${MAX_AREA} characters`);
      if (event.status !== undefined && !CORRECTIVE_STATUSES.includes(event.status))
        return refuse(`status must be one of ${CORRECTIVE_STATUSES.join(', ')}`);
      const draft = state.corrective.find((r) => r.id === event.id);
      const row: CorrectiveAction = {
        id: event.id,
        action: event.action,
        role: event.role,
        due: event.due,
        // why: a log written before areas and statuses keeps what the draft had.
        area: event.area ?? draft?.area ?? '',
        status: event.status ?? draft?.status ?? 'open',
        source: draft?.source ?? 'facilitator',
        edited: true,
      };
      const rows = state.correctiveEdits.rows.some((r) => r.id === event.id)
        ? state.correctiveEdits.rows.map((r) => (r.id === event.id ? row : r))
        : [...state.correctiveEdits.rows, row];
      return ok({
        ...state,
        correctiveEdits: {
          rows,
          removed: state.correctiveEdits.removed.filter((r) => r !== event.id),
        },
      });
    }
    case 'corrective.removed':
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!state.corrective.some((r) => r.id === event.id))
        return refuse(`no corrective action "${event.id}"`);
      return ok({
        ...state,
        correctiveEdits: {
          rows: state.correctiveEdits.rows.filter((r) => r.id !== event.id),
          removed: [...state.correctiveEdits.removed, event.id],
        },
      });
    case 'record.undone':
    case 'record.redone':
    case 'record.amended':
      if (state.status === 'ready') return refuse('the exercise has not started');
      if (!id(event.record)) return refuse('name the record');
      return correct(scenario, state, event, refuse, ok);
    default:
      return refuse('unknown event type');
  }
}

function isDone(state: ExerciseState, inject: string): boolean {
  return state.released.some((r) => r.inject === inject) || state.skipped.some((s) => s.inject === inject);
}

function release(
  scenario: Scenario,
  state: ExerciseState,
  item: MselItem,
  at: number,
  how: ReleaseKind,
  trigger?: string,
): ExerciseState {
  const index = exerciseIndex(scenario);
  const opened: OpenAction[] = item.expects
    .filter((a) => !state.actions.some((t) => t.action === a.id))
    .map((a) => ({ action: a.id, role: a.role, inject: item.id, due: at + index.expects.get(a.id)!.within }));
  return {
    ...state,
    released: [
      ...state.released,
      {
        inject: item.id,
        at,
        how,
        to: item.to === ALL_ROLES ? ALL_ROLES : [...item.to],
        projector: item.projector,
        ...(trigger ? { trigger } : {}),
      },
    ],
    upcoming: state.upcoming.filter((u) => u.inject !== item.id),
    // why: stable by due, so actions due together keep the MSEL order they were released in.
    pending: [...state.pending, ...opened].sort((a, b) => a.due - b.due),
    map: applyMapChanges(state.map, item.map),
    ...(item.module !== undefined ? { module: item.module } : {}),
  };
}

// why: a tick may cross several release times and due times; handling them one at a time in time
// order, each at its own time, is what makes one long tick equal to many short ones (and pause and
// resume harmless). At equal times, a missed action's contingency goes before a scheduled release.
function advance(scenario: Scenario, start: ExerciseState, until: number): ExerciseState {
  const index = exerciseIndex(scenario);
  let state = start;
  for (;;) {
    const due = state.pending[0];
    const next = state.upcoming[0];
    const dueAt = due && due.due <= until ? due.due : Number.POSITIVE_INFINITY;
    const nextAt = next && next.at <= until ? next.at : Number.POSITIVE_INFINITY;
    if (dueAt === Number.POSITIVE_INFINITY && nextAt === Number.POSITIVE_INFINITY) break;
    if (dueAt <= nextAt) {
      const action = index.expects.get(due!.action)!.action;
      const target = action.contingency ? index.items.get(action.contingency) : undefined;
      const fires = target !== undefined && !isDone(state, target.id);
      state = {
        ...state,
        time: Math.max(state.time, dueAt),
        pending: state.pending.slice(1),
        missed: [...state.missed, { ...due!, ...(fires ? { fired: target.id } : {}) }],
      };
      if (fires) state = release(scenario, state, target, dueAt, 'contingency', action.id);
    } else {
      state = release(
        scenario,
        { ...state, time: Math.max(state.time, nextAt) },
        index.items.get(next!.inject)!,
        nextAt,
        'scheduled',
      );
    }
  }
  return { ...state, time: until };
}

// why: the table is derived, so an improvement added later still gets its draft row, while the
// facilitator's edits and removals (kept apart) survive every recomputation and replay. A missed
// action drafts the scenario's own corrective action when the file gives one (`corrective:`), so the
// plan reads as things to do rather than a copy of what went wrong.
function withCorrective(scenario: Scenario, state: ExerciseState): ExerciseState {
  const index = exerciseIndex(scenario);
  const drafts: CorrectiveAction[] = [
    ...state.hotwash
      .filter((h) => h.kind === 'improvement')
      .map(
        (h): CorrectiveAction => ({
          id: h.id,
          action: h.text,
          role: h.role,
          due: '',
          area: '',
          status: 'open',
          source: 'improvement',
          edited: false,
        }),
      ),
    ...state.missed.map((m): CorrectiveAction => {
      const expected = index.expects.get(m.action)?.action;
      return {
        id: `missed-${m.action}`,
        action: '',
        // why: present, not truthy: a bundled scenario keeps its texts apart and leaves '' in their place.
        actionKey:
          expected?.corrective !== undefined
            ? textKey.expectedCorrective(m.action)
            : textKey.expectedAction(m.action),
        role: m.role,
        due: '',
        area: expected?.follows.join(', ') ?? '',
        status: 'open',
        source: 'missed',
        edited: false,
      };
    }),
  ];
  const { rows, removed } = state.correctiveEdits;
  const edited = new Map(rows.map((r) => [r.id, r]));
  const table = drafts.filter((d) => !removed.includes(d.id)).map((d) => edited.get(d.id) ?? d);
  const draftIds = new Set(drafts.map((d) => d.id));
  // why: an edited draft whose source was undone stays out of the table until its source is redone.
  table.push(...rows.filter((r) => !draftIds.has(r.id) && r.source === 'facilitator'));
  return { ...state, corrective: table };
}

/** What moving the clock by `seconds` would miss, fire and release, without moving it; pure. */
export function previewClock(scenario: Scenario, state: ExerciseState, seconds: number): ClockPreview {
  const after = advance(scenario, state, state.time + Math.max(0, seconds));
  const missed = after.missed.slice(state.missed.length);
  return {
    missed: missed.map(({ fired: _, ...open }) => open),
    fired: missed.flatMap((m) => (m.fired ? [m.fired] : [])),
    released: after.released
      .slice(state.released.length)
      .filter((r) => r.how === 'scheduled')
      .map((r) => r.inject),
  };
}

/** The record with this id, active or undone. */
export function findRecord(state: ExerciseState, record: string): UndoneRecord | undefined {
  const action = state.actions.find((r) => r.id === record);
  if (action) return { kind: 'action', record: action };
  const skip = state.skipped.find((r) => r.id === record);
  if (skip) return { kind: 'skip', record: skip };
  const decision = state.decisions.find((r) => r.id === record);
  if (decision) return { kind: 'decision', record: decision };
  const note = state.notes.find((r) => r.id === record);
  if (note) return { kind: 'note', record: note };
  const rating = state.ratingLog.find((r) => r.id === record);
  if (rating) return { kind: 'rating', record: rating };
  const hotwash = state.hotwash.find((r) => r.id === record);
  if (hotwash) return { kind: 'hotwash', record: hotwash };
  return undefined;
}

type Refuse = (why: string) => ExerciseStep;
type Accept = (next: ExerciseState) => ExerciseStep;
type Correction = Extract<ExerciseEvent, { type: 'record.undone' | 'record.redone' | 'record.amended' }>;

// why: a correction is an event of its own, so the log still shows what was recorded first; the
// state it folds to is the record as corrected, with consequences (an action reopened or missed)
// taken at the time of the correction, never rewritten into the past.
function correct(
  scenario: Scenario,
  state: ExerciseState,
  event: Correction,
  refuse: Refuse,
  ok: Accept,
): ExerciseStep {
  const note = (kind: RecordCorrection['kind']) => [
    ...state.corrections,
    { record: event.record, kind, at: state.time },
  ];
  if (event.type === 'record.redone') {
    const undone = state.undone.find((u) => u.record.id === event.record);
    if (!undone) return refuse(`"${event.record}" is not an undone record`);
    const rest = state.undone.filter((u) => u !== undone);
    const put = redo(scenario, { ...state, undone: rest, corrections: note('redone') }, undone);
    return typeof put === 'string' ? refuse(put) : ok(put);
  }
  const found = findRecord(state, event.record);
  if (!found) return refuse(`no record "${event.record}"`);
  if (event.type === 'record.undone')
    return ok(
      undo(scenario, { ...state, undone: [...state.undone, found], corrections: note('undone') }, found),
    );
  const { kind, record } = found;
  if (kind === 'rating') {
    if (event.text !== undefined) return refuse('a rating has a rating and a comment, not a text');
    if (event.rating === undefined && event.comment === undefined)
      return refuse('give a rating or a comment');
    if (event.rating !== undefined && !(RATINGS as readonly string[]).includes(event.rating))
      return refuse(`unknown rating "${event.rating}"`);
    if (event.comment !== undefined && event.comment !== '' && !text(event.comment))
      return refuse(`comment must be at most ${MAX_TEXT} characters`);
    const { comment: _, ...bare } = record;
    const comment = event.comment ?? record.comment;
    const amended: PointRating = {
      ...bare,
      rating: event.rating ?? record.rating,
      ...(comment ? { comment } : {}),
    };
    return ok(
      withRatings({
        ...state,
        ratingLog: state.ratingLog.map((r) => (r.id === record.id ? amended : r)),
        corrections: note('amended'),
      }),
    );
  }
  if (kind === 'action' || kind === 'skip') return refuse(`a ${kind} has no words to amend; undo it instead`);
  if (event.rating !== undefined || event.comment !== undefined) return refuse(`a ${kind} has no rating`);
  if (!text(event.text)) return refuse(`text must be 1 to ${MAX_TEXT} characters`);
  const newText = event.text;
  if (kind === 'decision') {
    if (record.text === undefined) return refuse('a decision from the options is corrected by undoing it');
    return ok({
      ...state,
      decisions: state.decisions.map((d) => (d.id === record.id ? { ...d, text: newText } : d)),
      corrections: note('amended'),
    });
  }
  if (kind === 'note')
    return ok({
      ...state,
      notes: state.notes.map((n) => (n.id === record.id ? { ...n, text: newText } : n)),
      corrections: note('amended'),
    });
  return ok({
    ...state,
    hotwash: state.hotwash.map((h) => (h.id === record.id ? { ...h, text: newText } : h)),
    corrections: note('amended'),
  });
}

function undo(scenario: Scenario, state: ExerciseState, found: UndoneRecord): ExerciseState {
  switch (found.kind) {
    case 'action':
      return reopen(state, found.record);
    case 'skip': {
      const skip = found.record;
      const next = { ...state, skipped: state.skipped.filter((k) => k.id !== skip.id) };
      const scheduled = exerciseIndex(scenario).schedule.find((x) => x.item.id === skip.inject);
      if (!scheduled) return next;
      if (scheduled.at > state.time || !live(state))
        return { ...next, upcoming: restoreUpcoming(scenario, next.upcoming, skip.inject) };
      // why: its time has passed while it stood skipped; it reaches the table now, by the facilitator's hand.
      return release(scenario, next, scheduled.item, state.time, 'facilitator');
    }
    case 'decision': {
      const decision = found.record;
      let next = { ...state, decisions: state.decisions.filter((d) => d.id !== decision.id) };
      for (const taken of state.actions.filter((a) => a.by === decision.id)) next = reopen(next, taken);
      return next;
    }
    case 'note':
      return { ...state, notes: state.notes.filter((n) => n.id !== found.record.id) };
    case 'rating':
      return withRatings({ ...state, ratingLog: state.ratingLog.filter((r) => r.id !== found.record.id) });
    case 'hotwash':
      return { ...state, hotwash: state.hotwash.filter((h) => h.id !== found.record.id) };
  }
}

function redo(scenario: Scenario, state: ExerciseState, found: UndoneRecord): ExerciseState | string {
  const byOrder = <T extends { at: number }>(list: T[]) => [...list].sort((a, b) => a.at - b.at);
  switch (found.kind) {
    case 'action': {
      const taken = found.record;
      if (state.actions.some((a) => a.action === taken.action))
        return `"${taken.action}" was recorded again since`;
      return {
        ...state,
        actions: byOrder([...state.actions, taken]),
        pending: state.pending.filter((p) => p.action !== taken.action),
        missed: state.missed.filter((m) => m.action !== taken.action),
      };
    }
    case 'skip': {
      const skip = found.record;
      if (isDone(state, skip.inject)) return `"${skip.inject}" was released or skipped since`;
      return {
        ...state,
        skipped: byOrder([...state.skipped, skip]),
        upcoming: state.upcoming.filter((u) => u.inject !== skip.inject),
      };
    }
    case 'decision': {
      const decision = found.record;
      return creditDecision(
        scenario,
        { ...state, decisions: byOrder([...state.decisions, decision]) },
        decision,
      );
    }
    case 'note':
      return { ...state, notes: byOrder([...state.notes, found.record]) };
    case 'rating':
      return withRatings({ ...state, ratingLog: byOrder([...state.ratingLog, found.record]) });
    case 'hotwash':
      return { ...state, hotwash: byOrder([...state.hotwash, found.record]) };
  }
}

// why: an action taken back is awaited again if its time has not run out; otherwise it counts as
// missed from now. Its contingency is not fired by the correction: nothing reaches the table as a
// side effect of putting the record right (a slip undone and redone must leave the room as it was);
// the facilitator can still fire it by hand.
function reopen(state: ExerciseState, taken: TakenAction): ExerciseState {
  const next: ExerciseState = { ...state, actions: state.actions.filter((a) => a.action !== taken.action) };
  const open: OpenAction = {
    action: taken.action,
    role: taken.expectedRole,
    inject: taken.inject,
    due: taken.due,
  };
  if (taken.due > state.time)
    return { ...next, pending: [...next.pending, open].sort((a, b) => a.due - b.due) };
  return { ...next, missed: [...next.missed, open] };
}

// why: an option recorded for a role is the action it stands for; ticking it here (at the decision's
// time) is what keeps a contingency from firing for something the table decided.
function creditDecision(scenario: Scenario, state: ExerciseState, decision: RecordedDecision): ExerciseState {
  const index = exerciseIndex(scenario);
  let next = state;
  for (const option of decision.options)
    for (const action of index.satisfies.get(option) ?? []) {
      if (next.actions.some((a) => a.action === action)) continue;
      const was =
        next.pending.find((p) => p.action === action) ?? next.missed.find((m) => m.action === action);
      if (!was) continue;
      const late = Math.max(0, decision.at - was.due);
      const taken: TakenAction = {
        id: `${decision.id}:${action}`,
        action,
        role: decision.role,
        expectedRole: index.expects.get(action)!.action.role,
        inject: was.inject,
        at: decision.at,
        due: was.due,
        onTime: late === 0,
        late,
        by: decision.id,
      };
      next = {
        ...next,
        actions: [...next.actions, taken].sort((a, b) => a.at - b.at),
        pending: next.pending.filter((p) => p.action !== action),
        missed: next.missed.filter((m) => m.action !== action),
      };
    }
  return next;
}

function restoreUpcoming(scenario: Scenario, upcoming: UpcomingInject[], inject: string): UpcomingInject[] {
  const order = exerciseIndex(scenario).schedule.map((x) => x.item.id);
  const at = exerciseIndex(scenario).schedule.find((x) => x.item.id === inject)!.at;
  return [...upcoming, { inject, at }].sort(
    (a, b) => a.at - b.at || order.indexOf(a.inject) - order.indexOf(b.inject),
  );
}

function withRatings(state: ExerciseState): ExerciseState {
  const ratings: Record<string, PointRating> = {};
  for (const r of state.ratingLog) ratings[r.point] = r;
  return { ...state, ratings };
}
