import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { freeRiders, lintAcrossScenarios, lintDoctrine } from '../../../src/engine/analysis/doctrine-lint.ts';
import { lintScenario } from '../../../src/engine/analysis/lint-scenario.ts';
import { CATALOGUE, createCatalogue, DOCTRINE } from '../../../src/engine/doctrine/catalogue.ts';
import { loadScenario } from '../../../src/engine/scenario/load-scenario.ts';
import type { Scenario } from '../../../src/engine/scenario/scenario.schema.ts';
import { loadText, miniWith } from '../factories.ts';

// why: lint must catch in a trainer's scenario the kinds of defect the doctrine review found by hand
// (issue 12 item 6). Each test plants one defect in a copy of a bundled scenario and expects lint to
// report it at file:line:col; the bundled scenarios themselves lint clean (test/scenarios).

/** A bundled scenario, changed by `plant`, written back to YAML and loaded as a trainer's copy would be. */
function plantedCopy(folder: string, plant: (s: Record<string, any>) => void) {
  const original = loadScenarioFolder(`scenarios/${folder}`).bundle!.scenario;
  const data = structuredClone(original) as Record<string, any>;
  plant(data);
  const text = stringify(data);
  const r = loadScenario({ path: `${folder}/scenario.yaml`, text });
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const findings = lintDoctrine(r.bundle.scenario, CATALOGUE).map((f) => {
    const d = r.place!({ path: f.path, message: f.message });
    return { ...d, where: `${d.file}:${d.line}:${d.col} ${d.field}` };
  });
  return { scenario: r.bundle.scenario, text, findings, original };
}

const stepOf = (s: Record<string, any>, id: string) => s.steps.find((x: any) => x.id === id);
const optionOf = (s: Record<string, any>, id: string) =>
  s.steps.flatMap((x: any) => x.decision?.options ?? []).find((o: any) => o.id === id);
const untag = (o: Record<string, any>) => {
  o.follows = [];
  o.breaks = [];
  o.fails = [];
  delete o.doctrine;
  delete o.doctrineNote;
};

