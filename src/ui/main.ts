/** Entry of the browser app: global styles, then the app element (which starts the engine Worker). */
import './app/global.css';
import './app/trustfall-app.ts';
import { startingLocale, useLocale } from './i18n/locale.ts';

// The browser's language (or the one chosen before); English shows at once, Spanish once its strings load.
void useLocale(startingLocale(), false);
