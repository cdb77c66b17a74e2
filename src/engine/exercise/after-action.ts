import { CATALOGUE, type DoctrineCatalogue } from '../doctrine/catalogue.ts';
import {
  type DoctrineKind,
  type LocalizedText,
  PHASES,
  type Phase,
  type Severity,
  TIERS,
  type Tier,
} from '../doctrine/doctrine-entry.ts';
import { secondsOfDay } from '../run/run-state.ts';
import {
  ALL_ROLES,
  type ExerciseFormat,
  RATINGS,
  type Rating,
  type Scenario,
} from '../scenario/scenario.schema.ts';
import { textKey } from '../scenario/text-keys.ts';
import {
  type CorrectiveAction,
  type ExerciseState,
  type ExerciseStatus,
  exerciseIndex,
  type ReleaseKind,
} from './exercise-state.ts';
import { formatExerciseTime, formatMinutes } from './exercise-time.ts';
import { buildExpectations, type ExpectationStatus } from './exercise-view.ts';

/** A doctrine entry as the report cites it. */
export interface DoctrineRef {
  id: string;
  section: string;
  kind: DoctrineKind;
  severity?: Severity;
  summary: LocalizedText;
}

/** An objective with the tiers and phases it exercises and how its evaluation points were rated. */
export interface ObjectiveRow {
  id: string;
  textKey: string;
  tiers: Tier[];
  phases: Phase[];
  points: { point: string; textKey: string; rating: Rating | null }[];
  /** The weakest rating among its rated points; null when none was rated. */
  rating: Rating | null;
}

/** One evaluation point and its rating. */
export interface EvaluationRow {
  point: string;
  textKey: string;
  objective: string;
  objectiveTextKey: string;
  roles: string[];
  rating: Rating | null;
  comment?: string;
}

/** One expected action and what became of it. */
export interface ExpectedActionRow {
  action: string;
  textKey: string;
  inject: string;
  injectTitleKey: string;
  /** Role the file expected to act. */
  role: string;
  status: ExpectationStatus;
  /** Scenario seconds it was due, once its inject was released. */
  due?: number;
  /** When and by which role it was taken. */
  takenAt?: number;
  takenBy?: string;
  /** Seconds after its due time, for a late action. */
  late?: number;
  /** The contingency inject its miss fired. */
  fired?: string;
  tiers: Tier[];
  phases: Phase[];
  follows: DoctrineRef[];
}

/** Counts for one tier or phase: what the exercise set out to test there, and what the table did. */
export interface CoverageCell {
  objectives: string[];
  expected: number;
  taken: number;
  late: number;
  missed: number;
  decisions: number;
}

/** One line of the exercise timeline. */
export type TimelineEntry =
  | {
      kind: 'inject';
      at: number;
      inject: string;
      titleKey: string;
      how: ReleaseKind;
      to: string[] | typeof ALL_ROLES;
      projector: boolean;
    }
  | { kind: 'skipped'; at: number; inject: string; titleKey: string }
  | { kind: 'action'; at: number; action: string; textKey: string; role: string; onTime: boolean }
  | { kind: 'missed'; at: number; action: string; textKey: string; role: string; fired?: string }
  | { kind: 'decision'; at: number; role: string; step?: string; options: string[]; text?: string }
  | { kind: 'note'; at: number; role: string; text: string };

/** A decision recorded for a role, with the doctrine it followed or broke. */
export interface DecisionRow {
  at: number;
  step?: string;
  stepTitleKey?: string;
  options: { id: string; labelKey: string }[];
  text?: string;
  tiers: Tier[];
  phases: Phase[];
  followed: DoctrineRef[];
  broken: DoctrineRef[];
  /** Duties (Do's worded as obligations) the chosen options failed. */
  failed: DoctrineRef[];
}

/** A role's part in the report: its decisions and its hotwash. */
export interface RoleSection {
  role: string;
  nameKey: string;
  decisions: DecisionRow[];
  strengths: string[];
  improvements: string[];
}

/** A row of the improvement plan, with the role's name key. */
export interface CorrectiveRow extends CorrectiveAction {
  roleNameKey: string;
}

