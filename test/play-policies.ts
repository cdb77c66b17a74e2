import { CATALOGUE, SEVERITY_WEIGHT } from '../src/engine/doctrine/catalogue.ts';
import type { Decision, Option } from '../src/engine/scenario/scenario.schema.ts';

/** A trainee's policy: which options to take at a decision. */
export type Policy = (d: Decision) => string[];

// why: a failed duty counts like a broken Don't of the duty's severity, as the scorer counts it.
const doctrineValue = (o: Option) =>
  o.follows.length -
  o.breaks.reduce((sum, id) => sum + SEVERITY_WEIGHT[CATALOGUE.get(id)!.severity!], 0) -
  o.fails.reduce((sum, id) => sum + SEVERITY_WEIGHT[CATALOGUE.get(id)!.duty!], 0);

/** Takes what doctrine favours: the best option, or the best few in a "pick up to N". */
export const faithful: Policy = (d) => {
  const ranked = [...d.options].sort((a, b) => doctrineValue(b) - doctrineValue(a));
  if (d.mode !== 'multi') return [ranked[0]!.id];
  const good = ranked.filter((o) => doctrineValue(o) > 0).slice(0, d.pick ?? 1);
  return (good.length ? good : ranked.slice(0, 1)).map((o) => o.id);
};

/** Takes what looks most expedient and doctrine forbids most. */
export const reckless: Policy = (d) => {
  const ranked = [...d.options].sort((a, b) => doctrineValue(a) - doctrineValue(b));
  return d.mode === 'multi' ? ranked.slice(0, d.pick ?? 1).map((o) => o.id) : [ranked[0]!.id];
};
