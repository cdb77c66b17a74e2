import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { doctrineHint } from '../doctrine/doctrine-hint.ts';
import { parseExerciseTime } from '../exercise/exercise-time.ts';
import { didYouMean, knownHint } from './diagnostic.ts';
import type { Problem } from './load-scenario.ts';
import type { ContentTopic, MapChange, Route, Scenario, Translation } from './scenario.schema.ts';
import { conditionsOf, exitsOf, stepEdges } from './scenario-graph.ts';
import { collectTexts } from './text-keys.ts';

type Path = PropertyKey[];

/** The doctrine fields an option or a noDecision block carries. */
interface TaggedChoice {
  follows: string[];
  breaks: string[];
  fails?: string[];
  doctrine?: 'none';
  doctrineNote?: string;
}

/** Most "did you mean" suggestions computed per file; later unknown names are reported without one. */
const MAX_SUGGESTIONS = 100;

// why: each suggestion compares a name with every candidate; a file with thousands of misspelt
// references would otherwise take minutes, and past the first hundred a trainer needs none.
function suggester(): (value: string, candidates: Iterable<string>, what?: string) => string {
  let left = MAX_SUGGESTIONS;
  return (value, candidates, what) =>
    left-- > 0 ? (what ? knownHint(value, candidates, what) : didYouMean(value, candidates)) : '';
}

