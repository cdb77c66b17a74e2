import { createActor } from 'xstate';
import { exerciseClockMachine } from '../../engine/exercise/exercise-clock.ts';

/** The console's handle on the exercise clock; tests pass a manual one. */
export interface ClockPort {
  /** Runs the clock (no effect when it already runs). */
  run(): void;
  /** Holds the clock (no effect when it is already held). */
  hold(): void;
  setSpeed(speed: number): void;
  /** Stops the clock for good (the console is closing). */
  stop(): void;
}

/** The engine's XState exercise clock actor on real time, passing each tick to `onTick`. */
export function createExerciseClock(onTick: (seconds: number) => void): ClockPort {
  const actor = createActor(exerciseClockMachine, { input: { speed: 60, running: false } });
  actor.on('clock.ticked', (e) => onTick(e.seconds));
  actor.start();
  return {
    run() {
      if (actor.getSnapshot().matches('paused')) actor.send({ type: 'resume' });
    },
    hold() {
      if (actor.getSnapshot().matches('running')) actor.send({ type: 'pause' });
    },
    setSpeed(speed) {
      actor.send({ type: 'speed.changed', speed });
    },
    stop() {
      actor.stop();
    },
  };
}
