import { Document, isScalar, stringify, visit } from 'yaml';
import { DOCTRINE, SITUATIONS } from '../engine/doctrine/catalogue.ts';
import { expectedContentTopic } from '../engine/scenario/check-scenario.ts';
import type { ScenarioInput } from '../engine/scenario/scenario.schema.ts';
import { scenarioSchema } from '../engine/scenario/scenario.schema.ts';
import { collectTexts } from '../engine/scenario/text-keys.ts';

// why: the starter is written the way docs/authoring.md and the bundled scenarios write: short
// lists of ids and tiers and maps of numbers on one line (`tiers: [ II ]`, `effects: { harm: 1 }`),
// texts in blocks, and times quoted (`startClock: "06:00"`), as the guide asks.
function writeLikeTheGuide(data: unknown): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((it) => isScalar(it) && String(it.value).length <= 30))
        node.flow = true;
    },
    Map(_, node) {
      if (
        node.items.length > 0 &&
        node.items.every((p) => isScalar(p.value) && typeof p.value.value === 'number')
      )
        node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{1,2}:\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 100, flowCollectionPadding: true });
}

/** Files of a new scenario folder, by file name. */
export type StarterFiles = Record<string, string>;

// why: a starter must validate and play as written, so a trainer edits a working scenario instead
// of fighting an empty file; the doctrine of the chosen situation is listed where options are written.
/** Writes the files of a commented starter scenario for a handbook situation. */
export function buildStarterScenario(id: string, situation: string, languages: string[]): StarterFiles {
  const entries = DOCTRINE.filter((e) => e.section === situation);
  const firstDo = entries.find((e) => e.kind === 'do')?.id;
  const firstDont = entries.find((e) => e.kind === 'dont')?.id;
  const title = SITUATIONS.find((s) => s.section === situation)?.title.en ?? `Situation ${situation}`;
  const topic = expectedContentTopic(situation);
  const data: ScenarioInput = {
    id,
    version: '1.0.0',
    language: 'en',
    title: `New scenario: ${title}`,
    summary: 'One or two sentences that tell a trainee what this scenario is about.',
    situation,
    audience: ['contingent-commander'],
    minutes: 15,
    ...(topic ? { contentNote: { topics: [topic] } } : {}),
    masteryScore: 70,
    briefing: 'Who the trainee is, where, what has happened, and what is expected of them.',
    objectives: ['What the trainee should be able to do at the end.'],
    startClock: '06:00',
    setting: {
      place: 'A fictional place of your mission',
      map: { width: 1000, height: 700 },
      locations: [
        { id: 'base', name: 'Company base', kind: 'base', x: 500, y: 350 },
        { id: 'village', name: 'Village', kind: 'settlement', x: 200, y: 200 },
      ],
      roads: [{ from: 'base', to: 'village' }],
      actors: [{ id: 'civilians', name: 'Villagers', kind: 'civilians', at: 'village', size: 200 }],
      units: [{ id: 'company', name: 'Infantry company', kind: 'infantry', at: 'base' }],
    },
    variables: [{ id: 'harm', name: 'Harm to civilians', min: 0, max: 10, initial: 0, better: 'lower' }],
    start: 'first-step',
    steps: [
      {
        id: 'first-step',
        phase: 'pre-emption',
        title: 'First step',
        narration: 'What the trainee sees and hears. Two to five sentences.',
        injects: [
          { id: 'first-call', from: 'Sector HQ', channel: 'radio', text: 'A radio message.', sound: 'radio' },
        ],
        decision: {
          prompt: 'What do you do?',
          timeLimit: 120,
          options: [
            {
              id: 'right-choice',
              label: 'The action doctrine asks for',
              feedback: 'Why this was right, citing the handbook section.',
              tiers: ['II'],
              follows: firstDo ? [firstDo] : [],
              effects: { harm: -1 },
              next: 'end-protected',
            },
            {
              id: 'tempting-choice',
              label: 'A tempting action doctrine forbids',
              feedback: 'What went wrong and what the handbook says instead.',
              tiers: ['II'],
              breaks: firstDont ? [firstDont] : [],
              effects: { harm: 3 },
              next: 'end-harmed',
            },
          ],
          noDecision: {
            feedback: 'What happened because no decision was taken in time.',
            effects: { harm: 2 },
            next: 'end-harmed',
          },
        },
      },
    ],
    endings: [
      { id: 'end-protected', title: 'Civilians protected', text: 'How it ended.', outcome: 'protected' },
      { id: 'end-harmed', title: 'Civilians harmed', text: 'How it ended.', outcome: 'harmed' },
    ],
  };
  const doctrineComment = entries.map(
    (e) => `#   ${e.id.padEnd(12)} ${e.severity ? `[${e.severity}] ` : ''}${e.summary.en}`,
  );
  const header = [
    '# yaml-language-server: $schema=../../schema/scenario.schema.json',
    `# Starter scenario for Handbook §${situation}. It validates and plays as it is: change it step by step,`,
    '# and check with: npm run sim -- validate, npm run sim -- lint, npm run sim -- play <this folder>.',
    '# The guide is docs/authoring.md when present; the JSON Schema above gives hover help in editors.',
    '#',
    `# Doctrine of §${situation} (use Do ids under "follows", Don't ids under "breaks"):`,
    ...doctrineComment,
    '',
  ].join('\n');
  const files: StarterFiles = { 'scenario.yaml': `${header}${writeLikeTheGuide(data)}` };
  const scenario = scenarioSchema.parse(data);
  for (const lang of languages.filter((l) => l !== 'en')) {
    const texts = Object.fromEntries(collectTexts(scenario).map((t) => [t.key, t.text]));
    files[`${lang}.yaml`] = [
      '# yaml-language-server: $schema=../../schema/translation.schema.json',
      `# Translation of ${id} into "${lang}". Each text starts as the English source: translate it in place.`,
      stringify({ language: lang, scenario: id, sourceVersion: data.version, texts }, { lineWidth: 100 }),
    ].join('\n');
  }
  return files;
}
