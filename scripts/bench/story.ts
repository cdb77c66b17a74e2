// The branching story of the inkjs side-by-side, written once as data so the pocsim scenario and the
// ink story cannot drift apart. `npx tsx scripts/bench/story.ts` rewrites both files in
// bench/fixtures/; the benchmark then checks that both engines reach the same ending along the
// same choices before it times anything.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

type Var = 'trust' | 'harm' | 'threat';
type Effects = Partial<Record<Var, number>>;
/** A condition on the world after the option's effects: a variable floor, or an earlier choice. */
type When = { variable: Var; atLeast: number } | { chose: string };
interface Option {
  id: string;
  label: string;
  effects?: Effects;
  /** Where the option leads; the node's `next` otherwise. */
  next?: string;
}
interface Node {
  id: string;
  title: string;
  narration: string;
  prompt: string;
  options: Option[];
  next?: string;
  /** Guarded branches tried in order after the choice; the last has no condition. */
  routes?: { when?: When; next: string }[];
}

const VARIABLES: {
  id: Var;
  name: string;
  min: number;
  max: number;
  initial: number;
  better: 'higher' | 'lower';
}[] = [
  { id: 'trust', name: 'Community trust', min: 0, max: 10, initial: 5, better: 'higher' },
  { id: 'harm', name: 'Harm to civilians', min: 0, max: 10, initial: 0, better: 'lower' },
  { id: 'threat', name: 'Threat level', min: 0, max: 5, initial: 1, better: 'lower' },
];

const ENDINGS = [
  {
    id: 'end-harmed',
    title: 'Civilians harmed',
    text: 'People on the road were hurt on the way.',
    outcome: 'harmed',
  },
  {
    id: 'end-protected',
    title: 'Safe arrival',
    text: 'The convoy and the families with it reach Kerem safely.',
    outcome: 'protected',
  },
  {
    id: 'end-partial',
    title: 'Arrival with losses',
    text: 'The convoy arrives, but trust along the road is thin.',
    outcome: 'partial',
  },
] as const;

