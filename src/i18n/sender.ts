// why: who sent a message is scenario text, so its grammar is data. In French the translator writes
// the sender as it stands after "de", with its article for a title or a body ("le surintendant
// Haddad", "la salle des opérations", "l’officier de liaison") and bare for a person's name
// ("Idris Farah"); this contracts the preposition (de le → du, de les → des, de + vowel → d’) and
// capitalises the sender shown on its own. English senders need neither. See docs/authoring.md.

/** A message's sender: alone (a caption, a list) and as it follows the channel in a header. */
export interface SenderForms {
  /** The sender on its own, first letter capitalised. */
  from: string;
  /** French only: "de" joined to the sender ("du surintendant Haddad", "d’Idris Farah"). */
  fromOf: string;
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;

/**
 * The sender forms for the UI's language from the scenario's sender text, written in `textLang`
 * (a scenario without a French translation shows its English senders in a French UI).
 */
export function senderForms(uiLang: string, textLang: string, sender: string): SenderForms {
  const text = sender.trim();
  const from = text.charAt(0).toLocaleUpperCase(textLang) + text.slice(1);
  if (uiLang !== 'fr') return { from, fromOf: from };
  return { from, fromOf: textLang === 'fr' ? frenchOf(text) : `de ${from}` };
}

function frenchOf(text: string): string {
  if (/^le\s/.test(text)) return `du ${text.slice(3)}`;
  if (/^les\s/.test(text)) return `des ${text.slice(4)}`;
  if (/^(la\s|l['’])/.test(text)) return `de ${text}`;
  // why: "h" is mostly mute in the names and titles our scenarios use (Haven, Hôpital take d’).
  return VOWEL_START.test(text) ? `d’${text}` : `de ${text}`;
}
