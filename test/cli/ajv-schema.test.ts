import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// A third-party validator, as an editor's YAML language server would use the committed schema.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')));
const folders = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join('scenarios', d.name));

describe('the committed scenario JSON Schema, read by ajv', () => {
  it.each([...folders, 'test/fixtures/mini'])('accepts %s', (folder) => {
    const ok = validate(parse(readFileSync(join(folder, 'scenario.yaml'), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a bad enum, a missing field, an unknown field and an unknown doctrine id', () => {
    const data = parse(readFileSync('test/fixtures/mini/scenario.yaml', 'utf8'));
    data.steps[0].phase = 'preemption';
    delete data.steps[1].narration;
    data.steps[2].narative = 'x';
    data.steps[0].decision.options[0].follows = ['15.1-do-99'];
    expect(validate(data)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/steps/0/phase');
    expect(paths).toContain('/steps/1');
    expect(paths).toContain('/steps/2');
    expect(paths).toContain('/steps/0/decision/options/0/follows/0');
  });
});
