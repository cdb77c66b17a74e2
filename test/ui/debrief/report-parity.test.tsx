// @vitest-environment happy-dom
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { serializeRunFile } from '../../../src/engine/results/run-file.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import { buildDebrief } from '../../../src/engine/score/debrief.ts';
import { PreferencesContext } from '../../../src/ui/app-header.tsx';
import { runFileOf } from '../../../src/ui/debrief/exports.ts';
import { DebriefPage } from '../../../src/ui/debrief-page.tsx';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { miniBundle } from '../fixtures.ts';

// why: the trainee's page and the trainer's CLI report must say the same thing about a run; this
// renders both from one saved run and compares what a reader sees: sections, numbers, doctrine ids.

afterEach(cleanup);
const dir = mkdtempSync(join(tmpdir(), 'pocsim-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text a reader sees: without decorative, hidden parts, spaces folded. */
function seen(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** A heatmap cell's visible counts ("✓2✗1", or "–" when empty), spaces aside. */
function counts(td: Element): string {
  const copy = td.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, '');
}
const all = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];

/** What both renderings must agree on. */
function contentOf(
  root: ParentNode,
  s: {
    sections: string;
    score: string;
    lessonIds: string;
    cells: string;
    taken: string;
    best: string;
    timeline: string;
    decisionIds: string;
    facts: string;
  },
) {
  return {
    sections: all(root, s.sections).map(seen),
    score: all(root, s.score).map(seen),
    lessonIds: all(root, s.lessonIds).map(seen),
    cells: all(root, s.cells).map((td) => `${td.className.match(/heat-\w+/)?.[0]} ${counts(td)}`),
    taken: all(root, s.taken).map(seen),
    best: all(root, s.best).map(seen),
    timeline: all(root, s.timeline).map(seen),
    decisionIds: all(root, s.decisionIds).map(seen),
    facts: all(root, s.facts).map(seen),
  };
}

const runs: [string, RunEvent[]][] = [
  [
    'a critical Don’t broken',
    [
      { type: 'clock.ticked', seconds: 9 },
      { type: 'decision.chosen', optionIds: ['push-back'] },
    ],
  ],
  [
    'a time-out, then a major Don’t',
    [
      { type: 'clock.ticked', seconds: 60 },
      { type: 'decision.chosen', optionIds: ['cla', 'rally'] },
    ],
  ],
  [
    'a late answer, then the best one to the good ending',
    [
      { type: 'clock.ticked', seconds: 45 },
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
      { type: 'step.continued' },
    ],
  ],
];

describe.each(['en', 'fr'] as const)('the CLI report of a saved run, in %s', (lang) => {
  it.each(runs)('shows what the debrief page showed: %s', async (_name, log) => {
    const bundle = miniBundle();
    const debrief = buildDebrief(bundle.scenario, log);
    const file = join(dir, `${lang}-${log.length}.json`);
    const run = runFileOf(debrief, {
      language: lang,
      log,
      traineeName: 'Amina',
      savedAt: new Date().toISOString(),
    });
    writeFileSync(file, serializeRunFile(run));

    render(
      <I18nProvider lang={lang}>
        <PreferencesContext.Provider
          value={{ muted: false, volume: 1, setLanguage: () => {}, setMuted: () => {}, setVolume: () => {} }}
        >
          <DebriefPage bundle={bundle} log={log} onPlayAgain={() => {}} onBack={() => {}} />
        </PreferencesContext.Provider>
      </I18nProvider>,
    );
    await screen.findByRole('img', { name: /./ }, { timeout: 10_000 });
    const page = contentOf(document.querySelector('main')!, {
      sections: 'main h2:not(#export-heading):not(#more-heading)',
      score: '.score-big',
      lessonIds: '.lessons .doctrine-id',
      cells: '.matrix tbody td.heat',
      taken: '.path-list-taken li',
      best: '.path-list-best li',
      timeline: '.timeline-text',
      decisionIds: '.decision-review .doctrine-id',
      facts: '.review-facts dd',
    });

    const cli = runCli(['report', file, '--scenarios', 'test/fixtures/mini']);
    expect(cli.code).toBe(0);
    const html = new DOMParser().parseFromString(cli.stdout, 'text/html');
    const report = contentOf(html, {
      sections: 'main h2',
      score: '.big',
      lessonIds: '.lessons code.id',
      cells: 'tbody td[class^="heat-"]',
      taken: '.paths > div:first-child li',
      best: '.paths > div:last-child li',
      timeline: '.timeline td:last-child',
      decisionIds: '.decision code.id',
      facts: '.decision dd',
    });
    // a lesson in the report carries its citations inside its item: compare the sentence itself
    const sentences = all(html, '.lessons li.lesson').map((li) =>
      (li.childNodes[0]?.textContent ?? '').trim(),
    );
    expect(sentences).toEqual(all(document, '.lesson-text').map(seen));
    expect(report).toEqual(page);
    expect(page.sections.length).toBeGreaterThanOrEqual(7);
    expect(page.decisionIds.length).toBeGreaterThan(0);
    expect(html.documentElement.getAttribute('lang')).toBe(lang);
  });
});
