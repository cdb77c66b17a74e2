import type { Scenario } from '../scenario/scenario.schema.ts';
import { textKey } from '../scenario/text-keys.ts';
import { CONTROL, type ExerciseState, type ExerciseStatus, exerciseIndex } from './exercise-state.ts';
import { reachesRole } from './exercise-view.ts';

/** One inject as a participant's inbox shows it: text keys, and the decision it puts to the role, if any. */
export interface InboxInject {
  inject: string;
  at: number;
  channel: string;
  fromKey: string;
  titleKey: string;
  textKey: string;
  /** Whether everyone in the room received it (also on the projector) or only some roles. */
  public: boolean;
  /** A step whose decision the inject puts to its roles: the participant answers with these options. */
  step?: string;
  options?: string[];
  pick?: number;
  promptKey?: string;
  /** For an inject that comes by radio, the calls that may have a voice recording: itself and its step's radio injects. */
  voices?: string[];
}

/** A message in a participant's inbox, from or to their role. */
export interface InboxMessage {
  id: string;
  from: string;
  to: string;
  at: number;
  text: string;
}

/** What one participant's device may receive: its role's and public injects, its own answers and messages; nothing of the facilitator's. */
export interface ParticipantView {
  role: string;
  time: number;
  status: ExerciseStatus;
  injects: InboxInject[];
  /** This role's recorded answers (step options or free text). */
  answers: { id: string; at: number; step?: string; options: string[]; text?: string }[];
  messages: InboxMessage[];
  /** A module whose discussion questions the facilitator put to the room, with the question ids. */
  discussion?: { module: string; titleKey: string; questions: { id: string; textKey: string }[] };
}

// why: the server sends each device only this; anything not listed here (expected actions, notes,
// ratings, doctrine of the options, other roles' injects and messages) never leaves the server.
/** Builds a participant's view of an exercise for one role. */
export function buildParticipantView(
  scenario: Scenario,
  state: ExerciseState,
  role: string,
  discussion?: string,
): ParticipantView {
  const index = exerciseIndex(scenario);
  const injects = state.released
    .filter((r) => r.projector || reachesRole(r, role))
    .map((r): InboxInject => {
      const item = index.items.get(r.inject)!;
      const step = item.step ? index.steps.get(item.step) : undefined;
      const d = step?.decision;
      return {
        inject: r.inject,
        at: r.at,
        channel: item.channel,
        fromKey: textKey.mselFrom(r.inject),
        titleKey: textKey.mselTitle(r.inject),
        textKey: textKey.mselText(r.inject),
        public: r.projector,
        ...(item.channel === 'radio' ? voicesOf([r.inject], step?.injects) : {}),
        ...(d && step
          ? {
              step: step.id,
              options: d.options.map((o) => o.id),
              pick: d.mode === 'multi' ? (d.pick ?? 1) : 1,
              promptKey: textKey.prompt(step.id),
            }
          : {}),
      };
    });
  const module = discussion ? scenario.exercise?.modules.find((m) => m.id === discussion) : undefined;
  return {
    role,
    time: state.time,
    status: state.status,
    injects,
    answers: state.decisions
      .filter((d) => d.role === role)
      .map((d) => ({
        id: d.id,
        at: d.at,
        ...(d.step ? { step: d.step } : {}),
        options: d.options,
        ...(d.text !== undefined ? { text: d.text } : {}),
      })),
    messages: state.messages
      .filter((m) => m.from === role || m.to === role)
      .map((m) => ({ id: m.id, from: m.from, to: m.to, at: m.at, text: m.text })),
    ...(module
      ? {
          discussion: {
            module: module.id,
            titleKey: textKey.exerciseModule(module.id),
            questions: module.questions.map((q) => ({ id: q.id, textKey: textKey.exerciseQuestion(q.id) })),
          },
        }
      : {}),
  };
}

/** Messages the control cell (facilitator) receives. */
export function controlMessages(state: ExerciseState): InboxMessage[] {
  return state.messages.filter((m) => m.to === CONTROL);
}

function voicesOf(own: string[], injects: readonly { id: string; channel: string }[] | undefined) {
  const voices = [...own, ...(injects ?? []).filter((i) => i.channel === 'radio').map((i) => i.id)];
  return voices.length ? { voices } : {};
}
