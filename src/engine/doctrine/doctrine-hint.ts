import { nearest } from '../scenario/diagnostic.ts';
import type { DoctrineCatalogue } from './catalogue.ts';

const KIND_NAMES = { do: "Do's", dont: "Don'ts", principle: 'principles' } as const;

/**
 * A hint for a doctrine id that is not in the catalogue: for a well-formed id of a known section,
 * the range that section really has (a suggestion from another section would mislead); else the
 * nearest id of the same section, then of the whole catalogue.
 */
export function doctrineHint(id: string, catalogue: DoctrineCatalogue): string {
  const m = /^(.+)-(do|dont|principle)-(\d+)$/.exec(id);
  const all = [...catalogue.values()];
  const sectionOf = (e: (typeof all)[number]) => e.id.replace(/-(do|dont|principle)-\d+$/, '');
  const section = m?.[1] ?? id.replace(/-.*$/, '');
  const inSection = all.filter((e) => sectionOf(e) === section);
  const lookup = ` (pocsim doctrine --section ${inSection[0]?.section ?? section} lists them)`;
  if (m && inSection.length) {
    const kind = m[2] as keyof typeof KIND_NAMES;
    const same = inSection.filter((e) => e.kind === kind);
    const where = `§${inSection[0]!.section}`.replace('§Annex', 'Annex');
    if (!same.length) return ` (${where} has no ${KIND_NAMES[kind]}${lookup.slice(1)}`;
    return ` (${where} has ${KIND_NAMES[kind]} ${same[0]!.id} to ${same.at(-1)!.id}${lookup.replace(' (', '; ')}`;
  }
  const near =
    nearest(
      id,
      inSection.map((e) => e.id),
    ) ?? nearest(id, catalogue.keys());
  return near ? ` (did you mean "${near}"?)` : '';
}
