import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { foldExercise } from '../../src/engine/exercise/exercise-log.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';
import { type ExerciseServer, startExerciseServer } from '../../src/server/exercise-server.ts';

const BUNDLE = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle!;
const TTX = BUNDLE.scenario;
const scenarios = new Map<string, Scenario>([[TTX.id, TTX]]);
const texts = new Map([[TTX.id, BUNDLE.texts]]);
const open: { servers: ExerciseServer[]; sockets: Socket[] } = { servers: [], sockets: [] };

afterEach(async () => {
  for (const s of open.sockets.splice(0)) s.close();
  for (const s of open.servers.splice(0)) await s.close();
});

async function serve(dataDir: string) {
  const server = await startExerciseServer({ dataDir, scenarios, texts });
  open.servers.push(server);
  return server;
}

/** A socket.io client that records every packet its connection receives. */
function device(url: string) {
  const socket = connect(url, { transports: ['websocket'], forceNew: true });
  const frames: string[] = [];
  socket.io.on('packet', (p) => frames.push(JSON.stringify(p)));
  socket.on('connect', () => socket.io.engine.on('packet', (p) => frames.push(JSON.stringify(p))));
  open.sockets.push(socket);
  const ask = (name: string, msg: unknown) =>
    socket.timeout(5_000).emitWithAck(name, msg) as Promise<Record<string, any>>;
  return { socket, frames, ask };
}

const DEVICE_HOM = 'device-hom-0001';
const DEVICE_JMAC = 'device-jmac-0001';

