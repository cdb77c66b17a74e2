import type { RunScore } from '../engine/score/score-run.ts';

/** Why a run did not pass, in words an LMS report can carry. */
export type FailedBecause = 'below-mastery' | 'critical-dont-broken' | 'major-breaches' | 'civilians-harmed';

/** A finished run judged against the mastery score in force (the LMS's, else the scenario's). */
export interface LmsVerdict {
  passed: boolean;
  /** Overall score 0-100, or null when the run had no decision. */
  overall: number | null;
  /** The mastery score used, scaled 0..1. */
  masteryScore: number;
  failedBecause: FailedBecause[];
}

/**
 * Judges a run for the LMS. A mastery score set in the LMS (scaled 0..1) replaces the scenario's,
 * since cmi5 and SCORM both let the LMS decide it; the doctrine gates (no critical Don't broken
 * nor critical duty failed, fewer than two major breaches, no ending with civilians harmed) hold
 * whatever the mastery score.
 */
export function judgeRun(score: RunScore, lmsMasteryScore?: number): LmsVerdict {
  const masteryScore = lmsMasteryScore ?? score.mastery / 100;
  const failedBecause: FailedBecause[] = [];
  // why: compared on the scaled value, as the LMS compares it; 0.7 * 100 is not exactly 70.
  if (score.overall === null || score.overall / 100 < masteryScore) failedBecause.push('below-mastery');
  if (score.criticalBreach) failedBecause.push('critical-dont-broken');
  if (score.tooManyMajors) failedBecause.push('major-breaches');
  if (score.harmedEnding) failedBecause.push('civilians-harmed');
  return { passed: failedBecause.length === 0, overall: score.overall, masteryScore, failedBecause };
}
