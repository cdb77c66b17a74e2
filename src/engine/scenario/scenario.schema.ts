import { z } from 'zod';
import { PHASES, TIERS } from '../doctrine/doctrine-entry.ts';
import { EXERCISE_TIME } from '../exercise/exercise-time.ts';

// why: the shape pass only; cross-references (ids, doctrine, reachability) are checked in
// check-scenario.ts so every problem of a file is reported in one run.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const elementId = z
  .string()
  .regex(ID_PATTERN, { message: 'use lower-case letters, digits and hyphens, for example "gate-crowd"' })
  .meta({
    description: 'Stable id: lower-case letters, digits and hyphens. Translations and saves refer to it.',
  });

/** When a trainee reads the doctrine feedback on a choice: right after it, or only in the debrief. */
export const FEEDBACK_MODES = ['learning', 'assessment'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

const text = z.string().trim().min(1, { message: 'text must not be empty' });

const tier = z.enum(TIERS).meta({
  description:
    'POC tier (Handbook §2.2): I dialogue and engagement, II physical protection, III protective environment.',
});
const phase = z.enum(PHASES).meta({
  description: 'POC phase (Handbook §2.2, §12.3): prevention, pre-emption, response or consolidation.',
});

const doctrineIds = z
  .array(z.string().min(1))
  .meta({ description: 'Doctrine catalogue ids, for example 15.1-do-3 or 15.1-dont-1.' });

export const AUDIENCE_ROLES = [
  'contingent-commander',
  'fpu-commander',
  'unpol-officer',
  'civilian-poc-officer',
  'military-observer',
  'staff-officer',
  'mission-leadership',
] as const;

export const LOCATION_KINDS = [
  'base',
  'gate',
  'settlement',
  'idp-site',
  'junction',
  'checkpoint',
  'river-crossing',
  'market',
  'school',
  'health-centre',
  'field',
  'airstrip',
] as const;

export const ACTOR_KINDS = [
  'civilians',
  'armed-group',
  'host-security',
  'humanitarian',
  'community-leader',
  'media',
  'local-authority',
] as const;

export const UNIT_KINDS = [
  'infantry',
  'fpu',
  'unpol',
  'engineers',
  'medical',
  'civilian-staff',
  'joint-protection-team',
] as const;

export const LOCATION_STATES = [
  'normal',
  'tense',
  'under-attack',
  'burning',
  'secured',
  'abandoned',
] as const;
export const ACTOR_MOODS = ['calm', 'tense', 'hostile', 'panicked'] as const;
export const INJECT_CHANNELS = ['radio', 'phone', 'message', 'report', 'media', 'observation'] as const;
export const SOUND_CUES = ['radio', 'alert'] as const;
export const OUTCOMES = ['protected', 'partial', 'harmed'] as const;
export const AMBIENCES = ['crowd', 'rural', 'town'] as const;
/** Distressing subjects a content note can name; the UI words each one. */
export const CONTENT_TOPICS = ['sexual-violence', 'children', 'armed-violence'] as const;

const coordinate = z.number().min(0).max(10_000);

const location = z.strictObject({
  id: elementId,
  name: text,
  kind: z.enum(LOCATION_KINDS),
  x: coordinate.meta({ description: 'Map position from the left edge, in map units.' }),
  y: coordinate.meta({ description: 'Map position from the top edge, in map units.' }),
});

const road = z.strictObject({
  from: elementId.meta({ description: 'Location id where the road starts.' }),
  to: elementId.meta({ description: 'Location id where the road ends.' }),
  kind: z.enum(['main', 'track']).default('main'),
});

const actor = z.strictObject({
  id: elementId,
  name: text,
  kind: z.enum(ACTOR_KINDS),
  at: elementId.meta({ description: 'Location id where the actor starts.' }),
  size: z.int().min(1).optional().meta({ description: 'Head count, for crowds and groups.' }),
  mood: z.enum(ACTOR_MOODS).default('calm'),
  visible: z.boolean().default(true),
});

const unit = z.strictObject({
  id: elementId,
  name: text,
  kind: z.enum(UNIT_KINDS),
  at: elementId.meta({ description: 'Location id where the unit starts.' }),
  strength: z.int().min(1).optional(),
});

const variable = z.strictObject({
  id: elementId,
  name: text,
  min: z.number(),
  max: z.number(),
  initial: z.number(),
  better: z
    .enum(['higher', 'lower'])
    .meta({ description: 'Which direction is good for civilians; the UI colours the gauge from it.' }),
});

const effects = z.record(z.string(), z.number()).meta({
  description:
    'Changes to world variables, by variable id: positive adds, negative subtracts; kept within bounds.',
});

const mapChange = z.union([
  z.strictObject({
    actor: elementId,
    to: elementId.optional(),
    size: z.int().min(1).optional(),
    mood: z.enum(ACTOR_MOODS).optional(),
    visible: z.boolean().optional(),
  }),
  z.strictObject({ unit: elementId, to: elementId }),
  z.strictObject({ location: elementId, state: z.enum(LOCATION_STATES) }),
]);

const condition = z.union([
  z
    .strictObject({ variable: elementId, atLeast: z.number().optional(), atMost: z.number().optional() })
    .meta({ description: 'Holds when the variable lies within the bounds given.' }),
  z
    .strictObject({ chose: elementId })
    .meta({ description: 'Holds when this option was chosen earlier in the run.' }),
  z.strictObject({ notChose: elementId }).meta({ description: 'Holds when this option was not chosen.' }),
]);

const route = z.strictObject({
  when: z
    .union([condition, z.array(condition).min(1)])
    .optional()
    .meta({
      description: 'Conditions that must all hold; a route without one is the default and must come last.',
    }),
  next: elementId.meta({ description: 'Step or ending id.' }),
});

const target = {
  next: elementId.optional().meta({ description: 'Step or ending id to go to.' }),
  routes: z.array(route).min(1).optional().meta({
    description: 'Guarded branches, tried in order after effects apply; the last has no condition.',
  }),
};

const inject = z.strictObject({
  id: elementId,
  from: text.meta({ description: 'Who sends it, for example "Sector HQ ops room".' }),
  channel: z.enum(INJECT_CHANNELS),
  text,
  at: z
    .int()
    .min(0)
    .default(0)
    .meta({ description: 'Seconds of scenario time after the step opens when the inject arrives.' }),
  sound: z.enum(SOUND_CUES).optional(),
});

const failsIds = z.array(z.string().min(1)).meta({
  description:
    "Ids of Do entries that carry a duty (the handbook words them as an obligation) which this choice fails; each counts like breaking a Don't of the duty's severity.",
});

// why: lint flags an untagged choice beside tagged ones; an author who means it says so, and why,
// so the reviewer signing the scenario off reads the reason rather than guessing at an oversight.
const noDoctrine = {
  doctrine: z.literal('none').optional().meta({
    description:
      'Say "none" when no doctrine applies to this choice on purpose (lint then accepts it untagged); needs doctrineNote.',
  }),
  doctrineNote: text.optional().meta({
    description: 'Why no doctrine applies to this choice, for the reviewer; required with doctrine: none.',
  }),
};

const option = z.strictObject({
  id: elementId.meta({ description: 'Unique in the whole scenario; runs and translations refer to it.' }),
  label: text,
  feedback: text.meta({ description: 'What the debrief says about this choice and why.' }),
  consequence: text.optional().meta({
    description:
      'What happens, told in the story in one or two short sentences, shown right after the choice (no verdict: that is the feedback).',
  }),
  tiers: z.array(tier).min(1),
  phases: z.array(phase).min(1).optional().meta({ description: 'Defaults to the step phase.' }),
  follows: doctrineIds.default([]),
  breaks: doctrineIds.default([]),
  fails: failsIds.default([]),
  ...noDoctrine,
  effects: effects.optional(),
  map: z.array(mapChange).optional(),
  ...target,
});

const noDecision = z
  .strictObject({
    feedback: text,
    consequence: text.optional().meta({
      description: 'What happens when nobody decides, told in the story, shown before the next step.',
    }),
    follows: doctrineIds.default([]),
    breaks: doctrineIds.default([]),
    fails: failsIds.default([]),
    ...noDoctrine,
    effects: effects.optional(),
    map: z.array(mapChange).optional(),
    ...target,
  })
  .meta({
    description: 'What happens when the time limit runs out without a decision: not deciding is a decision.',
  });

const decision = z.strictObject({
  prompt: text,
  mode: z.enum(['single', 'multi']).default('single'),
  pick: z.int().min(1).optional().meta({ description: 'For multi: the most options a trainee may pick.' }),
  timeLimit: z.int().min(5).optional().meta({ description: 'Seconds of scenario time to decide.' }),
  options: z.array(option).min(2),
  noDecision: noDecision.optional(),
  ...target,
});

const step = z.strictObject({
  id: elementId,
  phase,
  title: text,
  narration: text,
  clock: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'use 24-hour HH:MM, for example "19:30"' })
    .optional()
    .meta({ description: 'Moves the scenario clock forward to this time of day when the step opens.' }),
  day: z.int().min(1).max(366).optional().meta({
    description:
      'The scenario day this step happens on (1 = the day the run starts). With `clock`, the clock moves forward to that time on that day; without it, a step opens within 24 hours of the one before.',
  }),
  effects: effects.optional(),
  map: z.array(mapChange).optional(),
  injects: z.array(inject).optional(),
  decision: decision.optional(),
  ...target,
});

