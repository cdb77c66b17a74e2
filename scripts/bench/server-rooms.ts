// Networked exercises at scale: one server process hosting 50 rooms of 15 devices each (a control
// console, a projector and 13 participants across the nine roles), all on loopback. Measures how
// long a released inject takes to reach every device of its room (p50, p95) and the server's
// memory per room. The server runs in its own process (server-host.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';
import type { BenchSection } from './section.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const DEVICES = 15;
const ROLES = ['hom', 'dsrsg', 'fc', 'pc', 'hoo', 'poc-adviser', 'chief-joc', 'chief-jmac', 'spokesperson'];
const PUBLIC_INJECTS = ['ev-gate', 'ev-crisis-meeting', 'ev-first-report'];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function host(): Promise<{
  child: ChildProcess;
  port: number;
  mem(): Promise<{ heap: number; rss: number }>;
}> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'server-host.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<Record<string, number>>((done) => lines.once('line', (l) => done(JSON.parse(l))));
  const { port } = await next();
  return {
    child,
    port: port!,
    async mem() {
      child.stdin!.write('gc\n');
      const m = await next();
      return { heap: m.heap!, rss: m.rss! };
    },
  };
}

export async function run(): Promise<BenchSection> {
  const server = await host();
  const url = `http://127.0.0.1:${server.port}`;
  const sockets: Socket[] = [];
  const open = () => {
    const s = connect(url, { transports: ['websocket'], forceNew: true });
    sockets.push(s);
    return s;
  };
  const before = await server.mem();
  const rooms: { id: string; key: string; control: Socket; devices: Socket[] }[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const control = open();
    const room = (await control.emitWithAck('room.open', { scenario: 'ttx-leadership-tessako' })) as Record<
      string,
      string
    >;
    await control.emitWithAck('control.event', {
      room: room.room,
      key: room.key,
      seq: 0,
      event: { type: 'exercise.started' },
    });
    const devices: Socket[] = [];
    const display = open();
    await display.emitWithAck('display.join', { code: room.code });
    devices.push(display);
    for (let d = 0; d < DEVICES - 2; d++) {
      const s = open();
      await s.emitWithAck('device.join', {
        code: room.code,
        device: `bench-${r}-${d}-device`,
        role: ROLES[d % ROLES.length],
      });
      devices.push(s);
    }
    rooms.push({ id: room.room!, key: room.key!, control, devices });
  }
  const after = await server.mem();
  const latencies: number[] = [];
  for (const [round, inject] of PUBLIC_INJECTS.entries()) {
    await Promise.all(
      rooms.map(async (room) => {
        const started = performance.now();
        const arrived = room.devices.map(
          (s, i) =>
            new Promise<void>((done) =>
              s.once(i === 0 ? 'projector' : 'view', () => {
                latencies.push(performance.now() - started);
                done();
              }),
            ),
        );
        await room.control.emitWithAck('control.event', {
          room: room.id,
          key: room.key,
          seq: 1 + round,
          event: { type: 'inject.released', inject },
        });
        await Promise.all(arrived);
      }),
    );
  }
  for (const s of sockets) s.close();
  server.child.kill();
  const perRoomKiB = (after.heap - before.heap) / ROOMS / 1024;
  return {
    title: `Exercise server: ${ROOMS} rooms x ${DEVICES} devices in one process, loopback`,
    rows: [
      {
        metric: 'inject fan-out to every device of its room, median',
        value: Math.round(percentile(latencies, 50)),
        unit: 'ms',
      },
      {
        metric: 'inject fan-out, 95th percentile (all rooms releasing at once)',
        value: Math.round(percentile(latencies, 95)),
        unit: 'ms',
        budget: '< 1000 ms',
        ok: percentile(latencies, 95) < 1000,
      },
      { metric: 'server heap per room (15 devices connected)', value: Math.round(perRoomKiB), unit: 'KiB' },
      {
        metric: 'server resident memory, all rooms',
        value: Math.round(after.rss / 1024 / 1024),
        unit: 'MiB',
      },
    ],
    details: { deliveries: latencies.length },
  };
}
