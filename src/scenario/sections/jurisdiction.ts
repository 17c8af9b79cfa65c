import { z } from 'zod';
import { MODELS, SCREENINGS } from '../../vocabulary/codes.ts';
import { POLICY_MODELS } from '../../vocabulary/policy-models.ts';
import { SRC, choice, flag, int, num, section, share } from '../param.ts';

/** The 287(g) agreement (or its absence) and the contrasts a jurisdiction runs from the activation day. */
export const Policy = section(
  {
    model: choice(MODELS, 'none', {
      description: `Which 287(g) model the local agency runs from the activation day: ${POLICY_MODELS.map((m) => (m.description ? `${m.id} (${m.description})` : m.id)).join('; ')}.`,
      source: 'targets.md section 3',
    }),
    deputisedShare: share(0.15, {
      description: 'Share of patrol officers deputised under a Task Force agreement; only they question people about status during stops.',
      source: SRC.assumption,
    }),
    statusQuestioningProb: share(0.5, {
      description: 'Chance that a deputised officer questions the person stopped about immigration status (Task Force only).',
      source: SRC.assumption,
    }),
    profilingMultiplier: num(4, 1, 20, {
      unit: 'ratio',
      description:
        'Under a Task Force agreement, how many times more likely a Latino resident is to be chosen for a patrol stop than a non-Latino resident in the same neighbourhood. 1 means no profiling.',
      source: SRC.maricopa + ' (4–9×)',
    }),
    arrestBiasMultiplier: num(1.52, 1, 5, {
      unit: 'odds ratio',
      description: 'Under a Task Force agreement, how much more likely a stop of a Latino resident ends in arrest.',
      source: SRC.alamance,
    }),
    endDay: z.int().min(1).max(18250).nullable().default(null).meta({
      unit: 'day',
      description: 'Day the agreement ends (null: it stays in force to the end of the run). Agreements end: the Task Force model was ended in 2012.',
      source: 'targets.md section 4 (32 task force agreements ended in December 2012)',
    }),
    jailScreeningProb: share(0.95, {
      description:
        'Under the Jail Enforcement Model, chance that a booked person whom the screening practice covers is interviewed and checked against DHS databases.',
      source: SRC.assumption,
    }),
    screening: choice(SCREENINGS, 'universal', {
      description:
        'Under the Jail Enforcement Model, whom the jail screens: universal (everyone booked, traffic and misdemeanour arrests included, as in Cobb County GA and Frederick County MD) or targeted (only people booked on a felony or with a criminal record, as in Las Vegas).',
      source: SRC.capps,
    }),
    sanctuary: flag(false, {
      description:
        'Limits on cooperation ("sanctuary"), announced from the activation day: the jail honours ICE detainers only for felony charges, so fewer people are held for ICE and the announcement lowers perceived entanglement. Cannot be combined with a 287(g) model.',
      source: SRC.assumption,
    }),
    trustBuilding: flag(false, {
      description: 'Trust-building measures (procedural-justice training and victim-visa outreach); their strength is set in the contrasts section.',
      source: SRC.assumption,
    }),
  },
  'The policy a jurisdiction runs from the activation day on.',
);

/** One county: its grid of neighbourhoods, its people and its police. */
export const Jurisdiction = z
  .strictObject({
    name: z.string().min(1).max(60).default('County').meta({ description: 'Name shown in tables and charts.', unit: 'text', source: SRC.assumption }),
    gridWidth: int(8, 1, 200, {
      unit: 'neighbourhoods',
      description: 'Neighbourhood grid width (east–west). Jurisdictions sit side by side, east of the previous one, sharing a border.',
      source: SRC.assumption,
    }),
    gridHeight: int(8, 1, 200, { unit: 'neighbourhoods', description: 'Neighbourhood grid height (north–south).', source: SRC.assumption }),
    residents: int(50000, 100, 20_000_000, { unit: 'residents', description: 'Number of residents at the start.', source: SRC.assumption }),
    latinoShare: share(0.19, {
      description: 'Share of households that are Latino.',
      source: 'assumption (close to the U.S. Hispanic share of the population)',
    }),
    latinoNaturalisedShare: share(0.11, { description: 'Share of Latino household heads who are naturalised citizens.', source: SRC.assumption }),
    latinoLawfulShare: share(0.1, {
      description: 'Share of Latino household heads who are lawful permanent residents or visa holders (non-citizens).',
      source: SRC.assumption,
    }),
    latinoUndocumentedShare: share(0.14, { description: 'Share of Latino household heads who are undocumented.', source: SRC.assumption }),
    nonLatinoNoncitizenShare: share(0.06, {
      description: 'Share of non-Latino household heads who are not citizens (a quarter of them undocumented).',
      source: SRC.assumption,
    }),
    officersPer1000: num(2.4, 0.1, 10, {
      unit: 'officers per 1,000 residents',
      description: 'Sworn patrol officers per 1,000 residents.',
      source: 'assumption (typical U.S. local agency staffing)',
    }),
    policy: Policy,
  })
  .meta({ description: 'A jurisdiction (county) with its own police and its own policy.' });
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type Policy = z.infer<typeof Policy>;
