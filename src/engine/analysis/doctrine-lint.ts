import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import type { Decision, Option, Scenario } from '../scenario/scenario.schema.ts';
import { type Candidate, decisionCandidates } from '../score/score-run.ts';

// why (issue 12, review §2-§3): the defects an independent review found by hand were of a few kinds
// a machine can see in the data alone: an act left untagged beside tagged ones, a time-out landing
// where a tagged breach lands without its tags, a neutral pick riding free on the best answer, the
// same act tagged two ways in two scenarios, a decision where nothing a trainee picks matters.

/** A doctrine finding about one scenario, with the field it is about. */
export interface DoctrineFinding {
  path: (string | number)[];
  message: string;
}

type Tagged = Pick<Option, 'follows' | 'breaks' | 'fails' | 'doctrine'>;

const hasTags = (c: Tagged) => c.follows.length + c.breaks.length + c.fails.length > 0;
const harmOf = (c: Pick<Tagged, 'breaks' | 'fails'>) =>
  [...new Set([...c.breaks, ...c.fails])].sort().join(' ');
const tagsOf = (c: Tagged) =>
  [
    ...[...new Set(c.follows)].sort().map((id) => `+${id}`),
    ...[...new Set(c.breaks)].sort().map((id) => `-${id}`),
    ...[...new Set(c.fails)].sort().map((id) => `!${id}`),
  ].join(' ');
