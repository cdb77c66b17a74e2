import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { Scenario } from '../engine/scenario/scenario.schema.ts';
import { startExerciseServer } from '../server/exercise-server.ts';
import { findScenarioFolders, loadScenarioFolder } from './scenario-files.ts';

/** Usage lines of the serve command, for the CLI help. */
export const SERVE_USAGE = `  pocsim serve [--port 8080] [--host 0.0.0.0] [--data <folder>] [--scenarios <dir>] [--app <dir>]
                                   host networked exercises on this laptop: the built app (npm run
                                   build) and exercise rooms each role joins from its own device;
                                   rooms are kept in --data (default pocsim-data) and resume after a restart
`;

/** Starts the exercise server and keeps it running; prints where devices can reach it. */
export async function serveCommand(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: 'pocsim-data' },
      scenarios: { type: 'string', default: 'scenarios' },
      app: { type: 'string', default: 'dist' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return { code: 2, stdout: '', stderr: `--port must be a port number, not "${values.port}"\n` };
  const scenarios = new Map<string, Scenario>();
  const texts = new Map<string, ScenarioBundle['texts']>();
  const problems: string[] = [];
  for (const folder of findScenarioFolders([resolve(cwd, values.scenarios)])) {
    const loaded = loadScenarioFolder(folder, cwd, { strict: true });
    if (loaded.bundle?.scenario.exercise) {
      scenarios.set(loaded.bundle.scenario.id, loaded.bundle.scenario);
      texts.set(loaded.bundle.scenario.id, loaded.bundle.texts);
    } else if (!loaded.bundle) problems.push(`${folder}: does not validate (pocsim validate ${folder})`);
  }
  if (!scenarios.size)
    return {
      code: 1,
      stdout: '',
      stderr: `no exercise scenario in ${values.scenarios}\n${problems.join('\n')}\n`,
    };
  const appDir = resolve(cwd, values.app);
  const lanAddresses = () =>
    values.host === '0.0.0.0'
      ? Object.values(networkInterfaces())
          .flat()
          .filter((a) => a && a.family === 'IPv4' && !a.internal)
          .map((a) => `http://${a!.address}:${server.port}/`)
      : [];
  const server = await startExerciseServer({
    addresses: lanAddresses,
    port,
    host: values.host,
    dataDir: resolve(cwd, values.data),
    scenarios,
    texts,
    appDir: existsSync(join(appDir, 'index.html')) ? appDir : undefined,
  });
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${server.port}/`);
  const lines = [
    `pocsim exercise server on port ${server.port}: ${[...scenarios.keys()].join(', ')}`,
    values.host === '0.0.0.0'
      ? `open on this laptop: http://127.0.0.1:${server.port}/#console`
      : `open: ${server.url}/#console`,
    ...(values.host === '0.0.0.0' && lan.length ? [`devices on the same network: ${lan.join('  ')}`] : []),
    existsSync(join(appDir, 'index.html')) ? '' : `no built app in ${values.app}: run npm run build first`,
    'stop with Ctrl+C; rooms stay in the data folder and resume at the next start',
  ].filter(Boolean);
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { code: 0, stdout: '', stderr: '' };
}
