import { z } from 'zod';
import { MODELS, SCREENINGS } from '../../vocabulary/codes.ts';
import { POLICY_MODELS } from '../../vocabulary/policy-models.ts';
import { choice, section, shapeOf } from '../param.ts';
import TABLE from './jurisdiction.json' with { type: 'json' };

const POLICY = TABLE.jurisdiction.parameters.policy;

/** The 287(g) agreement (or its absence) and the contrasts a jurisdiction runs from the activation day. */
export const Policy = section(POLICY, {
  // Described from the policy-model table, so a new model needs no word here.
  model: choice(MODELS, 'none').meta({
    description: `Which 287(g) model the local agency runs from the activation day: ${POLICY_MODELS.map((m) => (m.description ? `${m.id} (${m.description})` : m.id)).join('; ')}.`,
  }),
  endDay: z.int().min(1).max(18250).nullable().default(null),
  screening: choice(SCREENINGS, 'universal'),
});

/** One county: its grid of neighbourhoods, its people and its police (an item of a list, so no default of its own). */
export const Jurisdiction = z
  .strictObject(shapeOf(TABLE.jurisdiction, { name: z.string().min(1).max(60).default('County'), policy: Policy }))
  .meta({ description: TABLE.jurisdiction.description });
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type Policy = z.infer<typeof Policy>;
