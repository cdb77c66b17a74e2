// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { packageCommand } from '../../src/cli/package-command.ts';
import {
  buildCmi5Xml,
  buildScorm12Manifest,
  defaultCourseIri,
  type PackageDescription,
} from '../../src/lms/package-manifests.ts';

const description: PackageDescription = {
  title: { en: 'POC course', fr: 'Cours POC' },
  description: { en: 'Scenarios', fr: 'Scénarios' },
  language: 'fr',
  launchPage: 'index.html',
  scenarios: [
    {
      id: '15-1-base-gate',
      version: '1.0.0',
      title: { en: 'Gate at dawn', fr: 'Porte à l’aube' },
      summary: { en: 'Families & "armed" men <at> the gate', fr: 'Des familles' },
      masteryScore: 70,
    },
    {
      id: '15-6-sv-imminent',
      version: '2.1.0',
      title: { en: 'Market day' },
      summary: { en: 'A market' },
      masteryScore: 85,
    },
  ],
};

const parse = (text: string) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('cmi5.xml', () => {
  it('describes one AU per scenario, with its mastery score scaled and a relative launch URL', () => {
    const doc = parse(
      buildCmi5Xml(description, { courseIri: defaultCourseIri(['b', 'a']), moveOn: 'CompletedAndPassed' }),
    );
    const root = doc.documentElement;
    expect(root.tagName).toBe('courseStructure');
    expect(root.getAttribute('xmlns')).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    expect(doc.getElementsByTagName('course')[0]!.getAttribute('id')).toBe(defaultCourseIri(['a', 'b']));
    const aus = [...doc.getElementsByTagName('au')];
    expect(
      aus.map((a) => [a.getAttribute('id'), a.getAttribute('masteryScore'), a.getAttribute('moveOn')]),
    ).toEqual([
      ['https://pocsim.org/xapi/scenarios/15-1-base-gate', '0.7', 'CompletedAndPassed'],
      ['https://pocsim.org/xapi/scenarios/15-6-sv-imminent', '0.85', 'CompletedAndPassed'],
    ]);
    expect(aus.map((a) => a.getElementsByTagName('url')[0]!.textContent)).toEqual([
      'index.html?scenario=15-1-base-gate',
      'index.html?scenario=15-6-sv-imminent',
    ]);
    // the main language comes first; text is escaped, not markup
    const first = [...aus[0]!.getElementsByTagName('description')[0]!.getElementsByTagName('langstring')];
    expect(first.map((l) => l.getAttribute('lang'))).toEqual(['fr', 'en']);
    expect(first[1]!.textContent).toBe('Families & "armed" men <at> the gate');
    // every element the schema requires is there, in its order
    expect([...aus[0]!.children].map((c) => c.tagName)).toEqual(['title', 'description', 'url']);
  });
});

describe('imsmanifest.xml', () => {
  it('lists an item per scenario with its parameters and mastery score, and every file of the SCO', () => {
    const files = ['index.html', 'assets/index-abc.js', 'assets/index-abc.css'];
    const doc = parse(buildScorm12Manifest(description, files, 'pocsim-1234'));
    expect(doc.getElementsByTagName('schemaversion')[0]!.textContent).toBe('1.2');
    const items = [...doc.getElementsByTagName('item')];
    expect(
      items.map((i) => [
        i.getAttribute('identifier'),
        i.getAttribute('identifierref'),
        i.getAttribute('parameters'),
      ]),
    ).toEqual([
      ['item-15-1-base-gate', 'pocsim-sco', '?scenario=15-1-base-gate'],
      ['item-15-6-sv-imminent', 'pocsim-sco', '?scenario=15-6-sv-imminent'],
    ]);
    expect(items.map((i) => i.getElementsByTagName('title')[0]!.textContent)).toEqual([
      'Porte à l’aube',
      'Market day',
    ]);
    expect(items.map((i) => i.getElementsByTagName('adlcp:masteryscore')[0]!.textContent)).toEqual([
      '70',
      '85',
    ]);
    const resource = doc.getElementsByTagName('resource')[0]!;
    expect(resource.getAttribute('adlcp:scormtype')).toBe('sco');
    expect(resource.getAttribute('type')).toBe('webcontent');
    expect(resource.getAttribute('href')).toBe('index.html');
    expect([...resource.getElementsByTagName('file')].map((f) => f.getAttribute('href'))).toEqual(
      [...files].sort(),
    );
  });
});

describe('pocsim package arguments', () => {
  it('explains what is missing or wrong before building anything', async () => {
    expect((await packageCommand([])).stderr).toMatch(
      /^package needs --cmi5 <out.zip> or --scorm12 <out.zip>/,
    );
    expect((await packageCommand(['--cmi5', 'x.zip', '--lang', 'de'])).stderr).toMatch(
      /^--lang must be en or fr/,
    );
    expect((await packageCommand(['--cmi5', 'x.zip', '--move-on', 'Always'])).stderr).toMatch(
      /^--move-on must be one of/,
    );
    expect((await packageCommand(['--cmi5', 'x.zip', '--course-id', 'not an iri'])).stderr).toMatch(
      /^--course-id must be an IRI/,
    );
    const unknown = await packageCommand([
      '--scorm12',
      'x.zip',
      '--scenarios',
      '15-1-base-gate,15-9-nowhere',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^no bundled scenario "15-9-nowhere".*bundled: 15-1-base-gate,/);
  });
});
