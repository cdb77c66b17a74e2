import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { loadScenarioFolder } from './src/cli/scenario-files';
import { formatDiagnostic } from './src/engine/scenario/diagnostic';

const SCENARIOS_DIR = resolve(import.meta.dirname, 'scenarios');
const VIRTUAL_ID = 'virtual:pocsim-scenarios';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

// why: bundled scenarios are checked and compiled to JSON at build time, so the YAML parser and
// the zod schema never reach the trainee's first load. A broken scenario fails the build with
// file:line:col lines instead of shipping.
function pocsimScenarios(): Plugin {
  return {
    name: 'pocsim-scenarios',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const folders = readdirSync(SCENARIOS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(SCENARIOS_DIR, d.name))
        .sort();
      const bundles = [];
      const problems: string[] = [];
      for (const folder of folders) {
        this.addWatchFile(join(folder, 'scenario.yaml'));
        for (const f of readdirSync(folder)) this.addWatchFile(join(folder, f));
        const result = loadScenarioFolder(folder);
        problems.push(...result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
        if (result.bundle) bundles.push(result.bundle);
      }
      if (problems.length) this.error(`invalid scenarios:\n${problems.join('\n')}`);
      return `export default ${JSON.stringify(bundles)};`;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(SCENARIOS_DIR)) return undefined;
      const mod = ctx.server.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [pocsimScenarios()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      output: {
        // why: Phaser (about 350 KB gzip) must stay out of the first load; the map imports it lazily.
        advancedChunks: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});