/** The story: a spine of twenty decisions with four side branches and guarded routes. */
export const NODES: Node[] = [
  {
    id: 'd1',
    title: 'Briefing at dawn',
    narration: 'Reports say an armed group moved close to the road to Kerem overnight.',
    prompt: 'How do you brief the convoy?',
    options: [
      { id: 'brief-all', label: 'Brief every driver on the threat', effects: { trust: 1 } },
      { id: 'brief-officers', label: 'Keep it to the officers', effects: { trust: -1 } },
      { id: 'delay-start', label: 'Delay to gather more information', effects: { threat: -1 } },
    ],
    next: 'd2',
  },
  {
    id: 'd2',
    title: 'Community liaison',
    narration: 'The community liaison assistant can call villages along the route.',
    prompt: 'Do you use the liaison network?',
    options: [
      { id: 'call-cla', label: 'Ask her to call ahead', effects: { trust: 1 } },
      { id: 'skip-cla', label: 'Skip the calls to save time', effects: { trust: -1 } },
    ],
    next: 'd3',
  },
  {
    id: 'd3',
    title: 'Route choice',
    narration: 'Two roads lead east: the main road and a river track.',
    prompt: 'Which way?',
    options: [
      { id: 'main-road', label: 'Take the main road', effects: { threat: 1 } },
      { id: 'river-track', label: 'Take the river track', effects: { harm: 1 } },
      {
        id: 'wait-engineers',
        label: 'Wait for the engineers to clear the road',
        effects: { threat: -1, trust: -1 },
      },
    ],
    next: 'd4',
  },
  {
    id: 'd4',
    title: 'Checkpoint',
    narration: 'Young armed men have closed the road with a rope and oil drums.',
    prompt: 'What do you do at the checkpoint?',
    options: [
      { id: 'negotiate-pass', label: 'Negotiate passage', effects: { trust: 1 } },
      { id: 'village-detour', label: 'Detour through the village', next: 's4' },
      { id: 'force-through', label: 'Force your way through', effects: { harm: 2, trust: -2 } },
    ],
    next: 'd5',
  },
  {
    id: 's4',
    title: 'Village detour',
    narration: 'The detour runs through a village where people watch from doorways.',
    prompt: 'How do you pass the village?',
    options: [
      { id: 'talk-elders', label: 'Stop and talk with the elders', effects: { trust: 2 } },
      { id: 'drive-fast', label: 'Drive through quickly', effects: { harm: 1 } },
    ],
    next: 'd5',
  },
  {
    id: 'd5',
    title: 'Stranded family',
    narration: 'A family with a broken cart waves the convoy down.',
    prompt: 'What do you do for them?',
    options: [
      { id: 'give-lift', label: 'Give them a lift to the next village', effects: { trust: 1 } },
      { id: 'note-family', label: 'Pass their details to the humanitarians' },
      { id: 'leave-family', label: 'Leave them and keep moving', effects: { trust: -2, harm: 1 } },
    ],
    next: 'd6',
  },
  {
    id: 'd6',
    title: 'Radio discipline',
    narration: 'Sector HQ asks how often you will report your position.',
    prompt: 'How do you report?',
    options: [
      { id: 'report-hourly', label: 'Report every hour', effects: { threat: -1 } },
      { id: 'keep-silence', label: 'Keep radio silence', effects: { threat: 1 } },
    ],
    next: 'd7',
  },
  {
    id: 'd7',
    title: 'Rumour of an ambush',
    narration: 'A trader says men are waiting at the bridge ahead.',
    prompt: 'How do you answer the rumour?',
    options: [
      { id: 'send-scouts', label: 'Send a scout section ahead', effects: { threat: -1 } },
      { id: 'carry-on', label: 'Carry on as planned', effects: { threat: 1 } },
      { id: 'ask-police', label: 'Ask the host police to check', effects: { trust: -1 } },
    ],
    next: 'd8',
  },
  {
    id: 'd8',
    title: 'Market day',
    narration: 'The road runs through a crowded market.',
    prompt: 'How do you cross the market?',
    options: [
      { id: 'slow-market', label: 'Slow down and let people pass', effects: { trust: 1 } },
      { id: 'push-market', label: 'Sound the horns and push on', effects: { harm: 1, trust: -1 } },
    ],
    next: 'd9',
  },
  {
    id: 'd9',
    title: 'Shots heard',
    narration: 'Shots ring out from the tree line beside the road.',
    prompt: 'Your first order?',
    options: [
      { id: 'take-cover', label: 'Halt and take cover' },
      { id: 'return-fire', label: 'Return fire at once', effects: { harm: 2, threat: 1 } },
      { id: 'drive-out', label: 'Drive out of the area', effects: { threat: 1 } },
    ],
    routes: [{ when: { variable: 'threat', atLeast: 3 }, next: 'c1' }, { next: 'd10' }],
  },
  {
    id: 'c1',
    title: 'Under fire',
    narration: 'Fire is now coming from both sides; villagers are caught on the road.',
    prompt: 'Who do you cover first?',
    options: [
      { id: 'cover-civilians', label: 'Shield the civilians on the road', effects: { harm: -1, trust: 1 } },
      { id: 'cover-trucks', label: 'Shield the trucks', effects: { harm: 1 } },
    ],
    next: 'c2',
  },
  {
    id: 'c2',
    title: 'After the firefight',
    narration: 'The firing stops. Two villagers are wounded.',
    prompt: 'What now?',
    options: [
      { id: 'call-medevac', label: 'Call a medical evacuation', effects: { harm: -1 } },
      { id: 'press-on', label: 'Press on to make up time', effects: { trust: -1 } },
    ],
    next: 'd10',
  },
  {
    id: 'd10',
    title: 'Wounded woman',
    narration: 'A woman with a leg wound is carried to the convoy.',
    prompt: 'How do you help her?',
    options: [
      { id: 'first-aid', label: 'Give first aid now', effects: { trust: 1, harm: -1 } },
      { id: 'call-ngo', label: 'Call the humanitarian clinic' },
      { id: 'move-on', label: 'Move on', effects: { harm: 1, trust: -1 } },
    ],
    next: 'd11',
  },
  {
    id: 'd11',
    title: 'Night falls',
    narration: 'It is getting dark and Kerem is still hours away.',
    prompt: 'Do you stop for the night?',
    options: [
      { id: 'laager', label: 'Set up a protected night camp', effects: { threat: -1 } },
      { id: 'night-drive', label: 'Drive through the night', effects: { threat: 1 } },
    ],
    next: 'd12',
  },
  {
    id: 'd12',
    title: 'Families arrive',
    narration: 'Forty displaced people ask to stay close to the soldiers for the night.',
    prompt: 'What do you tell them?',
    options: [
      { id: 'let-camp', label: 'Let them camp beside you, under watch', effects: { trust: 2 } },
      { id: 'turn-away', label: 'Turn them away', effects: { trust: -2, harm: 1 } },
    ],
    next: 'd13',
  },
  {
    id: 'd13',
    title: 'Short of food',
    narration: 'The families have not eaten since yesterday.',
    prompt: 'What about food?',
    options: [
      { id: 'share-rations', label: 'Share some rations', effects: { trust: 1 } },
      { id: 'keep-rations', label: 'Keep the rations for the troops', effects: { trust: -1 } },
    ],
    next: 'd14',
  },
  {
    id: 'd14',
    title: 'An envoy',
    narration: 'A man from the armed group walks up to the camp under a white cloth.',
    prompt: 'How do you receive him?',
    options: [
      { id: 'hear-envoy', label: 'Hear him out', next: 'n1' },
      { id: 'refuse-envoy', label: 'Refuse any contact', effects: { threat: 1 } },
      { id: 'detain-envoy', label: 'Detain him', effects: { trust: -1, threat: 2 } },
    ],
    next: 'd15',
  },
  {
    id: 'n1',
    title: 'Talking with the envoy',
    narration: 'He says his commander wants the convoy gone by noon.',
    prompt: 'What do you ask for?',
    options: [
      { id: 'ask-safe-passage', label: 'Safe passage for the families', effects: { trust: 1, threat: -1 } },
      { id: 'offer-supplies', label: 'Offer supplies for quiet', effects: { threat: -1, trust: -1 } },
    ],
    next: 'd15',
  },
  {
    id: 'd15',
    title: 'Children with rifles',
    narration: 'Scouts saw children carrying rifles at the edge of the forest.',
    prompt: 'What do you do with the sighting?',
    options: [
      {
        id: 'report-child-protection',
        label: 'Report it to the child protection adviser',
        effects: { trust: 1 },
      },
      { id: 'ignore-sighting', label: 'Leave it out of the report', effects: { harm: 1 } },
    ],
    next: 'd16',
  },
  {
    id: 'd16',
    title: 'Before dawn',
    narration: 'The troops are tired after a short night.',
    prompt: 'Patrol or rest?',
    options: [
      { id: 'patrol-early', label: 'Patrol around the camp before dawn', effects: { threat: -1 } },
      { id: 'rest-troops', label: 'Let the troops rest', effects: { threat: 1 } },
    ],
    next: 'd17',
  },
  {
    id: 'd17',
    title: 'Movement in the hills',
    narration: 'Lookouts see men moving along the ridge.',
    prompt: 'What do you do?',
    options: [
      { id: 'observe-ridge', label: 'Keep observing' },
      { id: 'warn-camp', label: 'Warn the families in the camp', effects: { trust: 1 } },
    ],
    routes: [{ when: { chose: 'patrol-early' }, next: 'p1' }, { next: 'd18' }],
  },
  {
    id: 'p1',
    title: 'Patrol report',
    narration: 'The dawn patrol found fresh tracks heading towards Kerem.',
    prompt: 'Who do you tell?',
    options: [
      { id: 'share-report', label: 'Tell the community leaders', effects: { trust: 1 } },
      { id: 'keep-report', label: 'Keep it within the mission', effects: { trust: -1 } },
    ],
    next: 'd18',
  },
  {
    id: 'd18',
    title: 'Host forces arrive',
    narration: 'A host army platoon joins the convoy for the last stretch.',
    prompt: 'How do you work with them?',
    options: [
      { id: 'share-tasks', label: 'Agree who protects what', effects: { threat: -1 } },
      { id: 'hand-over', label: 'Let them take the lead', effects: { harm: 1 } },
    ],
    next: 'd19',
  },
  {
    id: 'd19',
    title: 'A journalist calls',
    narration: 'A radio journalist asks about the shooting yesterday.',
    prompt: 'What do you say?',
    options: [
      { id: 'give-facts', label: 'Give the facts you know', effects: { trust: 1 } },
      { id: 'no-comment', label: 'Decline to comment', effects: { trust: -1 } },
    ],
    next: 'd20',
  },
  {
    id: 'd20',
    title: 'Handover at Kerem',
    narration: 'The convoy reaches Kerem, where the families will stay.',
    prompt: 'How do you hand over?',
    options: [
      { id: 'handover-plan', label: 'Hand over with a protection plan', effects: { trust: 1 } },
      { id: 'leave-now', label: 'Leave at once', effects: { trust: -1, harm: 1 } },
    ],
    routes: [
      { when: { variable: 'harm', atLeast: 5 }, next: 'end-harmed' },
      { when: { variable: 'trust', atLeast: 7 }, next: 'end-protected' },
      { next: 'end-partial' },
    ],
  },
];

