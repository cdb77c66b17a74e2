import { describe, expect, it } from 'vitest';
import { outcomeFromFeedback } from '../../../src/engine/scenario/consequence.ts';

describe('the consequence told from a feedback text', () => {
  it('keeps the story before the first doctrine citation', () => {
    expect(
      outcomeFromFeedback(
        'The cordon caught nobody. Inside the site the shooting went on. Handbook §15.3 asks you to intervene.',
      ),
    ).toBe('The cordon caught nobody. Inside the site the shooting went on.');
  });

  it('keeps at most two sentences', () => {
    expect(outcomeFromFeedback('One. Two. Three. Four.')).toBe('One. Two.');
  });

  it('tells nothing when the feedback opens with doctrine, in English or French', () => {
    expect(outcomeFromFeedback('Backing self-protection can be right (Handbook §15.4), but not here.')).toBe(
      '',
    );
    expect(outcomeFromFeedback('L’eau est l’aide de dernier recours que le Manuel (§15.1) permet.')).toBe('');
  });

  it('reads French sentences that open with a guillemet', () => {
    expect(
      outcomeFromFeedback('Personne n’a bougé. « Trop tard », dit le chef. Le Manuel §15.3 le dit.'),
    ).toBe('Personne n’a bougé. « Trop tard », dit le chef.');
  });
});
