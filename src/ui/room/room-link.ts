import { createExercise, type Exercise, type ExerciseEvent } from '../../engine/exercise/exercise-log.ts';
import type { KeyValueStorage } from '../../progress/settings.ts';

// why: the console owns its exercise and keeps running without the server. Every event it takes is
// also queued for the room; devices' answers and messages come back from the room and are put into
// the console's log in the room's order (rebasing the queue on top), so both logs stay the same.

/** What the console keeps about the room it opened, so a reload or a lost server loses nothing. */
export interface RoomRecord {
  room: string;
  code: string;
  key: string;
  /** Addresses other devices reach the server on, from the server. */
  addresses: string[];
  /** Events of the room's log the console has (the server's count, ticks unmerged). */
  count: number;
  /** The console's number of its last event. */
  cseq: number;
  /** The console's events the room has not acknowledged yet, oldest first. */
  pending: { cseq: number; event: ExerciseEvent }[];
  /** Length of the console's log when the record was last saved: events past it are new. */
  localLen: number;
}

/** Storage key of an exercise's room record. */
export const roomKey = (exercise: string) => `pocsim.room.v1.${exercise}`;

/** Reads the room record of an exercise, or null. */
export function readRoom(storage: KeyValueStorage | undefined, exercise: string): RoomRecord | null {
  try {
    const raw = storage?.getItem(roomKey(exercise));
    if (!raw) return null;
    const r = JSON.parse(raw) as RoomRecord;
    return typeof r.room === 'string' && typeof r.key === 'string' && Array.isArray(r.pending) ? r : null;
  } catch {
    return null;
  }
}

/** Writes (or, with null, forgets) the room record of an exercise. */
export function writeRoom(
  storage: KeyValueStorage | undefined,
  exercise: string,
  r: RoomRecord | null,
): void {
  try {
    if (r) storage?.setItem(roomKey(exercise), JSON.stringify(r));
    else storage?.setItem(roomKey(exercise), '');
  } catch {
    // why: storage full or refused: the link still works for this session.
  }
}

/** The parts of a socket.io client socket the link uses; tests pass a fake. */
export interface LinkSocket {
  connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  timeout(ms: number): { emitWithAck(name: string, msg: unknown): Promise<any> };
}

/** How the room looks to the console. */
export interface LinkStatus {
  state: 'connecting' | 'online' | 'offline' | 'gone';
  /** Devices by id and the role each has. */
  devices: Record<string, string>;
  displays: number;
  /** Console events the room has not taken yet. */
  waiting: number;
  /** Console events the room refused (they stay in the console's log only). */
  refused: number;
}

