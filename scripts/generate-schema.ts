// Writes the JSON Schemas editors use to autocomplete and check scenario files (npm run schema).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas } from '../src/cli/json-schema.ts';

const dir = join(import.meta.dirname, '..', 'schema');
for (const [name, schema] of Object.entries(buildJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}`);
}
