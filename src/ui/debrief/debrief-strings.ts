import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/debrief/en.json';
import fr from '../../i18n/locales/debrief/fr.json';

/** The debrief report's own string tables, loaded with the debrief (and by the CLI report). */
export const DEBRIEF_STRINGS = { en, fr };

// why: the report's words travel with the debrief's lazy chunk, so they do not weigh on the first load.
registerStrings(DEBRIEF_STRINGS);
