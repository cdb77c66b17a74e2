import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin, type ViteDevServer } from 'vite';
import { loadScenarioFolder } from './src/cli/scenario-files.ts';
import { formatDiagnostic } from './src/engine/scenario/diagnostic.ts';
import type { ScenarioBundle } from './src/engine/scenario/load-scenario.ts';
import { buildListing, stripSourceTexts } from './src/engine/scenario/scenario-listing.ts';
import { originsFrom } from './src/pwa/csp.ts';
import { cspMeta, offlineApp } from './src/pwa/vite-plugins.ts';

const SCENARIOS_DIR = resolve(import.meta.dirname, 'scenarios');
const LIST_ID = 'virtual:pocsim-scenarios';
const ONE_PREFIX = 'virtual:pocsim-scenario/';
const TEXTS_PREFIX = 'virtual:pocsim-scenario-texts/';
const LAZY_LANGUAGES = resolve(import.meta.dirname, 'src/ui/scenario-languages.ts');

// why: bundled scenarios are checked and compiled to JSON at build time, so the YAML parser and
// the zod schema never reach the trainee's first load. A broken scenario fails the build with
// file:line:col lines instead of shipping. The menu gets only titles and summaries; each
// scenario is its own lazy chunk, so the first load does not grow with the library.
function pocsimScenarios(): Plugin {
  // why: an LMS package (`pocsim package --scenarios ...`) carries only the scenarios it delivers.
  const packaged = process.env.POCSIM_SCENARIOS?.split(',').filter(Boolean);
  const folders = () =>
    readdirSync(SCENARIOS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && (!packaged || packaged.includes(d.name)))
      .map((d) => join(SCENARIOS_DIR, d.name))
      .sort();
  let library: { loaded: ScenarioBundle[]; problems: string[]; files: string[] } | undefined;
  const readLibrary = () => {
    const loaded: ScenarioBundle[] = [];
    const problems: string[] = [];
    const files: string[] = [];
    for (const folder of folders()) {
      for (const f of readdirSync(folder)) files.push(join(folder, f));
      // why: what the app ships is published: every text must be translated.
      const result = loadScenarioFolder(folder, undefined, { strict: true });
      problems.push(...result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
      if (result.bundle) loaded.push(result.bundle);
    }
    return { loaded, problems, files };
  };
  return {
    name: 'pocsim-scenarios',
    resolveId: (id) =>
      id === LIST_ID || id.startsWith(ONE_PREFIX) || id.startsWith(TEXTS_PREFIX) ? `\0${id}` : undefined,
    buildStart() {
      library = undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:pocsim-scenario')) return undefined;
      // why: one build asks for the listing and every scenario chunk; reading the folders once
      // per build instead of once per chunk saves seconds on every build.
      library ??= readLibrary();
      for (const file of library.files) this.addWatchFile(file);
      const { loaded, problems } = library;
      if (problems.length) this.error(`invalid scenarios:\n${problems.join('\n')}`);
      if (id === `\0${LIST_ID}`) {
        // why: a scenario is fetched as its structure plus the texts of the trainee's language, each
        // a chunk of its own (src/ui/scenario-languages.ts), so no one downloads a language unread.
        const entries = loaded.map((b) => {
          const one = (spec: string) => `() => import(${JSON.stringify(spec)}).then((m) => m.default)`;
          const texts = Object.keys(b.texts).map(
            (lang) => `${JSON.stringify(lang)}: ${one(`${TEXTS_PREFIX}${b.scenario.id}/${lang}`)}`,
          );
          return `{ ...${JSON.stringify(buildListing(b))}, load: lazyScenarioLoader({ structure: ${one(ONE_PREFIX + b.scenario.id)}, source: ${JSON.stringify(b.scenario.language)}, texts: { ${texts.join(', ')} } }) }`;
        });
        return `import { lazyScenarioLoader } from ${JSON.stringify(LAZY_LANGUAGES)};\nexport default [${entries.join(',\n')}];`;
      }
      if (id.startsWith(`\0${TEXTS_PREFIX}`)) {
        const [wanted, lang] = id.slice(`\0${TEXTS_PREFIX}`.length).split('/');
        const bundle = loaded.find((b) => b.scenario.id === wanted);
        const table = bundle?.texts[lang as keyof ScenarioBundle['texts']];
        if (!table) this.error(`no texts in "${lang}" for bundled scenario "${wanted}"`);
        return `export default ${JSON.stringify(table)};`;
      }
      const wanted = id.slice(`\0${ONE_PREFIX}`.length);
      const bundle = loaded.find((b) => b.scenario.id === wanted);
      if (!bundle) this.error(`no bundled scenario "${wanted}"`);
      return `export default ${JSON.stringify({ scenario: stripSourceTexts(bundle!).scenario, texts: {} })};`;
    },
    configureServer(server) {
      // why: a scenario folder added or removed while `npm start` runs must appear or go at once;
      // saves of known files already arrive through handleHotUpdate.
      const reload = (file: string) => {
        if (!file.startsWith(SCENARIOS_DIR)) return;
        library = undefined;
        reloadScenarios(server.moduleGraph, server.ws);
      };
      server.watcher.add(SCENARIOS_DIR);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(SCENARIOS_DIR)) return undefined;
      library = undefined;
      reloadScenarios(ctx.server.moduleGraph, ctx.server.ws);
      return [];
    },
  };
}

function reloadScenarios(graph: ViteDevServer['moduleGraph'], ws: ViteDevServer['ws']) {
  for (const mod of graph.idToModuleMap.values()) {
    if (mod.id?.startsWith('\0virtual:pocsim-scenario')) graph.invalidateModule(mod);
  }
  ws.send({ type: 'full-reload' });
}

export default defineConfig({
  base: './',
  // why: the service worker and the CSP apply to builds only (see src/pwa/vite-plugins.ts).
  // LMS HOOK: a build that reports to an LRS on another origin sets POCSIM_CONNECT_SRC to it.
  plugins: [
    pocsimScenarios(),
    offlineApp(),
    cspMeta({ connect: originsFrom(process.env.POCSIM_CONNECT_SRC) }),
  ],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // why: only the lazily loaded Phaser chunk passes 500 kB, and it is meant to (it is not tree-shaken).
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // why: Phaser (about 350 KB gzip) must stay out of the first load; the map imports it lazily.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});