describe('the exercise server', () => {
  it('keeps role-only injects to their roles, records answers against expected actions, and survives a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'pocsim-serve-'));
    let server = await serve(data);
    const control = device(server.url);
    const room = await control.ask('room.open', { scenario: TTX.id });
    expect(room.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(room.key.length).toBeGreaterThan(20);
    let seq = 0;
    const send = async (event: unknown) => {
      const r = await control.ask('control.event', { room: room.room, key: room.key, seq, event });
      expect(r, JSON.stringify(event)).toMatchObject({ ok: true });
      seq = r.seq;
    };
    expect(await control.ask('control.attach', { room: room.room, key: room.key })).toMatchObject({
      log: [],
    });

    const hom = device(server.url);
    const jmac = device(server.url);
    const choose = await hom.ask('device.join', { code: room.code.toLowerCase(), device: DEVICE_HOM });
    expect(choose.roles).toContain('hom');
    expect((await hom.ask('device.join', { code: room.code, device: DEVICE_HOM, role: 'hom' })).role).toBe(
      'hom',
    );
    expect(
      (await jmac.ask('device.join', { code: room.code, device: DEVICE_JMAC, role: 'chief-jmac' })).role,
    ).toBe('chief-jmac');

    await send({ type: 'exercise.started' });
    await send({ type: 'note.recorded', role: 'hom', text: 'FACILITATOR-ONLY observation about the HoM' });
    await send({ type: 'clock.ticked', seconds: 40 * 60 });

    // the HoM's device holds its own inject and the decision it puts to the HoM, not the JMAC's
    const homView = (await hom.ask('device.join', { code: room.code, device: DEVICE_HOM })).view;
    const homInjects = homView.injects.map((i: { inject: string }) => i.inject);
    expect(homInjects).toContain('ev-cos-call');
    expect(homInjects).toContain('ev-first-report'); // public: on the projector too
    expect(homInjects).not.toContain('ev-m9-intent');
    // the view carries the words of what it shows, in both languages, and no other role's
    expect(homView.texts.en['msel.ev-cos-call.title']).toBe(BUNDLE.texts.en!['msel.ev-cos-call.title']);
    expect(homView.texts.fr['msel.ev-cos-call.title']).toBe(BUNDLE.texts.fr!['msel.ev-cos-call.title']);
    expect(JSON.stringify(homView.texts)).not.toContain('ev-m9-intent');
    expect(JSON.stringify(homView.texts)).not.toContain(BUNDLE.texts.en!['msel.ev-m9-intent.text']);
    const call = homView.injects.find((i: { inject: string }) => i.inject === 'ev-cos-call');
    expect(call).toMatchObject({ step: 'alarm', options: expect.arrayContaining(['alarm-convene']) });

    // the HoM answers from the device: the console sees it at once, attributed, ticking act-convene
    const seen = new Promise<Record<string, any>>((done) => control.socket.once('log', done));
    expect(await hom.ask('participant.answer', { step: 'alarm', options: ['alarm-convene'] })).toEqual({
      ok: true,
    });
    expect((await seen).event).toEqual({
      type: 'decision.recorded',
      role: 'hom',
      step: 'alarm',
      options: ['alarm-convene'],
    });
    seq++;
    // a message from the JMAC to the HoM reaches the HoM only
    expect(await jmac.ask('participant.message', { to: 'hom', text: 'M9 columns seen at Wara' })).toEqual({
      ok: true,
    });
    seq++;
    // bad input changes nothing and says why
    expect(
      (await hom.ask('participant.answer', { step: 'alarm', options: ['not-an-option'] })).error,
    ).toMatch(/no option "not-an-option"/);
    expect((await hom.ask('participant.answer', { role: 'fc', text: 'x' })).error).toMatch(
      /bad participant\.answer/,
    );
    expect(
      (
        await hom.ask('control.event', {
          room: room.room,
          key: 'x'.repeat(30),
          seq,
          event: { type: 'exercise.ended' },
        })
      ).error,
    ).toBe('the facilitator key does not match');

    await new Promise((r) => setTimeout(r, 200));
    const homFrames = hom.frames.join('\n');
    const jmacFrames = jmac.frames.join('\n');
    // frame audit: what each device received
    expect(homFrames).toContain('ev-cos-call');
    expect(homFrames).toContain('M9 columns seen at Wara');
    for (const frames of [homFrames, jmacFrames]) {
      expect(frames).not.toContain('FACILITATOR-ONLY');
      expect(frames).not.toMatch(/act-[a-z]/); // expected actions
      expect(frames).not.toMatch(/\b1[0-5]\.\d-(do|dont)-\d/); // doctrine answers
      expect(frames).not.toMatch(/follows|breaks|satisfiedBy|ratings|notes/);
    }
    expect(homFrames).not.toContain('ev-m9-intent');
    expect(jmacFrames).toContain('ev-m9-intent');
    expect(jmacFrames).not.toContain('ev-cos-call');

    const before = foldExercise(
      TTX,
      (await control.ask('control.attach', { room: room.room, key: room.key })).log,
    );
    expect(before.actions.map((a) => a.action)).toContain('act-convene');

    // restart: the room, its log and its devices come back from disk
    for (const s of open.sockets.splice(0)) s.close();
    await open.servers.pop()!.close();
    server = await serve(data);
    const again = device(server.url);
    const attached = await again.ask('control.attach', { room: room.room, key: room.key });
    expect(attached.log).toHaveLength(seq);
    expect(foldExercise(TTX, attached.log)).toEqual(before);
    const back = device(server.url);
    const rejoined = await back.ask('device.join', { code: room.code, device: DEVICE_HOM });
    expect(rejoined.role).toBe('hom');
    expect(rejoined.view.answers).toHaveLength(1);
    expect(rejoined.view.messages.map((m: { text: string }) => m.text)).toEqual(['M9 columns seen at Wara']);
  }, 60_000);

  it("moves or removes a device at the facilitator's word and refuses a resent event twice", async () => {
    const server = await serve(mkdtempSync(join(tmpdir(), 'pocsim-serve-')));
    const control = device(server.url);
    const room = await control.ask('room.open', { scenario: TTX.id });
    const ev = (seq: number, event: unknown) =>
      control.ask('control.event', { room: room.room, key: room.key, seq, event });
    expect(await ev(0, { type: 'exercise.started' })).toMatchObject({ ok: true, seq: 1 });
    expect(await ev(0, { type: 'exercise.started' })).toMatchObject({ ok: true, seq: 1, duplicate: true });
    expect((await ev(5, { type: 'exercise.paused' })).error).toMatch(/out of order/);
    const phone = device(server.url);
    await phone.ask('device.join', { code: room.code, device: 'phone-000001', role: 'fc' });
    const moved = new Promise((done) => phone.socket.once('assigned', done));
    expect(
      await control.ask('control.assign', {
        room: room.room,
        key: room.key,
        device: 'phone-000001',
        role: 'pc',
      }),
    ).toEqual({ ok: true });
    expect(await moved).toEqual({ role: 'pc' });
    expect((await phone.ask('participant.message', { to: 'hom', text: 'hello' })).error).toMatch(
      /another role/,
    );
    expect((await phone.ask('device.join', { code: room.code, device: 'phone-000001' })).role).toBe('pc');
    await control.ask('control.assign', {
      room: room.room,
      key: room.key,
      device: 'phone-000001',
      role: null,
    });
    expect((await phone.ask('participant.message', { to: 'hom', text: 'hello' })).error).toMatch(
      /removed this device/,
    );
    expect(
      (await device(server.url).ask('device.join', { code: 'NOPE1234', device: 'x-00000001' })).error,
    ).toMatch(/no open exercise/);
  }, 30_000);
});
