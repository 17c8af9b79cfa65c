/** Entry of the browser app: global styles, then the app element (which starts the engine Worker). */
import './app/global.css';
import './app/trustfall-app.ts';