const ending = z.strictObject({
  id: elementId,
  title: text,
  text,
  outcome: z.enum(OUTCOMES),
});

// --- Facilitated exercises (issue 6): an optional `exercise:` section on an ordinary scenario ---

/** Exercise formats: a discussion-based leadership tabletop, or a CPOC command-post exercise (Handbook §11.3). */
export const EXERCISE_FORMATS = ['tabletop', 'cpx'] as const;

/** The four-level rating of an evaluation point (HSEEP style): performed without challenges (P), with some (S), with major challenges (M), unable to be performed (U). */
export const RATINGS = ['without-challenges', 'some-challenges', 'major-challenges', 'unable'] as const;
export type Rating = (typeof RATINGS)[number];

/** The `to` value that addresses an inject to every role at the table. */
export const ALL_ROLES = 'all';

const exerciseTime = (description: string) =>
  z
    .string()
    .regex(EXERCISE_TIME, { message: 'use "[Nd ]HH:MM", for example "0d 06:15", "1d 14:00" or "0:30"' })
    .meta({ description });

const role = z
  .strictObject({
    id: elementId.meta({
      description: 'Role id, for example "fc"; injects and expected actions are addressed to it.',
    }),
    name: text.meta({ description: 'Role as shown at the table, for example "Force Commander".' }),
  })
  .meta({ description: 'Someone who sits at the exercise table.' });

