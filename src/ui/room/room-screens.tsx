import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/room/en.json';
import fr from '../../i18n/locales/room/fr.json';
import './room.css';

// why: a participant's phone loads only this chunk (join, inbox, answers): no scenario file, no console.
registerStrings({ en, fr });

export { ParticipantPage } from './participant-page.tsx';
