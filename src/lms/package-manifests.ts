import { POCSIM_IRI, scenarioIri } from './xapi-vocabulary.ts';

// why: the two course descriptions an LMS reads when a trainer uploads a package: cmi5.xml (cmi5
// §13, one AU per scenario) and imsmanifest.xml (SCORM 1.2 content packaging, one SCO item per
// scenario). Pure functions of the chosen scenarios, so tests check them without a build.

/** Text in each language the package carries (`en`, `fr`). */
export type LangText = Partial<Record<string, string>>;

/** A scenario as a package lists it. */
export interface PackagedScenario {
  id: string;
  version: string;
  title: LangText;
  summary: LangText;
  /** 0-100, from the scenario file. */
  masteryScore: number;
}

/** What both course descriptions need. */
export interface PackageDescription {
  title: LangText;
  description: LangText;
  /** The package's main language: first in lists, and the one SCORM 1.2 titles use. */
  language: string;
  scenarios: readonly PackagedScenario[];
  /** The page that starts the app, relative to the package root. */
  launchPage: string;
}

/** cmi5 moveOn values pocsim offers (cmi5 §13.1.4). */
export type MoveOn = 'CompletedAndPassed' | 'Passed' | 'Completed' | 'CompletedOrPassed' | 'NotApplicable';

/** The address an AU or SCO item opens: the app page with the scenario to play. */
export function launchUrl(launchPage: string, scenarioId: string): string {
  return `${launchPage}?scenario=${encodeURIComponent(scenarioId)}`;
}

/** A course IRI that stays the same for the same set of scenarios. */
export function defaultCourseIri(scenarioIds: readonly string[]): string {
  return `${POCSIM_IRI}/courses/${hash([...scenarioIds].sort().join(','))}`;
}

/** `cmi5.xml`: the course, and one AU per scenario with its mastery score and a relative launch URL. */
export function buildCmi5Xml(p: PackageDescription, options: { courseIri: string; moveOn: MoveOn }): string {
  const langstrings = (text: LangText, indent: string) =>
    ordered(text, p.language)
      .map(([lang, value]) => `${indent}<langstring lang="${xml(lang)}">${xml(value)}</langstring>`)
      .join('\n');
  const block = (tag: string, text: LangText, indent: string) =>
    `${indent}<${tag}>\n${langstrings(text, `${indent}  `)}\n${indent}</${tag}>`;
  const aus = p.scenarios.map((s) =>
    [
      `  <au id="${xml(scenarioIri(s.id))}" moveOn="${options.moveOn}" masteryScore="${masteryScaled(s.masteryScore)}" launchMethod="AnyWindow">`,
      block('title', s.title, '    '),
      block('description', s.summary, '    '),
      `    <url>${xml(launchUrl(p.launchPage, s.id))}</url>`,
      '  </au>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">',
    `  <course id="${xml(options.courseIri)}">`,
    block('title', p.title, '    '),
    block('description', p.description, '    '),
    '  </course>',
    ...aus,
    '</courseStructure>',
    '',
  ].join('\n');
}

/** `imsmanifest.xml` (SCORM 1.2): one organization, an item per scenario, one SCO listing every file. */
export function buildScorm12Manifest(
  p: PackageDescription,
  files: readonly string[],
  identifier: string,
): string {
  const text = (t: LangText) => t[p.language] ?? Object.values(t).find(Boolean) ?? '';
  const items = p.scenarios.map((s) =>
    [
      `      <item identifier="${xml(itemId(s.id))}" identifierref="pocsim-sco" isvisible="true" parameters="${xml(`?scenario=${encodeURIComponent(s.id)}`)}">`,
      `        <title>${xml(text(s.title))}</title>`,
      `        <adlcp:masteryscore>${s.masteryScore}</adlcp:masteryscore>`,
      '      </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xml(identifier)}" version="1.0"`,
    '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    '  <organizations default="pocsim-course">',
    '    <organization identifier="pocsim-course">',
    `      <title>${xml(text(p.title))}</title>`,
    ...items,
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="pocsim-sco" type="webcontent" adlcp:scormtype="sco" href="${xml(p.launchPage)}">`,
    ...[...files].sort().map((f) => `      <file href="${xml(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The SCORM item identifier of a scenario (an XML ID: it may not start with a digit). */
export function itemId(scenarioId: string): string {
  return `item-${scenarioId}`;
}

/** A manifest identifier that stays the same for the same set of scenarios. */
export function defaultManifestId(scenarioIds: readonly string[]): string {
  return `pocsim-${hash([...scenarioIds].sort().join(','))}`;
}

function masteryScaled(score: number): string {
  return String(Math.round(score * 100) / 10_000);
}

function ordered(text: LangText, first: string): [string, string][] {
  return (Object.entries(text).filter(([, v]) => !!v) as [string, string][]).sort(
    ([a], [b]) => Number(b === first) - Number(a === first) || a.localeCompare(b),
  );
}

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// why: FNV-1a is enough to tell sets of scenario ids apart in an identifier; it is not a secret.
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
