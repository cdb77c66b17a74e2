import type { TFunction } from 'i18next';
import { CATALOGUE, type DoctrineCatalogue } from '../../engine/doctrine/catalogue.ts';
import { scenarioText, type TextSource } from '../../engine/run/run-view.ts';
import { textKey } from '../../engine/scenario/text-keys.ts';
import type { Lesson } from '../../engine/score/lessons.ts';
import type {
  DoctrineRef,
  ReportDecision,
  RunPaths,
  TimelineItem,
  Verdict,
} from '../../engine/score/report-model.ts';
import type { RememberItem } from '../../engine/score/summary.ts';
import type { UiLanguage } from '../../i18n/i18n.ts';
import { senderForms } from '../../i18n/sender.ts';

// why: the debrief page, its CSV and the CLI's HTML and Markdown reports all word the report
// through these functions, so a sentence is written once and reads the same everywhere. Pure: no
// DOM, so the CLI imports it too.

/** What turns a report model into words: the UI translation, the scenario's texts, the catalogue. */
export interface ReportContext {
  t: TFunction;
  lang: UiLanguage;
  formatNumber(value: number): string;
  /** A scenario text by key, in the UI language or the scenario's source language. */
  text(key: string): string;
  /** The language the scenario texts are really in. */
  textLang: string;
  catalogue: DoctrineCatalogue;
}

/** A report context for a scenario bundle in a UI language. */
export function createReportContext(
  t: TFunction,
  lang: UiLanguage,
  bundle: TextSource,
  catalogue: DoctrineCatalogue = CATALOGUE,
): ReportContext {
  const numbers = new Intl.NumberFormat(lang);
  const translated = bundle.texts[lang] !== undefined;
  return {
    t,
    lang,
    formatNumber: (n) => numbers.format(n),
    text: (key) => scenarioText(bundle, lang, key),
    textLang: translated ? lang : bundle.scenario.language,
    catalogue,
  };
}

/** A doctrine entry as every renderer shows it: summary, id and handbook section. */
export interface DoctrineLine {
  id: string;
  section: string;
  /** "Handbook §15.1" in the UI language. */
  sectionText: string;
  summary: string;
}

