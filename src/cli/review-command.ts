import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkArchetypes, loadArchetypes } from '../engine/analysis/archetypes.ts';
import { lintAcrossScenarios } from '../engine/analysis/doctrine-lint.ts';
import { lintScenario } from '../engine/analysis/lint-scenario.ts';
import {
  buildReviewModel,
  type ReviewChoice,
  type ReviewDoctrine,
  type ReviewFinding,
  type ReviewModel,
  type ReviewRoute,
} from '../engine/analysis/review-model.ts';
import { CATALOGUE } from '../engine/doctrine/catalogue.ts';
import { formatDiagnostic } from '../engine/scenario/diagnostic.ts';
import type { LoadResult, ScenarioBundle } from '../engine/scenario/load-scenario.ts';
import { textKey } from '../engine/scenario/text-keys.ts';
import { CRITICAL_CAP, MAJOR_LIMIT } from '../engine/score/score-run.ts';
import { createI18n, registerStrings, UI_LANGUAGES, type UiLanguage } from '../i18n/i18n.ts';
import reviewEn from '../i18n/locales/review/en.json';
import reviewFr from '../i18n/locales/review/fr.json';
import { createReportContext, type ReportContext } from '../ui/debrief/report-text.ts';
import { escapeHtml } from './report-render.ts';
import { archetypesFileOf } from './scenario-files.ts';

/** What a command prints and its exit code. */
interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const REVIEW_USAGE = `  pocsim review <scenario> [--format html|md] [--lang en|fr]
                                   print the sheet a POC adviser signs before a scenario is used:
                                   every choice with its doctrine, score and route, the archetype
                                   verdicts and the lint findings
`;

/**
 * `review <scenario> [--format html|md] [--lang en|fr]`: the sign-off sheet of a scenario.
 * `load` is the CLI's scenario loader (a folder or its scenario.yaml).
 */
export function reviewCommand(
  args: string[],
  load: (target: string) => {
    bundle?: ScenarioBundle;
    errors: string;
    folder?: string;
    place?: LoadResult['place'];
  },
  cwd = process.cwd(),
): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'html' }, lang: { type: 'string', default: 'en' } },
  });
  const target = positionals[0];
  if (!target)
    return { code: 2, stdout: '', stderr: `review needs a scenario folder or file\n\n${REVIEW_USAGE}` };
  if (values.format !== 'html' && values.format !== 'md')
    return { code: 2, stdout: '', stderr: `--format must be html or md, not "${values.format}"\n` };
  if (!Object.hasOwn(UI_LANGUAGES, values.lang))
    return {
      code: 2,
      stdout: '',
      stderr: `--lang must be one of ${Object.keys(UI_LANGUAGES).join(', ')}, not "${values.lang}"\n`,
    };
  const { bundle, errors, folder, place: placeInScenario } = load(target);
  if (!bundle) return { code: 1, stdout: '', stderr: errors };
  const s = bundle.scenario;

  const findings: ReviewFinding[] = [];
  const lint = lintScenario(s, CATALOGUE);
  lint.problems.push(...lintAcrossScenarios([s]).filter((f) => f.scenario === s.id));
  for (const p of lint.problems) {
    const d = placeInScenario?.(p);
    findings.push(
      d
        ? { where: `${d.file}:${d.line}:${d.col} ${d.field}`, message: p.message }
        : { where: '', message: p.message },
    );
  }
  let archetypes = null;
  let reasons = new Map<string, { en: string; fr: string }>();
  const file = folder ? archetypesFileOf(folder, cwd) : undefined;
  if (file) {
    const loaded = loadArchetypes(file);
    for (const d of loaded.diagnostics)
      findings.push({ where: formatDiagnostic(d).split(' ')[0]!, message: d.message });
    if (loaded.archetypes) {
      archetypes = checkArchetypes(s, loaded.archetypes, CATALOGUE);
      reasons = new Map(loaded.archetypes.map((a) => [a.id, a.reason]));
      for (const r of archetypes)
        for (const p of r.problems) {
          const d = loaded.place(p);
          findings.push({ where: `${d.file}:${d.line}:${d.col} ${d.field}`, message: p.message });
        }
    }
  }
  const model = buildReviewModel(s, CATALOGUE, { archetypes, findings });
  registerStrings(REVIEW_STRINGS);
  const lang = values.lang as UiLanguage;
  const i18n = createI18n(lang);
  const ctx = createReportContext(i18n.t.bind(i18n), lang, bundle);
  const sheet = buildSheet(ctx, model, reasons);
  return {
    code: 0,
    stdout: values.format === 'html' ? renderHtml(sheet, lang) : renderMarkdown(sheet),
    stderr: '',
  };
}

const REVIEW_STRINGS = { en: reviewEn, fr: reviewFr };

