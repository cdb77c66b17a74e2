/** The three POC tiers (Handbook §2.2): I dialogue and engagement, II physical protection, III protective environment. */
export const TIERS = ['I', 'II', 'III'] as const;
export type Tier = (typeof TIERS)[number];

/** The four POC phases (Handbook §2.2, §12.3); they may overlap and one action may serve several. */
export const PHASES = ['prevention', 'pre-emption', 'response', 'consolidation'] as const;
export type Phase = (typeof PHASES)[number];

export const DOCTRINE_KINDS = ['do', 'dont', 'principle'] as const;
export type DoctrineKind = (typeof DOCTRINE_KINDS)[number];

/** How badly breaking a Don't harms civilians or the mission; a critical breach caps the overall score. */
export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Text in each language the product ships; English is the source. */
export interface LocalizedText {
  en: string;
  fr: string;
}

/** One Do, Don't or principle of the handbook, written in our own words. */
export interface DoctrineEntry {
  /**
   * Stable id: `<section>-<kind>-<n>`, n counting from 1 within the section's entries of that kind
   * (a bullet's position where the handbook lists Do's and Don'ts, reading order where entries are
   * derived from its guidance), for example `15.1-dont-3`. An annex's section ("Annex V") goes into
   * the id in lower case with hyphens: `annex-v-dont-2`.
   */
  id: string;
  /** Handbook section, for example `15.1`, `11.4.6` or `Annex V`. */
  section: string;
  kind: DoctrineKind;
  tiers: readonly Tier[];
  phases: readonly Phase[];
  /** Only for Don'ts. */
  severity?: Severity;
  /**
   * Only for Do's the handbook words as an obligation ("must intervene", "always allow access"):
   * how much failing it weighs. A scenario may then list the entry under `fails`, and failing it
   * counts exactly like breaking a Don't of this severity.
   */
  duty?: Severity;
  summary: LocalizedText;
}

/** A handbook section that frames a group of doctrine entries: a Chapter 15 situation or a section the exercises draw on. */
export interface DoctrineSituation {
  section: string;
  title: LocalizedText;
}