/** Cross-reference checks on a scenario that already has the right shape. */
export function checkScenario(s: Scenario, catalogue: DoctrineCatalogue): Problem[] {
  const problems: Problem[] = [];
  const err = (path: Path, message: string) => problems.push({ path, message });

  const unique = (items: { id: string }[], base: Path, what: string, seen = new Map<string, Path>()) => {
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) err([...base, i, 'id'], `${what} id "${item.id}" is used twice`);
      else seen.set(item.id, [...base, i]);
    });
    return seen;
  };
  const locations = unique(s.setting.locations, ['setting', 'locations'], 'location');
  const actors = unique(s.setting.actors, ['setting', 'actors'], 'actor');
  const units = unique(s.setting.units, ['setting', 'units'], 'unit');
  const variables = unique(s.variables, ['variables'], 'variable');
  const nodes = unique(s.steps, ['steps'], 'step');
  unique(s.endings, ['endings'], 'step or ending', nodes);
  const options = new Map<string, Path>();
  const injects = new Map<string, Path>();
  s.steps.forEach((step, si) => {
    if (step.decision) unique(step.decision.options, ['steps', si, 'decision', 'options'], 'option', options);
    if (step.injects) unique(step.injects, ['steps', si, 'injects'], 'inject', injects);
  });

  const hint = suggester();
  const ref = (path: Path, id: string, known: Map<string, unknown> | Set<string>, what: string) => {
    if (!known.has(id))
      err(path, `unknown ${what} "${id}"${hint(id, known.keys(), `${what.replace(' or ', 's and ')}s`)}`);
  };

  problems.push(...checkContentNote(s));

  for (const [i, a] of s.setting.actors.entries())
    ref(['setting', 'actors', i, 'at'], a.at, locations, 'location');
  for (const [i, u] of s.setting.units.entries())
    ref(['setting', 'units', i, 'at'], u.at, locations, 'location');
  s.setting.roads.forEach((r, i) => {
    ref(['setting', 'roads', i, 'from'], r.from, locations, 'location');
    ref(['setting', 'roads', i, 'to'], r.to, locations, 'location');
  });
  s.setting.locations.forEach((l, i) => {
    if (l.x > s.setting.map.width || l.y > s.setting.map.height) {
      err(['setting', 'locations', i], `position (${l.x}, ${l.y}) lies outside the map`);
    }
  });
  s.steps.forEach((step, i) => {
    // why: a day alone says nothing about the hour, and the debrief's duration needs both.
    if (step.day !== undefined && step.clock === undefined)
      err(['steps', i, 'day'], 'a step with `day` also needs `clock` (the time of day on that day)');
  });
  s.variables.forEach((v, i) => {
    if (v.min >= v.max) err(['variables', i, 'max'], `max (${v.max}) must be greater than min (${v.min})`);
    else if (v.initial < v.min || v.initial > v.max) {
      err(['variables', i, 'initial'], `initial value ${v.initial} lies outside ${v.min}..${v.max}`);
    }
  });

  const checkEffects = (effects: Record<string, number> | undefined, path: Path) => {
    for (const id of Object.keys(effects ?? {})) ref([...path, 'effects', id], id, variables, 'variable');
  };
  const checkMap = (changes: MapChange[] | undefined, path: Path) => {
    changes?.forEach((c, i) => {
      const p = [...path, 'map', i];
      if ('actor' in c) {
        ref([...p, 'actor'], c.actor, actors, 'actor');
        if (c.to) ref([...p, 'to'], c.to, locations, 'location');
      } else if ('unit' in c) {
        ref([...p, 'unit'], c.unit, units, 'unit');
        ref([...p, 'to'], c.to, locations, 'location');
      } else ref([...p, 'location'], c.location, locations, 'location');
    });
  };
  const checkDoctrine = (follows: string[], breaks: string[], path: Path) => {
    follows.forEach((id, i) => {
      const entry = catalogue.get(id);
      if (!entry) err([...path, 'follows', i], `unknown doctrine id "${id}"${doctrineHint(id, catalogue)}`);
      else if (entry.kind === 'dont')
        err([...path, 'follows', i], `"${id}" is a Don't; list it under breaks`);
    });
    breaks.forEach((id, i) => {
      const entry = catalogue.get(id);
      if (!entry) err([...path, 'breaks', i], `unknown doctrine id "${id}"${doctrineHint(id, catalogue)}`);
      else if (entry.kind !== 'dont')
        err(
          [...path, 'breaks', i],
          entry.duty
            ? `"${id}" is a Do that carries a duty; list it under fails when the choice fails it`
            : `"${id}" is a Do; list it under follows`,
        );
    });
  };
  // why: a choice fails a duty only where the handbook words the Do as an obligation (the catalogue
  // marks it with \`duty\`); an option cannot both do and fail the same thing, and \`doctrine: none\`
  // is a claim that nothing applies, so it cannot sit beside tags.
  const checkChoiceDoctrine = (c: TaggedChoice, path: Path) => {
    checkDoctrine(c.follows, c.breaks, path);
    const fails = Array.isArray(c.fails) ? c.fails : [];
    fails.forEach((id, i) => {
      const entry = catalogue.get(id);
      if (!entry) err([...path, 'fails', i], `unknown doctrine id "${id}"${doctrineHint(id, catalogue)}`);
      else if (entry.kind === 'dont') err([...path, 'fails', i], `"${id}" is a Don't; list it under breaks`);
      else if (!entry.duty)
        err(
          [...path, 'fails', i],
          `"${id}" carries no duty in the catalogue, so failing it cannot be scored; cite a Do the handbook words as an obligation`,
        );
      else if (c.follows.includes(id))
        err(
          [...path, 'fails', i],
          `"${id}" is also under follows: a choice cannot follow and fail the same Do`,
        );
    });
    if (c.doctrine === 'none' && c.doctrineNote === undefined)
      err([...path, 'doctrine'], 'doctrine: none needs a doctrineNote saying why no doctrine applies');
    if (c.doctrineNote !== undefined && c.doctrine !== 'none')
      err([...path, 'doctrineNote'], 'doctrineNote goes with doctrine: none; add it or remove the note');
    if (c.doctrine === 'none' && c.follows.length + c.breaks.length + fails.length > 0)
      err([...path, 'doctrine'], 'doctrine: none contradicts the follows, breaks or fails listed here');
  };
  const checkRoutes = (routes: Route[] | undefined, path: Path) => {
    routes?.forEach((r, i) => {
      const rp = [...path, 'routes', i];
      const last = i === routes.length - 1;
      if (!r.when && !last)
        err([...rp, 'when'], 'a route without a condition must come last; later routes are never taken');
      if (r.when && last)
        err([...rp, 'when'], 'the last route must have no condition, so the run always has a way on');
      conditionsOf(r.when).forEach((c, ci) => {
        const cp = Array.isArray(r.when) ? [...rp, 'when', ci] : [...rp, 'when'];
        if ('variable' in c) {
          ref([...cp, 'variable'], c.variable, variables, 'variable');
          if (c.atLeast === undefined && c.atMost === undefined) err(cp, 'give atLeast, atMost or both');
        } else if ('chose' in c) ref([...cp, 'chose'], c.chose, options, 'option');
        else ref([...cp, 'notChose'], c.notChose, options, 'option');
      });
    });
  };

  ref(['start'], s.start, new Set(s.steps.map((st) => st.id)), 'step');

  s.steps.forEach((step, si) => {
    const at: Path = ['steps', si];
    checkEffects(step.effects, at);
    checkMap(step.map, at);
    const d = step.decision;
    if (!d) {
      if (!step.next && !step.routes) err(at, 'a step without a decision needs next or routes');
    } else {
      const dp = [...at, 'decision'];
      if (step.next || step.routes)
        err([...at, step.next ? 'next' : 'routes'], 'put next or routes on the options or the decision');
      if (d.mode === 'multi') {
        if (d.pick === undefined)
          err([...dp, 'pick'], 'a multi decision needs pick: the most options a trainee may choose');
        else if (d.pick >= d.options.length)
          err([...dp, 'pick'], `pick (${d.pick}) must be fewer than the ${d.options.length} options`);
        if (!d.next && !d.routes) err(dp, 'a multi decision needs next or routes on the decision');
        d.options.forEach((o, oi) => {
          if (o.next || o.routes)
            err(
              [...dp, 'options', oi, o.next ? 'next' : 'routes'],
              'in a multi decision, routes belong to the decision',
            );
        });
      } else {
        if (d.pick !== undefined) err([...dp, 'pick'], 'pick applies only to mode: multi');
        d.options.forEach((o, oi) => {
          if (!o.next && !o.routes && !d.next && !d.routes)
            err([...dp, 'options', oi], 'option needs next or routes (or give the decision a next)');
        });
      }
      if (d.timeLimit !== undefined && !d.noDecision)
        err([...dp, 'noDecision'], 'a timed decision needs noDecision: what happens when time runs out');
      if (d.noDecision && d.timeLimit === undefined)
        err([...dp, 'timeLimit'], 'noDecision needs a timeLimit');
      if (d.noDecision && !d.noDecision.next && !d.noDecision.routes && !d.next && !d.routes) {
        err([...dp, 'noDecision'], 'noDecision needs next or routes');
      }
      d.options.forEach((o, oi) => {
        const op = [...dp, 'options', oi];
        checkEffects(o.effects, op);
        checkMap(o.map, op);
        checkChoiceDoctrine(o, op);
      });
      if (d.noDecision) {
        const np = [...dp, 'noDecision'];
        checkEffects(d.noDecision.effects, np);
        checkMap(d.noDecision.map, np);
        checkChoiceDoctrine(d.noDecision, np);
      }
    }
    step.injects?.forEach((inj, ii) => {
      if (d?.timeLimit !== undefined && inj.at > d.timeLimit) {
        problems.push({
          path: [...at, 'injects', ii, 'at'],
          message: `arrives after the ${d.timeLimit}s time limit, so no trainee will see it`,
          severity: 'warning',
        });
      }
    });
    for (const exit of exitsOf(s, si)) {
      if (exit.next) ref([...exit.path, 'next'], exit.next, nodes, 'step or ending');
      checkRoutes(exit.routes, exit.path);
      for (const [ri, r] of (exit.routes ?? []).entries()) {
        ref([...exit.path, 'routes', ri, 'next'], r.next, nodes, 'step or ending');
      }
    }
  });

  if (s.exercise) {
    const taken = new Map<string, string>();
    for (const [what, ids] of [
      ['step or ending', nodes],
      ['option', options],
      ['inject', injects],
    ] as const) {
      for (const id of ids.keys()) if (!taken.has(id)) taken.set(id, what);
    }
    problems.push(...checkExercise(s, { ref, checkMap, checkDoctrine, taken }));
  }

  // why: a misspelt target makes everything behind it look unreachable; report the typo alone first.
  if (!problems.some((p) => p.message.startsWith('unknown step or ending')))
    problems.push(...checkReachability(s));
  return problems;
}

