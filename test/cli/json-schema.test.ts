import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../../src/cli/json-schema.ts';

describe('the committed JSON Schemas', () => {
  it.each(Object.entries(buildJsonSchemas()))(
    '%s matches the zod schema (run npm run schema)',
    (name, schema) => {
      expect(JSON.parse(readFileSync(`schema/${name}`, 'utf8'))).toEqual(schema);
    },
  );
});
