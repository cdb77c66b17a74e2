import { z } from 'zod';
import { scenarioSchema, translationSchema } from '../engine/scenario/scenario.schema.ts';

/** The JSON Schemas generated from the zod schemas, by file name under `schema/`. */
export function buildJsonSchemas(): Record<string, unknown> {
  // why: io 'input' describes what a trainer writes (defaults optional), not what the engine gets.
  return {
    'scenario.schema.json': z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    'translation.schema.json': z.toJSONSchema(translationSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}
