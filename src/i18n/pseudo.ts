// why: a pseudo-locale shows, in English, what a longer language with accents does to the layout
// (truncated buttons, clipped headings, text that escapes its box) and which words skipped the
// string tables (they stay plain). It is made from the English tables at run time (`?lang=pseudo`),
// never shipped as a file, and `&dir=rtl` lays it out right to left as Arabic would be.

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçđéƒğĥíĵķĺɱñóþǫŕšŧúṽŵẋýžÁƁÇĐÉƑĞĤÍĴĶĹṀÑÓÞǪŔŠŦÚṼŴẊÝŽ';
const VOWELS = new Set([...'aeiouyAEIOUY']);
// why: interpolation ({{name}}), nesting ($t(key)) and markup must reach i18next untouched.
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

/** Text of a pseudo-locale: accented, about 40% longer (vowels doubled), in brackets. */
export function pseudoLocalize(text: string): string {
  const parts = text.split(PROTECTED);
  const body = parts.map((part, i) => (i % 2 === 1 ? part : [...part].map(pseudoChar).join(''))).join('');
  return `[${body}]`;
}

const ACCENTS = [...ACCENTED];

function pseudoChar(c: string): string {
  const at = PLAIN.indexOf(c);
  if (at < 0) return c;
  const accented = ACCENTS[at]!;
  return VOWELS.has(c) ? accented + accented : accented;
}

/** A copy of a string table with every text in the pseudo-locale. */
export function pseudoTable<T>(table: T): T {
  if (typeof table === 'string') return pseudoLocalize(table) as T;
  if (table && typeof table === 'object')
    return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, pseudoTable(v)])) as T;
  return table;
}

/** How the page is shown for layout checks: English in the pseudo-locale, and which direction. */
export interface PseudoMode {
  dir: 'ltr' | 'rtl';
}

let mode: PseudoMode | null = null;

/** Reads `?lang=pseudo` (and `&dir=rtl`) from an address's query; null when the pseudo-locale is not asked for. */
export function pseudoModeFrom(search: string): PseudoMode | null {
  const params = new URLSearchParams(search);
  if (params.get('lang') !== 'pseudo') return null;
  return { dir: params.get('dir') === 'rtl' ? 'rtl' : 'ltr' };
}

/** Turns the pseudo-locale on (English tables are replaced when i18next instances are created), or off. */
export function setPseudoMode(next: PseudoMode | null): void {
  mode = next;
}

/** The pseudo-locale in force, if any. */
export function pseudoMode(): PseudoMode | null {
  return mode;
}
