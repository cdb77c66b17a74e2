import type { ScenarioBundle } from '../scenario/load-scenario.ts';
import type { FeedbackMode, Inject, Outcome, Scenario } from '../scenario/scenario.schema.ts';
import { decisionsAhead } from '../scenario/scenario-graph.ts';
import { textKey } from '../scenario/text-keys.ts';
import type { MapState, RunContext } from './run-state.ts';
import { effectiveLimit, type TimeLimitSetting } from './time-limits.ts';

/** An inject as the UI shows it: text keys, not text. */
export interface InjectView {
  id: string;
  channel: Inject['channel'];
  fromKey: string;
  textKey: string;
  sound: Inject['sound'] | null;
  /** Scenario seconds since the run started. */
  at: number;
}

/** What the trainee sees of a run at one moment; the UI renders this and never decides. */
export interface RunView {
  scenarioId: string;
  step: { id: string; titleKey: string; narrationKey: string; phase: string } | null;
  /** Scenario seconds since the run started, and the time of day it stands for. */
  clock: { elapsed: number; timeOfDay: string };
  /** Injects released in the current step, oldest first. */
  injects: InjectView[];
  decision: {
    promptKey: string;
    mode: 'single' | 'multi';
    pick: number;
    options: { id: string; labelKey: string }[];
    /** Seconds this run allows (the scenario's limit, extended by the run's setting); null when untimed or off. */
    timeLimit: number | null;
    remaining: number | null;
    /** Whether the scenario times this decision, even when this run has switched limits off. */
    timedInScenario: boolean;
  } | null;
  /** How time limits apply in this run. */
  timeLimits: TimeLimitSetting;
  /**
   * Where the trainee stands: decisions taken, the number of the open one (null on a narration
   * step), and about how many a run holds, from the decisions taken and those ahead in the graph.
   */
  progress: { taken: number; current: number | null; about: number };
  /**
   * The latest decision or time-out and what it led to, told in the story (consequence keys) and,
   * in learning mode, judged (feedback keys); the UI shows it before the next step.
   */
  outcome: OutcomeView | null;
  /** learning: feedback right after each choice; assessment: only in the debrief. */
  feedbackMode: FeedbackMode;
  canContinue: boolean;
  variables: {
    id: string;
    nameKey: string;
    value: number;
    min: number;
    max: number;
    better: 'higher' | 'lower';
  }[];
  map: MapState;
  ending: { id: string; titleKey: string; textKey: string; outcome: Outcome } | null;
}

/** A decision just taken (or let run out), as the trainee reads it before the next step. */
export interface OutcomeView {
  /** Unique within a run: the step and the scenario second it was decided at. */
  key: string;
  step: string;
  stepTitleKey: string;
  timedOut: boolean;
  /** What was chosen, each with its consequence (null when the author wrote none) and feedback. */
  options: { id: string; labelKey: string; consequenceKey: string | null; feedbackKey: string }[];
  /** For a time-out: what not deciding led to, and what the debrief says about it. */
  noDecision: { consequenceKey: string | null; feedbackKey: string } | null;
}

/** The latest decision of a run, with the keys that tell what followed. */
export function outcomeOf(scenario: Scenario, context: RunContext): OutcomeView | null {
  const last = context.history.findLast((h) => h.type === 'decision.made' || h.type === 'decision.timedOut');
  if (!last || (last.type !== 'decision.made' && last.type !== 'decision.timedOut')) return null;
  const step = scenario.steps.find((s) => s.id === last.step);
  const d = step?.decision;
  if (!step || !d) return null;
  const timedOut = last.type === 'decision.timedOut';
  const picked = timedOut ? [] : d.options.filter((o) => last.options.includes(o.id));
  return {
    key: `${last.step}@${last.at}`,
    step: last.step,
    stepTitleKey: textKey.stepTitle(last.step),
    timedOut,
    options: picked.map((o) => ({
      id: o.id,
      labelKey: textKey.optionLabel(o.id),
      consequenceKey: o.consequence ? textKey.optionConsequence(o.id) : null,
      feedbackKey: textKey.optionFeedback(o.id),
    })),
    noDecision:
      timedOut && d.noDecision
        ? {
            consequenceKey: d.noDecision.consequence ? textKey.noDecisionConsequence(step.id) : null,
            feedbackKey: textKey.noDecisionFeedback(step.id),
          }
        : null,
  };
}

