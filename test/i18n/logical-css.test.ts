import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// why: a right-to-left language (Arabic) mirrors the page only if styles say start and end, not
// left and right; this keeps every stylesheet and inline style that way.

/** Declarations that fix a side of the page instead of following the writing direction. */
const PHYSICAL = [
  /(?:^|[\s;{])(?:margin|padding)-(?:left|right)\s*:/,
  /(?:^|[\s;{])border-(?:left|right)(?:-[a-z]+)?\s*:/,
  /(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
  /(?:^|[\s;{])(?:left|right)\s*:/,
  /(?:^|[\s;{])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
];
/** The same in JSX inline styles (`style={{ marginLeft: 4 }}`). */
const PHYSICAL_INLINE =
  /style=\{\{[^}]*\b(?:marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*|left|right)\s*:|textAlign\s*:\s*['"](?:left|right)/;

/** Shorthands whose four values run top, right, bottom, left. */
const FOUR_SIDES =
  /(?:^|[\s;{])(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)\s*:\s*([^;}]+)/g;

/** Whether a declaration gives the left and the right side different values (`padding: 0 1rem 0 2rem`). */
function unevenSides(line: string): boolean {
  for (const m of line.matchAll(FOUR_SIDES)) {
    const values = m[2]!.trim().match(/(?:calc|var|min|max|clamp)\([^)]*\)|\S+/g) ?? [];
    if (values.length === 4 && values[1] !== values[3]) return true;
  }
  return false;
}

/** Physical declarations in a stylesheet's text, as `line: declaration`. */
function physicalDeclarations(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(
      ({ line }) => !line.startsWith('@media') && (PHYSICAL.some((re) => re.test(line)) || unevenSides(line)),
    )
    .map(({ line, n }) => `${n}: ${line}`);
}

const files = (ext: string) =>
  (readdirSync('src', { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext))
    .map((f) => join('src', f));

describe('styles follow the writing direction', () => {
  it('use logical properties (inline-start/end) in every stylesheet', () => {
    const found = files('.css').flatMap((f) =>
      physicalDeclarations(readFileSync(f, 'utf8')).map((d) => `${f}:${d}`),
    );
    expect(found).toEqual([]);
  });

  it('use no physical side in inline styles', () => {
    const found = files('.tsx').filter((f) => PHYSICAL_INLINE.test(readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches the physical forms, and lets logical ones and media queries through', () => {
    const css = [
      '.a { margin-left: 1rem; }',
      '.b {',
      '  padding-inline-start: 1rem;',
      '  border-right: 1px solid;',
      '  text-align: left;',
      '  left: 0;',
      '  inset-inline-end: 0;',
      '  border-top-left-radius: 2px;',
      '  padding: 0 1rem 0 2rem;',
      '  margin: 0 auto 1rem auto;',
      '}',
      '/* margin-right: 2px in a comment */',
      '@media (max-width: 600px) { .c { text-align: start; } }',
    ].join('\n');
    expect(physicalDeclarations(css)).toEqual([
      '1: .a { margin-left: 1rem; }',
      '4: border-right: 1px solid;',
      '5: text-align: left;',
      '6: left: 0;',
      '8: border-top-left-radius: 2px;',
      '9: padding: 0 1rem 0 2rem;',
    ]);
  });
});
