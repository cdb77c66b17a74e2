import type { SoundCue } from '../../src/audio/audio-port.ts';
import { CATALOGUE } from '../../src/engine/doctrine/catalogue.ts';
import { DOCTRINE_KINDS, PHASES, SEVERITIES, TIERS } from '../../src/engine/doctrine/doctrine-entry.ts';
import {
  CORRECTIVE_STATUSES,
  type CorrectiveAction,
  type ExerciseStatus,
  type HotwashEntry,
  type ReleaseKind,
  type UndoneRecord,
} from '../../src/engine/exercise/exercise-state.ts';
import type { ExpectationStatus } from '../../src/engine/exercise/exercise-view.ts';
import type {
  SetAsideReason as CohortSetAside,
  RowFlag,
  RowResult,
} from '../../src/engine/results/cohort.ts';
import type { Implausibility } from '../../src/engine/results/run-plausibility.ts';
import type { SituationChange } from '../../src/engine/run/situation.ts';
import { TIME_LIMIT_SETTINGS } from '../../src/engine/run/time-limits.ts';
import type { Diagnostic } from '../../src/engine/scenario/diagnostic.ts';
import {
  ACTOR_KINDS,
  ACTOR_MOODS,
  AUDIENCE_ROLES,
  CONTENT_TOPICS,
  EXERCISE_FORMATS,
  FEEDBACK_MODES,
  INJECT_CHANNELS,
  LOCATION_STATES,
  OUTCOMES,
  RATINGS,
  UNIT_KINDS,
  type Variable,
} from '../../src/engine/scenario/scenario.schema.ts';
import type { ImprovementKey, NextTimeKey, StrengthKey } from '../../src/engine/score/lessons.ts';
import type { TimelineItem } from '../../src/engine/score/report-model.ts';
import glossary from '../../src/i18n/locales/glossary/en.json';
import type { SaveHealth } from '../../src/storage/run-saves.ts';
import type { EdgeKind, NodeMark } from '../../src/ui/author/graph-layout.ts';
import type { DoctrineMark } from '../../src/ui/exercise/after-action-report.tsx';
import type { MselStatus } from '../../src/ui/exercise/console-model.ts';
import type { AfterStage } from '../../src/ui/exercise/console-page.tsx';
import { PRINTABLES } from '../../src/ui/exercise/printables.tsx';
import type { LogKind } from '../../src/ui/exercise/side-panel.tsx';
import type { OpeningNotice } from '../../src/ui/exercise/use-exercise.ts';
import type { LinkStatus } from '../../src/ui/room/room-link.ts';
import type { DynamicKeys } from './string-check.ts';

const GLOSSARY_CONCEPTS = Object.keys(glossary.glossary.concepts);

/**
 * Every member of a string union, checked by the compiler both ways: a member left out, or one the
 * union does not have, fails `npm run typecheck`. So the keys below follow the code's types.
 */
function every<T extends string>() {
  return <const V extends readonly T[]>(
    values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> }),
  ): readonly string[] => values;
}

// why: Chapter 15's situations as the menu groups them (`15.1` → `15_1`), read from the catalogue.
const SITUATIONS = [
  ...new Set([...CATALOGUE.values()].map((e) => e.section.split('.').slice(0, 2).join('.'))),
]
  .filter((s) => /^15\.[1-7]$/.test(s))
  .map((s) => s.replace('.', '_'));

/**
 * Keys the code builds from a value (`t(`doctrine.phase.${phase}`)`), with the values the code can
 * give: the check counts each key as used and requires it in English and French. A key built from
 * a list written beside it (`['a', 'b'].map(...)`) is read from the code and needs no entry here.
 */