interface ExerciseCheckTools {
  ref: (path: Path, id: string, known: Map<string, unknown> | Set<string>, what: string) => void;
  checkMap: (changes: MapChange[] | undefined, path: Path) => void;
  checkDoctrine: (follows: string[], breaks: string[], path: Path) => void;
  /** Ids the rest of the file already uses, with what they name. */
  taken: Map<string, string>;
}

// why: the exercise section refers to its own roles, modules and injects and to the scenario's
// steps and doctrine; problems go through the same ref/err helpers so they read like the others.
function checkExercise(s: Scenario, tools: ExerciseCheckTools): Problem[] {
  const problems: Problem[] = [];
  const err = (path: Path, message: string) => problems.push({ path, message });
  const { checkMap, checkDoctrine, taken } = tools;
  // why: on data that failed the shape pass a reference may be missing or not a string; the shape
  // pass already reported it, and one bad field must not stop the other findings.
  const ref: ExerciseCheckTools['ref'] = (path, id, known, what) => {
    if (typeof id === 'string') tools.ref(path, id, known, what);
  };
  const x = s.exercise!;
  const base: Path = ['exercise'];
  // why: the checker also runs on data that failed the shape pass, where defaults are not filled.
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

  // why: ids are unique across the whole file, so a text key, a log entry or a report row names one thing.
  const seen = new Map<string, string>();
  const claim = (id: string, path: Path, what: string) => {
    const other = seen.get(id) ?? (taken.has(id) ? `${taken.get(id)} elsewhere in the file` : undefined);
    if (other) err([...path, 'id'], `${what} id "${id}" is already used by a ${other}`);
    else seen.set(id, what);
  };
  const roles = new Map<string, number>();
  list(x.roles).forEach((r, i) => {
    claim(r.id, [...base, 'roles', i], 'role');
    roles.set(r.id, i);
  });
  const objectives = new Set<string>();
  list(x.objectives).forEach((o, i) => {
    claim(o.id, [...base, 'objectives', i], 'objective');
    objectives.add(o.id);
  });
  const modules = new Set<string>();
  list(x.modules).forEach((m, i) => {
    claim(m.id, [...base, 'modules', i], 'module');
    modules.add(m.id);
    list(m.questions).forEach((q, qi) => {
      claim(q.id, [...base, 'modules', i, 'questions', qi], 'question');
    });
  });
  const msel = list(x.msel);
  const items = new Map<string, number>();
  const actions = new Set<string>();
  msel.forEach((item, i) => {
    claim(item.id, [...base, 'msel', i], 'MSEL item');
    items.set(item.id, i);
    list(item.expects).forEach((a, ai) => {
      claim(a.id, [...base, 'msel', i, 'expects', ai], 'expected action');
      actions.add(a.id);
    });
  });
  list(x.evaluation).forEach((p, i) => {
    claim(p.id, [...base, 'evaluation', i], 'evaluation point');
  });

  const steps = new Map(s.steps.map((st) => [st.id, st]));
  let previousAt: { seconds: number; index: number } | undefined;
  msel.forEach((item, i) => {
    const at: Path = [...base, 'msel', i];
    if (item.contingency && item.at !== undefined)
      err(
        [...at, 'at'],
        'a contingency item has no `at`: it is released when its action is missed, or by hand',
      );
    if (!item.contingency && item.at === undefined)
      err(at, 'needs `at`: the scenario time it is released (or `contingency: true`)');
    const seconds = item.at === undefined ? undefined : parseExerciseTime(item.at);
    if (item.at !== undefined && seconds === undefined)
      err([...at, 'at'], `"${item.at}" is not a time; use "[Nd ]HH:MM", for example "0d 06:15"`);
    if (!item.contingency && seconds !== undefined) {
      if (previousAt && seconds < previousAt.seconds)
        problems.push({
          path: [...at, 'at'],
          severity: 'warning',
          message: `comes before msel[${previousAt.index}] in time; keep the MSEL in time order so it reads like the exercise`,
        });
      previousAt = { seconds, index: i };
    }
    if (item.module !== undefined) ref([...at, 'module'], item.module, modules, 'module');
    const to = item.to;
    const recipients = Array.isArray(to) ? to : undefined;
    recipients?.forEach((r, ri) => {
      ref([...at, 'to', ri], r, roles, 'role');
    });
    if (item.step !== undefined) {
      const step = steps.get(item.step);
      if (!step) ref([...at, 'step'], item.step, steps, 'step');
      else if (!step.decision)
        err([...at, 'step'], `step "${item.step}" has no decision to put to the roles`);
    }
    checkMap(item.map, at);
    list(item.expects).forEach((a, ai) => {
      const ap: Path = [...at, 'expects', ai];
      if (!roles.has(a.role)) ref([...ap, 'role'], a.role, roles, 'role');
      else if (recipients && !recipients.includes(a.role))
        err(
          [...ap, 'role'],
          `role "${a.role}" does not receive this inject (to: ${recipients.join(', ')}); add it to \`to\` or expect the action from a recipient`,
        );
      if (a.within !== undefined && parseExerciseTime(a.within) === undefined)
        err([...ap, 'within'], `"${a.within}" is not a time; use "[Nd ]HH:MM", for example "0:30"`);
      checkDoctrine(list(a.follows), [], ap);
      const satisfiedBy = list(a.satisfiedBy);
      if (satisfiedBy.length) {
        const step = item.step !== undefined ? steps.get(item.step) : undefined;
        const ids = new Set((step?.decision?.options ?? []).map((o) => o.id));
        satisfiedBy.forEach((o, oi) => {
          if (typeof o !== 'string') return;
          if (item.step === undefined)
            err(
              [...ap, 'satisfiedBy', oi],
              'this inject puts no step to the table, so no option can satisfy its actions; add `step` to the inject or drop `satisfiedBy`',
            );
          else if (step?.decision && !ids.has(o))
            err(
              [...ap, 'satisfiedBy', oi],
              `"${o}" is not an option of step "${item.step}" (options: ${[...ids].join(', ')})`,
            );
        });
      }
      if (a.contingency !== undefined) {
        const target = items.get(a.contingency);
        if (target === undefined) ref([...ap, 'contingency'], a.contingency, items, 'MSEL item');
        else if (!msel[target]!.contingency)
          err(
            [...ap, 'contingency'],
            `"${a.contingency}" is a scheduled item (it has \`at\`); a contingency must be an item with contingency: true`,
          );
      }
    });
  });
  list(x.evaluation).forEach((p, i) => {
    const at: Path = [...base, 'evaluation', i];
    ref([...at, 'objective'], p.objective, objectives, 'objective');
    list(p.roles).forEach((r, ri) => {
      ref([...at, 'roles', ri], r, roles, 'role');
    });
    list(p.watch).forEach((a, ai) => {
      if (typeof a === 'string') ref([...at, 'watch', ai], a, actions, 'expected action');
    });
  });

  // why: a contingency whose own expected action fires the first one again would loop in the room.
  const firedBy = new Map<string, { target: string; path: Path }[]>();
  msel.forEach((item, i) => {
    list(item.expects).forEach((a, ai) => {
      if (a.contingency !== undefined && items.has(a.contingency))
        firedBy.set(item.id, [
          ...(firedBy.get(item.id) ?? []),
          { target: a.contingency, path: ['exercise', 'msel', i, 'expects', ai, 'contingency'] },
        ]);
    });
  });
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  // why: depth-first with an explicit stack, so a chain of thousands of contingencies in a hostile
  // file cannot overflow the call stack.
  for (const item of msel) {
    if (state.has(item.id)) continue;
    const trail = [item.id];
    const next = [0];
    state.set(item.id, 'open');
    while (trail.length > 0) {
      const id = trail[trail.length - 1]!;
      const edge = (firedBy.get(id) ?? [])[next[next.length - 1]!];
      if (!edge) {
        state.set(id, 'done');
        trail.pop();
        next.pop();
        continue;
      }
      next[next.length - 1]!++;
      const mark = state.get(edge.target);
      if (mark === 'open') {
        const cycle = [...trail.slice(trail.indexOf(edge.target)), edge.target];
        const key = [...cycle].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const shown =
            cycle.length > 8
              ? [...cycle.slice(0, 4), `(${cycle.length - 7} more)`, ...cycle.slice(-3)]
              : cycle;
          err(edge.path, `contingency cycle: ${shown.join(' -> ')} would fire for ever`);
        }
      } else if (mark === undefined) {
        state.set(edge.target, 'open');
        trail.push(edge.target);
        next.push(0);
      }
    }
  }
  return problems;
}