/** The after-action report of an exercise: text as keys (scenario text keys and raw facilitator text), translated at the edge. */
export interface AfterActionReport {
  scenario: { id: string; version: string; titleKey: string };
  format: ExerciseFormat;
  status: ExerciseStatus;
  /** Scenario seconds the exercise ran. */
  duration: number;
  /** Seconds past midnight when the exercise started, for times of day. */
  startOfDay: number;
  roles: { id: string; nameKey: string }[];
  summary: {
    released: number;
    scheduled: number;
    byHand: number;
    contingencies: number;
    skipped: number;
    expected: number;
    taken: number;
    late: number;
    missed: number;
    open: number;
    decisions: number;
  };
  objectives: ObjectiveRow[];
  evaluation: EvaluationRow[];
  coverage: { byTier: Record<Tier, CoverageCell>; byPhase: Record<Phase, CoverageCell> };
  expectedActions: ExpectedActionRow[];
  timeline: TimelineEntry[];
  /** Decisions and hotwash per role, in the order the roles are listed. */
  byRole: RoleSection[];
  corrective: CorrectiveRow[];
}

// why: the weakest rating speaks for an objective; a single point unable to be performed is what
// an improvement plan must address first.
const weakest = (ratings: (Rating | null)[]): Rating | null =>
  ratings.reduce<Rating | null>(
    (worst, r) => (r !== null && (worst === null || RATINGS.indexOf(r) > RATINGS.indexOf(worst)) ? r : worst),
    null,
  );

