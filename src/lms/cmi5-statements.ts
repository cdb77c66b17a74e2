import type { ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import type { Step } from '../engine/scenario/scenario.schema.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import type { ScoredDecision } from '../engine/score/score-run.ts';
import { isoDuration } from './durations.ts';
import { CMI5, decisionIri, INTERACTION_TYPE, POCSIM_EXTENSIONS, VERBS } from './xapi-vocabulary.ts';

// why: statements are built by pure functions from the launch, the LMS launch data and the run,
// so the rules cmi5 sets on each verb (which result fields, which categories, what score) are
// checked in unit tests and by the test LRS, apart from the network.

type Json = Record<string, unknown>;

/** An xAPI Activity as pocsim sends it. */
export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: Json;
}

/** An xAPI context (only the parts pocsim reads or writes are typed). */
export interface XapiContext {
  registration?: string;
  contextActivities?: {
    parent?: XapiActivity[];
    grouping?: XapiActivity[];
    category?: XapiActivity[];
    other?: XapiActivity[];
  };
  extensions?: Json;
  [key: string]: unknown;
}

/** An xAPI statement as pocsim sends it. */
export interface XapiStatement {
  id: string;
  timestamp: string;
  actor: Json;
  verb: { id: string; display: Record<string, string> };
  object: XapiActivity;
  result?: Json;
  context: XapiContext;
}

