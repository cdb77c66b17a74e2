import { registerStrings } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/room/en.json';
import fr from '../../i18n/locales/room/fr.json';
import './room.css';

// why: the console's room panel and the projector's join screen use the room's words too.
registerStrings({ en, fr });
