// why: one file names every IRI pocsim sends or writes, so packages, statements and tests agree.
// pocsim's own IRIs sit under one namespace; they identify things and need not resolve.

/** Namespace of pocsim's own xAPI IRIs (activities, extensions, state documents). */
export const POCSIM_IRI = 'https://pocsim.org/xapi';

/** The publisher id of a scenario's assignable unit: the same in every course that packages it. */
export function scenarioIri(scenarioId: string): string {
  return `${POCSIM_IRI}/scenarios/${encodeURIComponent(scenarioId)}`;
}

/** The activity of one decision step of a scenario (a cmi.interaction). */
export function decisionIri(scenarioId: string, stepId: string): string {
  return `${scenarioIri(scenarioId)}/steps/${encodeURIComponent(stepId)}`;
}

/** pocsim's extension keys. */
export const POCSIM_EXTENSIONS = {
  /** POC tiers the trainee acted in at a decision ("I", "II", "III"). */
  tiers: `${POCSIM_IRI}/extensions/tiers`,
  /** The POC phase of the step the decision belongs to. */
  phase: `${POCSIM_IRI}/extensions/phase`,
  /** Phases the chosen options served. */
  phases: `${POCSIM_IRI}/extensions/phases`,
  /** Doctrine entry ids (Handbook Do's and principles) the decision followed. */
  doctrineFollowed: `${POCSIM_IRI}/extensions/doctrine-followed`,
  /** Doctrine entry ids (Don'ts) the decision broke, with their severity. */
  doctrineBroken: `${POCSIM_IRI}/extensions/doctrine-broken`,
  /** Doctrine entry ids (Do's worded as duties) the decision failed, with the severity the duty weighs. */
  doctrineFailed: `${POCSIM_IRI}/extensions/doctrine-failed`,
  /** True when the time limit ran out without a decision. */
  timedOut: `${POCSIM_IRI}/extensions/timed-out`,
  /** The scenario and its version, so results of two versions are not mixed. */
  scenario: `${POCSIM_IRI}/extensions/scenario`,
  /** pocsim's overall score (0-100), also when cmi5 forbids a score on the statement. */
  overall: `${POCSIM_IRI}/extensions/overall`,
  /** Why a run failed beyond its score: a critical Don't broken, civilians harmed. */
  failedBecause: `${POCSIM_IRI}/extensions/failed-because`,
  /** The ending reached. */
  ending: `${POCSIM_IRI}/extensions/ending`,
} as const;

/** State document where pocsim keeps, per registration, what it already reported and the run to resume. */
export const POCSIM_PROGRESS_STATE = `${POCSIM_IRI}/state/progress`;

/** Verbs pocsim sends. */
export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

/** cmi5 IRIs (cmi5 specification §9.6). */
export const CMI5 = {
  categoryCmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  categoryMoveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchDataState: 'LMS.LaunchData',
  learnerPreferences: 'cmi5LearnerPreferences',
} as const;

/** Activity type of a decision: an interaction, as xAPI's cmi.interaction. */
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