const describeTags = (c: Tagged) => {
  const parts = [
    c.follows.length ? `follows ${c.follows.join(', ')}` : '',
    c.breaks.length ? `breaks ${c.breaks.join(', ')}` : '',
    c.fails.length ? `fails ${c.fails.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no doctrine';
};

/** Static doctrine checks on one scenario: untagged options, mis-tagged time-outs, free riders, decisions that score flat. */
export function lintDoctrine(scenario: Scenario, catalogue: DoctrineCatalogue): DoctrineFinding[] {
  const out: DoctrineFinding[] = [];
  scenario.steps.forEach((step, si) => {
    const d = step.decision;
    if (!d) return;
    const at = ['steps', si, 'decision'];
    const optionPath = (oi: number) => [...at, 'options', oi];

    // 1. an untagged option beside tagged ones: most likely an act the author forgot to weigh
    if (d.options.some(hasTags)) {
      d.options.forEach((o, oi) => {
        if (!hasTags(o) && o.doctrine !== 'none')
          out.push({
            path: optionPath(oi),
            message: `option "${o.id}" carries no doctrine while the others of this decision do: tag what it follows, breaks or fails, or say doctrine: none with a doctrineNote`,
          });
      });
    }

    const all = decisionCandidates(step, d, catalogue);
    const singles = all.filter((c) => c.options.length === 1);
    const timeout = all.find((c) => c.options.length === 0);

    // 2. the same place and the same effects, different harm: one of the two is mis-tagged
    const effectsOf = (c: Candidate) => {
      const e =
        c.options.length === 0
          ? d.noDecision!.effects
          : d.options.find((o) => o.id === c.options[0])!.effects;
      return JSON.stringify(Object.entries(e ?? {}).sort(([a], [b]) => a.localeCompare(b)));
    };
    const tagged = (c: Candidate): Tagged =>
      c.options.length === 0 ? d.noDecision! : d.options.find((o) => o.id === c.options[0])!;
    // why: two different wrongs may well lead to the same place; what the review found is a harm
    // tagged on one path and missing on its twin (a time-out hauling a man in with his rifle, as the
    // critical option does, tagged with nothing), so only that pairing is a finding.
    // An author's doctrine: none with a note says on purpose why the harmless twin carries nothing.
    const harmless = (c: Candidate) =>
      harmOf(tagged(c)) === '' && tagged(c).follows.length === 0 && tagged(c).doctrine !== 'none';
    const twins = (a: Candidate, b: Candidate) =>
      a.exit === b.exit &&
      effectsOf(a) === effectsOf(b) &&
      ((harmOf(tagged(a)) !== '' && harmless(b)) || (harmOf(tagged(b)) !== '' && harmless(a)));
    if (timeout) {
      for (const c of singles) {
        if (twins(timeout, c)) {
          out.push({
            path: [...at, 'noDecision'],
            message: `letting time run out leads where "${c.options[0]}" leads, with the same effects, but only one of them carries the harm (${describeTags(d.noDecision!)} against ${describeTags(tagged(c))}): not deciding is a decision, tag what it does`,
          });
          break;
        }
      }
    }
    if (d.mode !== 'multi') {
      singles.forEach((a, i) => {
        for (const b of singles.slice(i + 1)) {
          if (!twins(a, b)) continue;
          const bi = d.options.findIndex((o) => o.id === b.options[0]);
          out.push({
            path: optionPath(bi),
            message: `option "${b.options[0]}" leads where "${a.options[0]}" leads, with the same effects, but only one of them carries the harm (${describeTags(tagged(b))} against ${describeTags(tagged(a))}): the same outcome should carry the same harm`,
          });
        }
      });
    }

    // 3. a free rider: a pick that adds nothing can be added to the best answer at no cost
    const explicit = all.filter((c) => c.options.length > 0);
    const best = Math.max(...explicit.map((c) => c.value));
    if (d.mode === 'multi') {
      const minimal = explicit
        .filter((c) => c.value === best)
        .reduce((m, c) => Math.min(m, c.options.length), Number.POSITIVE_INFINITY);
      d.options.forEach((o, oi) => {
        if (hasTags(o) || o.doctrine === 'none') return;
        const rides = explicit.some(
          (c) => c.value === best && c.options.length > minimal && c.options.includes(o.id),
        );
        if (rides)
          out.push({
            path: optionPath(oi),
            message: `option "${o.id}" adds nothing to the best answer: a trainee can pick it beside the best choices and still score full marks; tag what it breaks or fails, or say doctrine: none with a doctrineNote`,
          });
      });
    }

    // 5. nothing a trainee picks changes the score: the decision teaches nothing
    if (explicit.length > 1 && explicit.every((c) => c.value === best)) {
      out.push({
        path: [...at, 'options'],
        message: `every option of this decision scores the same (${describeTags(d.options[0]!)}): tag the doctrine that tells them apart`,
      });
    }
  });
  return out;
}

/** Whether a pick inside a best combination adds nothing to its value (a free rider). */
export function freeRiders(d: Decision, options: readonly string[], catalogue: DoctrineCatalogue): string[] {
  if (options.length < 2) return [];
  const all = decisionCandidates({ phase: 'response' }, d, catalogue);
  const worth = (ids: readonly string[]) =>
    all.find((c) => c.options.length === ids.length && c.options.every((id) => ids.includes(id)))?.value;
  const whole = worth(options);
  return options.filter((id) => worth(options.filter((x) => x !== id)) === whole);
}

/** A finding about one scenario among several linted together. */
export interface CrossFinding extends DoctrineFinding {
  scenario: string;
}

const normalize = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The same act (same option id, the same label once case and punctuation are set aside, or the same
 * first clause of five words or more) tagged with different doctrine in two scenarios; each scenario
 * gets a finding naming the other.
 */
export function lintAcrossScenarios(scenarios: readonly Scenario[]): CrossFinding[] {
  type Use = { scenario: string; path: (string | number)[]; option: Option };
  const byKey = new Map<string, Use[]>();
  for (const s of scenarios) {
    s.steps.forEach((step, si) => {
      step.decision?.options.forEach((o, oi) => {
        const use = { scenario: s.id, path: ['steps', si, 'decision', 'options', oi], option: o };
        const clause = normalize(o.label.split(/[,;:(]/)[0]!);
        const keys = [`id:${o.id}`, `label:${normalize(o.label)}`];
        // why: the same act is often worded the same up to a scenario-specific tail ("Turn away every
        // man of fighting age, armed or not, ..."); a first clause of five words or more names it.
        if (clause.split(' ').length >= 5) keys.push(`clause:${clause}`);
        for (const key of new Set(keys)) {
          const list = byKey.get(key) ?? [];
          list.push(use);
          byKey.set(key, list);
        }
      });
    });
  }
  const out: CrossFinding[] = [];
  const seen = new Set<string>();
  for (const uses of byKey.values()) {
    for (const a of uses) {
      for (const b of uses) {
        if (a.scenario === b.scenario || tagsOf(a.option) === tagsOf(b.option)) continue;
        const key = `${a.scenario}|${a.option.id}|${b.scenario}|${b.option.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          scenario: a.scenario,
          path: a.path,
          message: `the same act as "${b.option.id}" in ${b.scenario} ("${b.option.label}") is tagged differently: here ${describeTags(a.option)}, there ${describeTags(b.option)}`,
        });
      }
    }
  }
  return out;
}
