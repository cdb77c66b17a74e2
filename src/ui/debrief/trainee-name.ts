import type { KeyValueStorage } from '../../progress/settings.ts';

const NAME_KEY = 'pocsim.traineeName';
/** Longest name kept; a run file holds at most 200 characters. */
export const MAX_TRAINEE_NAME = 200;

/** The name the trainee gave for their trainer, or '' when none is kept. */
export function readTraineeName(storage: KeyValueStorage | undefined): string {
  try {
    const value = storage?.getItem(NAME_KEY);
    return typeof value === 'string' ? value.slice(0, MAX_TRAINEE_NAME) : '';
  } catch {
    return '';
  }
}

/** Keeps the trainee's name on this device; storage that refuses is ignored, as the name is a convenience. */
export function writeTraineeName(storage: KeyValueStorage | undefined, name: string): void {
  try {
    storage?.setItem(NAME_KEY, name.slice(0, MAX_TRAINEE_NAME));
  } catch {
    // why: in a locked-down browser the trainee can still type a name for this report.
  }
}
