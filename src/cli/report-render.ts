import { createHash } from 'node:crypto';
import type { ReportDocument } from '../ui/debrief/report-document.ts';
import type { DoctrineLine } from '../ui/debrief/report-text.ts';

// why: a report a trainer can mail or archive: one file, its styles inline, no script, every text
// escaped, so a scenario or a name can never inject markup.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const STYLE = `
:root{--navy:#0b2a45;--muted:#4d5b6a;--border:#d6dde5;--good:#1b6e3d;--good-bg:#e6f3eb;--bad:#b3261e;--bad-bg:#fdecea;--warn:#845400;--accent:#0067a5;--accent-soft:#e8f3fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;font:15px/1.5 "Segoe UI",system-ui,Roboto,"Noto Sans",Arial,sans-serif;color:#17212b}
h1,h2,h3,h4{color:var(--navy);line-height:1.25;margin:0 0 .5em}
h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:1.5rem}h3{font-size:1.05rem}
section{border:1px solid var(--border);border-radius:8px;padding:1rem 1.2rem;margin:1rem 0}section>h2:first-child,section>h3:first-child{margin-top:0}
caption{text-align:left;color:var(--muted);font-size:.88rem;padding-bottom:.5rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;font-weight:700;color:var(--accent);margin:0}
.meta{color:var(--muted);font-size:.9rem}.meta span+span::before{content:" · "}
.critical{background:var(--bad-bg);border:2px solid var(--bad);border-left-width:8px}.critical h2{color:var(--bad);margin-top:0}
.summary{display:block}.summary>div{border:1px solid var(--border);border-radius:8px;padding:.8rem 1rem}
.label{text-transform:uppercase;letter-spacing:.07em;font-size:.78rem;color:var(--muted);font-weight:700;margin:0 0 .4rem}
.big{font-size:2.2rem;font-weight:750;color:var(--navy);margin:0}
.badge{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.82rem;font-weight:600;border:1px solid}
.passed,.protected{background:var(--good-bg);color:var(--good)}.failed,.harmed{background:var(--bad-bg);color:var(--bad)}.partial{background:#fff3d6;color:var(--warn)}
.id{font-family:ui-monospace,Consolas,"Liberation Mono",monospace;font-size:.8rem;color:var(--muted);border:1px solid var(--border);border-radius:4px;padding:0 .3rem;white-space:nowrap}
.ref{font-weight:600;color:var(--muted);font-size:.85rem;white-space:nowrap}
ul.doctrine{margin:.3rem 0 0;padding-left:1.2rem;font-size:.92rem}
.lessons h3{border-bottom:2px solid var(--border);padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid var(--border);padding:.4rem .55rem;text-align:left;vertical-align:top}
thead th,tfoot th,tfoot td,td.total{background:#f7f9fb}
td.heat-followed,.swatch.heat-followed{background:#dcefe3}td.heat-mixed,.swatch.heat-mixed{background:#fbefcc}td.heat-broken,.swatch.heat-broken{background:#f8d9d5}
.f{color:var(--good);font-weight:700}.b{color:var(--bad);font-weight:700}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem}.swatch{display:inline-block;width:1rem;height:.8rem;border:1px solid #b9c4cf;margin-right:.3rem;vertical-align:middle}
.paths{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.off{color:var(--bad)}
.timeline td:first-child{font-weight:650;white-space:nowrap}.timeline td:nth-child(2){font-size:.78rem;text-transform:uppercase;color:var(--muted);font-weight:700;white-space:nowrap}
.decision h3 small{display:block;font-size:.75rem;letter-spacing:.07em;text-transform:uppercase;color:var(--accent)}
.prompt{font-style:italic;color:#2c3a48}
dl{display:grid;grid-template-columns:2fr 1.2fr .8fr;gap:.5rem 1rem;background:#f7f9fb;padding:.6rem .8rem;border-radius:6px}dt{font-size:.72rem;text-transform:uppercase;color:var(--muted);font-weight:700}dd{margin:0;font-weight:600}
.feedback{border-left:3px solid #009edb;padding-left:.8rem}
.late{display:block;font-weight:400;font-size:.85rem;color:var(--warn)}
.better{background:var(--accent-soft);border-left:4px solid var(--accent);padding:.5rem .8rem;font-weight:600}.best{color:var(--good);font-weight:600}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--border);margin-top:2rem;padding-top:.6rem}
@media print{@page{size:A4;margin:14mm 13mm}body{padding:0;font-size:10.5pt}section,.lesson,tr,.decision dl{break-inside:avoid}.decision{break-inside:avoid}h2,h3{break-after:avoid}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

function citation(line: DoctrineLine): string {
  return `${escapeHtml(line.summary)} <span class="ref">${escapeHtml(line.sectionText)}</span> <code class="id">${escapeHtml(line.id)}</code>`;
}

function paragraphs(text: string, lang?: string): string {
  const attr = lang ? ` lang="${escapeHtml(lang)}"` : '';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${attr}>${escapeHtml(p)}</p>`)
    .join('\n');
}

// why: trainers mail this page around and open it from disk; escaping keeps file text inert today,
// and the policy is defence in depth: no script, image, font, frame or request can ever load, and
// only this exact style sheet (by its hash) applies.
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A run flagged as implausible, worded in the report's language. */
export interface ImplausibleBanner {
  heading: string;
  intro: string;
  reasons: string[];
  /** Set when the trainer accepted the run anyway. */
  accepted?: string;
}

/** The report as one self-contained HTML page: inline styles, no scripts, every text escaped, a strict CSP. */
export function renderReportHtml(doc: ReportDocument, flag?: ImplausibleBanner): string {
  const e = escapeHtml;
  const tl = doc.textLang !== doc.lang ? ` lang="${e(doc.textLang)}"` : '';
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    `<html lang="${e(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(doc.title)} · ${e(doc.kicker)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<p class="kicker">${e(doc.kicker)}</p>`,
    `<h1${tl}>${e(doc.title)}</h1>`,
    `<p class="meta">${doc.meta.map((m) => `<span>${e(m)}</span>`).join('')}</p>`,
    '</header>',
    '<main>',
  );
  if (flag) {
    out.push(
      '<section class="critical implausible" role="alert">',
      `<h2>${e(flag.heading)}</h2>`,
      `<p>${e(flag.intro)}</p>`,
      `<ul>${flag.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`,
      ...(flag.accepted ? [`<p><strong>${e(flag.accepted)}</strong></p>`] : []),
      '</section>',
    );
  }
  const s = doc.score;
  // why: the same order as the debrief page: the summary a trainee reads first, then the full report.
  out.push(
    '<div class="summary">',
    '<div>',
    `<h2 class="label">${e(s.heading)}</h2>`,
    `<p class="big">${e(s.value)}</p>`,
    `<p><span class="badge ${s.passed ? 'passed' : 'failed'}">${s.passed ? '✓' : '✗'} ${e(s.verdict)}</span> ${e(s.mastery)}</p>`,
    `<p>${e(s.explanation)}</p>`,
    '</div>',
    '</div>',
  );
  if (doc.remember) {
    out.push(
      '<section class="remember">',
      `<h2>${e(doc.remember.heading)}</h2>`,
      '<ol>',
      ...doc.remember.items.map(
        (i) =>
          `<li class="${e(i.tone)}"><strong>${e(i.headline)}</strong><br>${i.detail ? `${e(i.detail)} ` : ''}<span class="ref">${e(i.sections)}</span>${i.ids.map((id) => ` <code class="id">${e(id)}</code>`).join('')}</li>`,
      ),
      '</ol>',
      '</section>',
    );
  }
  out.push(
    '<section>',
    `<h2>${e(doc.tryAgain.heading)}</h2>`,
    `<p>${e(doc.tryAgain.text)}</p>`,
    '</section>',
  );
  if (doc.critical) {
    const c = doc.critical;
    out.push(
      '<section class="critical">',
      `<h2>${e(c.heading)}</h2>`,
      `<p>${e(c.intro)}</p>`,
      '<ul>',
      ...c.items.map(
        (i) =>
          `<li><strong>${e(i.summary)}</strong><br><span class="ref">${e(i.sectionText)}</span> <code class="id">${e(i.id)}</code> · ${e(i.where)}</li>`,
      ),
      '</ul>',
      c.capped ? `<p><strong>${e(c.capped)}</strong></p>` : '',
      '</section>',
    );
  }
  out.push(
    '<section>',
    `<h2>${e(doc.ending.heading)}</h2>`,
    doc.ending.outcome
      ? `<p><span class="badge ${e(doc.ending.outcomeKind ?? '')}">${e(doc.ending.outcome)}</span></p><h3${tl}>${e(doc.ending.title)}</h3>${paragraphs(doc.ending.text, doc.textLang !== doc.lang ? doc.textLang : undefined)}`
      : `<p>${e(doc.ending.text)}</p>`,
    '</section>',
  );
  out.push('<section class="lessons">', `<h2>${e(doc.lessons.heading)}</h2>`);
  for (const g of doc.lessons.groups) {
    out.push(`<h3>${e(g.heading)}</h3>`);
    if (!g.items.length) {
      out.push(`<p>${e(g.empty)}</p>`);
      continue;
    }
    out.push('<ul>');
    for (const l of g.items) {
      const cites = l.doctrine.length
        ? `<ul class="doctrine">${l.doctrine.map((d) => `<li>${citation(d)}</li>`).join('')}</ul>`
        : '';
      out.push(`<li class="lesson">${e(l.text)}${cites}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  const m = doc.matrix;
  out.push(
    '<section>',
    `<h2>${e(m.heading)}</h2>`,
    '<table>',
    `<caption>${e(m.caption)}</caption>`,
    `<thead><tr><th scope="col">${e(m.corner)}</th>${m.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}<th scope="col">${e(m.totalColumn)}</th></tr></thead>`,
    '<tbody>',
    ...m.rows.map(
      (r) =>
        `<tr><th scope="row">${e(r.header)}</th>${r.cells
          .map(
            (c) =>
              `<td class="heat-${c.balance}" title="${e(c.label)}">${
                c.followed + c.broken === 0
                  ? '–'
                  : [
                      c.followed ? `<span class="f">✓${c.followed}</span>` : '',
                      c.broken ? `<span class="b">✗${c.broken}</span>` : '',
                    ]
                      .filter(Boolean)
                      .join(' ')
              }</td>`,
          )
          .join('')}<td class="total">${e(r.total)}</td></tr>`,
    ),
    '</tbody>',
    `<tfoot><tr><th scope="row">${e(m.footer.header)}</th>${m.footer.cells.map((c) => `<td>${e(c)}</td>`).join('')}<td><strong>${e(m.footer.total)}</strong></td></tr></tfoot>`,
    '</table>',
    `<ul class="legend"><li><strong>${e(m.legend.heading)}</strong></li>${m.legend.items
      .map((i) => `<li><span class="swatch heat-${i.balance}"></span>${e(i.label)}</li>`)
      .join('')}</ul>`,
    '</section>',
  );
  const p = doc.path;
  out.push(
    '<section>',
    `<h2>${e(p.heading)}</h2>`,
    `<p><strong>${e(p.verdict)}</strong></p>`,
    '<div class="paths">',
    `<div><h3>${e(p.takenHeading)}</h3><ol${tl}>${p.taken
      .map(
        (n) =>
          `<li>${e(n.title)}${n.off ? ` <span class="off" lang="${e(doc.lang)}">(${e(p.offLabel)})</span>` : ''}</li>`,
      )
      .join('')}</ol></div>`,
    `<div><h3>${e(p.bestHeading)}</h3><ol${tl}>${p.best.map((n) => `<li>${e(n)}</li>`).join('')}</ol></div>`,
    '</div>',
    '</section>',
  );
  out.push(
    '<section class="timeline">',
    `<h2>${e(doc.timeline.heading)}</h2>`,
    `<p class="meta">${e(doc.timeline.intro)}</p>`,
    '<table><tbody>',
    ...doc.timeline.items.map(
      (i) => `<tr><td>${e(i.clock)}</td><td>${e(i.kind)}</td><td>${e(i.text)}</td></tr>`,
    ),
    '</tbody></table>',
    '</section>',
  );
  out.push(`<h2>${e(doc.decisions.heading)}</h2>`);
  if (doc.decisions.none) out.push(`<p>${e(doc.decisions.none)}</p>`);
  for (const d of doc.decisions.items) {
    out.push(
      '<section class="decision">',
      `<h3><small>${e(d.number)}</small><span${tl}>${e(d.step)}</span> <span class="badge">${e(d.phase)}</span></h3>`,
      `<p class="prompt"${tl}>${e(d.prompt)}</p>`,
      `<dl>${d.facts
        .map((f, i) => {
          // why: lateness is said beside the time taken, as on the page.
          const late = i === 1 && d.late ? ` <span class="late">${e(d.late)}</span>` : '';
          return `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}${late}</dd></div>`;
        })
        .join('')}</dl>`,
      `<div class="feedback">${d.feedback.map((f) => paragraphs(f, doc.textLang !== doc.lang ? doc.textLang : undefined)).join('')}</div>`,
      `<h4>${e(d.doctrineHeading)}</h4>`,
      d.noDoctrine
        ? `<p>${e(d.noDoctrine)}</p>`
        : `<ul>${d.doctrine
            .map(
              (x) =>
                `<li><span class="${x.tone === 'broken' ? 'b' : 'f'}">${x.tone === 'broken' ? '✗' : '✓'} ${e(x.status)}</span> ${citation(x.line)}</li>`,
            )
            .join('')}</ul>`,
      d.better ? `<p class="better">${e(d.better)}</p>` : `<p class="best">${e(d.bestTaken ?? '')}</p>`,
      '</section>',
    );
  }
  out.push('</main>', `<footer>${e(doc.footer)}</footer>`, '</body>', '</html>');
  return `${out.filter((l) => l !== '').join('\n')}\n`;
}

/** Text made inert in Markdown: characters that would format are escaped, line breaks folded. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_{}[\]<>|#~])/g, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+])/, '\\$1');
}

/** The report as Markdown: headings, lists and tables, scenario text escaped. */
export function renderReportMarkdown(doc: ReportDocument, flag?: ImplausibleBanner): string {
  const m = escapeMarkdown;
  const c = doc.colon;
  const cite = (d: DoctrineLine) => `${m(d.summary)} (${m(d.sectionText)}, \`${d.id.replaceAll('`', '')}\`)`;
  const out: string[] = [];
  out.push(`# ${m(doc.title)}`, '', `*${m(doc.kicker)}*`, '', ...doc.meta.map((x) => `- ${m(x)}`), '');
  if (flag) {
    out.push(`## ⚠ ${m(flag.heading)}`, '', m(flag.intro), '', ...flag.reasons.map((r) => `- ${m(r)}`), '');
    if (flag.accepted) out.push(`**${m(flag.accepted)}**`, '');
  }
  const s = doc.score;
  out.push(
    `## ${m(s.heading)}`,
    '',
    `**${m(s.value)}**${c}${s.passed ? '✓' : '✗'} ${m(s.verdict)} (${m(s.mastery)})`,
    '',
    m(s.explanation),
    '',
  );
  if (doc.remember) {
    out.push(`## ${m(doc.remember.heading)}`, '');
    doc.remember.items.forEach((i, n) => {
      const ids = i.ids.map((id) => `\`${id.replaceAll('`', '')}\``).join(', ');
      out.push(`${n + 1}. **${m(i.headline)}** ${m(i.detail)} (${m(i.sections)}${ids ? `, ${ids}` : ''})`);
    });
    out.push('');
  }
  out.push(`## ${m(doc.tryAgain.heading)}`, '', m(doc.tryAgain.text), '');
  if (doc.critical) {
    const k = doc.critical;
    out.push(`## ⚠ ${m(k.heading)}`, '', m(k.intro), '');
    for (const i of k.items)
      out.push(`- **${m(i.summary)}** (${m(i.sectionText)}, \`${i.id}\`): ${m(i.where)}`);
    out.push('');
    if (k.capped) out.push(`**${m(k.capped)}**`, '');
  }
  out.push(`## ${m(doc.ending.heading)}`, '');
  if (doc.ending.outcome) {
    out.push(`**${m(doc.ending.title)}** (${m(doc.ending.outcome)})`, '');
    for (const para of doc.ending.text.split(/\n\s*\n/).filter((x) => x.trim())) out.push(m(para.trim()), '');
  } else out.push(m(doc.ending.text), '');
  out.push(`## ${m(doc.lessons.heading)}`, '');
  for (const g of doc.lessons.groups) {
    out.push(`### ${m(g.heading)}`, '');
    if (!g.items.length) out.push(m(g.empty), '');
    else {
      for (const l of g.items) {
        out.push(`- ${m(l.text)}`);
        for (const d of l.doctrine) out.push(`  - ${cite(d)}`);
      }
      out.push('');
    }
  }
  const x = doc.matrix;
  const cell = (c: ReportDocument['matrix']['rows'][number]['cells'][number]) =>
    c.followed + c.broken === 0
      ? '–'
      : [c.followed ? `✓${c.followed}` : '', c.broken ? `✗${c.broken}` : ''].filter(Boolean).join(' ');
  out.push(
    `## ${m(x.heading)}`,
    '',
    m(x.caption),
    '',
    `| ${[x.corner, ...x.columns, x.totalColumn].map(m).join(' | ')} |`,
    `|${' --- |'.repeat(x.columns.length + 2)}`,
    ...x.rows.map((r) => `| ${m(r.header)} | ${r.cells.map(cell).join(' | ')} | ${m(r.total)} |`),
    `| ${m(x.footer.header)} | ${x.footer.cells.map(m).join(' | ')} | **${m(x.footer.total)}** |`,
    '',
  );
  const p = doc.path;
  out.push(`## ${m(p.heading)}`, '', `**${m(p.verdict)}**`, '', `### ${m(p.takenHeading)}`, '');
  p.taken.forEach((n, i) => {
    out.push(`${i + 1}. ${m(n.title)}${n.off ? ` *(${m(p.offLabel)})*` : ''}`);
  });
  out.push('', `### ${m(p.bestHeading)}`, '');
  p.best.forEach((n, i) => {
    out.push(`${i + 1}. ${m(n)}`);
  });
  out.push('', `## ${m(doc.timeline.heading)}`, '', m(doc.timeline.intro), '');
  for (const i of doc.timeline.items) out.push(`- **${i.clock}** ${m(i.kind)}${c}${m(i.text)}`);
  out.push('', `## ${m(doc.decisions.heading)}`, '');
  if (doc.decisions.none) out.push(m(doc.decisions.none), '');
  for (const d of doc.decisions.items) {
    out.push(`### ${m(d.number)}${c}${m(d.step)} (${m(d.phase)})`, '', `*${m(d.prompt)}*`, '');
    for (const f of d.facts) out.push(`- ${m(f.label)}${c}**${m(f.value)}**`);
    if (d.late) out.push(`- ${m(d.late)}`);
    out.push('');
    for (const f of d.feedback) out.push(`> ${m(f)}`, '');
    out.push(`**${m(d.doctrineHeading)}**`, '');
    if (d.noDoctrine) out.push(m(d.noDoctrine), '');
    else {
      for (const r of d.doctrine)
        out.push(`- ${r.tone === 'broken' ? '✗' : '✓'} ${m(r.status)}${c}${cite(r.line)}`);
      out.push('');
    }
    out.push(d.better ? `→ ${m(d.better)}` : `✓ ${m(d.bestTaken ?? '')}`, '');
  }
  out.push('---', '', m(doc.footer), '');
  return out.join('\n');
}
