import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { registerStrings } from '../i18n/i18n.ts';
import { useI18n } from './i18n-context.tsx';

// why: trainees read in their second language, and scenario text is dense with mission acronyms.
// Each acronym is defined once, per concept, in the glossary string tables (en and fr, each with the
// acronym that language uses: UNHCR / HCR), and explained wherever scenario text uses it. The
// tables load after the first screen, so they do not weigh on the first load; text shows plain
// until then.

/** The glossary's string tables, loaded once. */
let tables: Promise<string[]> | null = null;
let concepts: string[] | null = null;

/** Loads the glossary tables and registers them with i18next; resolves to the concept ids. */
export function loadGlossary(): Promise<string[]> {
  tables ??= Promise.all([
    import('../i18n/locales/glossary/en.json'),
    import('../i18n/locales/glossary/fr.json'),
  ]).then(([en, fr]) => {
    registerStrings({ en: en.default, fr: fr.default });
    concepts = Object.keys(en.default.glossary.concepts);
    return concepts;
  });
  return tables;
}

function useGlossaryConcepts(): string[] | null {
  const [loaded, setLoaded] = useState(concepts);
  useEffect(() => {
    if (loaded) return undefined;
    let live = true;
    loadGlossary().then(
      (c) => live && setLoaded(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

interface Glossary {
  pattern: RegExp | null;
  definitions: Map<string, string>;
}

const glossaries = new Map<string, Glossary>();

function glossaryFor(lang: string, t: (key: string) => string, ids: readonly string[]): Glossary {
  const known = glossaries.get(lang);
  if (known) return known;
  const definitions = new Map<string, string>();
  for (const c of ids) {
    definitions.set(t(`glossary.concepts.${c}.term`), t(`glossary.concepts.${c}.definition`));
  }
  const terms = [...definitions.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // why: a whole acronym only (not the "CAN" in "CANOE" nor the "UNPOL" of "UNPOL-led").
  const pattern = terms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}-])(${terms.join('|')})(?![\\p{L}\\p{N}-])`, 'gu')
    : null;
  const glossary = { pattern, definitions };
  glossaries.set(lang, glossary);
  return glossary;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Scenario text with its mission acronyms explained: the first use of each in the text is an
 * abbreviation that shows its definition on hover and on keyboard focus (and to screen readers as
 * its description); Escape hides it again.
 */
export function Glossed({ text }: { text: string }): JSX.Element {
  const { t, lang } = useI18n();
  const ids = useGlossaryConcepts();
  const base = useId();
  if (!ids) return <>{text}</>;
  const { pattern, definitions } = glossaryFor(lang, t, ids);
  if (!pattern) return <>{text}</>;
  const out: ComponentChildren[] = [];
  const tips: ComponentChildren[] = [];
  const seen = new Set<string>();
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const term = m[0];
    if (seen.has(term)) continue;
    seen.add(term);
    const id = `${base}-${seen.size}`;
    const definition = definitions.get(term) ?? '';
    out.push(text.slice(last, m.index));
    out.push(
      // biome-ignore lint/a11y/noStaticElementInteractions: a focusable abbreviation whose definition Escape dismisses (WCAG 1.4.13)
      <abbr
        key={id}
        class="term"
        tabIndex={0}
        aria-describedby={id}
        data-tip={definition}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.currentTarget as HTMLElement).blur();
        }}
      >
        {term}
      </abbr>,
    );
    // why: the descriptions stay hidden after the text (the abbreviation shows its own on hover and
    // focus); placed beside each abbreviation, a hidden element split the words around it, so a
    // label read "Sector HQ ." to assistive technology.
    tips.push(
      <span key={`${id}-tip`} role="tooltip" id={id} hidden>
        {definition}
      </span>,
    );
    last = m.index + term.length;
  }
  out.push(text.slice(last));
  return (
    <>
      {out}
      {tips}
    </>
  );
}

/** Plain text in paragraphs, as `Paragraphs`, with acronyms explained. */
export function GlossedParagraphs({ text }: { text: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i}>
          <Glossed text={p} />
        </p>
      ))}
    </>
  );
}
