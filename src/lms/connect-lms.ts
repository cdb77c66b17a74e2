import { registerStrings } from '../i18n/i18n.ts';
import en from '../i18n/locales/lms/en.json';
import fr from '../i18n/locales/lms/fr.json';
import { connectCmi5 } from './cmi5-adapter.ts';
import type { LmsLaunch } from './detect-lms.ts';
import { createLmsState, type LmsConnection } from './lms-connection.ts';
import { connectScorm12 } from './scorm12-adapter.ts';

export { LmsBar } from './lms-bar.tsx';

/**
 * Connects to the LMS that launched the app, for the scenario it launched, and ends the LMS session
 * when the page goes away (a closed tab or window still reports `terminated` / `LMSFinish`).
 */
export async function connectLms(
  found: LmsLaunch,
  scenario: { id: string; version: string },
  win: Window,
): Promise<LmsConnection> {
  registerStrings({ en, fr });
  let connection: LmsConnection;
  if (found.kind === 'scorm12') connection = connectScorm12({ api: found.api, scenario });
  else if ('problem' in found) {
    const failed = createLmsState({ status: 'failed', problem: found.problem });
    connection = {
      kind: 'cmi5',
      observer: {},
      state: failed.get,
      subscribe: failed.subscribe,
      exit: async () => {},
    };
  } else
    connection = await connectCmi5({
      launch: found.launch,
      scenario,
      fetch: win.fetch.bind(win),
      tokenStore: safeSessionStorage(win),
      navigate: (url) => win.location.assign(url),
    });
  win.addEventListener('pagehide', () => void connection.exit({ unloading: true }));
  return connection;
}

function safeSessionStorage(win: Window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}