describe('lint catches the doctrine review’s defects in planted copies of bundled scenarios', () => {
  it('an untagged option beside tagged ones (15-2 fh-promise, review §2 15-2 #1)', () => {
    const { findings, text } = plantedCopy('15-2-individual-refuge', (s) => untag(optionOf(s, 'fh-promise')));
    const f = findings.find((x) => x.message.startsWith('option "fh-promise" carries no doctrine'))!;
    expect(f.where).toMatch(
      /^15-2-individual-refuge\/scenario\.yaml:\d+:\d+ steps\[\d+\]\.decision\.options\[\d+\]$/,
    );
    expect(text.split('\n')[f.line - 1]).toContain('id: fh-promise');
  });

  it('accepts an untagged option that says doctrine: none with a note', () => {
    const { findings } = plantedCopy('15-2-individual-refuge', (s) => {
      const o = optionOf(s, 'fh-promise');
      untag(o);
      o.doctrine = 'none';
      o.doctrineNote = 'Planted for the test.';
    });
    expect(findings.filter((x) => x.message.includes('fh-promise'))).toEqual([]);
  });

  it('a time-out landing where a critical breach lands, without its tags (15-2 deserter, review §3.2)', () => {
    const { findings } = plantedCopy('15-2-individual-refuge', (s) => {
      const d = stepOf(s, 'deserter').decision;
      const armedIn = d.options.find((o: any) => o.id === 'des-armed-in');
      untag(d.noDecision);
      d.noDecision.effects = armedIn.effects;
      d.noDecision.map = armedIn.map;
      d.noDecision.next = armedIn.next;
      delete d.noDecision.routes;
    });
    const f = findings.find((x) => x.field.endsWith('decision.noDecision'))!;
    expect(f.message).toMatch(
      /^letting time run out leads where "des-armed-in" leads, with the same effects, but only one of them carries the harm \(no doctrine against breaks 15\.2-dont-4/,
    );
  });

  it('an option landing where a tagged breach lands, with no tag of its own (15-6 late-report, review §2 15-6 #4)', () => {
    const { findings } = plantedCopy('15-6-sv-imminent', (s) => {
      const d = stepOf(s, 'late-arrival').decision;
      const [a, b] = d.options;
      untag(b);
      b.effects = a.effects;
      b.next = a.next ?? b.next;
      b.routes = a.routes;
      if (!a.routes) delete b.routes;
      a.breaks = ['15.6-dont-2'];
    });
    expect(findings.map((x) => x.message)).toContainEqual(
      expect.stringMatching(
        /leads where .* leads, with the same effects, but only one of them carries the harm/,
      ),
    );
  });

  it('a pick that rides free on the best answer of a pick-up-to-N decision (15-2 first hours, review §3.6)', () => {
    const { findings } = plantedCopy('15-2-individual-refuge', (s) => {
      // as reviewed: the promise untagged, and interviewing and calling the HRO following the same Do,
      // so two picks make the best answer and the third pick is free
      untag(optionOf(s, 'fh-promise'));
      optionOf(s, 'fh-call-hro').follows = [...optionOf(s, 'fh-interview').follows];
    });
    expect(findings.map((x) => x.message)).toContain(
      'option "fh-promise" adds nothing to the best answer: a trainee can pick it beside the best choices and still score full marks; tag what it breaks or fails, or say doctrine: none with a doctrineNote',
    );
  });

  it('a decision where every option scores the same', () => {
    const { findings } = plantedCopy('15-3-idp-site', (s) => {
      for (const o of s.steps[0].decision.options) {
        untag(o);
        o.follows = ['15.3-do-1'];
      }
    });
    expect(findings.map((x) => x.where + x.message)).toContainEqual(
      expect.stringMatching(
        /steps\[0\]\.decision\.optionsevery option of this decision scores the same \(follows 15\.3-do-1\)/,
      ),
    );
  });

  it('the same act tagged differently in two scenarios (TTX scr-no-men against 15-1 screen-men-out, review §4 #1)', () => {
    const ttx = plantedCopy('ttx-leadership-tessako', (s) => untag(optionOf(s, 'scr-no-men'))).scenario;
    const base = loadScenarioFolder('scenarios/15-1-base-gate').bundle!.scenario;
    const found = lintAcrossScenarios([base, ttx]);
    expect(found.map((f) => `${f.scenario}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /^15-1-base-gate: the same act as "scr-no-men" in ttx-leadership-tessako \("Turn away every man of fighting age, .*"\) is tagged differently: here breaks .*, there no doctrine$/,
      ),
      expect.stringMatching(/^ttx-leadership-tessako: the same act as "screen-men-out" in 15-1-base-gate/),
    ]);
    // the same id in two scenarios is the same act as well
    const renamed = structuredClone(ttx) as Scenario;
    const o = renamed.steps.flatMap((x) => x.decision?.options ?? []).find((x) => x.id === 'scr-no-men')!;
    o.id = 'screen-men-out';
    o.label = 'Something else entirely';
    expect(lintAcrossScenarios([base, renamed]).map((f) => f.scenario)).toEqual([
      '15-1-base-gate',
      'ttx-leadership-tessako',
    ]);
  });

  it('finds nothing in the bundled scenarios as they are', () => {
    const all = [
      '15-1-base-gate',
      '15-2-individual-refuge',
      '15-6-sv-imminent',
      'ttx-leadership-tessako',
    ].map((f) => loadScenarioFolder(`scenarios/${f}`).bundle!.scenario);
    for (const s of all) expect(lintDoctrine(s, CATALOGUE), s.id).toEqual([]);
    expect(lintAcrossScenarios(all)).toEqual([]);
  });
});

describe('the best path lint reports', () => {
  it('takes the fewest picks among equal answers, and names a free rider', () => {
    const s = loadText(
      miniWith((d) => {
        d.steps[1].decision.pick = 3;
        d.steps[1].decision.options.push({ id: 'sing', label: 'Sing', feedback: 'Hm.', tiers: ['I'] });
      }),
    ).bundle!.scenario;
    const r = lintScenario(s, CATALOGUE);
    expect(r.best!.choices).toEqual(['open', 'night-patrol+cla']);
    expect(r.problems.map((p) => p.message)).toContain(
      'option "sing" adds nothing to the best answer: a trainee can pick it beside the best choices and still score full marks; tag what it breaks or fails, or say doctrine: none with a doctrineNote',
    );
    expect(freeRiders(s.steps[1]!.decision!, ['night-patrol', 'cla', 'sing'], CATALOGUE)).toEqual(['sing']);
  });

  it('breaks and fails nothing: a best path failing a duty is a finding', () => {
    const catalogue = createCatalogue(
      DOCTRINE.map((e) => (e.id === '15.1-do-12' ? { ...e, duty: 'minor' as const } : e)),
    );
    const text = miniWith((d) => {
      // opening the gate now fails a minor duty yet stays the best answer at the gate
      d.steps[0].decision.options[0].fails = ['15.1-do-12'];
    });
    const s = loadScenario({ path: 'scenario.yaml', text }, [], catalogue).bundle!.scenario;
    const r = lintScenario(s, catalogue);
    expect(r.best!.breaksDont).toBe(true);
    expect(r.problems).toContainEqual({
      path: ['steps', 0, 'decision', 'options', 0, 'fails'],
      message: expect.stringMatching(/^the best path breaks a Don't or fails a duty here/),
    });
  });
});
