import { PHASES, TIERS } from '../../engine/doctrine/doctrine-entry.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import { type CellBalance, cellBalance, type ReportModel } from '../../engine/score/report-model.ts';
import {
  choiceText,
  type DoctrineLine,
  decisionTimeText,
  doctrineLine,
  durationText,
  lessonText,
  pathVerdictText,
  type ReportContext,
  rememberText,
  stepTitleText,
  timelineClockText,
  timelineText,
  verdictKey,
} from './report-text.ts';

// why: the CLI's HTML and Markdown reports are two typesettings of this one document, worded by the
// same functions as the debrief page; tests hold the page to it, so the three cannot drift.

/** A lesson as written: the sentence and the doctrine it cites. */
export interface LessonLine {
  text: string;
  doctrine: DoctrineLine[];
}

/** The debrief report of one run, worded in one language and ready to typeset. */
export interface ReportDocument {
  lang: string;
  /** Language of the scenario's own texts (titles, feedback), when not translated. */
  textLang: string;
  kicker: string;
  title: string;
  /** What separates a label from its value in this language (": " or " : "). */
  colon: string;
  meta: string[];
  critical: {
    heading: string;
    intro: string;
    items: (DoctrineLine & { where: string })[];
    capped: string | null;
  } | null;
  ending: {
    heading: string;
    outcome: string | null;
    outcomeKind: string | null;
    title: string;
    text: string;
  };
  score: {
    heading: string;
    value: string;
    passed: boolean;
    verdict: string;
    mastery: string;
    explanation: string;
  };
  /** The summary's things to remember, or `null` when the run had none (no decision taken). */
  remember: {
    heading: string;
    items: { headline: string; detail: string; sections: string; ids: string[]; tone: string }[];
  } | null;
  /** Where to try again: the first decision that was not doctrine's best. */
  tryAgain: { heading: string; text: string; decision: number | null };
  lessons: {
    heading: string;
    groups: {
      heading: string;
      tone: 'strength' | 'improvement' | 'next';
      empty: string;
      items: LessonLine[];
    }[];
  };
  matrix: {
    heading: string;
    caption: string;
    corner: string;
    columns: string[];
    totalColumn: string;
    rows: {
      header: string;
      cells: { followed: number; broken: number; balance: CellBalance; label: string }[];
      total: string;
    }[];
    footer: { header: string; cells: string[]; total: string };
    legend: { heading: string; items: { balance: CellBalance; label: string }[] };
  };
  path: {
    heading: string;
    intro: string;
    verdict: string;
    takenHeading: string;
    taken: { title: string; off: boolean }[];
    offLabel: string;
    bestHeading: string;
    best: string[];
  };
  timeline: {
    heading: string;
    intro: string;
    items: { clock: string; kind: string; type: string; text: string }[];
  };
  decisions: {
    heading: string;
    none: string | null;
    items: {
      number: string;
      step: string;
      phase: string;
      prompt: string;
      facts: { label: string; value: string }[];
      late: string | null;
      score: number;
      feedback: string[];
      feedbackHeading: string;
      doctrineHeading: string;
      noDoctrine: string | null;
      doctrine: {
        status: string;
        tone: 'followed' | 'broken';
        severity: string | null;
        line: DoctrineLine;
      }[];
      better: string | null;
      bestTaken: string | null;
    }[];
  };
  footer: string;
}

/** Extra facts about the run that are not in its log: who played it and when. */
export interface ReportMeta {
  traineeName?: string;
}

