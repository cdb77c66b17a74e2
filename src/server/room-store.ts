import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ExerciseEvent } from '../engine/exercise/exercise-log.ts';

/** What the server keeps about a room besides its log. */
export interface RoomMeta {
  room: string;
  scenario: string;
  /** The short code participants type (also in the join link). */
  code: string;
  /** SHA-256 of the facilitator's key, hex; the key itself is never stored. */
  keyHash: string;
  created: string;
  /** Devices and the role each was given ("display" for a projector). */
  devices: Record<string, string>;
  /** A module whose discussion questions the facilitator put to the room. */
  discussion?: string;
  /** The console's number of the last of its events the room took (so a resend is not applied twice). */
  control?: number;
  /** Set when the facilitator closed the room: its code no longer admits anyone. */
  closed?: boolean;
}

/** A room read back from disk: its meta and its log. */
export interface StoredRoom {
  meta: RoomMeta;
  log: ExerciseEvent[];
}

// why: an event is acknowledged only once it is on disk, so a crash or restart loses nothing a
// participant or the facilitator was told was recorded; one JSON line per event, appended and synced.
/** Rooms on disk: `<data>/rooms/<room>.meta.json` and an append-only `<room>.log.jsonl`. */
export class RoomStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'rooms');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Writes a room's meta atomically (write, sync, rename). */
  saveMeta(meta: RoomMeta): void {
    const file = join(this.dir, `${meta.room}.meta.json`);
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(meta, null, 2)}\n`);
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  }

  /** Appends one event to a room's log and syncs it to disk before returning. */
  append(room: string, event: ExerciseEvent): void {
    const file = join(this.dir, `${room}.log.jsonl`);
    const fd = openSync(file, 'a');
    try {
      appendFileSync(fd, `${JSON.stringify(event)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every room on disk, with its log; a line that does not parse ends that room's log there (a torn last write). */
  loadAll(): StoredRoom[] {
    if (!existsSync(this.dir)) return [];
    const rooms: StoredRoom[] = [];
    for (const name of readdirSync(this.dir).filter((f) => f.endsWith('.meta.json'))) {
      const meta = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as RoomMeta;
      const logFile = join(this.dir, `${meta.room}.log.jsonl`);
      const log: ExerciseEvent[] = [];
      if (existsSync(logFile)) {
        for (const line of readFileSync(logFile, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          try {
            log.push(JSON.parse(line) as ExerciseEvent);
          } catch {
            break;
          }
        }
      }
      rooms.push({ meta, log });
    }
    return rooms;
  }
}
