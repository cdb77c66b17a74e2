import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/engine/scenario/load-scenario.ts';
import { collectTexts } from '../../../src/engine/scenario/text-keys.ts';
import { updateTranslation } from '../../../src/engine/scenario/update-translation.ts';
import { miniBundle, miniYaml } from '../factories.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const bundled = readdirSync(SCENARIOS).filter((d) => readdirSync(join(SCENARIOS, d)).includes('fr.yaml'));

describe('updateTranslation', () => {
  it.each(bundled)('leaves the complete translation of %s byte for byte as it is', (id) => {
    const folder = join(SCENARIOS, id);
    const fr = readFileSync(join(folder, 'fr.yaml'), 'utf8');
    const { bundle } = loadScenario({
      path: 'scenario.yaml',
      text: readFileSync(join(folder, 'scenario.yaml'), 'utf8'),
    });
    const update = updateTranslation(bundle!.scenario, 'fr', fr);
    expect(update.text).toBe(fr);
    expect(update).toMatchObject({ added: [], stale: [], untranslated: [] });
    expect(update.kept).toBe(collectTexts(bundle!.scenario).length);
  });

  it('creates a file that loads, with every text marked untranslated, in scenario order', () => {
    const scenario = miniBundle().scenario;
    const update = updateTranslation(scenario, 'fr');
    const keys = collectTexts(scenario).map((t) => t.key);
    expect(update.added).toEqual(keys);
    const loaded = loadScenario({ path: 'scenario.yaml', text: miniYaml() }, [
      { path: 'fr.yaml', text: update.text },
    ]);
    expect(loaded.bundle?.texts.fr?.title).toBe(scenario.title);
    const marked = loaded.diagnostics.filter((d) => d.file === 'fr.yaml');
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/\d+ texts still marked # untranslated/),
    });
    const strict = loadScenario(
      { path: 'scenario.yaml', text: miniYaml() },
      [{ path: 'fr.yaml', text: update.text }],
      undefined,
      { strict: true },
    );
    expect(strict.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(keys.length);
  });

  it('adds a new text beside its neighbours, keeps a gone one under stale:, and loses no translation', () => {
    const scenario = miniBundle().scenario;
    const full = updateTranslation(
      scenario,
      'fr',
      undefined,
      collectTexts(scenario).map((t) => ({ key: t.key, text: `FR ${t.text}` })),
    ).text;
    const [first, second] = collectTexts(scenario)
      .slice(1, 3)
      .map((t) => t.key);
    // the translator's file lacks `second` and holds a text the scenario no longer has
    const lines = full.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${second}:`));
    let end = at + 1;
    while (lines[end]?.startsWith('    ')) end++;
    lines.splice(at, end - at, '  # a translator note', '  steps.gone.title: "Ancien titre"');
    const edited = lines.join('\n');
    const update = updateTranslation(scenario, 'fr', edited);
    expect(update.added).toEqual([second]);
    expect(update.stale).toEqual(['steps.gone.title']);
    expect(update.text).toContain('# a translator note');
    expect(update.text).toMatch(/\nstale:\n {2}steps\.gone\.title: "Ancien titre"\n/);
    const out = update.text.split('\n');
    const firstAt = out.findIndex((l) => l.startsWith(`  ${first}:`));
    const secondAt = out.findIndex((l) => l.startsWith(`  ${second}:`));
    expect(secondAt).toBeGreaterThan(firstAt);
    expect(out[secondAt]).toContain('# untranslated');
    // everything else of the translator's file is unchanged
    const untouched = edited.split('\n').filter((l) => !l.includes('steps.gone.title'));
    for (const l of untouched) expect(update.text).toContain(l);
  });

  it('writes given translations over marked texts and keeps them byte for byte afterwards', () => {
    const scenario = miniBundle().scenario;
    const draft = updateTranslation(scenario, 'fr').text;
    const done = updateTranslation(scenario, 'fr', draft, [{ key: 'title', text: 'Porte « mini » : nuit' }]);
    expect(done.text).toContain('  title: "Porte « mini » : nuit"\n');
    expect(done.untranslated).not.toContain('title');
    expect(updateTranslation(scenario, 'fr', done.text).text).toBe(done.text);
  });
});