export const DYNAMIC_KEYS: DynamicKeys = {
  'doctrine.tier.*': TIERS,
  'doctrine.tierShort.*': TIERS,
  'doctrine.phase.*': PHASES,
  'doctrine.severity.*': SEVERITIES,
  'doctrine.outcome.*': OUTCOMES,
  'doctrineSearch.kind.*': DOCTRINE_KINDS,
  'menu.role.*': AUDIENCE_ROLES,
  'menu.situationTitle.*': SITUATIONS,
  'contentNote.topic.*': CONTENT_TOPICS,
  'play.channel.*': INJECT_CHANNELS,
  // why: i18next reads "." as a key separator, so the setting "x1.5" is keyed "x1_5".
  'consequence.mode.*': FEEDBACK_MODES,
  'glossary.concepts.*.term': GLOSSARY_CONCEPTS,
  'glossary.concepts.*.definition': GLOSSARY_CONCEPTS,
  'timeLimits.setting.*': TIME_LIMIT_SETTINGS.map((s) => s.replace('.', '_')),
  'play.better.*': every<Variable['better']>()(['higher', 'lower']),
  'audio.caption.*': every<SoundCue>()(['radio', 'alert']),
  'map.state.*': LOCATION_STATES,
  'map.placeState.*': LOCATION_STATES,
  'map.mood.*': ACTOR_MOODS,
  'map.actorMood.*': ACTOR_MOODS,
  'map.actorKind.*': ACTOR_KINDS,
  'map.actorType.*': ACTOR_KINDS,
  'map.unitKind.*': UNIT_KINDS,
  'map.unitType.*': UNIT_KINDS,
  'map.changes.*': every<SituationChange['kind']>()([
    'moved',
    'unitMoved',
    'appeared',
    'gone',
    'grew',
    'shrank',
    'mood',
    'state',
  ]),
  'storage.banner.*': every<Extract<SaveHealth, { kind: 'memory' }>['reason']>()([
    'unavailable',
    'full',
    'failed',
  ]),
  'report.lessons.*': every<StrengthKey | ImprovementKey | NextTimeKey>()([
    'heldUnderPressure',
    'protectedEnding',
    'strongTier',
    'strongPhase',
    'bestChoices',
    'timely',
    'criticalBroken',
    'dontBroken',
    'criticalFailed',
    'dutyFailed',
    'harmedEnding',
    'timedOut',
    'late',
    'weakTier',
    'weakPhase',
    'chooseBetter',
    'avoidDont',
    'decideInTime',
  ]),
  'report.timeline.kind.*': every<TimelineItem['kind']>()([
    'step',
    'inject',
    'decision',
    'timeout',
    'ending',
  ]),
  'author.problems.*': every<Diagnostic['severity']>()(['error', 'warning']),
  'graph.mark.*': every<Exclude<NodeMark, null>>()(['unreachable', 'dead-end', 'problem']),
  'graph.outcome.*': OUTCOMES,
  'graph.phaseShort.*': PHASES,
  'graph.text.*': every<EdgeKind>()(['option', 'timeout', 'continue', 'route']),
  'cohort.problems.reason.*': every<CohortSetAside>()([
    'damaged',
    'unknown-scenario',
    'does-not-replay',
    'duplicate',
  ]),
  'cohort.table.flag.*': every<RowFlag['kind']>()([
    'migrated',
    'other-version',
    'edited-summary',
    'unfinished',
    'implausible',
  ]),
  'report.implausible.reason.*': every<Implausibility['kind']>()([
    'no-clock',
    'too-fast',
    'beyond-window',
    'beyond-span',
    'summary-disagrees',
  ]),
  'cohort.table.implausible.*': every<Implausibility['kind']>()([
    'no-clock',
    'too-fast',
    'beyond-window',
    'beyond-span',
    'summary-disagrees',
  ]),
  'cohort.table.resultValue.*': every<RowResult>()(['passed', 'failed', 'unfinished', 'not-scored']),
  'aar.format.*': EXERCISE_FORMATS,
  'aar.status.*': every<ExerciseStatus>()(['ready', 'running', 'paused', 'ended']),
  'aar.ratings.*': RATINGS,
  'aar.released.*': every<ReleaseKind>()(['scheduled', 'facilitator', 'contingency']),
  // why: taken and late actions have sentences of their own that name who took them.
  'aar.expectation.*': every<Exclude<ExpectationStatus, 'taken' | 'late'>>()([
    'not-released',
    'open',
    'missed',
  ]),
  'exercise.format.*': EXERCISE_FORMATS,
  'exercise.status.*': every<ExerciseStatus>()(['ready', 'running', 'paused', 'ended']),
  'rooms.status.*': every<ExerciseStatus>()(['ready', 'running', 'paused', 'ended']),
  'rooms.console.state.*': every<LinkStatus['state']>()(['connecting', 'online', 'offline', 'gone']),
  'exercise.rating.*': RATINGS,
  'exercise.rating.code.*': RATINGS,
  'exercise.after.*Heading': every<AfterStage>()(['hotwash', 'report']),
  'exercise.notice.setAside.*': every<Extract<OpeningNotice, { kind: 'set-aside' }>['reason']>()([
    'not-json',
    'not-a-log',
    'newer-version',
    'other-exercise',
    'bad-event',
    'replay',
  ]),
  'exercise.msel.status.*': every<MselStatus>()(['released', 'skipped', 'upcoming', 'held']),
  'exercise.msel.released.*': every<ReleaseKind>()(['scheduled', 'facilitator', 'contingency']),
  'exercise.expects.status.*': every<ExpectationStatus>()([
    'not-released',
    'open',
    'taken',
    'late',
    'missed',
  ]),
  'exerciseRecord.kind.*': every<UndoneRecord['kind']>()([
    'action',
    'skip',
    'decision',
    'note',
    'rating',
    'hotwash',
  ]),
  'exercise.log.kind.*': every<LogKind>()(['inject', 'skipped', 'action', 'missed', 'decision', 'note']),
  'exercise.record.*': every<LogKind & ('decision' | 'note')>()(['decision', 'note']),
  'exercise.hotwash.*s': every<HotwashEntry['kind']>()(['strength', 'improvement']),
  'exercise.hotwash.add.*': every<HotwashEntry['kind']>()(['strength', 'improvement']),
  'exercise.hotwash.placeholder.*': every<HotwashEntry['kind']>()(['strength', 'improvement']),
  'exercise.report.*': every<DoctrineMark>()(['followed', 'broke', 'failed']),
  'exercise.report.source.*': every<CorrectiveAction['source']>()(['improvement', 'missed', 'facilitator']),
  'aar.correctiveStatus.*': CORRECTIVE_STATUSES,
  'exercisePrint.kinds.*': PRINTABLES,
  'exercisePrint.kindHints.*': PRINTABLES,
};
