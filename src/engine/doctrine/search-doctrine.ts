import { DOCTRINE } from './catalogue.ts';
import type { DoctrineEntry } from './doctrine-entry.ts';

/** What a trainer searches the doctrine catalogue with: words, an id, and an optional section. */
export interface DoctrineQuery {
  /** Free text: every word must appear in the id, the section or the summary (any language). */
  text?: string;
  /** A handbook section such as `15.4`, `11.4` (its subsections too) or `Annex V`. */
  section?: string;
  /** Only Do's, only Don'ts or only principles. */
  kind?: DoctrineEntry['kind'];
}

// why: trainers type "securite" for "sécurité" and "don't" with a straight or curly apostrophe;
// comparing folded text keeps such near-spellings from hiding an entry.
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

// why: "intervene" should find "intervention" and "children" "child"; dropping one common ending
// of a long word is a crude stem, but enough for a catalogue of a few hundred lines.
const ENDINGS = ['ing', 'ren', 'ion', 'ed', 'er', 'es', 'e', 's'];
function stem(word: string): string {
  if (word.length <= 5) return word;
  const ending = ENDINGS.find((e) => word.endsWith(e));
  return ending ? word.slice(0, -ending.length) : word;
}

/** True when `entry` belongs to `section` or one of its subsections (15.4 holds 15.4 and not 15.40). */
export function inSection(entry: DoctrineEntry, section: string): boolean {
  const want = fold(section.trim().replace(/^§/, ''));
  const have = fold(entry.section);
  return have === want || have.startsWith(`${want}.`);
}

/** The catalogue entries matching a query, in handbook order; an exact id comes first. */
export function searchDoctrine(
  query: DoctrineQuery,
  entries: readonly DoctrineEntry[] = DOCTRINE,
): DoctrineEntry[] {
  const words = fold(query.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const found = entries.filter((e) => {
    if (query.section && !inSection(e, query.section)) return false;
    if (query.kind && e.kind !== query.kind) return false;
    if (!words.length) return true;
    const hay = fold(`${e.id} §${e.section} ${e.summary.en} ${e.summary.fr}`);
    return words.every((w) => hay.includes(stem(w)));
  });
  const exact = fold(query.text ?? '').trim();
  return [...found.filter((e) => fold(e.id) === exact), ...found.filter((e) => fold(e.id) !== exact)];
}
