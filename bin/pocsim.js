#!/usr/bin/env node
import { existsSync } from 'node:fs';

// why: in a source checkout the CLI runs from its TypeScript through tsx (a dev dependency), so it
// is never stale; an installed package has no src/ and runs the one-file build in dist-cli/,
// which needs nothing else at run time.
const source = new URL('../src/cli/main.ts', import.meta.url);
let runCliAsync;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCliAsync } = await import(source.href));
} else {
  ({ runCliAsync } = await import(new URL('../dist-cli/pocsim.js', import.meta.url).href));
}
const result = await runCliAsync(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
