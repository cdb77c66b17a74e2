import { assign, emit, setup } from 'xstate';

/** Events the exercise clock accepts from the facilitator console. */
export type ExerciseClockEvent =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'speed.changed'; speed: number };

/** What the clock emits each real second while running: scenario seconds to add (send it on to the exercise). */
export interface ClockTicked {
  type: 'clock.ticked';
  seconds: number;
}

/** How the clock starts: its speed (scenario seconds per real second) and whether it runs. */
export interface ExerciseClockInput {
  speed: number;
  running?: boolean;
}

/** Real milliseconds between two ticks. */
export const TICK_MS = 1000;

// why: the clock only counts; it never decides what is released. Scenario time reaches the
// exercise as `clock.ticked` events, and the exercise fold releases each inject at its own time,
// so a pause (which drops the part-second in progress) can delay the room but never drop,
// repeat or shift an inject.

/** The exercise clock actor: paused or running; while running it emits `clock.ticked` of `speed` scenario seconds every real second. */
export const exerciseClockMachine = setup({
  types: {
    context: {} as { speed: number; startRunning: boolean },
    input: {} as ExerciseClockInput,
    events: {} as ExerciseClockEvent,
    emitted: {} as ClockTicked,
  },
  delays: { tick: TICK_MS },
  guards: {
    startsRunning: ({ context }) => context.startRunning,
    validSpeed: ({ event }) =>
      event.type === 'speed.changed' && Number.isInteger(event.speed) && event.speed >= 1,
  },
  actions: {
    tick: emit(({ context }): ClockTicked => ({ type: 'clock.ticked', seconds: context.speed })),
    setSpeed: assign({
      speed: ({ context, event }) => (event.type === 'speed.changed' ? event.speed : context.speed),
    }),
  },
}).createMachine({
  id: 'exerciseClock',
  // why: a reloaded console restarts the clock in the state its exercise log says (running or paused).
  context: ({ input }) => ({ speed: input.speed, startRunning: input.running === true }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'startsRunning', target: 'running' }, { target: 'paused' }],
    },
    paused: {
      on: { resume: 'running' },
    },
    running: {
      after: { tick: { target: 'running', reenter: true, actions: 'tick' } },
      on: { pause: 'paused' },
    },
  },
  on: {
    'speed.changed': { guard: 'validSpeed', actions: 'setSpeed' },
  },
});