/** Words a report model in the context's language. Pure. */
export function buildReportDocument(
  model: ReportModel,
  ctx: ReportContext,
  meta: ReportMeta = {},
): ReportDocument {
  const { t, formatNumber: n } = ctx;
  const s = model.score;
  const scoreText = (v: number | null) => (v === null ? t('debrief.matrix.notExercised') : n(v));
  const name = meta.traineeName?.trim();
  const ending = model.ending;
  return {
    lang: ctx.lang,
    textLang: ctx.textLang,
    kicker: t('debrief.kicker'),
    title: ctx.text(textKey.title()),
    colon: t('report.labelValue', { label: '', value: '' }),
    meta: [
      ...(name ? [t('report.trainee', { name })] : []),
      t('report.scenario', { id: model.scenario.id, version: model.scenario.version }),
      t('report.startClock', { clock: model.startClock, duration: durationText(ctx, model.duration) }),
    ],
    critical: model.critical.length
      ? {
          heading: t('debrief.critical.heading', { count: model.critical.length }),
          intro: t('debrief.critical.intro', { cap: model.cap }),
          items: model.critical.map((c) => ({
            ...doctrineLine(ctx, c),
            where: t('debrief.critical.where', {
              step: stepTitleText(ctx, c.step),
              choice: c.option ? choiceText(ctx, [c.option]) : t('debrief.decisions.timedOut'),
            }),
          })),
          capped: s.capped ? t('debrief.critical.capped', { cap: model.cap }) : null,
        }
      : null,
    ending: {
      heading: t('debrief.ending'),
      outcome: ending ? t(`doctrine.outcome.${ending.outcome}`) : null,
      outcomeKind: ending?.outcome ?? null,
      title: ending ? ctx.text(textKey.endingTitle(ending.id)) : '',
      text: ending ? ctx.text(textKey.endingText(ending.id)) : t('debrief.unfinished'),
    },
    score: {
      heading: t('debrief.scoreHeading'),
      value: s.overall === null ? t('debrief.noScore') : t('debrief.scoreValue', { score: s.overall }),
      passed: s.passed,
      verdict: t(s.passed ? 'debrief.passed' : 'debrief.failed'),
      mastery: t('debrief.mastery', { mastery: s.mastery }),
      explanation: t(verdictKey(model.verdict)),
    },
    remember: model.remember.length
      ? {
          heading: t('report.summary.rememberHeading', { count: model.remember.length }),
          items: model.remember.map((item) => {
            const { doctrine, ...text } = rememberText(ctx, item);
            return { ...text, ids: doctrine };
          }),
        }
      : null,
    tryAgain: model.tryAgainFrom
      ? {
          heading: t('report.summary.tryAgainHeading', { n: model.tryAgainFrom.decision }),
          text: t('report.summary.tryAgainText', { step: stepTitleText(ctx, model.tryAgainFrom.step) }),
          decision: model.tryAgainFrom.decision,
        }
      : {
          heading: t('report.summary.allBestHeading'),
          text: t('report.summary.allBestText'),
          decision: null,
        },
    lessons: {
      heading: t('report.sections.lessons'),
      groups: [
        {
          heading: t('report.lessons.strengths'),
          tone: 'strength',
          empty: t('report.lessons.noStrengths'),
          items: model.lessons.strengths.map((l) => ({ ...lessonText(ctx, l), doctrine: [] })),
        },
        {
          heading: t('report.lessons.improvements'),
          tone: 'improvement',
          empty: t('report.lessons.noImprovements'),
          items: model.lessons.improvements.map((l) => lessonText(ctx, l)),
        },
        {
          heading: t('report.lessons.nextTime'),
          tone: 'next',
          empty: t('report.lessons.noNextTime'),
          items: model.lessons.nextTime.map((l) => lessonText(ctx, l)),
        },
      ],
    },
    matrix: {
      heading: t('debrief.matrix.heading'),
      caption: t('debrief.matrix.caption'),
      corner: t('debrief.matrix.tier'),
      columns: PHASES.map((p) => t(`doctrine.phase.${p}`)),
      totalColumn: t('debrief.matrix.tierScore'),
      rows: TIERS.map((tier) => ({
        header: t(`doctrine.tier.${tier}`),
        cells: PHASES.map((p) => {
          const cell = model.matrix[tier][p];
          return {
            ...cell,
            balance: cellBalance(cell),
            label: t('report.matrix.cell', {
              tier: t(`doctrine.tierShort.${tier}`),
              phase: t(`doctrine.phase.${p}`),
              followed: cell.followed,
              broken: cell.broken,
            }),
          };
        }),
        total: scoreText(s.byTier[tier]),
      })),
      footer: {
        header: t('debrief.matrix.phaseScore'),
        cells: PHASES.map((p) => scoreText(s.byPhase[p])),
        total: scoreText(s.overall),
      },
      legend: {
        heading: t('report.matrix.legend'),
        items: (['followed', 'mixed', 'broken', 'none'] as const).map((b) => ({
          balance: b,
          label: t(`report.matrix.${b}`),
        })),
      },
    },
    path: pathPart(model, ctx),
    timeline: {
      heading: t('report.sections.timeline'),
      intro: t('report.timeline.intro'),
      items: model.timeline.map((item) => ({
        clock: timelineClockText(ctx, item, model.lastDay),
        type: item.kind,
        ...timelineText(ctx, item),
      })),
    },
    decisions: {
      heading: t('debrief.decisions.heading'),
      none: model.decisions.length ? null : t('debrief.decisions.none'),
      items: model.decisions.map((d) => ({
        number: t('debrief.decisions.number', { n: d.index }),
        step: ctx.text(textKey.stepTitle(d.step)),
        phase: t(`doctrine.phase.${d.phase}`),
        prompt: ctx.text(textKey.prompt(d.step)),
        facts: [
          {
            label: t('debrief.decisions.youChose'),
            value: d.timedOut ? t('debrief.decisions.timedOut') : choiceText(ctx, d.options),
          },
          { label: t('debrief.decisions.time'), value: decisionTimeText(ctx, d) },
          { label: t('debrief.decisions.score'), value: n(d.score) },
        ],
        late: d.timeliness < 100 ? t('debrief.decisions.late', { percent: n(d.timeliness) }) : null,
        score: d.score,
        feedback: d.feedback.map((k) => ctx.text(k)),
        feedbackHeading: t('debrief.decisions.feedback'),
        doctrineHeading: t('debrief.decisions.doctrine'),
        noDoctrine: d.followed.length + d.broken.length ? null : t('debrief.decisions.noDoctrine'),
        doctrine: [
          ...d.broken.map((b) => ({
            status: t(b.duty ? 'debrief.decisions.failed' : 'debrief.decisions.broken', {
              severity: t(`doctrine.severity.${b.severity}`),
            }),
            tone: 'broken' as const,
            severity: b.severity,
            line: doctrineLine(ctx, b),
          })),
          ...d.followed.map((f) => ({
            status: t('debrief.decisions.followed'),
            tone: 'followed' as const,
            severity: null,
            line: doctrineLine(ctx, f),
          })),
        ],
        better: d.better
          ? t('debrief.decisions.better', {
              choice: d.better.length ? choiceText(ctx, d.better) : t('debrief.decisions.timedOut'),
            })
          : null,
        bestTaken: d.better ? null : t('debrief.decisions.bestTaken'),
      })),
    },
    footer: t('app.footer'),
  };
}

function pathPart(model: ReportModel, ctx: ReportContext): ReportDocument['path'] {
  const { t } = ctx;
  const p = model.paths;
  const endings = new Set(p.endings);
  const title = (id: string) => ctx.text(endings.has(id) ? textKey.endingTitle(id) : textKey.stepTitle(id));
  return {
    heading: t('report.sections.path'),
    intro: t('report.path.intro'),
    verdict: pathVerdictText(ctx, p, model.ending !== null),
    takenHeading: t('report.path.taken'),
    // why: a run can rejoin the best path after leaving it; only the steps doctrine's path never visits are marked.
    taken: p.taken.map((id) => ({ title: title(id), off: !p.best.includes(id) })),
    offLabel: t('report.path.offBest'),
    bestHeading: t('report.path.best'),
    best: p.best.map(title),
  };
}
