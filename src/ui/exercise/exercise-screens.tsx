import { registerStrings } from '../../i18n/i18n.ts';
import aarEn from '../../i18n/locales/after-action/en.json';
import aarFr from '../../i18n/locales/after-action/fr.json';
import en from '../../i18n/locales/exercise/en.json';
import fr from '../../i18n/locales/exercise/fr.json';
import printEn from '../../i18n/locales/exercise-print/en.json';
import printFr from '../../i18n/locales/exercise-print/fr.json';
import recordEn from '../../i18n/locales/exercise-record/en.json';
import recordFr from '../../i18n/locales/exercise-record/fr.json';
import './exercise.css';
import './printables.css';

// why: the console's words and styles travel with its lazy chunk, so trainees never download them;
// the after-action table is the one the Markdown export and the CLI share.
registerStrings({ en, fr });
registerStrings({ en: aarEn, fr: aarFr });
registerStrings({ en: recordEn, fr: recordFr });
registerStrings({ en: printEn, fr: printFr });

export { ConsolePage } from './console-page.tsx';
export { ProjectorPage } from './projector-page.tsx';