// why: structural reachability over every declared exit. Guards may still close a branch at run
// time; the exhaustive lint explores that, this check catches the plain wiring mistakes.
// why: §15.5-15.7 deal with children and sexual violence; a trainee should be told before they start
// and offered a break, so a file on them without a content note is most likely an oversight.
const NOTE_EXPECTED: Readonly<Record<string, ContentTopic>> = {
  '15.5': 'children',
  '15.6': 'sexual-violence',
  '15.7': 'sexual-violence',
};

/** The content-note topic a scenario of this handbook situation is expected to name, if any. */
export function expectedContentTopic(situation: string): ContentTopic | undefined {
  return Object.hasOwn(NOTE_EXPECTED, situation) ? NOTE_EXPECTED[situation] : undefined;
}

function checkContentNote(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const topics = s.contentNote?.topics ?? [];
  topics.forEach((topic, i) => {
    if (topics.indexOf(topic) !== i)
      problems.push({ path: ['contentNote', 'topics', i], message: `topic "${topic}" is listed twice` });
  });
  const expected = expectedContentTopic(s.situation);
  if (expected && !topics.includes(expected))
    problems.push({
      path: s.contentNote ? ['contentNote', 'topics'] : ['situation'],
      message: `a §${s.situation} scenario should open with a content note: add contentNote: { topics: [${expected}] }`,
      severity: 'warning',
    });
  return problems;
}

