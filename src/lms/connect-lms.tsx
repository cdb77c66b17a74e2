import type { ComponentChildren } from 'preact';
import { registerStrings, type UiLanguage } from '../i18n/i18n.ts';
import en from '../i18n/locales/lms/en.json';
import fr from '../i18n/locales/lms/fr.json';
import type { RunObserver } from '../progress/run-observer.ts';
import type { ResumeFrom, ScenarioEntry } from '../ui/app.tsx';
import { connectCmi5 } from './cmi5-adapter.ts';
import type { LmsLaunch } from './detect-lms.ts';
import { LmsBar } from './lms-bar.tsx';
import { createLmsState, type LmsConnection } from './lms-connection.ts';
import { connectScorm12 } from './scorm12-adapter.ts';

/** What an LMS launch changes in the app: one scenario, its reporting, and the bar above the screens. */
export interface LmsAppProps {
  /** Only the launched scenario: an AU or SCO is one scenario, and its results are that scenario's. */
  scenarios: readonly ScenarioEntry[];
  observers: RunObserver[];
  launch: { scenario: string; resume?: ResumeFrom };
  banner: ComponentChildren;
  /** The learner's language as the LMS knows it. */
  language?: UiLanguage;
}

/**
 * Connects to the LMS that launched the app for the scenario its launch address names
 * (`?scenario=<id>`, else the package's only or first scenario).
 */
export async function startLms(
  found: LmsLaunch,
  entries: readonly ScenarioEntry[],
  win: Window,
): Promise<LmsAppProps> {
  const asked = new URLSearchParams(win.location.search).get('scenario');
  const entry = entries.find((e) => e.id === asked) ?? entries[0];
  if (!entry) throw new Error('the package carries no scenario');
  const connection = await connectLms(found, { id: entry.id, version: entry.version }, win);
  return {
    scenarios: [entry],
    observers: [connection.observer],
    launch: { scenario: entry.id, ...(connection.resume ? { resume: connection.resume } : {}) },
    banner: <LmsBar connection={connection} />,
    ...(connection.language ? { language: connection.language } : {}),
  };
}

/**
 * Connects to the LMS for one scenario, and ends the LMS session when the page goes away (a closed
 * tab or window still reports `terminated` / `LMSFinish`).
 */
export async function connectLms(
  found: LmsLaunch,
  scenario: { id: string; version: string },
  win: Window,
): Promise<LmsConnection> {
  registerStrings({ en, fr });
  let connection: LmsConnection;
  if (found.kind === 'scorm12')
    connection = connectScorm12({ api: found.api, scenario, store: safeStorage(win, 'localStorage') });
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
      tokenStore: safeStorage(win, 'sessionStorage'),
      outboxStore: safeStorage(win, 'localStorage'),
      navigate: (url) => win.location.assign(url),
    });
  win.addEventListener('pagehide', () => void connection.exit({ unloading: true }));
  return connection;
}

function safeStorage(win: Window, which: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return win[which];
  } catch {
    return undefined;
  }
}
