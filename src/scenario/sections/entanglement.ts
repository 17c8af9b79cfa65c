import { section } from '../param.ts';
import TABLE from './entanglement.json' with { type: 'json' };

/**
 * Perceived entanglement: how strongly residents believe local police and ICE work together. It follows
 * what enforcement does and what residents see or hear of it: a public level per jurisdiction (news
 * coverage that grows with the enforcement there, federal enforcement included, and the announcement of
 * a policy), enforcement seen in one's own neighbourhood, the belief of the people one talks with, and
 * one's own encounters and those of one's household and ties.
 */
export const Entanglement = section(TABLE.entanglement);