const exerciseObjective = z
  .strictObject({
    id: elementId,
    text: text.meta({ description: 'What the exercise sets out to test, in one sentence.' }),
    tiers: z.array(tier).default([]).meta({ description: 'POC tiers the objective exercises.' }),
    phases: z.array(phase).default([]).meta({ description: 'POC phases the objective exercises.' }),
  })
  .meta({
    description: 'An exercise objective, reported in the after-action report against tiers and phases.',
  });

const question = z.strictObject({
  id: elementId,
  text: text.meta({ description: 'A discussion question the facilitator puts to the table.' }),
});

const exerciseModule = z
  .strictObject({
    id: elementId,
    title: text,
    questions: z.array(question).default([]),
    minutes: z.int().min(1).max(1440).optional().meta({
      description:
        'Real minutes the session plans for this module (discussion included); the console shows time spent against it.',
    }),
  })
  .meta({ description: 'A discussion block; modules are played in the order given.' });

const expectedAction = z
  .strictObject({
    id: elementId,
    role: elementId.meta({ description: 'Role id expected to act; must be among the inject recipients.' }),
    text: text.meta({ description: 'The action the facilitator watches for.' }),
    within: exerciseTime(
      'Scenario time allowed after the inject is released, "[Nd ]HH:MM", for example "0:30".',
    ),
    follows: doctrineIds.default([]),
    tiers: z.array(tier).default([]),
    phases: z.array(phase).default([]),
    contingency: elementId.optional().meta({
      description: 'Id of a contingency MSEL item fired automatically if the action is not taken in time.',
    }),
    corrective: text.optional().meta({
      description:
        'A corrective action for the improvement plan, written as something to do (for example "Agree a screening procedure with UNPOL"); it is drafted when this action is missed.',
    }),
    satisfiedBy: z.array(elementId).default([]).meta({
      description:
        "Option ids of this inject's step that count as taking the action: recording one of them for any role ticks it at the time of the decision.",
    }),
  })
  .meta({ description: 'An action the facilitator expects from one role after an inject.' });

