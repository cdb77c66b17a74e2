import { describe, expect, it } from 'vitest';
import { buildStarterScenario } from '../../../src/cli/new-scenario.ts';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { buildListing } from '../../../src/engine/scenario/scenario-listing.ts';
import { loadText, miniWith } from '../factories.ts';

const problems = (yaml: string) =>
  loadText(yaml).diagnostics.map((d) => `${d.severity} ${d.field ?? ''} ${d.message}`.replace(/\s+/g, ' '));

describe('a scenario content note', () => {
  it('is optional, names topics from a fixed list, and reaches the menu listing', () => {
    const r = loadText(miniWith((s) => (s.contentNote = { topics: ['children', 'armed-violence'] })));
    expect(r.diagnostics).toEqual([]);
    expect(buildListing(r.bundle!).contentNote).toEqual({ topics: ['children', 'armed-violence'] });
    expect(buildListing(loadText(miniWith(() => undefined)).bundle!).contentNote).toBeUndefined();
  });

  it('refuses an unknown topic with a suggestion, an empty list and a topic named twice', () => {
    expect(problems(miniWith((s) => (s.contentNote = { topics: ['sexual-violense'] })))).toEqual([
      expect.stringMatching(/^error .*contentNote.*sexual-violence/),
    ]);
    expect(problems(miniWith((s) => (s.contentNote = { topics: [] })))[0]).toMatch(/^error /);
    expect(problems(miniWith((s) => (s.contentNote = { topics: ['children', 'children'] })))).toEqual([
      expect.stringMatching(/^error .*listed twice/),
    ]);
  });

  it('is expected of §15.5-15.7 scenarios: without one, validate warns and says what to add', () => {
    const sv = problems(miniWith((s) => (s.situation = '15.6')));
    expect(sv).toEqual([expect.stringMatching(/^warning .*contentNote: \{ topics: \[sexual-violence\] \}/)]);
    expect(problems(miniWith((s) => (s.situation = '15.5')))).toEqual([
      expect.stringMatching(/^warning .*topics: \[children\]/),
    ]);
    const withNote = miniWith((s) => {
      s.situation = '15.7';
      s.contentNote = { topics: ['sexual-violence'] };
    });
    expect(problems(withNote)).toEqual([]);
  });

  it('is set in the bundled §15.5-15.7 scenarios and in a new starter for them', () => {
    for (const [folder, topic] of [
      ['15-5-children-armed-groups', 'children'],
      ['15-6-sv-imminent', 'sexual-violence'],
      ['15-7-sv-aftermath', 'sexual-violence'],
    ] as const) {
      const bundle = loadScenarioFolder(`scenarios/${folder}`).bundle!;
      expect(bundle.scenario.contentNote?.topics).toContain(topic);
    }
    expect(loadScenarioFolder('scenarios/15-1-base-gate').bundle!.scenario.contentNote).toBeUndefined();
    const starter = buildStarterScenario('new-sv', '15.6', ['en']);
    expect(problems(starter['scenario.yaml']!)).toEqual([]);
    expect(starter['scenario.yaml']).toMatch(/contentNote:\s*\{?\s*topics:\s*(\[|- )\s*sexual-violence/);
  });
});