function checkReachability(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const index = new Map(s.steps.map((st, i) => [st.id, i]));
  const edges = stepEdges(s);
  const reached = new Set<string>();
  const queue = index.has(s.start) ? [s.start] : [];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const t of edges.get(id) ?? []) queue.push(t);
  }
  s.steps.forEach((st, i) => {
    if (!reached.has(st.id))
      problems.push({ path: ['steps', i, 'id'], message: `step "${st.id}" is unreachable from start` });
  });
  s.endings.forEach((e, i) => {
    if (!reached.has(e.id))
      problems.push({ path: ['endings', i, 'id'], message: `ending "${e.id}" is unreachable from start` });
  });
  // why: walking back from the endings over reversed edges is linear; repeating forward passes
  // until nothing changes took one pass per step on a long chain.
  const sources = new Map<string, string[]>();
  for (const [id, targets] of edges) {
    for (const t of targets) {
      const list = sources.get(t);
      if (list) list.push(id);
      else sources.set(t, [id]);
    }
  }
  const leadsToEnd = new Set<string>();
  const back = s.endings.map((e) => e.id);
  while (back.length > 0) {
    const id = back.pop()!;
    if (leadsToEnd.has(id)) continue;
    leadsToEnd.add(id);
    for (const from of sources.get(id) ?? []) back.push(from);
  }
  s.steps.forEach((st, i) => {
    if (reached.has(st.id) && !leadsToEnd.has(st.id)) {
      problems.push({
        path: ['steps', i, 'id'],
        message: `step "${st.id}" has no path to any ending (dead end)`,
      });
    }
  });
  return problems;
}

