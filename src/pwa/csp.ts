// why: the page runs scenario files a trainer wrote and keeps a trainee's runs; a strict policy
// means no injected script can run and no data can leave for another origin. The policy is set at
// build time as a <meta> tag (vite.config.ts), so `npm start` keeps Vite's inline dev client.

/** Choices a build may make about the policy. */
export interface CspOptions {
  /**
   * Origins the page may send requests to besides its own.
   * LMS HOOK: an LMS or xAPI build that reports to an LRS on another origin adds that origin here
   * (vite.config.ts passes POCSIM_CONNECT_SRC, space-separated, for example
   * `POCSIM_CONNECT_SRC=https://lrs.example.org npm run build`). Nothing else may widen the policy.
   */
  connect?: readonly string[];
}

/**
 * The Content-Security-Policy of the built app.
 * - script-src 'self': no inline script and no eval (Preact, XState, Phaser 4 and Workbox need neither).
 * - style-src 'self': no inline <style> or style="" markup. Preact sets the few dynamic widths
 *   (gauges, countdown, score bars) through the CSSOM (element.style), which CSP does not restrict,
 *   so 'unsafe-inline' is not needed.
 * - img-src data: blob: Phaser creates its default textures from data: URLs; the favicon is a data: URL.
 * - media-src data: blob: howler unlocks HTML5 audio with a short data: URL sound.
 * - worker-src 'self': the trainer preview's lint worker and the service worker are files of the app.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connect ?? []).map(checkOrigin)];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': connect,
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Origins from a space-separated list (an environment variable), each checked. */
export function originsFrom(list: string | undefined): string[] {
  return (list ?? '').split(/\s+/).filter(Boolean).map(checkOrigin);
}

function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(
      `CSP connect origin "${origin}" is not a URL (expected for example https://lrs.example.org)`,
    );
  }
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')
    throw new Error(`CSP connect origin "${origin}" must use https`);
  return url.origin;
}
