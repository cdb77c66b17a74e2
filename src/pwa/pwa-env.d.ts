// why: src/pwa/vite-plugins.ts defines this as true in `vite build` only, so the service worker is
// registered by built apps (and the end-to-end tests' builds, whose NODE_ENV is "test") and never by
// `npm start`.
interface ImportMetaEnv {
  /** Whether this build ships the service worker (sw.js). */
  readonly POCSIM_SERVICE_WORKER?: boolean;
}
