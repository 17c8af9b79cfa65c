import { section } from '../param.ts';
import TABLE from './community.json' with { type: 'json' };

/** Households and the social ties that carry news, trust and fear between them. */
export const Community = section(TABLE.community);
