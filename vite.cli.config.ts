import { defineConfig } from 'vite';

// why: people who only run the command line (trainers reporting runs, authors validating
// scenarios) should not install TypeScript, tsx or the app's browser libraries. The CLI is built
// into one plain JavaScript file with everything it uses inside, so the published package needs
// no dependencies at run time. `npm pack` builds it (prepack); see docs/performance.md.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      // why: `package` builds the app with Vite, which only a source checkout has (see README)
      external: [/^node:/, 'vite'],
      output: { entryFileNames: 'pocsim.js', format: 'es' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
