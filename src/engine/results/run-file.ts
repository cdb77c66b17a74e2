import { z } from 'zod';
import type { RunEvent } from '../run/run-state.ts';
import { TIME_LIMIT_SETTINGS } from '../run/time-limits.ts';
import { type Diagnostic, formatFieldPath } from '../scenario/diagnostic.ts';
import { diagnosticsFromZod, MAX_FILE_BYTES, parseYamlFile } from '../scenario/load-scenario.ts';
import { LANGUAGES, type Language } from '../scenario/scenario.schema.ts';

// why: one format serves the browser's saves, the trainee's exported runs, the files a trainer
// drops on the cohort view and the CLI report; a run is its log, so score and debrief are always
// recomputed from it and a summary in the file is only a claim to compare against.

/** Tag of a pocsim run file. */
export const RUN_FILE_FORMAT = 'pocsim-run';
/** Version written by this build; readers accept every version from `MIN_RUN_FILE_VERSION` up to it. */
export const RUN_FILE_VERSION = 1;
/** Oldest run-file version this build can still read (migrating it on the way in). */
export const MIN_RUN_FILE_VERSION = 1;

const runEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('decision.chosen'), optionIds: z.array(z.string().min(1)).max(50) }),
  z.strictObject({
    type: z.literal('clock.ticked'),
    seconds: z.number().positive().max(10_000_000),
  }),
  z.strictObject({ type: z.literal('step.continued') }),
  z.strictObject({ type: z.literal('run.configured'), timeLimits: z.enum(TIME_LIMIT_SETTINGS) }),
]);

const isoTime = z.iso.datetime({ offset: true });

/** Shape of a run file (JSON). */
export const runFileSchema = z
  .strictObject({
    format: z.literal(RUN_FILE_FORMAT),
    formatVersion: z.int().min(MIN_RUN_FILE_VERSION).max(RUN_FILE_VERSION),
    scenario: z.strictObject({ id: z.string().min(1).max(200), version: z.string().min(1).max(50) }),
    language: z.enum(LANGUAGES),
    trainee: z
      .strictObject({ name: z.string().max(200).optional(), id: z.string().max(200).optional() })
      .optional()
      .meta({ description: 'Who played, as the trainee or the LMS gave it; optional.' }),
    startedAt: isoTime.optional(),
    savedAt: isoTime.optional(),
    finishedAt: isoTime.optional(),
    log: z.array(runEventSchema).max(100_000),
    summary: z
      .strictObject({
        overall: z.number().nullable(),
        passed: z.boolean(),
        ending: z.string().nullable(),
      })
      .optional()
      .meta({
        description: 'Score as computed when the file was written; readers recompute it from the log.',
      }),
  })
  .meta({
    title: 'pocsim run',
    description: 'One run of a pocsim scenario: its event log and who played it.',
  });

/** A run file as read or written. */
export type RunFile = z.output<typeof runFileSchema>;

/** What reading a run file gives: the file, or every problem found with its place. */
export type RunFileResult = { ok: true; run: RunFile } | { ok: false; diagnostics: Diagnostic[] };

/** Builds a run file for a run's log. */
export function createRunFile(fields: {
  scenario: { id: string; version: string };
  language: Language;
  log: readonly RunEvent[];
  trainee?: RunFile['trainee'];
  startedAt?: string;
  savedAt?: string;
  finishedAt?: string;
  summary?: RunFile['summary'];
}): RunFile {
  const out: RunFile = {
    format: RUN_FILE_FORMAT,
    formatVersion: RUN_FILE_VERSION,
    scenario: { ...fields.scenario },
    language: fields.language,
    log: fields.log.map((e) => structuredCopy(e)),
  };
  if (fields.trainee) out.trainee = { ...fields.trainee };
  if (fields.startedAt) out.startedAt = fields.startedAt;
  if (fields.savedAt) out.savedAt = fields.savedAt;
  if (fields.finishedAt) out.finishedAt = fields.finishedAt;
  if (fields.summary) out.summary = { ...fields.summary };
  return out;
}

function structuredCopy(e: RunEvent): RunEvent {
  return e.type === 'decision.chosen' ? { type: e.type, optionIds: [...e.optionIds] } : { ...e };
}

/** Reads a run file's text (JSON), reporting problems with file, line, column and field. */
export function parseRunFile(text: string, file: string): RunFileResult {
  // why: a cohort can hold hundreds of files; most are well formed, so the plain JSON parser and
  // the schema settle them quickly, and only a file with a problem pays for the parser that knows
  // where each value sits.
  if (text.length <= MAX_FILE_BYTES / 4) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    // why: JSON.parse keeps the last of two equal keys, so a file could show a reader one log and
    // be scored on another; such a file goes to the slow parser, which refuses it with its place,
    // as it does for a large file.
    const quick = data === undefined || hasDuplicateKey(text) ? undefined : runFileSchema.safeParse(data);
    if (quick?.success) return { ok: true, run: quick.data };
  }
  return parseRunFileSlowly(text, file);
}

/** Whether a text that JSON.parse accepted repeats a key within one object (one linear pass). */
export function hasDuplicateKey(json: string): boolean {
  const objects: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < json.length; i++) {
        const d = json.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      if (expectKey) {
        const raw = json.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = objects[objects.length - 1]!;
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      objects.push(null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = objects[objects.length - 1] != null;
    }
  }
  return false;
}

function parseRunFileSlowly(text: string, file: string): RunFileResult {
  // why: JSON is YAML, and the YAML parser keeps positions, size and depth limits and refuses
  // duplicate keys, so a damaged run file gets the same kind of message as a damaged scenario.
  const parsed = parseYamlFile({ path: file, text });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || parsed.data === undefined) {
    return { ok: false, diagnostics: errors.length ? errors : emptyFile(file) };
  }
  const data = parsed.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || data.format !== RUN_FILE_FORMAT) {
    return {
      ok: false,
      diagnostics: [
        {
          file,
          ...parsed.locate(['format']),
          field: 'format',
          severity: 'error',
          message: `not a pocsim run file (expected "format": "${RUN_FILE_FORMAT}")`,
        },
      ],
    };
  }
  const version = data.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > RUN_FILE_VERSION) {
    return {
      ok: false,
      diagnostics: [
        {
          file,
          ...parsed.locate(['formatVersion']),
          field: 'formatVersion',
          severity: 'error',
          message: `written by a newer pocsim (run format ${version}; this one reads up to ${RUN_FILE_VERSION}); update pocsim to open it`,
        },
      ],
    };
  }
  const result = runFileSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    return { ok: false, diagnostics: diagnosticsFromZod(parsed, result.error, runFileSchema) };
  }
  return { ok: true, run: result.data };
}

function emptyFile(file: string): Diagnostic[] {
  return [
    { file, line: 1, col: 1, field: formatFieldPath([]), severity: 'error', message: 'the file is empty' },
  ];
}

/** Writes a run file as JSON text. */
export function serializeRunFile(run: RunFile): string {
  return `${JSON.stringify(run, null, 1)}\n`;
}