const union = <T>(...lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/** Builds the after-action report of an exercise from its scenario and state; pure. */
export function buildAfterActionReport(
  scenario: Scenario,
  state: ExerciseState,
  catalogue: DoctrineCatalogue = CATALOGUE,
): AfterActionReport {
  const x = scenario.exercise;
  if (!x) throw new Error(`scenario "${scenario.id}" has no exercise section`);
  const index = exerciseIndex(scenario);
  const cite = (id: string): DoctrineRef | undefined => {
    const e = catalogue.get(id);
    return e
      ? {
          id: e.id,
          section: e.section,
          kind: e.kind,
          ...(e.severity || e.duty ? { severity: e.severity ?? e.duty } : {}),
          summary: e.summary,
        }
      : undefined;
  };
  const cites = (ids: readonly string[]) => ids.map(cite).filter((d): d is DoctrineRef => d !== undefined);
  const isDont = (id: string) => catalogue.get(id)?.kind === 'dont';

  const evaluation: EvaluationRow[] = x.evaluation.map((p) => {
    const r = state.ratings[p.id];
    return {
      point: p.id,
      textKey: textKey.evaluationPoint(p.id),
      objective: p.objective,
      objectiveTextKey: textKey.exerciseObjective(p.objective),
      roles: [...p.roles],
      rating: r?.rating ?? null,
      ...(r?.comment !== undefined ? { comment: r.comment } : {}),
    };
  });
  const objectives: ObjectiveRow[] = x.objectives.map((o) => {
    const points = evaluation
      .filter((e) => e.objective === o.id)
      .map((e) => ({ point: e.point, textKey: e.textKey, rating: e.rating }));
    return {
      id: o.id,
      textKey: textKey.exerciseObjective(o.id),
      tiers: [...o.tiers],
      phases: [...o.phases],
      points,
      rating: weakest(points.map((p) => p.rating)),
    };
  });

  const missedBy = new Map(state.missed.map((m) => [m.action, m]));
  const firedFor = new Map(
    state.released.filter((r) => r.trigger !== undefined).map((r) => [r.trigger!, r.inject] as const),
  );
  const expectedActions: ExpectedActionRow[] = buildExpectations(scenario, state).map((e) => {
    const { action } = index.expects.get(e.action)!;
    const taken = state.actions.find((a) => a.action === e.action);
    const fired = firedFor.get(e.action) ?? missedBy.get(e.action)?.fired;
    return {
      action: e.action,
      textKey: e.textKey,
      inject: e.inject,
      injectTitleKey: textKey.mselTitle(e.inject),
      role: e.role,
      status: e.status,
      ...(e.due !== undefined ? { due: e.due } : {}),
      ...(taken ? { takenAt: taken.at, takenBy: taken.role } : {}),
      ...(taken && !taken.onTime ? { late: taken.late } : {}),
      ...(fired !== undefined ? { fired } : {}),
      tiers: [...action.tiers],
      phases: [...action.phases],
      follows: cites(action.follows),
    };
  });

  const steps = index.steps;
  const decisionRow = (d: ExerciseState['decisions'][number]): DecisionRow => {
    const step = d.step !== undefined ? steps.get(d.step) : undefined;
    const chosen = (step?.decision?.options ?? []).filter((o) => d.options.includes(o.id));
    return {
      at: d.at,
      ...(d.step !== undefined ? { step: d.step, stepTitleKey: textKey.stepTitle(d.step) } : {}),
      options: d.options.map((id) => ({ id, labelKey: textKey.optionLabel(id) })),
      ...(d.text !== undefined ? { text: d.text } : {}),
      tiers: union<Tier>(d.tiers, ...chosen.map((o) => o.tiers)),
      phases: union<Phase>(d.phases, ...chosen.map((o) => o.phases ?? (step ? [step.phase] : []))),
      followed: cites(
        union(
          chosen.flatMap((o) => o.follows),
          d.doctrine.filter((id) => !isDont(id)),
        ),
      ),
      broken: cites(
        union(
          chosen.flatMap((o) => o.breaks),
          d.doctrine.filter(isDont),
        ),
      ),
      failed: cites(union(chosen.flatMap((o) => o.fails))),
    };
  };
  const decisions = state.decisions.map((d) => ({ role: d.role, row: decisionRow(d) }));

  const cell = (): CoverageCell => ({
    objectives: [],
    expected: 0,
    taken: 0,
    late: 0,
    missed: 0,
    decisions: 0,
  });
  const byTier = Object.fromEntries(TIERS.map((t) => [t, cell()])) as Record<Tier, CoverageCell>;
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, cell()])) as Record<Phase, CoverageCell>;
  const cellsOf = (tiers: readonly Tier[], phases: readonly Phase[]) => [
    ...tiers.map((t) => byTier[t]),
    ...phases.map((p) => byPhase[p]),
  ];
  for (const o of objectives) for (const c of cellsOf(o.tiers, o.phases)) c.objectives.push(o.id);
  for (const a of expectedActions) {
    for (const c of cellsOf(a.tiers, a.phases)) {
      c.expected++;
      if (a.status === 'taken') c.taken++;
      else if (a.status === 'late') c.late++;
      else if (a.status === 'missed') c.missed++;
    }
  }
  for (const { row } of decisions) for (const c of cellsOf(row.tiers, row.phases)) c.decisions++;

  const timeline: (TimelineEntry & { order: number })[] = [];
  const push = (e: TimelineEntry, order: number) => timeline.push({ ...e, order });
  // why: at equal times a miss comes before the contingency it fires, and a release before the
  // actions and decisions it prompted.
  for (const m of state.missed)
    push(
      {
        kind: 'missed',
        at: m.due,
        action: m.action,
        textKey: textKey.expectedAction(m.action),
        role: m.role,
        ...(m.fired ? { fired: m.fired } : {}),
      },
      0,
    );
  for (const a of state.actions.filter((t) => !t.onTime))
    push(
      {
        kind: 'missed',
        at: a.due,
        action: a.action,
        textKey: textKey.expectedAction(a.action),
        role: a.expectedRole,
        ...(firedFor.has(a.action) ? { fired: firedFor.get(a.action)! } : {}),
      },
      0,
    );
  for (const r of state.released)
    push(
      {
        kind: 'inject',
        at: r.at,
        inject: r.inject,
        titleKey: textKey.mselTitle(r.inject),
        how: r.how,
        to: r.to === ALL_ROLES ? ALL_ROLES : [...r.to],
        projector: r.projector,
      },
      1,
    );
  for (const s of state.skipped)
    push({ kind: 'skipped', at: s.at, inject: s.inject, titleKey: textKey.mselTitle(s.inject) }, 2);
  for (const a of state.actions)
    push(
      {
        kind: 'action',
        at: a.at,
        action: a.action,
        textKey: textKey.expectedAction(a.action),
        role: a.role,
        onTime: a.onTime,
      },
      3,
    );
  for (const d of state.decisions)
    push(
      {
        kind: 'decision',
        at: d.at,
        role: d.role,
        ...(d.step !== undefined ? { step: d.step } : {}),
        options: [...d.options],
        ...(d.text !== undefined ? { text: d.text } : {}),
      },
      4,
    );
  for (const n of state.notes) push({ kind: 'note', at: n.at, role: n.role, text: n.text }, 5);
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);

  const byRole: RoleSection[] = x.roles.map((r) => ({
    role: r.id,
    nameKey: textKey.exerciseRole(r.id),
    decisions: decisions.filter((d) => d.role === r.id).map((d) => d.row),
    strengths: state.hotwash.filter((h) => h.role === r.id && h.kind === 'strength').map((h) => h.text),
    improvements: state.hotwash.filter((h) => h.role === r.id && h.kind === 'improvement').map((h) => h.text),
  }));

  const count = (status: ExpectationStatus) => expectedActions.filter((a) => a.status === status).length;
  return {
    scenario: { id: scenario.id, version: scenario.version, titleKey: textKey.title() },
    format: x.format,
    status: state.status,
    duration: state.time,
    startOfDay: secondsOfDay(scenario.startClock),
    roles: x.roles.map((r) => ({ id: r.id, nameKey: textKey.exerciseRole(r.id) })),
    summary: {
      released: state.released.length,
      scheduled: state.released.filter((r) => r.how === 'scheduled').length,
      byHand: state.released.filter((r) => r.how === 'facilitator').length,
      contingencies: state.released.filter((r) => r.how === 'contingency').length,
      skipped: state.skipped.length,
      expected: expectedActions.length,
      taken: count('taken'),
      late: count('late'),
      missed: count('missed'),
      open: count('open'),
      decisions: state.decisions.length,
    },
    objectives,
    evaluation,
    coverage: { byTier, byPhase },
    expectedActions,
    timeline: timeline.map(({ order: _, ...e }) => e as TimelineEntry),
    byRole,
    corrective: state.corrective.map((c) => ({ ...c, roleNameKey: textKey.exerciseRole(c.role) })),
  };
}

