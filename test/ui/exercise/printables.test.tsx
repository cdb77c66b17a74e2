// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/exercise/exercise-screens.tsx';
import { PrintShelf } from '../../../src/ui/exercise/printables.tsx';
import { I18nProvider } from '../../../src/ui/i18n-context.tsx';
import { scenarioTextsFor } from '../../../src/ui/scenario-text.ts';
import { exerciseBundle } from '../../engine/exercise/exercise-factories.ts';

afterEach(cleanup);

const bundle = exerciseBundle();
const x = bundle.scenario.exercise!;

function renderShelf(lang: 'en' | 'fr' = 'en') {
  const onClose = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <PrintShelf bundle={bundle} texts={scenarioTextsFor(bundle, lang)} onClose={onClose} />
    </I18nProvider>,
  );
  return { onClose };
}

const choose = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('printables from the console', () => {
  it('prints a briefing pack with the scenario, the map at the start, the roles and the objectives', () => {
    document.title = 'Facilitator console · pocsim';
    renderShelf();
    const doc = screen.getByRole('article', { name: 'Participant briefing pack' });
    expect(within(doc).getByText(/^Setting:/)).toBeTruthy();
    // the map is drawn as SVG from the same layout as the live map, with the places named
    const map = within(doc).getByRole('img', { name: /^Situation map of .* at the start of the exercise$/ });
    expect(map.tagName.toLowerCase()).toBe('svg');
    expect(map.textContent).toContain('Tamba');
    for (const name of ['Head of Mission', 'Force Commander', 'POC Adviser'])
      expect(within(doc).getByText(name)).toBeTruthy();
    expect(within(doc).getByText('Protect civilians under attack.')).toBeTruthy();
    expect(within(doc).getByText('Which indicators would make you raise the threat level?')).toBeTruthy();
    // the PDF a browser saves is named after the document title, so it names the printable
    expect(document.title).toMatch(/^Participant briefing pack · /);
  });

  it('prints a controller sheet with every inject in time order, its recipients, expected actions and doctrine', () => {
    renderShelf();
    choose('Controller sheet (MSEL)');
    const doc = screen.getByRole('article', { name: /^Controller sheet/ });
    const rows = [...doc.querySelectorAll('tr[data-inject]')].map((r) => r.getAttribute('data-inject'));
    expect(rows).toEqual(['ev-warning', 'ev-intel', 'ev-attack', 'ev-no-posture']);
    const intel = doc.querySelector('tr[data-inject="ev-intel"]') as HTMLElement;
    expect((intel.querySelectorAll('td')[2] as HTMLElement).textContent).toBe('POC Adviser');
    expect(intel.textContent).toContain('Roles only');
    const posture = doc.querySelector('li[data-action="act-posture"]') as HTMLElement;
    // released at 00:10 with 30 minutes allowed: due 40 minutes after the start clock
    expect(posture.textContent).toMatch(/within 0:30, due \d\d:\d\d/);
    expect(posture.textContent).toContain('15.4-do-6');
    expect(posture.textContent).toContain('Handbook §15.4');
    expect(posture.textContent).toContain('If missed, fires: Raiders seen at Tamba market');
    const statement = doc.querySelector('li[data-action="act-statement"]') as HTMLElement;
    expect(statement.textContent).toContain('Cites no doctrine entry.');
    expect(document.title).toMatch(/^Controller sheet \(MSEL\) · /);
  });

  it('prints one evaluator sheet per evaluation point, with what to observe and a place to rate and write', () => {
    renderShelf();
    choose('Evaluator sheets');
    const sheets = [...document.querySelectorAll('.xpr-sheet')] as HTMLElement[];
    expect(sheets.map((s) => s.dataset.point)).toEqual(x.evaluation.map((p) => p.id));
    const warning = sheets[0]!;
    expect(within(warning).getByText('Early warning reached decision makers and was acted on.')).toBeTruthy();
    expect(warning.textContent).toContain('Turn early warning into a decision on posture.');
    // the roles' actions that serve the objective's tiers and phases: posture and the brief, not the QRF
    const watched = [...warning.querySelectorAll('[data-action]')].map((a) => a.getAttribute('data-action'));
    expect(watched).toEqual(['act-posture', 'act-brief']);
    expect(within(warning).getByText('Performed with major challenges (M)')).toBeTruthy();
    expect(warning.querySelectorAll('.xpr-rating .xpr-box')).toHaveLength(4);
    expect(warning.querySelectorAll('.xpr-lines span').length).toBeGreaterThan(3);
  });

  it("lists exactly a point's `watch` actions on its sheet, and still infers for a point without one", () => {
    const evaluation = x.evaluation.map((p) =>
      p.id === 'ep-response' ? { ...p, watch: ['act-statement', 'act-brief'] } : p,
    );
    const watching = { ...bundle, scenario: { ...bundle.scenario, exercise: { ...x, evaluation } } };
    render(
      <I18nProvider lang="en">
        <PrintShelf bundle={watching} texts={scenarioTextsFor(watching, 'en')} onClose={vi.fn()} />
      </I18nProvider>,
    );
    choose('Evaluator sheets');
    const listed = (id: string) =>
      [...document.querySelectorAll(`.xpr-sheet[data-point="${id}"] [data-action]`)].map((a) =>
        a.getAttribute('data-action'),
      );
    expect(listed('ep-response')).toEqual(['act-brief', 'act-statement']);
    expect(listed('ep-warning')).toEqual(['act-posture', 'act-brief']);
  });

  it('prints the same documents in French', () => {
    renderShelf('fr');
    expect(screen.getByRole('article', { name: 'Dossier de briefing des participants' })).toBeTruthy();
    choose('Fiche du contrôleur (MSEL)');
    const doc = screen.getByRole('article', { name: /^Fiche du contrôleur/ });
    expect(doc.querySelector('li[data-action="act-posture"]')!.textContent).toMatch(/sous 0:30, pour/);
    choose('Fiches d’évaluation');
    expect(screen.getAllByText('Notation (cocher une case)')).toHaveLength(x.evaluation.length);
  });

  it('shows the inject cards among the printables and goes back to the console', () => {
    const { onClose } = renderShelf();
    choose('Inject cards');
    expect(document.querySelectorAll('.xpr-card').length).toBeGreaterThan(0);
    choose('Back to the console');
    expect(onClose).toHaveBeenCalled();
  });
});