/** Keeps an exercise and its room in step over a socket. */
export class RoomLink {
  status: LinkStatus = { state: 'connecting', devices: {}, displays: 0, waiting: 0, refused: 0 };
  private confirmed: ExerciseEvent[] | null = null;
  private inFlight = false;
  private applying = false;
  private stopped = false;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly exercise: Exercise,
    private readonly socket: LinkSocket,
    private record: RoomRecord,
    private readonly save: (r: RoomRecord) => void,
    private readonly changed: (s: LinkStatus) => void,
  ) {
    // why: events the console took while the page was closed (a restored exercise pauses itself).
    for (const event of exercise.log.slice(record.localLen)) this.queue(event);
    this.persist();
    this.off.push(
      exercise.subscribe((event) => {
        if (!event || this.applying) return;
        this.queue(event);
        this.persist();
        void this.flush();
      }),
    );
    const listen = (name: string, fn: (...a: any[]) => void) => {
      socket.on(name, fn);
      this.off.push(() => socket.off(name, fn));
    };
    listen('connect', () => void this.attach());
    listen('disconnect', () => this.set({ state: 'offline' }));
    listen('connect_error', () => this.set({ state: 'offline' }));
    listen('log', (m: { seq: number; event: ExerciseEvent }) => this.remote(m));
    listen('devices', (devices: Record<string, string>) => this.set({ devices }));
    listen('displays', (displays: number) => this.set({ displays }));
    if (socket.connected) void this.attach();
  }

  /** The room this link keeps in step. */
  get room(): RoomRecord {
    return this.record;
  }

  /** Asks the room something as its facilitator (assign, discussion, close). */
  control(name: string, msg: Record<string, unknown>): Promise<{ ok?: boolean; error?: string }> {
    return this.socket
      .timeout(5_000)
      .emitWithAck(name, { room: this.record.room, key: this.record.key, ...msg })
      .catch(() => ({ error: 'the server did not answer' }));
  }

  stop(): void {
    this.stopped = true;
    for (const f of this.off.splice(0)) f();
  }

  private set(s: Partial<LinkStatus>) {
    this.status = { ...this.status, ...s, waiting: this.record.pending.length };
    this.changed(this.status);
  }

  private queue(event: ExerciseEvent) {
    const last = this.record.pending[this.record.pending.length - 1];
    // why: a second of clock is not worth a message of its own when the previous tick still waits.
    if (event.type === 'clock.ticked' && last?.event.type === 'clock.ticked' && !this.inFlightIs(last)) {
      last.event = { type: 'clock.ticked', seconds: last.event.seconds + event.seconds };
      return;
    }
    this.record.cseq++;
    this.record.pending.push({ cseq: this.record.cseq, event });
  }

  private sending: { cseq: number } | null = null;
  private inFlightIs(p: { cseq: number }) {
    return this.sending?.cseq === p.cseq;
  }

  private persist() {
    this.record.localLen = this.exercise.log.length;
    this.save(this.record);
    this.set({});
  }

  private async attach() {
    const r = await this.control('control.attach', {});
    if (this.stopped) return;
    if (r.error) {
      this.set({ state: r.error === 'no such room' || /key/.test(r.error) ? 'gone' : 'offline' });
      return;
    }
    const a = r as unknown as {
      log: ExerciseEvent[];
      count: number;
      control: number;
      devices: Record<string, string>;
      displays: number;
    };
    this.confirmed = [...a.log];
    this.record.count = a.count;
    // why: an event the room took before the connection dropped is not sent again.
    this.record.pending = this.record.pending.filter((p) => p.cseq > a.control);
    this.rebase();
    this.set({ state: 'online', devices: a.devices, displays: a.displays });
    void this.flush();
  }

  private remote(m: { seq: number; event: ExerciseEvent }) {
    if (!this.confirmed || m.seq <= this.record.count) return;
    if (m.seq > this.record.count + 1) {
      void this.attach();
      return;
    }
    this.confirmed.push(m.event);
    this.record.count = m.seq;
    if (!this.record.pending.length) {
      this.applying = true;
      const ok = this.exercise.send(m.event);
      this.applying = false;
      if (!ok) this.rebase();
    } else this.rebase();
    this.persist();
  }

  // why: the console's log becomes the room's log followed by the console's waiting events, in that
  // order; a waiting event that no longer applies (a device answered first) is dropped and counted.
  private rebase() {
    if (!this.confirmed) return;
    const trial = createExercise(this.exercise.scenario, this.confirmed);
    const kept = this.record.pending.filter((p) => trial.send(p.event));
    const refused = this.record.pending.length - kept.length;
    this.record.pending = kept;
    if (JSON.stringify(trial.log) !== JSON.stringify(this.exercise.log)) {
      this.applying = true;
      this.exercise.replace(trial.log);
      this.applying = false;
    }
    if (refused) this.set({ refused: this.status.refused + refused });
    this.persist();
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.stopped || this.status.state !== 'online') return;
    const next = this.record.pending[0];
    if (!next) return;
    this.inFlight = true;
    this.sending = next;
    const r = await this.control('control.event', {
      seq: this.record.count,
      cseq: next.cseq,
      event: next.event,
    });
    this.inFlight = false;
    this.sending = null;
    if (this.stopped) return;
    const a = r as { ok?: boolean; seq?: number; error?: string; duplicate?: boolean };
    if (a.duplicate) {
      // why: the room had it already (an answer lost on the way back): take the room's log again.
      await this.attach();
      return;
    }
    if (a.ok) {
      this.confirmed?.push(next.event);
      this.record.pending = this.record.pending.filter((p) => p !== next);
      this.record.count = a.seq ?? this.record.count + 1;
      this.persist();
    } else if (a.error?.startsWith('behind') || a.error?.startsWith('out of order')) {
      // why: the room took device events this console has not seen: fetch them, then go on.
      await this.attach();
      return;
    } else if (a.error === 'the server did not answer') {
      return;
    } else {
      this.record.pending = this.record.pending.filter((p) => p !== next);
      this.set({ refused: this.status.refused + 1 });
      this.persist();
    }
    void this.flush();
  }
}