const mselItem = z
  .strictObject({
    id: elementId,
    at: exerciseTime(
      'Scenario time after the exercise starts when the inject is released, "[Nd ]HH:MM"; omit on contingency items.',
    ).optional(),
    contingency: z.boolean().default(false).meta({
      description:
        'A contingency item has no `at`: it is released when its expected action is missed, or by hand.',
    }),
    module: elementId.optional().meta({ description: 'Module id this inject belongs to.' }),
    to: z
      .union([z.literal(ALL_ROLES), z.array(elementId).min(1)])
      .meta({ description: 'Role ids that receive the inject, or "all" for everyone at the table.' }),
    from: text.meta({ description: 'Who sends it, for example "Sector East HQ".' }),
    channel: z.enum(INJECT_CHANNELS),
    title: text.meta({ description: 'Short title for the timeline and the projector.' }),
    text,
    step: elementId
      .optional()
      .meta({ description: 'A scenario step whose decision this inject puts to the roles.' }),
    map: z
      .array(mapChange)
      .optional()
      .meta({ description: 'Map changes applied when the inject is released (same format as a step map).' }),
    projector: z.boolean().default(true).meta({
      description:
        'Shown on the projector once released; false keeps it to its roles (role-only intelligence).',
    }),
    expects: z.array(expectedAction).default([]),
  })
  .meta({ description: 'One inject of the master scenario events list.' });

const evaluationPoint = z
  .strictObject({
    id: elementId,
    text: text.meta({
      description: 'What the evaluator rates, for example "Early warning reached decision makers".',
    }),
    objective: elementId.meta({ description: 'Objective id this point evaluates.' }),
    roles: z
      .array(elementId)
      .default([])
      .meta({ description: 'Role ids whose performance the point rates.' }),
    watch: z.array(elementId).optional().meta({
      description:
        "Ids of the expected actions (`expects[].id` under MSEL items) whose taking evidences this point; the evaluator sheet lists them in MSEL time order. Without it the sheet guesses from the point's roles and the objective's tiers and phases.",
    }),
  })
  .meta({
    description:
      'A point rated on the four-level scale: without-challenges, some-challenges, major-challenges, unable.',
  });

/** The `exercise:` section: what facilitated play adds to a scenario (roles, MSEL, modules, evaluation). */
export const exerciseSchema = z
  .strictObject({
    format: z.enum(EXERCISE_FORMATS).meta({
      description:
        'tabletop: discussion-based leadership exercise; cpx: CPOC command-post exercise (Handbook §11.3).',
    }),
    roles: z.array(role).min(1),
    briefing: text.optional().meta({
      description:
        'The briefing read to the table in facilitated play, in place of the self-paced briefing (which speaks to a solo player).',
    }),
    objectives: z.array(exerciseObjective).default([]),
    modules: z.array(exerciseModule).default([]),
    msel: z.array(mselItem).min(1).meta({
      description: 'Master scenario events list, in time order; contingency items may come anywhere.',
    }),
    evaluation: z.array(evaluationPoint).default([]),
  })
  .meta({
    description: 'Facilitated play of this scenario: roles, injects on a timeline, evaluation points.',
  });