/** Formats seconds past midnight as HH:MM. */
export function formatTimeOfDay(secondsOfDay: number): string {
  const minutes = Math.floor((((secondsOfDay % 86_400) + 86_400) % 86_400) / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Builds the view of a run's current state. */
export function buildRunView(scenario: Scenario, context: RunContext): RunView {
  const step = scenario.steps.find((s) => s.id === context.step);
  const ending = context.ending ? scenario.endings.find((e) => e.id === context.ending) : undefined;
  const injectsById = new Map(step?.injects?.map((i) => [i.id, i]) ?? []);
  const injects: InjectView[] = [];
  if (step) {
    for (const h of context.history) {
      if (h.type !== 'inject.released' || h.step !== step.id || h.at < context.stepOpenedAt) continue;
      const inj = injectsById.get(h.inject);
      if (!inj) continue;
      injects.push({
        id: inj.id,
        channel: inj.channel,
        fromKey: textKey.injectFrom(inj.id),
        textKey: textKey.injectText(inj.id),
        sound: inj.sound ?? null,
        at: h.at,
      });
    }
  }
  const d = step?.decision;
  const elapsedInStep = context.time - context.stepOpenedAt;
  const limit = effectiveLimit(d?.timeLimit, context.timeLimits);
  const taken = context.history.filter(
    (h) => h.type === 'decision.made' || h.type === 'decision.timedOut',
  ).length;
  const ahead = step && !ending ? decisionsAhead(scenario).get(step.id) : undefined;
  // why: the midpoint of the shortest and longest ways on, so "about" errs neither way for long.
  const about = taken + (ahead ? Math.round((ahead.min + ahead.max) / 2) : 0);
  return {
    scenarioId: scenario.id,
    step:
      step && !ending
        ? {
            id: step.id,
            titleKey: textKey.stepTitle(step.id),
            narrationKey: textKey.narration(step.id),
            phase: step.phase,
          }
        : null,
    clock: { elapsed: context.time, timeOfDay: formatTimeOfDay(context.startOfDay + context.time) },
    injects: ending ? [] : injects,
    decision:
      d && step && !ending
        ? {
            promptKey: textKey.prompt(step.id),
            mode: d.mode,
            pick: d.mode === 'multi' ? (d.pick ?? 1) : 1,
            options: d.options.map((o) => ({ id: o.id, labelKey: textKey.optionLabel(o.id) })),
            timeLimit: limit ?? null,
            remaining: limit === undefined ? null : Math.max(0, limit - elapsedInStep),
            timedInScenario: d.timeLimit !== undefined,
          }
        : null,
    timeLimits: context.timeLimits,
    outcome: outcomeOf(scenario, context),
    feedbackMode: scenario.feedbackMode,
    progress: { taken, current: d && step && !ending ? taken + 1 : null, about: Math.max(about, taken) },
    canContinue: !!step && !d && !ending,
    variables: scenario.variables.map((v) => ({
      id: v.id,
      nameKey: textKey.variable(v.id),
      value: context.vars[v.id] ?? v.initial,
      min: v.min,
      max: v.max,
      better: v.better,
    })),
    map: context.map,
    ending: ending
      ? {
          id: ending.id,
          titleKey: textKey.endingTitle(ending.id),
          textKey: textKey.endingText(ending.id),
          outcome: ending.outcome,
        }
      : null,
  };
}

/** Anything that carries a scenario's text tables: a whole bundle or a menu listing. */
export interface TextSource {
  scenario: Pick<Scenario, 'language'>;
  texts: ScenarioBundle['texts'];
}

/** Looks up a scenario text in the language asked for, falling back to the source language. */
export function scenarioText(bundle: TextSource, language: string, key: string): string {
  const table = bundle.texts[language as keyof ScenarioBundle['texts']];
  return table?.[key] ?? bundle.texts[bundle.scenario.language]?.[key] ?? key;
}