/** The cmi5 launch modes (cmi5 §10). */
export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** The LMS.LaunchData state document, as far as pocsim uses it. */
export interface LaunchData {
  contextTemplate: XapiContext;
  launchMode: LaunchMode;
  /** Scaled 0..1, when the LMS set one; it overrides the scenario's own. */
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

/** Reads an LMS.LaunchData document; returns a message when it lacks what cmi5 requires. */
export function parseLaunchData(data: unknown): LaunchData | { problem: string } {
  if (typeof data !== 'object' || data === null) return { problem: 'LMS.LaunchData is not a JSON object' };
  const d = data as Json;
  const template = d.contextTemplate;
  if (typeof template !== 'object' || template === null)
    return { problem: 'LMS.LaunchData has no contextTemplate' };
  const session = (template as XapiContext).extensions?.[CMI5.sessionId];
  if (typeof session !== 'string' || !session)
    return { problem: 'LMS.LaunchData contextTemplate carries no session id' };
  const mode = d.launchMode;
  if (mode !== 'Normal' && mode !== 'Browse' && mode !== 'Review')
    return { problem: `LMS.LaunchData has an unknown launchMode ${JSON.stringify(mode)}` };
  const out: LaunchData = { contextTemplate: template as XapiContext, launchMode: mode };
  if (typeof d.masteryScore === 'number' && d.masteryScore >= 0 && d.masteryScore <= 1)
    out.masteryScore = d.masteryScore;
  if (typeof d.moveOn === 'string') out.moveOn = d.moveOn;
  // why: the specification spells it returnURL; some LMS samples write returnUrl.
  const back = d.returnURL ?? d.returnUrl;
  if (typeof back === 'string' && back) out.returnURL = back;
  return out;
}

/** What the statements of one AU session share. */
export interface SessionInput {
  actor: Json;
  registration: string;
  /** The AU's activity id from the launch URL: the object of every cmi5 defined statement. */
  activityId: string;
  launchData: LaunchData;
  scenario: { id: string; version: string };
}

/** A clock and id source, replaceable in tests. */
export interface StatementClock {
  now(): number;
  newId(): string;
}

/** One decision of a run, ready to report. */
export interface AnsweredInput {
  bundle: ScenarioBundle;
  step: Step;
  decision: ScoredDecision;
}

/** The verdict of a finished run against the mastery score in force. */
export interface JudgedInput {
  passed: boolean;
  /** pocsim's overall score 0-100, or null when the run had no decision. */
  overall: number | null;
  /** Seconds of the session up to the verdict. */
  duration: number;
  ending: string | null;
  failedBecause: string[];
}

/** Builds the statements of one AU session, in order, with strictly increasing timestamps. */
export function createStatementBuilder(session: SessionInput, clock: StatementClock) {
  let last = 0;
  const stamp = () => {
    // why: cmi5 orders a session's statements by timestamp, and two statements made in the same
    // millisecond would tie; each gets a later one than the statement before.
    last = Math.max(clock.now(), last + 1);
    return new Date(last).toISOString();
  };
  const au: XapiActivity = { objectType: 'Activity', id: session.activityId };
  const currentSession = () => session.launchData.contextTemplate.extensions?.[CMI5.sessionId];
  const masteryScore = session.launchData.masteryScore;

  const context = (kind: 'defined' | 'moveOn' | 'allowed', extensions: Json = {}): XapiContext => {
    const template = structuredClone(session.launchData.contextTemplate);
    const activities = { ...(template.contextActivities ?? {}) };
    const category = [...(activities.category ?? [])];
    if (kind !== 'allowed') category.push({ objectType: 'Activity', id: CMI5.categoryCmi5 });
    if (kind === 'moveOn') category.push({ objectType: 'Activity', id: CMI5.categoryMoveOn });
    if (category.length) activities.category = category;
    if (kind === 'allowed') activities.parent = [...(activities.parent ?? []), au];
    // why: cmi5 forbids overwriting anything the context template provides, so its values win.
    return {
      ...template,
      registration: session.registration,
      contextActivities: activities,
      extensions: {
        ...extensions,
        [POCSIM_EXTENSIONS.scenario]: session.scenario,
        ...(template.extensions ?? {}),
      },
    };
  };
  const statement = (
    verb: keyof typeof VERBS,
    rest: Omit<XapiStatement, 'id' | 'timestamp' | 'actor' | 'verb'>,
  ) =>
    ({
      id: clock.newId(),
      timestamp: stamp(),
      actor: session.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      ...rest,
    }) satisfies XapiStatement;

  return {
    initialized: () => statement('initialized', { object: au, context: context('defined') }),

    /** A "cmi5 allowed" statement for one decision: a choice interaction with its doctrine. */
    answered({ bundle, step, decision: d }: AnsweredInput): XapiStatement {
      const decisionDef = step.decision!;
      const langMap = (key: string) => languageMap(bundle, key);
      const correct = d.better ?? (d.timedOut ? null : d.options);
      const definition: Json = {
        type: INTERACTION_TYPE,
        interactionType: 'choice',
        name: langMap(textKey.stepTitle(step.id)),
        description: langMap(textKey.prompt(step.id)),
        choices: decisionDef.options.map((o) => ({
          id: o.id,
          description: langMap(textKey.optionLabel(o.id)),
        })),
      };
      if (correct) definition.correctResponsesPattern = [correct.join('[,]')];
      return statement('answered', {
        object: { objectType: 'Activity', id: decisionIri(session.scenario.id, step.id), definition },
        result: {
          response: d.options.join('[,]'),
          success: !d.timedOut && d.better === null,
          score: { scaled: d.score / 100, raw: d.score, min: 0, max: 100 },
          duration: isoDuration(d.elapsed),
        },
        context: context('allowed', {
          [POCSIM_EXTENSIONS.tiers]: d.tiers,
          [POCSIM_EXTENSIONS.phase]: step.phase,
          [POCSIM_EXTENSIONS.phases]: d.phases,
          [POCSIM_EXTENSIONS.doctrineFollowed]: d.followed,
          [POCSIM_EXTENSIONS.doctrineBroken]: d.broken
            .filter((b) => !b.duty)
            .map((b) => ({ doctrine: b.doctrine, severity: b.severity })),
          [POCSIM_EXTENSIONS.doctrineFailed]: d.broken
            .filter((b) => b.duty)
            .map((b) => ({ doctrine: b.doctrine, severity: b.severity })),
          [POCSIM_EXTENSIONS.timedOut]: d.timedOut,
        }),
      });
    },

    completed: (duration: number) =>
      statement('completed', {
        object: au,
        result: { completion: true, duration: isoDuration(duration) },
        context: context('moveOn'),
      }),

    /** `passed` or `failed`; cmi5 allows a score on `failed` only below the mastery score. */
    judged(j: JudgedInput): XapiStatement {
      const scaled = j.overall === null ? null : j.overall / 100;
      if (j.passed && masteryScore !== undefined && (scaled === null || scaled < masteryScore))
        throw new Error(`cannot send "passed" with a score below the mastery score ${masteryScore}`);
      const result: Json = { success: j.passed, duration: isoDuration(j.duration) };
      const scoreAllowed =
        j.passed || masteryScore === undefined || (scaled !== null && scaled < masteryScore);
      if (scaled !== null && scoreAllowed) result.score = { scaled, raw: j.overall, min: 0, max: 100 };
      const extensions: Json = {};
      if (j.overall !== null) extensions[POCSIM_EXTENSIONS.overall] = j.overall;
      if (j.ending) extensions[POCSIM_EXTENSIONS.ending] = j.ending;
      if (!j.passed && j.failedBecause.length) extensions[POCSIM_EXTENSIONS.failedBecause] = j.failedBecause;
      result.extensions = extensions;
      return statement(j.passed ? 'passed' : 'failed', {
        object: au,
        result,
        context: context('moveOn', masteryScore === undefined ? {} : { [CMI5.masteryScore]: masteryScore }),
      });
    },

    /**
     * A statement of an earlier session, made again in this one (new id, timestamp and session id),
     * for a result the LMS refused to take under its first session.
     */
    again(earlier: XapiStatement): XapiStatement {
      const session = currentSession();
      return {
        ...structuredClone(earlier),
        id: clock.newId(),
        timestamp: stamp(),
        context: {
          ...structuredClone(earlier.context),
          extensions: { ...(earlier.context.extensions ?? {}), [CMI5.sessionId]: session },
        },
      };
    },

    terminated: (duration: number) =>
      statement('terminated', {
        object: au,
        result: { duration: isoDuration(duration) },
        context: context('defined'),
      }),
  };
}

/** The statements builder of one AU session. */
export type StatementBuilder = ReturnType<typeof createStatementBuilder>;

function languageMap(bundle: ScenarioBundle, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, table] of Object.entries(bundle.texts)) {
    const text = table?.[key];
    if (text) out[lang] = text;
  }
  // why: xAPI language maps may not be empty; a step without the text still gets its key.
  return Object.keys(out).length ? out : { und: key };
}
