import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { buildParticipantView, type ParticipantView } from '../engine/exercise/exercise-audience.ts';
import { exerciseEventSchema } from '../engine/exercise/exercise-event.schema.ts';
import { createExercise, type Exercise, type ExerciseEvent } from '../engine/exercise/exercise-log.ts';
import { buildProjectorView } from '../engine/exercise/exercise-view.ts';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { type RoomMeta, RoomStore } from './room-store.ts';

/** How to start the exercise server. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** Folder for rooms' logs; rooms found there are resumed. */
  dataDir: string;
  /** Scenarios with an exercise section, by id. */
  scenarios: ReadonlyMap<string, Scenario>;
  /** The scenarios' text tables, by id: a participant's view carries the words of what it may see, so its device needs no scenario file. */
  texts?: ReadonlyMap<string, ScenarioBundle['texts']>;
  /** The built app to serve (dist/); without it only the socket endpoint answers. */
  appDir?: string;
  /** Addresses other devices reach this server on (the LAN's), for the join link the console shows. */
  addresses?: () => string[];
  /** Largest message a device may send, in bytes. */
  maxMessageBytes?: number;
  /** Messages a device may send per second before it is told to slow down. */
  ratePerSecond?: number;
}

/** A running exercise server. */
export interface ExerciseServer {
  url: string;
  port: number;
  io: Server;
  close(): Promise<void>;
}

interface Room {
  meta: RoomMeta;
  scenario: Scenario;
  exercise: Exercise;
  /** Every accepted event as it came (ticks not merged): the numbering consoles sync by. */
  raw: ExerciseEvent[];
  /** The last view sent to each role, without its clock, so a tick alone does not resend it. */
  sent: Map<string, string>;
  /** Displays (projectors) connected now. */
  displays: number;
}

/** Words of a participant's view, in both languages: only the keys the view names. */
export type ViewTexts = Record<'en' | 'fr', Record<string, string>>;

// why: the words travel with the view, so the device never loads the scenario file (which holds
// every role's injects, the expected actions and the facilitator's notes).
function viewTexts(
  scenario: Scenario,
  texts: ScenarioBundle['texts'] | undefined,
  view: ParticipantView,
): ViewTexts {
  const keys = [textKey.title(), ...scenario.exercise!.roles.map((r) => textKey.exerciseRole(r.id))];
  for (const i of view.injects) {
    keys.push(i.fromKey, i.titleKey, i.textKey);
    if (i.promptKey) keys.push(i.promptKey);
    for (const o of i.options ?? []) keys.push(textKey.optionLabel(o));
  }
  if (view.discussion)
    keys.push(view.discussion.titleKey, ...view.discussion.questions.map((q) => q.textKey));
  const pick = (table: Record<string, string> | undefined) =>
    Object.fromEntries(keys.filter((k) => table?.[k] !== undefined).map((k) => [k, table![k]!]));
  return { en: pick(texts?.en), fr: pick(texts?.fr ?? texts?.en) };
}

