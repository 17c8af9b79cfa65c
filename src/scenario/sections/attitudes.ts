import { section } from '../param.ts';
import TABLE from './attitudes.json' with { type: 'json' };

/** Trust in police: where it starts, what moves it, how fast it returns. */
export const Trust = section(TABLE.trust);

/** Fear of immigration consequences for oneself or one's household. */
export const Fear = section(TABLE.fear);

/** Strength of the optional contrasts a jurisdiction can switch on in its policy. */
export const Contrasts = section(TABLE.contrasts);
