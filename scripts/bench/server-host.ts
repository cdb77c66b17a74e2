// The exercise server in its own process for the server-rooms benchmark: prints its port, then
// answers "mem" on stdin with its heap and RSS, so room memory is not mixed with the clients'.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFolder } from '../../src/cli/scenario-files.ts';
import { startExerciseServer } from '../../src/server/exercise-server.ts';

const scenario = loadScenarioFolder(
  join(import.meta.dirname, '..', '..', 'scenarios', 'ttx-leadership-tessako'),
).bundle!.scenario;
const server = await startExerciseServer({
  dataDir: mkdtempSync(join(tmpdir(), 'pocsim-bench-rooms-')),
  scenarios: new Map([[scenario.id, scenario]]),
  ratePerSecond: 1_000,
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.stdin.on('data', (d) => {
  if (String(d).trim() === 'gc' && global.gc) global.gc();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ heap: m.heapUsed, rss: m.rss })}\n`);
});