// why: a code is typed by leaders from a projector, so it avoids look-alike letters; 8 characters
// of 32 give 2^40 codes, and the join link also carries a long token that is never shown.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
const hash = (key: string) => createHash('sha256').update(key).digest('hex');
function sameKey(key: string, keyHash: string): boolean {
  const a = Buffer.from(hash(key), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const roomId = z.string().regex(/^r-[a-f0-9]{16}$/);
const key = z.string().min(20).max(100);
const code = z.string().min(4).max(20);
const device = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const ident = z.string().min(1).max(120);

/** Messages devices send, each parsed before anything is done with it. */
const messages = {
  'room.open': z.strictObject({ scenario: ident }),
  'control.attach': z.strictObject({ room: roomId, key }),
  'control.event': z.strictObject({
    room: roomId,
    key,
    seq: z.number().int().min(0),
    /** The console's own number for the event, counting from 1: a resend is recognised by it. */
    cseq: z.number().int().min(1).optional(),
    event: exerciseEventSchema,
  }),
  'control.discussion': z.strictObject({ room: roomId, key, module: ident.nullable() }),
  'control.assign': z.strictObject({ room: roomId, key, device, role: ident.nullable() }),
  'control.close': z.strictObject({ room: roomId, key }),
  'device.join': z.strictObject({ code, device, role: ident.optional() }),
  'display.join': z.strictObject({ code }),
  'participant.answer': z.strictObject({
    step: ident.optional(),
    options: z.array(ident).max(20).optional(),
    text: z.string().min(1).max(4_000).optional(),
  }),
  'participant.message': z.strictObject({ to: ident, text: z.string().min(1).max(4_000) }),
} as const;
type MessageName = keyof typeof messages;
type Ack = (reply: unknown) => void;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// why: the same policy as the static build, widened only to this server's own socket (ws: and wss:
// on the same host), so a networked session runs no script or request from anywhere else.
function securityHeaders(res: ServerResponse, host: string | undefined): void {
  const socket = host ? ` ws://${host} wss://${host}` : '';
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'${socket}; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'none'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function serveStatic(appDir: string | undefined, req: IncomingMessage, res: ServerResponse): void {
  securityHeaders(res, req.headers.host);
  if (!appDir || !existsSync(appDir)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('pocsim exercise server: the app is not built here (npm run build)\n');
    return;
  }
  const root = resolve(appDir);
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

/** Starts the exercise server: the built app over HTTP and exercise rooms over socket.io. */
export async function startExerciseServer(options: ServerOptions): Promise<ExerciseServer> {
  const store = new RoomStore(options.dataDir);
  const rooms = new Map<string, Room>();
  const byCode = new Map<string, string>();
  for (const stored of store.loadAll()) {
    const scenario = options.scenarios.get(stored.meta.scenario);
    if (!scenario || stored.meta.closed) continue;
    rooms.set(stored.meta.room, {
      meta: stored.meta,
      scenario,
      exercise: createExercise(scenario, stored.log),
      raw: [...stored.log],
      sent: new Map(),
      displays: 0,
    });
    byCode.set(stored.meta.code, stored.meta.room);
  }
  const http = createServer((req, res) => serveStatic(options.appDir, req, res));
  const io = new Server(http, {
    maxHttpBufferSize: options.maxMessageBytes ?? 64_000,
    serveClient: false,
    // why: a phone that loses the network for a minute gets what it missed on reconnection.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });
  const rate = options.ratePerSecond ?? 20;

  const participantRoom = (room: string, role: string) => `${room}:role:${role}`;
  const participantView = (room: Room, role: string) => {
    const view = buildParticipantView(room.scenario, room.exercise.state(), role, room.meta.discussion);
    return {
      ...view,
      scenario: room.scenario.id,
      texts: viewTexts(room.scenario, options.texts?.get(room.scenario.id), view),
    };
  };
  const broadcast = (room: Room) => {
    const id = room.meta.room;
    const state = room.exercise.state();
    io.to(`${id}:display`).emit('projector', buildProjectorView(room.scenario, state));
    for (const role of room.scenario.exercise!.roles.map((r) => r.id)) {
      const view = buildParticipantView(room.scenario, state, role, room.meta.discussion);
      // why: the clock ticks every second; a participant's view is resent only when something in it
      // other than the time changed, which keeps a room of phones quiet between injects.
      const same = JSON.stringify({ ...view, time: 0 });
      if (room.sent.get(role) === same) continue;
      room.sent.set(role, same);
      io.to(participantRoom(id, role)).emit('view', {
        ...view,
        scenario: room.scenario.id,
        texts: viewTexts(room.scenario, options.texts?.get(room.scenario.id), view),
      });
    }
  };
  const accept = (room: Room, event: ExerciseEvent, from?: Socket): string | undefined => {
    const why = room.exercise.check(event);
    if (why) return why;
    store.append(room.meta.room, event);
    room.exercise.send(event);
    room.raw.push(event);
    // why: the console that sent an event has it already; others (a second console) get it here.
    const to = from ? io.to(`${room.meta.room}:control`).except(from.id) : io.to(`${room.meta.room}:control`);
    to.emit('log', { seq: room.raw.length, event });
    broadcast(room);
    return undefined;
  };
  const controlled = (msg: { room: string; key: string }): Room | string => {
    const room = rooms.get(msg.room);
    if (!room) return 'no such room';
    if (!sameKey(msg.key, room.meta.keyHash)) return 'the facilitator key does not match';
    return room;
  };

  io.on('connection', (socket: Socket) => {
    let budget = rate;
    let last = Date.now();
    let joined: { room: string; role: string; device: string } | undefined;
    const on = <N extends MessageName>(
      name: N,
      handle: (msg: z.infer<(typeof messages)[N]>, ack: Ack) => void,
    ) => {
      socket.on(name as string, (raw: unknown, maybeAck?: unknown) => {
        const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : () => undefined;
        const now = Date.now();
        budget = Math.min(rate, budget + ((now - last) / 1000) * rate);
        last = now;
        if (budget < 1) return ack({ error: 'too many messages: slow down' });
        budget--;
        const parsed = messages[name].safeParse(raw);
        if (!parsed.success)
          return ack({
            error: `bad ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`,
          });
        try {
          handle(parsed.data as z.infer<(typeof messages)[N]>, ack);
        } catch (e) {
          ack({ error: `could not do ${name}: ${(e as Error).message}` });
        }
      });
    };

    on('room.open', (msg, ack) => {
      const scenario = options.scenarios.get(msg.scenario);
      if (!scenario?.exercise) return ack({ error: `no exercise "${msg.scenario}" on this server` });
      const id = `r-${randomBytes(8).toString('hex')}`;
      let joinCode = newCode();
      while (byCode.has(joinCode)) joinCode = newCode();
      const facilitatorKey = randomBytes(24).toString('base64url');
      const meta: RoomMeta = {
        room: id,
        scenario: scenario.id,
        code: joinCode,
        keyHash: hash(facilitatorKey),
        created: new Date().toISOString(),
        devices: {},
      };
      store.saveMeta(meta);
      rooms.set(id, {
        meta,
        scenario,
        exercise: createExercise(scenario),
        raw: [],
        sent: new Map(),
        displays: 0,
      });
      byCode.set(joinCode, id);
      ack({ room: id, code: joinCode, key: facilitatorKey, addresses: options.addresses?.() ?? [] });
    });

    on('control.attach', (msg, ack) => {
      const room = controlled(msg);
      if (typeof room === 'string') return ack({ error: room });
      void socket.join(`${room.meta.room}:control`);
      ack({
        log: room.exercise.log,
        count: room.raw.length,
        control: room.meta.control ?? 0,
        devices: room.meta.devices,
        displays: room.displays,
        code: room.meta.code,
        discussion: room.meta.discussion ?? null,
      });
    });

    // why: the console numbers its events; one the server already has (a resend after a drop) is
    // acknowledged again without being applied twice, so nothing is recorded twice.
    on('control.event', (msg, ack) => {
      const room = controlled(msg);
      if (typeof room === 'string') return ack({ error: room });
      const have = room.raw.length;
      if (msg.cseq !== undefined) {
        if (msg.cseq <= (room.meta.control ?? 0)) return ack({ ok: true, seq: have, duplicate: true });
        // why: devices write to the same log; a console that has not seen their latest events must
        // take them in first, so both logs keep the same order (and the same record ids).
        if (msg.seq < have) return ack({ error: `behind: the server has ${have} events`, seq: have });
      }
      if (msg.seq < have) return ack({ ok: true, seq: have, duplicate: true });
      if (msg.seq > have) return ack({ error: `out of order: the server has ${have} events`, seq: have });
      const why = accept(room, msg.event, socket);
      if (!why && msg.cseq !== undefined) {
        // why: noted after the event is on disk, before the acknowledgement: a crash in between can
        // at worst apply a resend twice, never lose an event.
        room.meta = { ...room.meta, control: msg.cseq };
        store.saveMeta(room.meta);
      }
      ack(why ? { error: why, seq: room.raw.length } : { ok: true, seq: room.raw.length });
    });

    on('control.discussion', (msg, ack) => {
      const room = controlled(msg);
      if (typeof room === 'string') return ack({ error: room });
      if (msg.module && !room.scenario.exercise!.modules.some((m) => m.id === msg.module))
        return ack({ error: `no module "${msg.module}"` });
      if ((room.meta.discussion ?? null) === msg.module) return ack({ ok: true });
      room.meta = { ...room.meta, discussion: msg.module ?? undefined };
      store.saveMeta(room.meta);
      broadcast(room);
      ack({ ok: true });
    });

    on('control.assign', (msg, ack) => {
      const room = controlled(msg);
      if (typeof room === 'string') return ack({ error: room });
      if (msg.role && !room.scenario.exercise!.roles.some((r) => r.id === msg.role))
        return ack({ error: `no role "${msg.role}"` });
      const devices = { ...room.meta.devices };
      if (msg.role) devices[msg.device] = msg.role;
      else delete devices[msg.device];
      room.meta = { ...room.meta, devices };
      store.saveMeta(room.meta);
      io.to(`${room.meta.room}:device:${msg.device}`).emit('assigned', { role: msg.role });
      io.to(`${room.meta.room}:control`).emit('devices', devices);
      ack({ ok: true });
    });

    on('control.close', (msg, ack) => {
      const room = controlled(msg);
      if (typeof room === 'string') return ack({ error: room });
      room.meta = { ...room.meta, closed: true };
      store.saveMeta(room.meta);
      byCode.delete(room.meta.code);
      rooms.delete(room.meta.room);
      io.to(`${room.meta.room}:display`).emit('closed');
      ack({ ok: true });
    });

    on('device.join', (msg, ack) => {
      const id = byCode.get(msg.code.toUpperCase());
      const room = id ? rooms.get(id) : undefined;
      if (!room) return ack({ error: 'no open exercise has this code' });
      const roles = room.scenario.exercise!.roles.map((r) => r.id);
      const given = room.meta.devices[msg.device];
      const role = given ?? msg.role;
      const names = viewTexts(room.scenario, options.texts?.get(room.scenario.id), {
        role: '',
        time: 0,
        status: 'ready',
        injects: [],
        answers: [],
        messages: [],
      } as ParticipantView);
      if (!role) return ack({ roles, scenario: room.scenario.id, texts: names });
      if (!roles.includes(role)) return ack({ error: `no role "${role}"`, roles });
      if (!given) {
        room.meta = { ...room.meta, devices: { ...room.meta.devices, [msg.device]: role } };
        store.saveMeta(room.meta);
        io.to(`${room.meta.room}:control`).emit('devices', room.meta.devices);
      }
      for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
      joined = { room: room.meta.room, role, device: msg.device };
      void socket.join([participantRoom(room.meta.room, role), `${room.meta.room}:device:${msg.device}`]);
      ack({ role, roles, scenario: room.scenario.id, view: participantView(room, role) });
    });

    on('display.join', (msg, ack) => {
      const id = byCode.get(msg.code.toUpperCase());
      const room = id ? rooms.get(id) : undefined;
      if (!room) return ack({ error: 'no open exercise has this code' });
      void socket.join(`${room.meta.room}:display`);
      const id2 = room.meta.room;
      room.displays++;
      io.to(`${id2}:control`).emit('displays', room.displays);
      socket.once('disconnect', () => {
        const still = rooms.get(id2);
        if (!still) return;
        still.displays--;
        io.to(`${id2}:control`).emit('displays', still.displays);
      });
      ack({ scenario: room.scenario.id, view: buildProjectorView(room.scenario, room.exercise.state()) });
    });

    const mine = (): Room | string => {
      if (!joined) return 'join an exercise first';
      const room = rooms.get(joined.room);
      if (!room) return 'the exercise is closed';
      // why: the facilitator may have reassigned or removed this device since it joined.
      const role = room.meta.devices[joined.device];
      if (!role) return 'the facilitator removed this device';
      if (role !== joined.role) return 'the facilitator gave this device another role: join again';
      return room;
    };

    on('participant.answer', (msg, ack) => {
      const room = mine();
      if (typeof room === 'string') return ack({ error: room });
      const event: ExerciseEvent = {
        type: 'decision.recorded',
        role: joined!.role,
        ...(msg.step ? { step: msg.step } : {}),
        ...(msg.options?.length ? { options: msg.options } : {}),
        ...(msg.text ? { text: msg.text } : {}),
      };
      const why = accept(room, event, socket);
      ack(why ? { error: why } : { ok: true });
    });

    on('participant.message', (msg, ack) => {
      const room = mine();
      if (typeof room === 'string') return ack({ error: room });
      const why = accept(
        room,
        { type: 'message.sent', from: joined!.role, to: msg.to, text: msg.text },
        socket,
      );
      ack(why ? { error: why } : { ok: true });
    });
  });

  await new Promise<void>((done) => http.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    io,
    close: () =>
      new Promise<void>((done) => {
        io.close(() => done());
      }),
  };
}
