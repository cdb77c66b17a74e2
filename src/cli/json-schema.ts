import { z } from 'zod';
import { archetypesSchema } from '../engine/analysis/archetypes.ts';
import { DOCTRINE } from '../engine/doctrine/catalogue.ts';
import { scenarioSchema, translationSchema } from '../engine/scenario/scenario.schema.ts';

// why: zod keeps doctrine ids as plain strings so the checker can say "did you mean"; the editor
// schema lists them, Do's under follows and Don'ts under breaks, each with its summary as hover text.
// Duties (Do's worded as obligations) are offered under fails.
function doctrineChoices(kind: 'do' | 'dont' | 'duty') {
  const fits = (e: (typeof DOCTRINE)[number]) =>
    kind === 'do' ? e.kind !== 'dont' : kind === 'dont' ? e.kind === 'dont' : e.duty !== undefined;
  return {
    type: 'string',
    anyOf: DOCTRINE.filter(fits).map((e) => ({
      const: e.id,
      description: `Handbook §${e.section}${e.severity ? ` (${e.severity})` : e.duty ? ` (duty, ${e.duty})` : ''}: ${e.summary.en}`,
    })),
  };
}
const LIST_KIND = { follows: 'do', breaks: 'dont', fails: 'duty' } as const;

function withDoctrineIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDoctrineIds);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (Object.hasOwn(LIST_KIND, k) && typeof v === 'object' && v !== null && 'items' in v) {
      out[k] = { ...v, items: doctrineChoices(LIST_KIND[k as keyof typeof LIST_KIND]) };
    } else out[k] = withDoctrineIds(v);
  }
  return out;
}

/** The JSON Schemas generated from the zod schemas, by file name under `schema/`. */
export function buildJsonSchemas(): Record<string, unknown> {
  // why: io 'input' describes what a trainer writes (defaults optional), not what the engine gets.
  return {
    'scenario.schema.json': withDoctrineIds(
      z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    ),
    'translation.schema.json': z.toJSONSchema(translationSchema, { io: 'input', target: 'draft-2020-12' }),
    'archetypes.schema.json': z.toJSONSchema(archetypesSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}
