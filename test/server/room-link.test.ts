import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { createExercise } from '../../src/engine/exercise/exercise-log.ts';
import type { Scenario } from '../../src/engine/scenario/scenario.schema.ts';
import { type ExerciseServer, startExerciseServer } from '../../src/server/exercise-server.ts';
import { type LinkStatus, RoomLink, type RoomRecord } from '../../src/ui/room/room-link.ts';

const TTX = loadScenarioFolder('scenarios/ttx-leadership-tessako').bundle!.scenario;
const scenarios = new Map<string, Scenario>([[TTX.id, TTX]]);
const open: { servers: ExerciseServer[]; sockets: Socket[]; links: RoomLink[] } = {
  servers: [],
  sockets: [],
  links: [],
};

afterEach(async () => {
  for (const l of open.links.splice(0)) l.stop();
  for (const s of open.sockets.splice(0)) s.close();
  for (const s of open.servers.splice(0)) await s.close();
});

function socket(url: string) {
  const s = connect(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50 });
  open.sockets.push(s);
  return s;
}
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe("the console's link to its room", () => {
  it('sends what the console did alone, takes in devices answers in the room order, and survives a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'pocsim-link-'));
    let server = await startExerciseServer({ dataDir: data, scenarios });
    open.servers.push(server);
    const opener = socket(server.url);
    const room = (await opener.timeout(5_000).emitWithAck('room.open', { scenario: TTX.id })) as {
      room: string;
      code: string;
      key: string;
    };

    // the console ran alone before the room was opened
    const exercise = createExercise(TTX);
    exercise.send({ type: 'exercise.started' });
    exercise.send({ type: 'inject.released', inject: 'ev-cos-call' });
    const record: RoomRecord = { ...room, addresses: [], count: 0, cseq: 0, pending: [], localLen: 0 };
    let status: LinkStatus | null = null;
    const port = server.port;
    const link = new RoomLink(
      exercise,
      socket(server.url),
      record,
      () => undefined,
      (s) => {
        status = s;
      },
    );
    open.links.push(link);
    await until(() => status?.state === 'online' && record.pending.length === 0, 'the first sync');
    expect(record.count).toBe(2);

    // a device answers: the console's log takes it, and the expected action is ticked
    const phone = socket(server.url);
    await phone
      .timeout(5_000)
      .emitWithAck('device.join', { code: room.code, device: 'phone-0001', role: 'hom' });
    await phone
      .timeout(5_000)
      .emitWithAck('participant.answer', { step: 'alarm', options: ['alarm-convene'] });
    await until(() => exercise.state().decisions.length === 1, 'the answer');
    expect(exercise.state().actions.map((a) => a.action)).toContain('act-convene');

    // the server goes away: the console goes on alone, then catches up on a new server process
    for (const s of open.servers.splice(0)) await s.close();
    await until(() => status?.state === 'offline', 'the drop');
    exercise.send({ type: 'note.recorded', role: 'hom', text: 'Convened within the minute' });
    exercise.send({ type: 'clock.ticked', seconds: 60 });
    exercise.send({ type: 'clock.ticked', seconds: 60 });
    expect(record.pending.length).toBe(2); // the two ticks wait as one
    server = await startExerciseServer({ dataDir: data, scenarios, port });
    open.servers.push(server);
    await until(() => status?.state === 'online' && record.pending.length === 0, 'the catch-up');

    const check = socket(server.url);
    const attached = (await check
      .timeout(5_000)
      .emitWithAck('control.attach', { room: room.room, key: room.key })) as { log: unknown[] };
    // the room's log and the console's are the same, each event once
    expect(attached.log).toEqual(exercise.log);
    expect(exercise.state().time).toBe(120);
    expect(exercise.state().decisions).toHaveLength(1);
  }, 30_000);
});