const QUOTES = /^["'“”«»‘’\s]+|["'“”«»‘’\s]+$/g;

/** A title or label without the quotation marks around it, for quoting inside our own sentence. */
export function unquoted(text: string): string {
  const inner = text.replace(QUOTES, '');
  // why: strip only marks that wrap the whole text ("Secure Kilo-7"), never ones inside it.
  return /["“”«»]/.test(inner) ? text : inner;
}

/** A step's title for quoting in a sentence. */
export function stepTitleText(ctx: ReportContext, step: string): string {
  return unquoted(ctx.text(textKey.stepTitle(step)));
}

/** The options' labels joined with "+", or "no decision" when time ran out. */
export function choiceText(ctx: ReportContext, options: readonly string[]): string {
  if (options.length === 0) return ctx.t('report.noDecision');
  return options.map((id) => ctx.text(textKey.optionLabel(id))).join(' + ');
}

/** The options' labels for quoting inside a sentence. */
export function quotedChoice(ctx: ReportContext, options: readonly string[]): string {
  if (options.length === 0) return ctx.t('report.noDecision');
  // why: labels are often whole sentences; quoted within one of ours, their own full stop goes.
  return options.map((id) => unquoted(ctx.text(textKey.optionLabel(id)).replace(/\.$/, ''))).join(' + ');
}

/** "Handbook §15.1" or "Handbook §15.1, §15.4". */
export function sectionsText(ctx: ReportContext, sections: readonly string[]): string {
  return ctx.t('doctrine.section', { section: sections.join(', §') });
}

/** How a doctrine entry is cited. */
export function doctrineLine(ctx: ReportContext, ref: DoctrineRef | string): DoctrineLine {
  const id = typeof ref === 'string' ? ref : ref.id;
  const entry = ctx.catalogue.get(id);
  const section = typeof ref === 'string' ? (entry?.section ?? '?') : ref.section;
  return {
    id,
    section,
    sectionText: ctx.t('doctrine.section', { section }),
    summary: entry?.summary[ctx.lang] ?? id,
  };
}

/** A lesson as a sentence, with the doctrine entries it cites. */
export function lessonText(ctx: ReportContext, lesson: Lesson): { text: string; doctrine: DoctrineLine[] } {
  const p = lesson.params;
  const doctrine = (p.doctrine ?? []).map((id) => doctrineLine(ctx, id));
  const options: Record<string, unknown> = {
    step: p.step ? stepTitleText(ctx, p.step) : '',
    choice: p.options ? quotedChoice(ctx, p.options) : '',
    sections: sectionsText(ctx, p.sections ?? []),
    tier: p.tier ? ctx.t(`doctrine.tier.${p.tier}`) : '',
    phase: p.phase ? ctx.t(`doctrine.phase.${p.phase}`) : '',
    severity: p.severity ? ctx.t(`doctrine.severity.${p.severity}`) : '',
    score: p.score === undefined ? '' : ctx.formatNumber(p.score),
    total: p.total === undefined ? '' : ctx.formatNumber(p.total),
    limit: p.limit === undefined ? '' : ctx.formatNumber(p.limit),
  };
  if (p.count !== undefined) options.count = p.count;
  const breach = ['criticalBroken', 'dontBroken', 'criticalFailed', 'dutyFailed'].includes(lesson.key);
  if (breach) options.count = doctrine.length;
  // why: a sentence cites the handbook only when there is something to cite, and one about a
  // time-out says so instead of naming a choice that was never made.
  if (breach && p.options !== undefined && p.options.length === 0) options.context = 'timedOut';
  else if (
    (p.sections ?? []).length === 0 &&
    (lesson.key === 'chooseBetter' || lesson.key === 'decideInTime')
  )
    options.context = 'plain';
  return { text: ctx.t(`report.lessons.${lesson.key}`, options), doctrine };
}

/** A span of scenario seconds in words: "45 s", "3 min 20 s", "13 h 30 min", "9 days 2 h 30 min". */
export function durationText(ctx: ReportContext, seconds: number): string {
  const s = Math.round(seconds);
  if (s >= 86_400)
    return ctx.t('report.duration.days', {
      count: Math.floor(s / 86_400),
      h: ctx.formatNumber(Math.floor((s % 86_400) / 3600)),
      m: ctx.formatNumber(Math.floor((s % 3600) / 60)),
    });
  if (s < 60) return ctx.t('report.duration.seconds', { s: ctx.formatNumber(s) });
  if (s < 3600)
    return ctx.t('report.duration.minutes', {
      m: ctx.formatNumber(Math.floor(s / 60)),
      s: ctx.formatNumber(s % 60),
    });
  return ctx.t('report.duration.hours', {
    h: ctx.formatNumber(Math.floor(s / 3600)),
    m: ctx.formatNumber(Math.floor((s % 3600) / 60)),
  });
}

/** When a timeline entry happened: "10:00", or "Day 3, 10:00" for a run that lasted more than one day. */
export function timelineClockText(ctx: ReportContext, item: TimelineItem, lastDay: number): string {
  return lastDay > 1 ? ctx.t('report.timeline.dayClock', { day: item.day, clock: item.clock }) : item.clock;
}

/** The sentence under the path graph: where the trainee's choices first left doctrine's best answers. */
export function pathVerdictText(ctx: ReportContext, paths: RunPaths, reachedEnd: boolean): string {
  if (paths.firstMiss)
    return ctx.t('report.path.diverged', {
      n: paths.firstMiss.decision,
      step: stepTitleText(ctx, paths.firstMiss.step),
    });
  return ctx.t(reachedEnd ? 'report.path.same' : 'report.path.unfinished');
}

/** One of the things to remember: a headline, a line saying where it came from, and the handbook sections. */
export function rememberText(
  ctx: ReportContext,
  item: RememberItem,
): { headline: string; detail: string; sections: string; doctrine: string[]; tone: string } {
  const { t } = ctx;
  switch (item.kind) {
    case 'broken': {
      const line = doctrineLine(ctx, { id: item.doctrine, section: item.section });
      const where = { n: item.decision, step: stepTitleText(ctx, item.step) };
      // why: a Do in this list is a duty the choice failed; the trainee must not read that they "broke" it.
      const failed = ctx.catalogue.get(item.doctrine)?.kind === 'do';
      return {
        headline: line.summary,
        detail:
          item.options.length === 0
            ? t(failed ? 'report.summary.failedTimedOut' : 'report.summary.brokenTimedOut', {
                ...where,
                severity: t(`doctrine.severity.${item.severity}`),
              })
            : t(failed ? 'report.summary.failed' : 'report.summary.broken', {
                ...where,
                severity: t(`doctrine.severity.${item.severity}`),
                choice: quotedChoice(ctx, item.options),
              }),
        sections: line.sectionText,
        doctrine: [item.doctrine],
        tone: item.severity === 'critical' ? 'critical' : 'broken',
      };
    }
    case 'weakTier':
    case 'weakPhase':
      return {
        headline:
          item.kind === 'weakTier'
            ? t('report.summary.weakTier', {
                tier: t(`doctrine.tier.${item.tier}`),
                score: ctx.formatNumber(item.score),
              })
            : t('report.summary.weakPhase', {
                phase: t(`doctrine.phase.${item.phase}`),
                score: ctx.formatNumber(item.score),
              }),
        detail: t('report.summary.weakDetail'),
        sections: sectionsText(ctx, item.sections),
        doctrine: [],
        tone: 'weak',
      };
    case 'better':
      return {
        headline: t('report.summary.better', {
          step: stepTitleText(ctx, item.step),
          choice: item.options.length ? quotedChoice(ctx, item.options) : t('report.noDecision'),
        }),
        detail: item.doctrine.map((id) => doctrineLine(ctx, id).summary).join(' '),
        sections: item.sections.length ? sectionsText(ctx, item.sections) : '',
        doctrine: item.doctrine,
        tone: 'better',
      };
    case 'kept': {
      const line = doctrineLine(ctx, { id: item.doctrine, section: item.section });
      return {
        headline: line.summary,
        detail: t('report.summary.kept', { n: item.decision, step: stepTitleText(ctx, item.step) }),
        sections: line.sectionText,
        doctrine: [item.doctrine],
        tone: 'kept',
      };
    }
  }
}

/** One timeline entry as a kind label and a line of text (scenario text in its own language). */
export function timelineText(ctx: ReportContext, item: TimelineItem): { kind: string; text: string } {
  const kind = ctx.t(`report.timeline.kind.${item.kind}`);
  switch (item.kind) {
    case 'step':
      return { kind, text: stepTitleText(ctx, item.step) };
    case 'inject':
      return {
        kind,
        text: ctx.t('report.timeline.inject', {
          // why: a French sender is written with its article for use after "de"; alone it is capitalised.
          from: senderForms(ctx.lang, ctx.textLang, ctx.text(textKey.injectFrom(item.inject))).from,
          text: ctx.text(textKey.injectText(item.inject)),
        }),
      };
    case 'decision':
      return {
        kind,
        text: ctx.t('report.timeline.decision', {
          n: item.decision,
          choice: quotedChoice(ctx, item.options),
          latency: ctx.formatNumber(item.latency),
        }),
      };
    case 'timeout':
      return {
        kind,
        text: ctx.t('report.timeline.timeout', { n: item.decision, latency: ctx.formatNumber(item.latency) }),
      };
    case 'ending':
      return {
        kind,
        text: `${ctx.text(textKey.endingTitle(item.ending))} (${ctx.t(`doctrine.outcome.${item.outcome}`)})`,
      };
  }
}

/** The time a decision took, against its limit when it had one, as the page shows it. */
export function decisionTimeText(ctx: ReportContext, d: ReportDecision): string {
  return d.timeLimit === null
    ? ctx.t('debrief.decisions.timeUntimed', { elapsed: ctx.formatNumber(d.elapsed) })
    : ctx.t('debrief.decisions.timeOfLimit', {
        elapsed: ctx.formatNumber(d.elapsed),
        limit: ctx.formatNumber(d.timeLimit),
      });
}

/** Key of the sentence that explains the verdict. */
export function verdictKey(verdict: Verdict): string {
  return {
    passed: 'debrief.verdictPassed',
    critical: 'debrief.verdictCritical',
    majors: 'debrief.verdictMajors',
    harmed: 'debrief.verdictHarmed',
    failed: 'debrief.verdictFailed',
  }[verdict];
}
