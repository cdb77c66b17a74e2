// @vitest-environment happy-dom

import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordingAudio } from '../../../src/audio/recording-audio.ts';
import { loadScenarioFolder } from '../../../src/cli/scenario-files.ts';
import { createRun } from '../../../src/engine/run/run.ts';
import type { RunEvent } from '../../../src/engine/run/run-state.ts';
import type { ScenarioBundle } from '../../../src/engine/scenario/load-scenario.ts';
import { type Preferences, PreferencesContext } from '../../../src/ui/app-header.tsx';
import { DebriefPage } from '../../../src/ui/debrief-page.tsx';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { PlayScreen } from '../../../src/ui/play-screen.tsx';

// why: scenario files come from trainers and from the internet; their texts must reach the screen
// as characters, so markup in a file can neither run script nor change the page.

const FOLDER = join(import.meta.dirname, '..', '..', 'fixtures', 'hostile', 'html-text');
const MARKUP = 'script, img, iframe, style, a[href^="javascript"]';

/** Elements the markup of the texts would have made, had it been parsed as HTML. */
function madeFromMarkup(container: Element): Element[] {
  const inner = new Set(['Mini', 'bold', 'gras', 'help', 'aide', 'Open', 'Ouvrir']);
  return [
    ...container.querySelectorAll(MARKUP),
    ...[...container.querySelectorAll('*')].filter((el) => inner.has(el.textContent ?? '')),
  ];
}

function hostileBundle(): ScenarioBundle {
  const r = loadScenarioFolder(FOLDER);
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bundle;
}

// why: cast, so the test does not depend on every preference the header may gain.
const preferences = {
  muted: true,
  volume: 1,
  setLanguage: () => {},
  setMuted: () => {},
  setVolume: () => {},
} as unknown as Preferences;

function inApp(lang: 'en' | 'fr', child: ComponentChildren) {
  return render(
    <I18nProvider lang={lang}>
      <PreferencesContext.Provider value={preferences}>{child}</PreferencesContext.Provider>
    </I18nProvider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  document.title = 'pocsim';
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('markup in scenario texts', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`is shown as text on the play screen (${lang})`, () => {
      const bundle = hostileBundle();
      const { container } = inApp(
        lang,
        <PlayScreen
          bundle={bundle}
          run={createRun(bundle.scenario)}
          audio={createRecordingAudio(true)}
          onFinished={() => {}}
          onQuit={() => {}}
        />,
      );
      const texts = bundle.texts[lang]!;
      const shown = container.textContent ?? '';
      for (const key of [
        'steps.arrival.narration',
        'injects.radio-1.text',
        'steps.arrival.prompt',
        'options.open.label',
        'title',
      ]) {
        expect(texts[key]).toMatch(/</);
        expect(shown).toContain(texts[key]);
      }
      expect(madeFromMarkup(container)).toEqual([]);
      expect(document.title).toBe('pocsim');
    });
  }

  it('is shown as text in the debrief', () => {
    const bundle = hostileBundle();
    const log: RunEvent[] = [
      { type: 'decision.chosen', optionIds: ['open'] },
      { type: 'decision.chosen', optionIds: ['night-patrol', 'cla'] },
      { type: 'step.continued' },
    ];
    const { container } = inApp(
      'en',
      <DebriefPage bundle={bundle} log={log} onPlayAgain={() => {}} onBack={() => {}} />,
    );
    const shown = container.textContent ?? '';
    expect(shown).toContain('<iframe src="https://example.com"></iframe>Everyone is safe.');
    expect(shown).toContain('<button>Open</button> the gate &amp; screen');
    expect(madeFromMarkup(container)).toEqual([]);
  });
});