const PHASES = ['prevention', 'pre-emption', 'response', 'consolidation'] as const;
const TIERS = ['I', 'II', 'III'] as const;

/** The story as a pocsim scenario file. */
export function toScenario(): Record<string, unknown> {
  const routes = (n: Node) =>
    n.routes?.map((r) => (r.when ? { when: r.when, next: r.next } : { next: r.next }));
  return {
    id: 'bench-convoy',
    version: '1.0.0',
    language: 'en',
    title: 'Night convoy to Kerem',
    summary: 'A benchmark story: twenty decisions on the road, with side branches and guarded routes.',
    situation: '15.4',
    audience: ['contingent-commander'],
    minutes: 20,
    briefing: 'Escort a convoy and the families who join it to Kerem.',
    objectives: ['Reach Kerem with the civilians safe.'],
    setting: {
      place: 'Road to Kerem',
      map: { width: 1000, height: 600 },
      locations: [{ id: 'kerem', name: 'Kerem', kind: 'settlement', x: 900, y: 300 }],
    },
    variables: VARIABLES,
    start: NODES[0]!.id,
    steps: NODES.map((n, i) => ({
      id: n.id,
      phase: PHASES[Math.min(3, Math.floor((i * 4) / NODES.length))],
      title: n.title,
      narration: n.narration,
      decision: {
        prompt: n.prompt,
        options: n.options.map((o, oi) => ({
          id: o.id,
          label: o.label,
          feedback: `Chosen: ${o.label.toLowerCase()}.`,
          tiers: [TIERS[oi % 3]],
          ...(o.effects ? { effects: o.effects } : {}),
          ...(o.next ? { next: o.next } : n.routes ? { routes: routes(n) } : { next: n.next }),
        })),
      },
    })),
    endings: ENDINGS,
  };
}