/** A scenario file as a trainer writes it (`scenarios/<id>/scenario.yaml`). */
export const scenarioSchema = z
  .strictObject({
    id: elementId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'use MAJOR.MINOR.PATCH, for example "1.0.0"' }),
    language: z.enum(LANGUAGES).meta({ description: 'Language the texts of this file are written in.' }),
    title: text,
    summary: text,
    situation: z.string().meta({ description: 'Handbook section the scenario trains, for example "15.1".' }),
    audience: z.array(z.enum(AUDIENCE_ROLES)).min(1),
    minutes: z.int().min(1).meta({ description: 'Expected playing time in minutes.' }),
    contentNote: z
      .strictObject({
        topics: z.array(z.enum(CONTENT_TOPICS)).min(1).meta({
          description: 'What the scenario deals with: sexual-violence, children or armed-violence.',
        }),
      })
      .optional()
      .meta({
        description:
          'Opens the scenario with a content note and offers a break at any point. Trainers can turn it on or off per scenario in the app.',
      }),
    masteryScore: z.int().min(0).max(100).default(70),
    feedbackMode: z.enum(FEEDBACK_MODES).default('assessment').meta({
      description:
        'learning: each choice’s doctrine feedback shows right after it; assessment (the default): only in the debrief. The consequence line shows in both.',
    }),
    briefing: text,
    objectives: z.array(text).min(1),
    startClock: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'use 24-hour HH:MM, for example "05:30"' })
      .default('08:00'),
    setting: z.strictObject({
      place: text,
      ambience: z
        .enum(AMBIENCES)
        .optional()
        .meta({ description: 'Background sound played quietly under the run: crowd, rural or town.' }),
      map: z.strictObject({ width: z.int().min(100).max(10_000), height: z.int().min(100).max(10_000) }),
      locations: z.array(location).min(1),
      roads: z.array(road).default([]),
      actors: z.array(actor).default([]),
      units: z.array(unit).default([]),
    }),
    variables: z.array(variable).default([]),
    start: elementId.meta({ description: 'Id of the first step.' }),
    steps: z.array(step).min(1),
    endings: z.array(ending).min(1),
    exercise: exerciseSchema.optional(),
  })
  .meta({ title: 'pocsim scenario', description: 'A POC training scenario for pocsim.' });

/** A translation file (`scenarios/<id>/<lang>.yaml`): text keys of the scenario mapped to translated text. */
export const translationSchema = z
  .strictObject({
    language: z.enum(LANGUAGES),
    scenario: elementId.meta({ description: 'Id of the scenario this file translates.' }),
    sourceVersion: z.string().meta({ description: 'Scenario version the translation was made from.' }),
    texts: z.record(z.string(), text),
    stale: z.record(z.string(), text).optional().meta({
      description:
        'Translations whose source text is gone from the scenario, kept aside by pocsim translate so nothing translated is lost; not shown to trainees.',
    }),
  })
  .meta({ title: 'pocsim scenario translation' });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Step = Scenario['steps'][number];
export type Decision = NonNullable<Step['decision']>;
export type Option = Decision['options'][number];
export type NoDecision = NonNullable<Decision['noDecision']>;
export type Route = NonNullable<Step['routes']>[number];
export type Condition = Exclude<NonNullable<Route['when']>, readonly unknown[] | unknown[]>;
export type MapChange = NonNullable<Step['map']>[number];
export type Inject = NonNullable<Step['injects']>[number];
export type Ending = Scenario['endings'][number];
export type Variable = Scenario['variables'][number];
export type Translation = z.output<typeof translationSchema>;
export type Effects = Record<string, number>;
export type Outcome = (typeof OUTCOMES)[number];
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];
export type ContentTopic = (typeof CONTENT_TOPICS)[number];
export type Exercise = NonNullable<Scenario['exercise']>;
export type Role = Exercise['roles'][number];
export type ExerciseObjective = Exercise['objectives'][number];
export type ExerciseModule = Exercise['modules'][number];
export type MselItem = Exercise['msel'][number];
export type ExpectedAction = MselItem['expects'][number];
export type EvaluationPoint = Exercise['evaluation'][number];
export type ExerciseFormat = (typeof EXERCISE_FORMATS)[number];