/** What the Markdown renderer needs from the edge, all in one language. */
export interface ReportTranslator {
  /** A UI string by key with parameters: `aar.*` (the after-action string table) and `doctrine.*` (the core table). */
  t(key: string, params?: Record<string, string | number>): string;
  /** A scenario text by its text key, in the same language (falls back to the source language). */
  text(key: string): string;
  /** Language of the doctrine summaries to quote. */
  language: 'en' | 'fr';
}

// why: facilitator text and scenario text are text, never markup: every character Markdown
// (or HTML inside Markdown) would read as syntax is escaped, and table cells stay on one line.
function md(value: string): string {
  return value
    .replace(/[\\`*_{}[\]<>|#~]/g, '\\$&')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** Renders an after-action report as a Markdown document; strings come from the edge, so the engine stays free of i18next. */
export function afterActionMarkdown(report: AfterActionReport, tr: ReportTranslator): string {
  const { t } = tr;
  const text = (key: string) => md(tr.text(key));
  const role = (id: string) => text(textKey.exerciseRole(id));
  const roles = (to: string[] | typeof ALL_ROLES) =>
    to === ALL_ROLES ? t('aar.allRoles') : to.map(role).join(', ');
  const time = (at: number) => {
    const day = (report.startOfDay + at) % 86_400;
    const clock = `${String(Math.floor(day / 3600)).padStart(2, '0')}:${String(Math.floor((day % 3600) / 60)).padStart(2, '0')}`;
    return t('aar.time', { elapsed: formatExerciseTime(at, t('aar.dayUnit')), clock });
  };
  const rating = (r: Rating | null) => (r === null ? t('aar.notRated') : t(`aar.ratings.${r}`));
  const tiers = (list: readonly Tier[]) => list.map((x) => t(`doctrine.tierShort.${x}`)).join(', ') || '-';
  const phases = (list: readonly Phase[]) => list.map((x) => t(`doctrine.phase.${x}`)).join(', ') || '-';
  const cite = (key: string, d: DoctrineRef) =>
    t(key, {
      id: d.id,
      section: `${t('doctrine.section', { section: d.section })}${d.severity ? `, ${t(`doctrine.severity.${d.severity}`)}` : ''}`,
      summary: md(d.summary[tr.language]),
    });
  const table = (head: string[], rows: string[][]) =>
    rows.length
      ? [
          `| ${head.join(' | ')} |`,
          `| ${head.map(() => '---').join(' | ')} |`,
          ...rows.map((r) => `| ${r.join(' | ')} |`),
        ]
      : [`_${t('aar.none')}_`];
  const s = report.summary;
  const out: string[] = [];

  out.push(`# ${t('aar.title', { title: text(report.scenario.titleKey) })}`, '');
  out.push(
    t('aar.meta', {
      format: t(`aar.format.${report.format}`),
      version: report.scenario.version,
      duration: formatExerciseTime(report.duration, t('aar.dayUnit')),
      status: t(`aar.status.${report.status}`),
    }),
    '',
  );
  out.push(t('aar.participants', { roles: report.roles.map((r) => role(r.id)).join(', ') }), '');

  // why: the screen counts the actions that reached the table; saying how many never did makes the two agree.
  const unreached = s.expected - s.taken - s.late - s.missed - s.open;
  out.push(`## ${t('aar.summary')}`, '');
  out.push(
    `- ${t('aar.summaryInjects', { released: s.released, scheduled: s.scheduled, byHand: s.byHand, contingencies: s.contingencies, skipped: s.skipped })}`,
    `- ${t('aar.summaryActions', { expected: s.expected, taken: s.taken, late: s.late, missed: s.missed, open: s.open })}${unreached ? ` ${t('aar.summaryUnreached', { count: unreached })}` : ''}`,
    `- ${t('aar.summaryDecisions', { count: s.decisions })}`,
    '',
  );

  out.push(`## ${t('aar.objectives')}`, '');
  out.push(
    ...table(
      [t('aar.objective'), t('aar.tiers'), t('aar.phases'), t('aar.points'), t('aar.rating')],
      report.objectives.map((o) => [
        text(o.textKey),
        tiers(o.tiers),
        phases(o.phases),
        o.points.map((p) => `${text(p.textKey)} — ${rating(p.rating)}`).join('; ') || '-',
        rating(o.rating),
      ]),
    ),
    '',
  );

  out.push(`## ${t('aar.evaluation')}`, '', t('aar.ratingScale'), '');
  out.push(
    ...table(
      [t('aar.point'), t('aar.objective'), t('aar.roles'), t('aar.rating'), t('aar.comment')],
      report.evaluation.map((e) => [
        text(e.textKey),
        text(e.objectiveTextKey),
        e.roles.map(role).join(', ') || '-',
        rating(e.rating),
        e.comment !== undefined ? md(e.comment) : '',
      ]),
    ),
    '',
  );

  out.push(`## ${t('aar.coverage')}`, '');
  const coverageRow = (label: string, c: CoverageCell) => [
    label,
    String(c.objectives.length),
    t('aar.coverageActions', { expected: c.expected, taken: c.taken, late: c.late, missed: c.missed }),
    String(c.decisions),
  ];
  out.push(
    ...table(
      [t('aar.tierOrPhase'), t('aar.objectives'), t('aar.expectedActions'), t('aar.decisions')],
      [
        ...TIERS.map((x) => coverageRow(t(`doctrine.tier.${x}`), report.coverage.byTier[x])),
        ...PHASES.map((x) => coverageRow(t(`doctrine.phase.${x}`), report.coverage.byPhase[x])),
      ],
    ),
    '',
  );

  out.push(`## ${t('aar.expectedActions')}`, '');
  out.push(
    ...table(
      [t('aar.action'), t('aar.role'), t('aar.inject'), t('aar.due'), t('aar.outcome')],
      report.expectedActions.map((a) => {
        const outcome =
          a.status === 'taken' || a.status === 'late'
            ? t(a.status === 'taken' ? 'aar.takenBy' : 'aar.takenLateBy', {
                role: role(a.takenBy!),
                time: time(a.takenAt!),
                late: formatMinutes(a.late ?? 0),
              })
            : t(`aar.expectation.${a.status}`);
        const fired = a.fired ? ` — ${t('aar.fired', { inject: text(textKey.mselTitle(a.fired)) })}` : '';
        return [
          text(a.textKey),
          role(a.role),
          text(a.injectTitleKey),
          a.due !== undefined ? time(a.due) : '-',
          outcome + fired,
        ];
      }),
    ),
    '',
  );

  out.push(`## ${t('aar.timeline')}`, '');
  if (!report.timeline.length) out.push(`_${t('aar.none')}_`);
  for (const e of report.timeline) {
    const when = `\`${time(e.at)}\``;
    switch (e.kind) {
      case 'inject': {
        const to = e.projector ? roles(e.to) : `${roles(e.to)}, ${t('aar.offProjector')}`;
        out.push(`- ${when} ${t(`aar.released.${e.how}`, { title: text(e.titleKey), to })}`);
        break;
      }
      case 'skipped':
        out.push(`- ${when} ${t('aar.skipped', { title: text(e.titleKey) })}`);
        break;
      case 'action':
        out.push(
          `- ${when} ${t(e.onTime ? 'aar.actionTaken' : 'aar.actionLate', { role: role(e.role), action: text(e.textKey) })}`,
        );
        break;
      case 'missed':
        out.push(`- ${when} ${t('aar.actionMissed', { role: role(e.role), action: text(e.textKey) })}`);
        break;
      case 'decision': {
        const decision = [
          ...e.options.map((o) => text(textKey.optionLabel(o))),
          ...(e.text !== undefined ? [md(e.text)] : []),
        ].join('; ');
        out.push(`- ${when} ${t('aar.decisionBy', { role: role(e.role), decision })}`);
        break;
      }
      case 'note':
        out.push(`- ${when} ${t('aar.noteOn', { role: role(e.role), note: md(e.text) })}`);
        break;
    }
  }
  out.push('');

  out.push(`## ${t('aar.decisions')}`, '');
  for (const r of report.byRole) {
    out.push(`### ${role(r.role)}`, '');
    if (!r.decisions.length) out.push(`_${t('aar.noDecisions')}_`);
    for (const d of r.decisions) {
      const what = joinChoices([
        ...d.options.map((o) => text(o.labelKey)),
        ...(d.text !== undefined ? [md(d.text)] : []),
      ]);
      const line = d.stepTitleKey
        ? t('aar.decisionOnStep', { step: text(d.stepTitleKey), decision: what })
        : what;
      out.push(
        `- \`${time(d.at)}\` ${line} ${t('aar.tagged', { tiers: tiers(d.tiers), phases: phases(d.phases) })}`,
      );
      for (const f of d.followed) out.push(`  - ${cite('aar.followed', f)}`);
      for (const b of d.broken) out.push(`  - ${cite('aar.broke', b)}`);
      for (const f of d.failed) out.push(`  - ${cite('aar.failed', f)}`);
    }
    out.push('');
  }

  out.push(`## ${t('aar.hotwash')}`, '');
  const withHotwash = report.byRole.filter((r) => r.strengths.length || r.improvements.length);
  if (!withHotwash.length) out.push(`_${t('aar.none')}_`, '');
  for (const r of withHotwash) {
    out.push(`### ${role(r.role)}`, '');
    if (r.strengths.length)
      out.push(`**${t('aar.strengths')}**`, '', ...r.strengths.map((x) => `- ${md(x)}`), '');
    if (r.improvements.length)
      out.push(`**${t('aar.improvements')}**`, '', ...r.improvements.map((x) => `- ${md(x)}`), '');
  }

  out.push(`## ${t('aar.improvementPlan')}`, '');
  out.push(
    ...table(
      [
        '#',
        t('aar.correctiveAction'),
        t('aar.area'),
        t('aar.responsible'),
        t('aar.dueDate'),
        t('aar.statusHeading'),
      ],
      report.corrective.map((c, i) => [
        String(i + 1),
        c.action ? md(c.action) : c.actionKey ? text(c.actionKey) : '-',
        c.area ? md(c.area) : '-',
        role(c.role),
        c.due ? md(c.due) : '-',
        t(`aar.correctiveStatus.${c.status}`),
      ]),
    ),
    '',
  );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Joins the options (and text) of one decision with semicolons, dropping the closing full stop of each part but the last, so none reads ".;". */
export function joinChoices(parts: readonly string[]): string {
  return parts.map((p, i) => (i < parts.length - 1 ? p.trim().replace(/\.$/, '') : p)).join('; ');
}
