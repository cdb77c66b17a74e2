import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { RunEvent } from '../engine/run/run-state.ts';
import { isTimeLimitSetting } from '../engine/run/time-limits.ts';

// why: SCORM 1.2 keeps at most 4,096 characters of `cmi.suspend_data`, so a run travels as its log
// in a compact form: a tick is its number of seconds, "continue" is 0, a decision is its option ids
// joined by "+". The JSON of that is deflated and written in base64 (plain ASCII, which every LMS
// stores unchanged) behind a tag that carries the format version.

/** Most characters SCORM 1.2 keeps in `cmi.suspend_data`. */
export const SUSPEND_DATA_LIMIT = 4096;
/** Format version written by this build; older tags are refused with a message. */
export const SUSPEND_FORMAT_VERSION = 1;
const TAG = `pocsim${SUSPEND_FORMAT_VERSION}:`;

/** A run saved for resuming inside an LMS. */
export interface SuspendedRun {
  scenario: { id: string; version: string };
  /** The run session id (stable across reloads). */
  id: string;
  /** When the run was first started (ISO 8601). */
  startedAt: string;
  log: readonly RunEvent[];
}

type CompactEvent = number | string;

/** Encodes a run as `cmi.suspend_data` text: ASCII, deflated, usually a few hundred characters. */
export function encodeSuspendData(run: SuspendedRun): string {
  const started = Date.parse(run.startedAt);
  const compact = [
    run.scenario.id,
    run.scenario.version,
    run.id,
    Number.isFinite(started) ? Math.round(started / 1000) : 0,
    run.log.map(compactEvent),
  ];
  return TAG + toBase64(deflateSync(strToU8(JSON.stringify(compact)), { level: 9 }));
}

function compactEvent(e: RunEvent): CompactEvent {
  if (e.type === 'clock.ticked') return e.seconds;
  if (e.type === 'step.continued') return 0;
  // why: option ids never start with "~", so the run's time-limit setting cannot be read as a choice.
  if (e.type === 'run.configured') return `~${e.timeLimits}`;
  return e.optionIds.join('+');
}

/** What reading suspend data gives: the run, nothing saved, or why it could not be read. */
export type SuspendReadResult =
  | { ok: true; run: SuspendedRun }
  | { ok: false; empty: true }
  | { ok: false; empty: false; problem: string };

/** Reads `cmi.suspend_data` written by `encodeSuspendData`; never throws. */
export function decodeSuspendData(text: string): SuspendReadResult {
  if (!text.trim()) return { ok: false, empty: true };
  const bad = (problem: string): SuspendReadResult => ({ ok: false, empty: false, problem });
  const tag = /^pocsim(\d+):/.exec(text);
  if (!tag) return bad('not progress saved by pocsim');
  if (Number(tag[1]) !== SUSPEND_FORMAT_VERSION)
    return bad(
      `saved by another pocsim version (format ${tag[1]}; this one reads ${SUSPEND_FORMAT_VERSION})`,
    );
  // why: the LMS keeps 4,096 characters; anything far longer was not written by us.
  if (text.length > SUSPEND_DATA_LIMIT * 2) return bad('saved progress is too long');
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflateSync(fromBase64(text.slice(tag[0].length)))));
  } catch {
    return bad('saved progress is damaged');
  }
  if (!Array.isArray(data) || data.length !== 5) return bad('saved progress has an unknown shape');
  const [id, version, session, started, events] = data as unknown[];
  if (typeof id !== 'string' || typeof version !== 'string' || typeof session !== 'string')
    return bad('saved progress names no scenario');
  if (typeof started !== 'number' || !Number.isFinite(started) || !Array.isArray(events))
    return bad('saved progress has an unknown shape');
  const log: RunEvent[] = [];
  for (const e of events as unknown[]) {
    const event = expandEvent(e);
    if (!event) return bad(`saved progress has an unreadable event at position ${log.length + 1}`);
    log.push(event);
  }
  return {
    ok: true,
    run: {
      scenario: { id, version },
      id: session,
      startedAt: new Date(started * 1000).toISOString(),
      log,
    },
  };
}

function expandEvent(e: unknown): RunEvent | null {
  if (e === 0) return { type: 'step.continued' };
  if (typeof e === 'number') return Number.isFinite(e) && e > 0 ? { type: 'clock.ticked', seconds: e } : null;
  if (typeof e === 'string' && e.startsWith('~')) {
    const timeLimits = e.slice(1);
    return isTimeLimitSetting(timeLimits) ? { type: 'run.configured', timeLimits } : null;
  }
  if (typeof e === 'string') return { type: 'decision.chosen', optionIds: e ? e.split('+') : [] };
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