const clamp = (v: Var, delta: number) => {
  const { min, max } = VARIABLES.find((x) => x.id === v)!;
  return `~ ${v} = MAX(MIN(${v} ${delta < 0 ? '-' : '+'} ${Math.abs(delta)}, ${max}), ${min})`;
};

/** The same story in ink: one knot per node, a flag per option that a later condition reads. */
export function toInk(): string {
  const read = new Set(
    NODES.flatMap((n) => n.routes ?? []).flatMap((r) => (r.when && 'chose' in r.when ? [r.when.chose] : [])),
  );
  const flag = (id: string) => `chose_${id.replaceAll('-', '_')}`;
  const lines: string[] = ['// Generated by scripts/bench/story.ts: the ink side of the benchmark story.'];
  for (const v of VARIABLES) lines.push(`VAR ${v.id} = ${v.initial}`);
  for (const id of read) lines.push(`VAR ${flag(id)} = false`);
  lines.push('', `-> ${NODES[0]!.id}`, '');
  const knot = (id: string) => id.replaceAll('-', '_');
  for (const n of NODES) {
    lines.push(`=== ${knot(n.id)} ===`, n.title, n.narration, n.prompt);
    for (const o of n.options) {
      lines.push(`* [${o.label}]`);
      for (const [v, d] of Object.entries(o.effects ?? {})) lines.push(`  ${clamp(v as Var, d)}`);
      if (read.has(o.id)) lines.push(`  ~ ${flag(o.id)} = true`);
      lines.push(`  -> ${knot(o.next ?? (n.routes ? `${n.id}-routes` : n.next!))}`);
    }
    if (n.routes) {
      lines.push(`=== ${knot(`${n.id}-routes`)} ===`, '{');
      for (const r of n.routes) {
        const cond = !r.when
          ? 'else'
          : 'chose' in r.when
            ? flag(r.when.chose)
            : `${r.when.variable} >= ${r.when.atLeast}`;
        lines.push(`  - ${cond}: -> ${knot(r.next)}`);
      }
      lines.push('}');
    }
    lines.push('');
  }
  for (const e of ENDINGS) lines.push(`=== ${knot(e.id)} ===`, e.title, e.text, '-> END', '');
  return lines.join('\n');
}

/** Where the two files live. */
export const STORY_DIR = join(import.meta.dirname, '..', '..', 'bench', 'fixtures');
export const SCENARIO_FOLDER = join(STORY_DIR, 'convoy');
export const INK_FILE = join(STORY_DIR, 'convoy.ink');

if (process.argv[1] === import.meta.filename) {
  writeFileSync(
    join(SCENARIO_FOLDER, 'scenario.yaml'),
    `# Generated by scripts/bench/story.ts: the pocsim side of the benchmark story.\n${stringify(toScenario(), { lineWidth: 0 })}`,
  );
  writeFileSync(INK_FILE, toInk());
  console.log(`wrote ${SCENARIO_FOLDER}/scenario.yaml and ${INK_FILE}`);
}
