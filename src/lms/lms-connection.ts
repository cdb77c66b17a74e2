import type { UiLanguage } from '../i18n/i18n.ts';
import type { RunObserver } from '../progress/run-observer.ts';
import type { ResumeFrom } from '../ui/app.tsx';

/** Which LMS standard a package speaks. */
export type LmsKind = 'cmi5' | 'scorm12';

/**
 * Where the LMS link stands, for the bar the trainee sees:
 * recording (results go to the LMS), not-recording (a browse or review launch), failed (the LMS
 * could not be reached or refused us; the app still plays), ended (the session was closed).
 */
export type LmsState = (
  | { status: 'recording'; saveFailed?: string }
  | { status: 'not-recording'; mode: 'browse' | 'review' }
  | { status: 'failed'; problem: string }
  | { status: 'ended'; returning: boolean }
) &
  Waiting;

/**
 * What is kept on this computer until the LMS acknowledges it: `waiting` results (statements, or a
 * SCORM status and score) and whether saved progress is still on its way. Absent when nothing waits.
 */
export interface Waiting {
  waiting?: number;
  progressWaiting?: boolean;
}

/** A live link to the LMS that launched the app. */
export interface LmsConnection {
  kind: LmsKind;
  /** Follows the trainee's runs and reports them. */
  observer: RunObserver;
  /** The run saved in the LMS, to reopen where it stopped. */
  resume?: ResumeFrom;
  /** Why saved progress could not be reopened, when there was some. */
  resumeProblem?: string;
  /** The learner's language as the LMS knows it. */
  language?: UiLanguage;
  state(): LmsState;
  subscribe(listener: () => void): () => void;
  /**
   * Ends the LMS session: saves an unfinished run, reports the end (cmi5 `terminated`, SCORM
   * `LMSFinish`) and, for cmi5, returns to the LMS when it gave a return address. With `unloading`
   * the page is going away: requests are sent with keepalive and nothing navigates.
   */
  exit(options?: { unloading?: boolean }): Promise<void>;
  /** Resolves once everything reported so far has been acknowledged by the LMS. */
  delivered?(): Promise<void>;
}

/** A small observable holder of the LMS state. */
export function createLmsState(initial: LmsState) {
  let state = tidy(initial);
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: LmsState) {
      state = tidy(next);
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The UI language closest to a list of language tags (RFC 5646), if any matches. */
export function uiLanguageOf(tags: readonly string[]): UiLanguage | undefined {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'en' || primary === 'fr') return primary;
  }
  return undefined;
}

// why: "nothing waits" is the absence of the fields, so a bar and a test see one shape for it.
function tidy(s: LmsState): LmsState {
  const out = { ...s };
  if (!out.waiting) delete out.waiting;
  if (!out.progressWaiting) delete out.progressWaiting;
  return out;
}