/** Checks a translation against its scenario: missing, untranslated and stale keys, and version drift. */
export function checkTranslation(
  s: Scenario,
  t: Translation,
  options: { strict?: boolean; untranslated?: ReadonlySet<string> } = {},
): Problem[] {
  const problems: Problem[] = [];
  // why: while drafting, a translation that lags the source must not stop the trainer from playing
  // the scenario; publishing (--strict, the build, LMS packages) needs every text translated.
  const lagging = options.strict ? 'error' : 'warning';
  if (t.scenario !== s.id)
    problems.push({
      path: ['scenario'],
      message: `translates "${t.scenario}" but the scenario is "${s.id}"`,
    });
  if (t.language === s.language)
    problems.push({ path: ['language'], message: `the scenario itself is written in ${s.language}` });
  if (t.sourceVersion !== s.version) {
    problems.push({
      path: ['sourceVersion'],
      severity: 'warning',
      message: `made from version ${t.sourceVersion}; the scenario is now ${s.version}: review changed texts`,
    });
  }
  const keys = collectTexts(s).map((x) => x.key);
  const known = new Set(keys);
  const missing = keys.filter((key) => !(key in t.texts));
  if (options.strict) {
    for (const key of missing)
      problems.push({ path: ['texts'], message: `missing translation for "${key}"` });
  } else if (missing.length) {
    const shown = missing.slice(0, 3).map((k) => `"${k}"`);
    problems.push({
      path: ['texts'],
      severity: 'warning',
      message: `${missing.length} text${missing.length === 1 ? '' : 's'} not translated yet (${shown.join(', ')}${missing.length > 3 ? ', …' : ''}): the source text stands in; pocsim translate adds them for translating`,
    });
  }
  const marked = [...(options.untranslated ?? [])].filter((key) => known.has(key));
  // why: a fresh translation file marks every text; one line says so while drafting, and each
  // keeps its own placed line when there are few or when publishing.
  if (!options.strict && marked.length > 5) {
    problems.push({
      path: ['texts'],
      severity: 'warning',
      message: `${marked.length} texts still marked # untranslated (${marked
        .slice(0, 3)
        .map((k) => `"${k}"`)
        .join(', ')}, …): translate each, then remove its # untranslated comment`,
    });
  } else {
    for (const key of marked)
      problems.push({
        path: ['texts', key],
        severity: lagging,
        message: `"${key}" is still marked untranslated: translate it, then remove the # untranslated comment`,
      });
  }
  const stale = Object.keys(t.texts).filter((key) => !known.has(key));
  // why: suggesting a key the file already translates would make the author write it twice.
  const hint = suggester();
  for (const key of stale) {
    problems.push({
      path: ['texts', key],
      severity: lagging,
      message: `stale key "${key}": no such text in the scenario${hint(key, missing)}; pocsim translate keeps it aside under stale:`,
    });
  }
  return problems;
}
