import { z } from 'zod';
import { section } from './param.ts';
import RUN from './sections/run.json' with { type: 'json' };
import { Jurisdiction } from './sections/jurisdiction.ts';
import { Community } from './sections/community.ts';
import { Crime } from './sections/crime.ts';
import { Enforcement, Policing } from './sections/policing.ts';
import { Contrasts, Fear, Trust } from './sections/attitudes.ts';
import { Entanglement } from './sections/entanglement.ts';
import { Survey } from './sections/survey.ts';

/** The scenario format version this build reads and writes. */
export const SCHEMA_VERSION = 3;

/** How long a run lasts, when the agreement starts, and its random seed. */
export const Run = section(RUN.run);

const ScenarioShape = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors; ignored by the engine.' }),
  schemaVersion: z
    .literal(SCHEMA_VERSION)
    .default(SCHEMA_VERSION)
    .meta({ description: 'Version of the scenario format.', unit: 'integer', source: 'assumption' }),
  name: z.string().max(120).default('Untitled scenario').meta({ description: 'Short name of the scenario.', unit: 'text', source: 'assumption' }),
  description: z.string().max(4000).default('').meta({ description: 'What the scenario shows, in a sentence or two.', unit: 'text', source: 'assumption' }),
  run: Run,
  jurisdictions: z
    .array(Jurisdiction)
    .min(1)
    .max(8)
    .prefault([{}])
    .meta({ description: 'Jurisdictions (counties), placed side by side from west to east; each neighbour shares a border.' }),
  community: Community,
  crime: Crime,
  policing: Policing,
  enforcement: Enforcement,
  trust: Trust,
  fear: Fear,
  entanglement: Entanglement,
  contrasts: Contrasts,
  survey: Survey,
});

/**
 * The most residents one world may hold in all its jurisdictions: about 1.9 GB at the engine's
 * 96 bytes per resident, the most a browser tab or a default Node process can be asked for.
 */
const MAX_TOTAL_RESIDENTS = 20_000_000;

/** A complete, validated scenario: every parameter of a run. */
export const Scenario = ScenarioShape.superRefine((s, ctx) => {
  const total = s.jurisdictions.reduce((a, j) => a + j.residents, 0);
  if (total > MAX_TOTAL_RESIDENTS) {
    const gb = ((total * 96) / 1e9).toFixed(1);
    ctx.addIssue({
      code: 'custom',
      path: ['jurisdictions'],
      input: total,
      message: `${total} residents in all, about ${gb} GB of memory; at most ${MAX_TOTAL_RESIDENTS} in all jurisdictions together`,
    });
  }
  const days = Math.round(s.run.years * 365);
  if (s.run.activationDay >= days) {
    ctx.addIssue({ code: 'custom', path: ['run', 'activationDay'], input: s.run.activationDay, message: `must be before the end of the run (day ${days})` });
  }
  s.jurisdictions.forEach((j, i) => {
    if (j.policy.endDay !== null && j.policy.endDay <= s.run.activationDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdictions', i, 'policy', 'endDay'],
        input: j.policy.endDay,
        message: `must be after the activation day (${s.run.activationDay}), or null for no end`,
      });
    }
    const foreign = j.latinoNaturalisedShare + j.latinoLawfulShare + j.latinoUndocumentedShare;
    if (foreign > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdictions', i, 'latinoUndocumentedShare'],
        input: j.latinoUndocumentedShare,
        message: `naturalised, lawful and undocumented shares add up to ${foreign.toFixed(3)}; they must add up to at most 1`,
      });
    }
    if (j.policy.sanctuary && j.policy.model !== 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdictions', i, 'policy', 'sanctuary'],
        input: true,
        message: `a sanctuary policy cannot be combined with the ${j.policy.model} model; set model to "none"`,
      });
    }
    if (j.residents < j.gridWidth * j.gridHeight) {
      ctx.addIssue({
        code: 'custom',
        path: ['jurisdictions', i, 'residents'],
        input: j.residents,
        message: `must be at least one per neighbourhood (${j.gridWidth * j.gridHeight})`,
      });
    }
  });
});
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file: every field optional where it has a default. */
export type ScenarioInput = z.input<typeof Scenario>;
