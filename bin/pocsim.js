#!/usr/bin/env node
// why: the CLI is written in TypeScript; tsx (a runtime dependency) loads it without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCliAsync } = await import('../src/cli/main.ts');
const result = await runCliAsync(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
