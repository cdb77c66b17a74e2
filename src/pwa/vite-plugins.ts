import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { type CspOptions, contentSecurityPolicy } from './csp.ts';
import { ICON_SVG } from './icon.ts';

// why: build-time plugins for a field-ready app: a service worker that keeps everything a trainee
// needs for offline use, and a strict Content-Security-Policy. Both apply to `vite build` (and so
// `vite preview`) only; `npm start` keeps Vite's dev client and hot reload.

/** File name of the manifest icon written into the build. */
const ICON_FILE = 'pocsim-icon.svg';
/** Largest file the service worker keeps; Phaser's chunk is about 1.3 MB, far over Workbox's 2 MB default after growth. */
const PRECACHE_LIMIT_BYTES = 5 * 1024 * 1024;

/** Writes the Content-Security-Policy into the built index.html as its first <meta> after the charset. */
export function cspMeta(options: CspOptions = {}): Plugin {
  const policy = contentSecurityPolicy(options);
  return {
    name: 'pocsim-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // why: right after the charset, so the policy covers every resource the page names.
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs a <meta charset> for the CSP to follow');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

/** The service worker and web manifest: everything the app loads is precached at the first visit. */
export function offlineApp(): PluginOption[] {
  const icon: Plugin = {
    name: 'pocsim-manifest-icon',
    apply: 'build',
    config: () => ({ define: { 'import.meta.env.POCSIM_SERVICE_WORKER': 'true' } }),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: ICON_FILE, source: ICON_SVG });
    },
  };
  return [
    icon,
    VitePWA({
      // why: the trainee decides when a new version takes over (see src/pwa/update-banner.tsx).
      registerType: 'prompt',
      // why: src/main.tsx registers the worker itself after the page loads, through a lazy chunk;
      // an injected inline script would break the CSP and one more script would grow the first load.
      injectRegister: false,
      strategies: 'generateSW',
      mode: 'production',
      includeManifestIcons: false,
      manifest: {
        name: 'pocsim: Protection of Civilians training',
        short_name: 'pocsim',
        description:
          'Scenario training for the Protection of Civilians in UN peacekeeping, scored against the POC Handbook.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f3f5f8',
        theme_color: '#0b2a45',
        icons: [{ src: ICON_FILE, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // why: the app shell, every scenario chunk, every lazily loaded screen (debrief, preview,
        // console), the lint worker, Phaser and every sound and voiced radio call.
        globPatterns: ['**/*.{html,js,css,svg,mp3,ogg,webmanifest}'],
        globIgnores: ['.vite/**'],
        maximumFileSizeToCacheInBytes: PRECACHE_LIMIT_BYTES,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        // why: nothing is fetched from another origin, so there is no runtime caching to configure.
        runtimeCaching: [],
      },
    }),
  ];
}
