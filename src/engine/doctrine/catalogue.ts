import { CHAPTER_15, CHAPTER_15_SITUATIONS } from './chapter-15.ts';
import type { DoctrineEntry, DoctrineSituation } from './doctrine-entry.ts';

/** Every doctrine entry pocsim scores against, in handbook order. */
export const DOCTRINE: readonly DoctrineEntry[] = CHAPTER_15;

/** The handbook situations that group doctrine entries. */
export const SITUATIONS: readonly DoctrineSituation[] = CHAPTER_15_SITUATIONS;

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
