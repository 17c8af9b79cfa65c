import { CHARGES, CRIME_TYPES } from '../codes.ts';

/** A metric of the run summaries and weekly series: its key, unit and plain-language meaning. */
export interface MetricDef<K extends string = string> {
  key: K;
  unit: string;
  description: string;
}

type CrimeType = (typeof CRIME_TYPES)[number];
type Charge = (typeof CHARGES)[number];

const byType = <P extends string>(prefix: P, unit: string, what: string): MetricDef<`${P}.${CrimeType}`>[] =>
  CRIME_TYPES.map((t) => ({ key: `${prefix}.${t}` as `${P}.${CrimeType}`, unit, description: `${what}: ${t}` }));

/** Every metric, in the order tables and CSV columns show them. */
export const METRICS = [
  { key: 'days', unit: 'days', description: 'Days in the period (counts below are totals over these days)' },
  { key: 'residents', unit: 'residents', description: 'Mean number of residents in the country (in the community or in custody)' },
  {
    key: 'victimisationPer1000',
    unit: 'per 1,000 aged 12+ per year',
    description: 'Victimisations of all types per 1,000 persons aged 12 or more per year (NCVS unit)',
  },
  {
    key: 'violentVictimisationPer1000',
    unit: 'per 1,000 aged 12+ per year',
    description: 'Violent victimisations (assaults, robbery) per 1,000 persons aged 12 or more per year (NCVS sense)',
  },
  {
    key: 'fbiViolentVictimisationPer1000',
    unit: 'per 1,000 aged 12+ per year',
    description: 'Violent victimisations in the FBI sense (aggravated assault and robbery, without simple assault) per 1,000 persons aged 12 or more per year',
  },
  {
    key: 'propertyVictimisationPer1000',
    unit: 'per 1,000 aged 12+ per year',
    description: 'Burglary and theft victimisations per 1,000 persons aged 12 or more per year',
  },
  {
    key: 'propertyVictimisationPer1000Households',
    unit: 'per 1,000 households per year',
    description: 'Burglary and theft victimisations per 1,000 households per year (NCVS unit for property crime; a household belongs to its head\u2019s group)',
  },
  ...byType('victimisationPer1000', 'per 1,000 aged 12+ per year', 'Victimisations per 1,000 persons aged 12 or more per year'),
  { key: 'reportedShare', unit: 'share', description: 'Share of crimes reported to police (realised)' },
  {
    key: 'expectedReporting',
    unit: 'share',
    description:
      'Expected (noise-free) chance of reporting a crime of the run\u2019s mix: the mean over the group\u2019s residents of their reporting probability, snapshots every fourth week',
  },
  { key: 'violentReportedShare', unit: 'share', description: 'Share of violent crimes reported to police' },
  { key: 'propertyReportedShare', unit: 'share', description: 'Share of property crimes reported to police' },
  ...byType('reportedShare', 'share', 'Share reported'),
  { key: 'cooperationRate', unit: 'share', description: 'Share of witnesses asked who cooperated (by the witness\u2019s group)' },
  { key: 'clearanceRate', unit: 'share', description: 'Share of reported crimes cleared (by the victim\u2019s group)' },
  { key: 'violentClearanceRate', unit: 'share', description: 'Share of reported violent crimes cleared' },
  { key: 'fbiViolentClearanceRate', unit: 'share', description: 'Share of reported violent crimes in the FBI sense (aggravated assault, robbery) cleared' },
  { key: 'propertyClearanceRate', unit: 'share', description: 'Share of reported property crimes cleared' },
  { key: 'meanTrust', unit: 'trust (0–1)', description: 'Mean trust in police, weekly snapshots' },
  { key: 'meanFear', unit: 'fear (0–1)', description: 'Mean fear of immigration consequences, weekly snapshots' },
  { key: 'meanBelief', unit: 'belief (0–1)', description: 'Mean belief that local police work with ICE (perceived entanglement), snapshots every fourth week' },
  {
    key: 'trustFellShare',
    unit: 'share',
    description: 'Share of the group whose trust is more than 0.1 below its level on the activation day (0 before it), snapshots every fourth week',
  },
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map((d) => ({
    key: `trustDecile.${d}` as const,
    unit: 'trust (0–1)',
    description: `Trust below which ${d}0% of the group lie (from a histogram of snapshots every fourth week)`,
  })),
  { key: 'stopsPer1000', unit: 'per 1,000 per year', description: 'Patrol stops per 1,000 residents per year' },
  {
    key: 'stopDisparity',
    unit: 'ratio',
    description: 'Stop rate of Latino residents aged 12+ over that of non-Latino residents aged 12+ (jurisdiction rows only)',
  },
  { key: 'statusQuestioned', unit: 'people', description: 'People questioned about immigration status during stops' },
  { key: 'arrests', unit: 'arrests', description: 'Arrests by local police (stops and cleared crimes)' },
  { key: 'arrestsPer1000', unit: 'per 1,000 per year', description: 'Arrests per 1,000 residents per year' },
  { key: 'detainers', unit: 'detainers', description: 'Immigration detainers issued' },
  ...CHARGES.map((c) => ({ key: `detainers.${c}` as `detainers.${Charge}`, unit: 'detainers', description: `Detainers whose most serious charge is: ${c}` })),
  { key: 'detentions', unit: 'people', description: 'People taken into immigration detention (honoured detainers, Task Force arrests, federal arrests)' },
  { key: 'federalArrests', unit: 'arrests', description: 'ICE at-large arrests (background federal enforcement)' },
  { key: 'removals', unit: 'people', description: 'People removed from the country' },
  { key: 'crimes', unit: 'crimes', description: 'Crimes against residents' },
  { key: 'crimesPer1000', unit: 'per 1,000 per year', description: 'Crimes against residents per 1,000 per year (true count, reported or not)' },
  { key: 'recordedCrimesPer1000', unit: 'per 1,000 per year', description: 'Crimes reported to police per 1,000 per year (what police statistics see)' },
  { key: 'unreportedCrimes', unit: 'crimes', description: 'Crimes never reported (the dark figure)' },
  { key: 'unreportedShare', unit: 'share', description: 'Share of crimes never reported' },
] as const satisfies readonly MetricDef[];

/** The key of every metric: a typo in a metric's name is a type error, not a missing value at run time. */
export type MetricKey = (typeof METRICS)[number]['key'];
/** One period's metrics for one group: every metric, null where it has nothing to divide by. */
export type MetricValues = Record<MetricKey, number | null>;

const KEYS: ReadonlySet<string> = new Set(METRICS.map((m) => m.key));
/** True when a name read from outside (a file, a flag, a column) is a metric's key. */
export function isMetricKey(s: string): s is MetricKey {
  return KEYS.has(s);
}