/** One doctrine line of a choice, in words. */
interface SheetDoctrine {
  tone: 'follows' | 'breaks' | 'fails' | 'none';
  status: string;
  id: string | null;
  text: string;
}

/** The sheet in words, ready for either renderer. */
interface Sheet {
  title: string;
  kicker: string;
  intro: string;
  meta: string[];
  rule: { heading: string; text: string };
  decisions: {
    heading: string;
    items: {
      title: string;
      prompt: string;
      facts: string[];
      best: string;
      head: string[];
      rows: { choice: string; doctrine: SheetDoctrine[]; score: number; leads: string }[];
    }[];
  };
  archetypes: { heading: string; intro: string; head: string[]; rows: string[][]; agree: string | null };
  findings: { heading: string; intro: string; items: ReviewFinding[] };
  sign: { heading: string; boxes: string[]; lines: string[]; notes: string; decision: string };
}

function buildSheet(
  ctx: ReportContext,
  model: ReviewModel,
  reasons: Map<string, { en: string; fr: string }>,
): Sheet {
  const { t } = ctx;
  const n = (x: number) => ctx.formatNumber(x);
  const nodeTitle = (id: string) => {
    const step = ctx.text(textKey.stepTitle(id));
    return step && step !== textKey.stepTitle(id) ? step : ctx.text(textKey.endingTitle(id));
  };
  const leads = (routes: ReviewRoute[]) =>
    routes
      .map((r) =>
        r.when.length
          ? `${nodeTitle(r.to)} (${t('review.decisions.when', { conditions: r.when.join(', ') })})`
          : routes.length > 1
            ? `${nodeTitle(r.to)} (${t('review.decisions.otherwise')})`
            : nodeTitle(r.to),
      )
      .join('; ');
  const line = (tone: SheetDoctrine['tone'], d: ReviewDoctrine): SheetDoctrine => {
    const entry = ctx.catalogue.get(d.id);
    const severity = d.severity ? t(`doctrine.severity.${d.severity}`) : '';
    return {
      tone,
      status:
        tone === 'follows'
          ? t('review.decisions.follows')
          : tone === 'breaks'
            ? t('review.decisions.breaks', { severity })
            : t('review.decisions.fails', { severity }),
      id: d.id,
      text: `${entry?.summary[ctx.lang] ?? d.id} (${t('doctrine.section', { section: entry?.section ?? '?' })})`,
    };
  };
  const doctrineOf = (c: ReviewChoice): SheetDoctrine[] => {
    const out = [
      ...c.breaks.map((d) => line('breaks', d)),
      ...c.fails.map((d) => line('fails', d)),
      ...c.follows.map((d) => line('follows', d)),
    ];
    if (out.length === 0)
      out.push({
        tone: 'none',
        status: t('review.decisions.none'),
        id: null,
        text: c.doctrineNote ? t('review.decisions.note', { note: c.doctrineNote }) : '',
      });
    return out;
  };
  const verdict = (v: 'pass' | 'fail') =>
    v === 'pass' ? t('review.archetypes.pass') : t('review.archetypes.fail');
  const label = (ids: readonly string[]) => ids.map((id) => ctx.text(textKey.optionLabel(id))).join(' + ');
  const s = model.scenario;
  const archetypes = model.archetypes;
  return {
    title: ctx.text(textKey.title()),
    kicker: t('review.kicker'),
    intro: t('review.intro'),
    meta: [
      t('review.meta.id', { id: s.id, version: s.version }),
      t('review.meta.situation', { section: t('doctrine.section', { section: s.situation }) }),
      t('review.meta.mastery', { mastery: n(s.masteryScore) }),
    ],
    rule: {
      heading: t('review.rule.heading'),
      text: t('review.rule.text', {
        mastery: n(s.masteryScore),
        majors: n(MAJOR_LIMIT),
        cap: n(CRITICAL_CAP),
      }),
    },
    decisions: {
      heading: t('review.decisions.heading'),
      items: model.decisions.map((d) => ({
        title: ctx.text(textKey.stepTitle(d.step)),
        prompt: ctx.text(textKey.prompt(d.step)),
        facts: [
          t('review.decisions.phase', { phase: t(`doctrine.phase.${d.phase}`) }),
          d.mode === 'multi' ? t('review.decisions.multi', { count: d.pick }) : t('review.decisions.single'),
          d.timeLimit === null
            ? t('review.decisions.untimed')
            : t('review.decisions.timed', { seconds: n(d.timeLimit) }),
        ],
        best: t('review.decisions.best', { choice: label(d.best) }),
        head: [
          t('review.decisions.choice'),
          t('review.decisions.doctrine'),
          t('review.decisions.score'),
          t('review.decisions.leads'),
        ],
        rows: d.choices.map((c) => ({
          choice: c.id === null ? t('review.decisions.timeout') : `${label([c.id])} [${c.id}]`,
          doctrine: doctrineOf(c),
          score: c.score,
          leads: leads(c.leadsTo),
        })),
      })),
    },
    archetypes: {
      heading: t('review.archetypes.heading'),
      intro: archetypes ? t('review.archetypes.intro') : t('review.archetypes.none'),
      head: [
        t('review.archetypes.archetype'),
        t('review.archetypes.adviser'),
        t('review.archetypes.engine'),
        t('review.archetypes.score'),
        t('review.archetypes.reason'),
      ],
      rows: (archetypes ?? []).map((a) => [
        a.kind === a.id ? a.id : `${a.id} (${a.kind})`,
        verdict(a.expected),
        a.actual ? verdict(a.actual) : t('review.archetypes.unplayable'),
        a.score?.overall === null || a.score === null ? '-' : n(a.score.overall),
        reasons.get(a.id)?.[ctx.lang] ?? '',
      ]),
      agree: archetypes
        ? t('review.archetypes.agree', {
            agree: n(archetypes.filter((a) => a.problems.length === 0).length),
            total: n(archetypes.length),
          })
        : null,
    },
    findings: {
      heading: t('review.findings.heading'),
      intro: model.findings.length ? t('review.findings.intro') : t('review.findings.none'),
      items: model.findings,
    },
    sign: {
      heading: t('review.sign.heading'),
      decision: t('review.sign.decision'),
      boxes: [t('review.sign.approved'), t('review.sign.changes'), t('review.sign.rejected')],
      notes: t('review.sign.notes'),
      lines: [
        t('review.sign.name'),
        t('review.sign.function'),
        t('review.sign.date'),
        t('review.sign.signature'),
      ],
    },
  };
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;font:14px/1.45 "Segoe UI",system-ui,Roboto,"Noto Sans",Arial,sans-serif;color:#17212b}
h1,h2,h3{color:#0b2a45;line-height:1.25;margin:0 0 .4em}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.4rem;border-bottom:2px solid #d6dde5;padding-bottom:.2rem}h3{font-size:1rem;margin-top:1rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.78rem;font-weight:700;color:#0067a5;margin:0}
.meta{color:#4d5b6a;font-size:.9rem}.meta span+span::before{content:" · "}
.facts{color:#4d5b6a;font-size:.85rem;margin:.1rem 0 .4rem}.prompt{font-style:italic;margin:.2rem 0}
table{border-collapse:collapse;width:100%;font-size:.86rem;margin:.3rem 0}th,td{border:1px solid #d6dde5;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f3f6f9}
td.score{text-align:right;font-weight:700;white-space:nowrap}
ul.doctrine{list-style:none;margin:0;padding:0}ul.doctrine li{margin:0 0 .2rem}
.follows{color:#1b6e3d;font-weight:600}.breaks,.fails{color:#b3261e;font-weight:600}.none{color:#845400;font-weight:600}
.id{font-family:ui-monospace,Consolas,"Liberation Mono",monospace;font-size:.78rem;color:#4d5b6a}
.best{font-size:.88rem;margin:.2rem 0 .6rem}
.findings li{margin:.2rem 0}.where{font-family:ui-monospace,Consolas,"Liberation Mono",monospace;font-size:.78rem;color:#4d5b6a}
.sign{border:2px solid #0b2a45;border-radius:6px;padding:.8rem 1rem;margin-top:1.2rem;break-inside:avoid}
.box{display:inline-block;margin-right:1.4rem}.box::before{content:"";display:inline-block;width:.9rem;height:.9rem;border:1.5px solid #17212b;margin-right:.4rem;vertical-align:-.1rem}
.notes{height:5rem;border:1px solid #d6dde5;margin:.4rem 0 .8rem}
.lines{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem 2rem}.lines div{border-bottom:1px solid #17212b;padding-top:1.6rem;font-size:.8rem;color:#4d5b6a}
@media print{@page{size:A4;margin:13mm 12mm}body{padding:0;font-size:9.5pt;max-width:none}tr,.decision h3{break-inside:avoid}h2,h3{break-after:avoid}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

/** The sheet as one HTML file: inline style allowed by its hash, nothing else loads or runs. */
export function renderHtml(sheet: Sheet, lang: UiLanguage): string {
  const e = escapeHtml;
  const hash = createHash('sha256').update(STYLE).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${e(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${sheet.kicker}: ${sheet.title}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<p class="kicker">${e(sheet.kicker)}</p>`,
    `<h1>${e(sheet.title)}</h1>`,
    `<p class="meta">${sheet.meta.map((m) => `<span>${e(m)}</span>`).join('')}</p>`,
    `<p>${e(sheet.intro)}</p>`,
    `<h2>${e(sheet.rule.heading)}</h2>`,
    `<p>${e(sheet.rule.text)}</p>`,
    `<h2>${e(sheet.decisions.heading)}</h2>`,
  ];
  sheet.decisions.items.forEach((d, i) => {
    out.push(
      '<section class="decision">',
      `<h3>${i + 1}. ${e(d.title)}</h3>`,
      `<p class="prompt">${e(d.prompt)}</p>`,
      `<p class="facts">${d.facts.map(e).join(' · ')}</p>`,
      `<table><thead><tr>${d.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const r of d.rows) {
      const doctrine = r.doctrine
        .map(
          (x) =>
            `<li><span class="${x.tone}">${e(x.status)}</span>${x.id ? ` <span class="id">${e(x.id)}</span>` : ''}${x.text ? ` ${e(x.text)}` : ''}</li>`,
        )
        .join('');
      out.push(
        `<tr><td>${e(r.choice)}</td><td><ul class="doctrine">${doctrine}</ul></td><td class="score">${r.score}</td><td>${e(r.leads)}</td></tr>`,
      );
    }
    out.push('</tbody></table>', `<p class="best">${e(d.best)}</p>`, '</section>');
  });
  const a = sheet.archetypes;
  out.push(`<h2>${e(a.heading)}</h2>`, `<p>${e(a.intro)}</p>`);
  if (a.rows.length) {
    out.push(
      `<table><thead><tr>${a.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`,
      ...a.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`),
      '</tbody></table>',
    );
    if (a.agree) out.push(`<p>${e(a.agree)}</p>`);
  }
  const f = sheet.findings;
  out.push(`<h2>${e(f.heading)}</h2>`, `<p>${e(f.intro)}</p>`);
  if (f.items.length)
    out.push(
      `<ul class="findings">${f.items.map((x) => `<li><span class="where">${e(x.where)}</span> ${e(x.message)}</li>`).join('')}</ul>`,
    );
  const g = sheet.sign;
  out.push(
    '<section class="sign">',
    `<h2>${e(g.heading)}</h2>`,
    `<p><strong>${e(g.decision)}</strong> ${g.boxes.map((b) => `<span class="box">${e(b)}</span>`).join('')}</p>`,
    `<p>${e(g.notes)}</p><div class="notes"></div>`,
    `<div class="lines">${g.lines.map((l) => `<div>${e(l)}</div>`).join('')}</div>`,
    '</section>',
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}

/** Markdown text made safe: characters that would start markup are escaped. */
const md = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n+/g, ' ');

/** The sheet as Markdown, for a repository or a mail. */
export function renderMarkdown(sheet: Sheet): string {
  const out: string[] = [
    `_${md(sheet.kicker)}_`,
    '',
    `# ${md(sheet.title)}`,
    '',
    sheet.meta.map(md).join(' · '),
    '',
    md(sheet.intro),
    '',
    `## ${md(sheet.rule.heading)}`,
    '',
    md(sheet.rule.text),
    '',
    `## ${md(sheet.decisions.heading)}`,
  ];
  sheet.decisions.items.forEach((d, i) => {
    out.push(
      '',
      `### ${i + 1}. ${md(d.title)}`,
      '',
      `_${md(d.prompt)}_`,
      '',
      d.facts.map(md).join(' · '),
      '',
    );
    out.push(`| ${d.head.map(md).join(' | ')} |`, `|${d.head.map(() => ' --- ').join('|')}|`);
    for (const r of d.rows) {
      const doctrine = r.doctrine
        .map((x) => `${md(x.status)}${x.id ? ` \`${x.id}\`` : ''}${x.text ? ` ${md(x.text)}` : ''}`)
        .join('<br>');
      out.push(`| ${md(r.choice)} | ${doctrine} | ${r.score} | ${md(r.leads)} |`);
    }
    out.push('', md(d.best));
  });
  const a = sheet.archetypes;
  out.push('', `## ${md(a.heading)}`, '', md(a.intro));
  if (a.rows.length) {
    out.push('', `| ${a.head.map(md).join(' | ')} |`, `|${a.head.map(() => ' --- ').join('|')}|`);
    for (const r of a.rows) out.push(`| ${r.map(md).join(' | ')} |`);
    if (a.agree) out.push('', md(a.agree));
  }
  const f = sheet.findings;
  out.push('', `## ${md(f.heading)}`, '', md(f.intro));
  for (const x of f.items) out.push(`- \`${x.where}\` ${md(x.message)}`);
  const g = sheet.sign;
  out.push(
    '',
    `## ${md(g.heading)}`,
    '',
    `**${md(g.decision)}** ${g.boxes.map((b) => `[ ] ${md(b)}`).join('   ')}`,
    '',
    md(g.notes),
    '',
    '',
    ...g.lines.map((l) => `${md(l)}: ______________________________`),
  );
  return `${out.join('\n')}\n`;
}
