import type { DoctrineCatalogue } from '../doctrine/catalogue.ts';
import { didYouMean } from './diagnostic.ts';
import type { Problem } from './load-scenario.ts';
import type { MapChange, Route, Scenario, Translation } from './scenario.schema.ts';
import { conditionsOf, exitsOf, stepEdges } from './scenario-graph.ts';
import { collectTexts } from './text-keys.ts';

type Path = PropertyKey[];

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

  const ref = (path: Path, id: string, known: Map<string, unknown> | Set<string>, what: string) => {
    if (!known.has(id)) err(path, `unknown ${what} "${id}"${didYouMean(id, known.keys())}`);
  };

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
      if (!entry)
        err([...path, 'follows', i], `unknown doctrine id "${id}"${didYouMean(id, catalogue.keys())}`);
      else if (entry.kind === 'dont')
        err([...path, 'follows', i], `"${id}" is a Don't; list it under breaks`);
    });
    breaks.forEach((id, i) => {
      const entry = catalogue.get(id);
      if (!entry)
        err([...path, 'breaks', i], `unknown doctrine id "${id}"${didYouMean(id, catalogue.keys())}`);
      else if (entry.kind !== 'dont') err([...path, 'breaks', i], `"${id}" is a Do; list it under follows`);
    });
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
        checkDoctrine(o.follows, o.breaks, op);
      });
      if (d.noDecision) {
        const np = [...dp, 'noDecision'];
        checkEffects(d.noDecision.effects, np);
        checkMap(d.noDecision.map, np);
        checkDoctrine(d.noDecision.follows, d.noDecision.breaks, np);
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

  // why: a misspelt target makes everything behind it look unreachable; report the typo alone first.
  if (!problems.some((p) => p.message.startsWith('unknown step or ending')))
    problems.push(...checkReachability(s));
  return problems;
}

// why: structural reachability over every declared exit. Guards may still close a branch at run
// time; the exhaustive lint explores that, this check catches the plain wiring mistakes.
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
  const leadsToEnd = new Set(s.endings.map((e) => e.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, targets] of edges) {
      if (!leadsToEnd.has(id) && targets.some((t) => leadsToEnd.has(t))) {
        leadsToEnd.add(id);
        grew = true;
      }
    }
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

/** Checks a translation against its scenario: missing keys, stale keys and version drift. */
export function checkTranslation(s: Scenario, t: Translation): Problem[] {
  const problems: Problem[] = [];
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
  for (const key of keys) {
    if (!(key in t.texts)) problems.push({ path: ['texts'], message: `missing translation for "${key}"` });
  }
  for (const key of Object.keys(t.texts)) {
    if (!known.has(key))
      problems.push({
        path: ['texts', key],
        message: `stale key "${key}": no such text in the scenario${didYouMean(key, keys)}`,
      });
  }
  return problems;
}
