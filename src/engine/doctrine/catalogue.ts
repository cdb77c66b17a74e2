import { CHAPTER_15, CHAPTER_15_SITUATIONS } from './chapter-15.ts';
import type { DoctrineEntry, DoctrineSituation } from './doctrine-entry.ts';
import { EXERCISE_DOCTRINE, EXERCISE_SITUATIONS } from './exercise-doctrine.ts';

// why: the exercises' sections sit on both sides of Chapter 15 (chapters 8 to 13 before it, the
// annexes after), and lists built from the catalogue should read in the handbook's order.
const isAnnex = (section: string) => section.startsWith('Annex');

/** Every doctrine entry pocsim scores against, in handbook order: Chapter 15 and the exercises' sections. */
export const DOCTRINE: readonly DoctrineEntry[] = [
  ...EXERCISE_DOCTRINE.filter((e) => !isAnnex(e.section)),
  ...CHAPTER_15,
  ...EXERCISE_DOCTRINE.filter((e) => isAnnex(e.section)),
];

/** The handbook sections that group doctrine entries, in handbook order. */
export const SITUATIONS: readonly DoctrineSituation[] = [
  ...EXERCISE_SITUATIONS.filter((s) => !isAnnex(s.section)),
  ...CHAPTER_15_SITUATIONS,
  ...EXERCISE_SITUATIONS.filter((s) => isAnnex(s.section)),
];

/** Doctrine entries by id. */
export type DoctrineCatalogue = ReadonlyMap<string, DoctrineEntry>;

/** Builds the id lookup for a list of doctrine entries. */
export function createCatalogue(entries: readonly DoctrineEntry[] = DOCTRINE): DoctrineCatalogue {
  return new Map(entries.map((e) => [e.id, e]));
}

/** The default catalogue: every entry pocsim ships. */
export const CATALOGUE: DoctrineCatalogue = createCatalogue();

/** Penalty weight of a Don't by severity, in the same unit as one Do followed. */
export const SEVERITY_WEIGHT = { critical: 3, major: 2, minor: 1 } as const;
