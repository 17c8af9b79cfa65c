import { section } from '../param.ts';
import TABLE from './policing.json' with { type: 'json' };

/** Patrol, stops, investigation and jail terms: local policing that happens under every policy. */
export const Policing = section(TABLE.policing);

/** Immigration enforcement: the federal background that runs everywhere, detainers and removals. */
export const Enforcement = section(TABLE.enforcement);
