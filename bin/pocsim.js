#!/usr/bin/env node
// why: the CLI is written in TypeScript; tsx (a runtime dependency) loads it without a build step.
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const { runCli } = await import('../src/cli/main.ts');
const { serveCommand } = await import('../src/cli/serve-command.ts');
const result = argv[0] === 'serve' ? await serveCommand(argv.slice(1)) : runCli(argv);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
