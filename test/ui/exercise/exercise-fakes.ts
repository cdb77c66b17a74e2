import type { ClockPort } from '../../../src/ui/exercise/exercise-clock-driver.ts';
import type { SyncMessage, SyncPort } from '../../../src/ui/exercise/exercise-sync.ts';

/** A clock the test drives by hand: `advance(n)` is n real seconds while it runs. */
export interface ManualClock {
  make: (onTick: (seconds: number) => void) => ClockPort;
  running(): boolean;
  /** Passes real seconds: one tick of `speed` scenario seconds per second while it runs. */
  advance(realSeconds: number): void;
}

/** A stand-in for the engine's clock actor, so DOM tests never wait on real time. */
export function createManualClock(): ManualClock {
  let tick: (seconds: number) => void = () => {};
  let running = false;
  let speed = 60;
  return {
    make(onTick) {
      tick = onTick;
      return {
        run: () => {
          running = true;
        },
        hold: () => {
          running = false;
        },
        setSpeed: (s) => {
          speed = s;
        },
        stop: () => {
          running = false;
        },
      };
    },
    running: () => running,
    advance(realSeconds) {
      // why: like the engine's clock actor, it ticks only while the console runs it.
      for (let i = 0; i < realSeconds; i++) if (running) tick(speed);
    },
  };
}

/** Two connected in-memory channel ends, like two windows on one BroadcastChannel; each keeps what it heard. */
export function createChannelPair(): [
  SyncPort & { heard: SyncMessage[] },
  SyncPort & { heard: SyncMessage[] },
] {
  const make = () => {
    const listeners = new Set<(m: SyncMessage) => void>();
    return { listeners, heard: [] as SyncMessage[] };
  };
  const a = make();
  const b = make();
  const port = (self: ReturnType<typeof make>, other: ReturnType<typeof make>) => ({
    heard: self.heard,
    post(message: SyncMessage) {
      const copy = structuredClone(message);
      other.heard.push(copy);
      for (const l of other.listeners) l(copy);
    },
    listen(listener: (m: SyncMessage) => void) {
      self.listeners.add(listener);
      return () => self.listeners.delete(listener);
    },
    close() {
      self.listeners.clear();
    },
  });
  return [port(a, b), port(b, a)];
}
