// why: every CSV pocsim writes (a trainee's decisions, a trainer's cohort) carries text from files
// anyone can write: scenario texts, trainee names, file names. A spreadsheet runs a cell as a
// formula when it starts with = + - @ (or a tab or carriage return before one, or their full-width
// forms, which some spreadsheets fold to ASCII), so one function decides how each cell is written.

/** The characters that make a spreadsheet read a cell as a formula (OWASP's list, plus full-width forms). */
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

/** Text a spreadsheet shows as it is: a leading quote keeps a formula-like cell as plain text. */
export function disarmFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell (RFC 4180): null as empty, finite numbers as they are, text disarmed against
 * formulas and quoted when it holds a separator, a quote, a line break or edge spaces.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const safe = disarmFormula(String(value));
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV text with CRLF line ends (no byte-order mark; add one where a spreadsheet needs it). */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
