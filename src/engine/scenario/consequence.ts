// why: most bundled feedback opens by telling what happened and then turns to doctrine ("Handbook
// §15.3 ..."). When an author has not written a `consequence:` line, that opening is the story's
// own account of the outcome, so the play screen can tell it without waiting for the debrief.

/** How many sentences a derived consequence keeps at most. */
const MAX_SENTENCES = 2;
/** A sentence that cites or judges by doctrine is feedback, not story. */
const DOCTRINE = /§|\bHandbook\b|\bManuel\b|\bdoctrine\b|\bdo['’]s\b|\bdon['’]ts?\b/i;

/**
 * The opening of a feedback text that tells what happened: the sentences before the first one that
 * cites doctrine, at most two; empty when the feedback starts with doctrine.
 */
export function outcomeFromFeedback(feedback: string): string {
  const sentences = feedback
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«“"])/u);
  const story: string[] = [];
  for (const s of sentences) {
    if (DOCTRINE.test(s) || story.length >= MAX_SENTENCES) break;
    story.push(s);
  }
  return story.join(' ');
}
