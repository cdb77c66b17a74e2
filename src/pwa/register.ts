import { Workbox } from 'workbox-window';
import type { UpdateNoticeControl } from './update-notice.ts';

/**
 * Registers the service worker that keeps the app, the scenarios, the audio and the map for offline
 * use, and offers a waiting new version through the notice.
 * why: loaded after the page has loaded, so neither workbox-window nor the registration weighs on
 * the first load; the new version takes over only when the trainee asks for it.
 */
export function registerServiceWorker(notice: UpdateNoticeControl, url = './sw.js'): void {
  const wb = new Workbox(url, { scope: './' });
  wb.addEventListener('waiting', () => {
    notice.offer(() => {
      // why: workbox-window reports 'controlling' only for a worker it registered itself, not for
      // one found by a later update check, so the page listens to the browser's own event.
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      wb.messageSkipWaiting();
    });
  });
  wb.register().catch(() => undefined);
}
