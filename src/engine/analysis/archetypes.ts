import { z } from 'zod';
import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { playChoices } from '../run/play-choices.ts';
import type { Diagnostic } from '../scenario/diagnostic.ts';
import {
  diagnosticsFromZod,
  type ParsedFile,
  type Problem,
  parseYamlFile,
  placed,
  type SourceFile,
} from '../scenario/load-scenario.ts';
import type { Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { buildDebrief } from '../score/debrief.ts';
import type { RunScore } from '../score/score-run.ts';

// why (issue 12): a score means what the handbook means only if the runs a POC adviser would fail
// do fail and those they would sign off pass. Each scenario keeps, beside it, written runs of the
// trainees a trainer fears or hopes for, with the adviser's verdict; lint plays them and reports any
// verdict the engine does not share.

/** The kinds of trainee every bundled scenario is calibrated against. */
export const ARCHETYPE_KINDS = [
  'faithful',
  'one-slip',
  'promising',
  'passive',
  'reckless',
  'timeout',
] as const;
export type ArchetypeKind = (typeof ARCHETYPE_KINDS)[number];

export const VERDICTS = ['pass', 'fail'] as const;
/** What a POC adviser would say of a run. */
export type AdviserVerdict = (typeof VERDICTS)[number];

const ID = /^[a-z0-9][a-z0-9-]*$/;
const text = z.string().trim().min(1, { message: 'text must not be empty' });

const archetype = z.strictObject({
  id: z.string().regex(ID, { message: 'use lower-case letters, digits and hyphens' }),
  kind: z
    .string()
    .regex(ID, { message: 'use lower-case letters, digits and hyphens' })
    .meta({
      description: `The kind of trainee: ${ARCHETYPE_KINDS.join(', ')}, or another word for a further kind.`,
    }),
  choose: text.meta({
    description:
      'The run, as `play --choose` takes it: one entry per decision met, comma-separated; option ids joined by + in a multi decision, - to let a timed decision run out.',
  }),
  verdict: z.enum(VERDICTS).meta({ description: 'What a POC adviser would say of this run: pass or fail.' }),
  reason: z
    .strictObject({ en: text, fr: text })
    .meta({ description: 'The adviser’s reason, citing the handbook, in each language.' }),
});

/** The archetypes file of a scenario (`scenarios/<id>/archetypes.yaml`). */
export const archetypesSchema = z.strictObject({ archetypes: z.array(archetype).min(1) }).meta({
  title: 'pocsim scenario archetypes',
  description: 'Written trainee runs with an adviser’s verdict.',
});

/** One written trainee run with the adviser's verdict. */
export type Archetype = z.output<typeof archetype>;

/** An archetypes file read and shape-checked, with a way to place later findings in it. */
export interface LoadedArchetypes {
  archetypes?: Archetype[];
  diagnostics: Diagnostic[];
  place: (problem: Problem) => Diagnostic;
}

/** Reads an archetypes file, reporting shape problems and repeated ids with file:line:col. */
export function loadArchetypes(source: SourceFile): LoadedArchetypes {
  const parsed: ParsedFile = parseYamlFile(source);
  const place = (p: Problem) => placed(parsed, p);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) return { diagnostics, place };
  const result = archetypesSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...diagnosticsFromZod(parsed, result.error, archetypesSchema));
    return { diagnostics, place };
  }
  const seen = new Set<string>();
  result.data.archetypes.forEach((a, i) => {
    if (seen.has(a.id))
      diagnostics.push(
        place({ path: ['archetypes', i, 'id'], message: `archetype id "${a.id}" is used twice` }),
      );
    seen.add(a.id);
  });
  return { archetypes: result.data.archetypes, diagnostics, place };
}

/** One archetype played: the engine's verdict beside the adviser's. */
export interface ArchetypeResult {
  id: string;
  kind: string;
  expected: AdviserVerdict;
  /** The engine's verdict, or null when the choices could not be played to an ending. */
  actual: AdviserVerdict | null;
  score: RunScore | null;
  ending: { id: string; outcome: Outcome } | null;
  /** Findings, each with the field of the archetypes file it is about. */
  problems: Problem[];
}

/** Plays each archetype headless and compares the engine's verdict with the adviser's. */
export function checkArchetypes(
  scenario: Scenario,
  archetypes: readonly Archetype[],
  catalogue: DoctrineCatalogue,
): ArchetypeResult[] {
  return archetypes.map((a, i) => {
    const base = { id: a.id, kind: a.kind, expected: a.verdict };
    const choices = a.choose.split(',').map((c) => c.trim());
    const played = playChoices(scenario, choices, true);
    if (played.problems.length || !played.finished) {
      const why = played.problems.length
        ? played.problems.join('; ')
        : `stopped at step "${played.stoppedAt}"`;
      return {
        ...base,
        actual: null,
        score: null,
        ending: null,
        problems: [
          { path: ['archetypes', i, 'choose'], message: `archetype "${a.id}" cannot be played: ${why}` },
        ],
      };
    }
    const debrief = buildDebrief(scenario, played.log, catalogue);
    const actual: AdviserVerdict = debrief.score.passed ? 'pass' : 'fail';
    const problems: Problem[] = [];
    if (actual !== a.verdict) {
      problems.push({
        path: ['archetypes', i, 'verdict'],
        message: `archetype "${a.id}" (${a.kind}) ${actual === 'pass' ? 'passes' : 'fails'} in the engine (${describeScore(debrief.score, debrief.ending?.id ?? null)}) but a POC adviser says ${a.verdict}: retag the options it takes or revisit the verdict`,
      });
    }
    return { ...base, actual, score: debrief.score, ending: debrief.ending, problems };
  });
}

/** A run's score in a few words: overall, mastery, criticals, majors and ending. */
export function describeScore(s: RunScore, ending: string | null): string {
  const parts = [`overall ${s.overall ?? '-'} against mastery ${s.mastery}`];
  parts.push(s.criticalBreach ? 'a critical breach' : 'no critical breach');
  parts.push(`${s.majorBreaches} major`);
  if (ending) parts.push(`ending ${ending}${s.harmedEnding ? ' (harmed)' : ''}`);
  return parts.join(', ');
}
