import {
  CHARGE_MISDEMEANOUR,
  CHARGE_TRAFFIC,
  CHARGES,
  CRIME_TYPES,
  type Charge,
  type CrimeType,
  FBI_VIOLENT_TYPES,
  PROPERTY_TYPES,
  VIOLENT_TYPES,
} from '../../vocabulary/codes.ts';
import { C } from './accumulate.ts';
import { type MetricInputs, ratio, sumOf } from './inputs.ts';

/**
 * How a metric's value reads, so every table formats it alike: a share (0–1, shown as a percentage), a
 * rate per 1,000 a year, a level on a 0–1 scale (trust, fear; shown out of 100), a ratio, a total over the period (which a
 * table may show per year), or a size (days, mean residents).
 */
export type MetricKind = 'share' | 'rate' | 'level' | 'ratio' | 'total' | 'size';

/** A metric of the run summaries and weekly series: its key, how to compute it, and how to name and read it. */
export interface MetricDef<K extends string = string> {
  key: K;
  /** A short name for table rows and chart titles (the description says it in full). */
  label: string;
  unit: string;
  kind: MetricKind;
  description: string;
  /** The value for one group in one period (or week); null where it has nothing to divide by. */
  compute: (m: MetricInputs) => number | null;
}

const ALL = [0, 1, 2, 3] as const;
const PER_12 = 'per 1,000 aged 12+ per year';
/** Plain names of the crime types and charges, for labels. */
const CRIME_NAMES: Record<CrimeType, string> = {
  simpleAssault: 'simple assault',
  aggravatedAssault: 'aggravated assault',
  robbery: 'robbery',
  burglaryTheft: 'burglary or theft',
};
const CHARGE_NAMES: Record<Charge, string> = { none: 'no criminal charge', traffic: 'traffic', misdemeanour: 'misdemeanour', felony: 'felony' };

/** Per 1,000 persons aged 12+ per year (the NCVS unit), per 1,000 residents per year. */
const per1000 = (m: MetricInputs, x: number) => (m.personYears > 0 ? (1000 * x) / m.personYears : null);
const per1000Residents = (m: MetricInputs, x: number) => (m.residentYears > 0 ? (1000 * x) / m.residentYears : null);
const crimesOf = (m: MetricInputs, types: readonly number[]) => sumOf(m.v, C.crimes, types);
const reportedOf = (m: MetricInputs, types: readonly number[]) => sumOf(m.v, C.reported, types);
const clearedOf = (m: MetricInputs, types: readonly number[]) => sumOf(m.v, C.cleared, types);

/** One metric per crime type: `prefix.type`. */
const byType = <P extends string>(
  prefix: P,
  def: Omit<MetricDef, 'key' | 'compute' | 'label' | 'description'>,
  label: string,
  what: string,
  compute: (m: MetricInputs, type: number) => number | null,
): MetricDef<`${P}.${CrimeType}`>[] =>
  CRIME_TYPES.map((t, i) => ({
    key: `${prefix}.${t}` as `${P}.${CrimeType}`,
    ...def,
    label: `${label}: ${CRIME_NAMES[t]}`,
    description: `${what}: ${t}`,
    compute: (m) => compute(m, i),
  }));

/** Every metric, in the order tables and CSV columns show them. */
export const METRICS = [
  {
    key: 'days',
    label: 'Days',
    unit: 'days',
    kind: 'size',
    description: 'Days in the period (counts below are totals over these days)',
    compute: (m) => m.days,
  },
  {
    key: 'residents',
    label: 'Residents (mean)',
    unit: 'residents',
    kind: 'size',
    description: 'Mean number of residents in the country (in the community or in custody)',
    compute: (m) => m.residents,
  },
  {
    key: 'victimisationPer1000',
    label: 'Victimisation /1,000/yr',
    unit: PER_12,
    kind: 'rate',
    description: 'Victimisations of all types per 1,000 persons aged 12 or more per year (NCVS unit)',
    compute: (m) => per1000(m, crimesOf(m, ALL)),
  },
  {
    key: 'violentVictimisationPer1000',
    label: 'Violent victimisation /1,000/yr',
    unit: PER_12,
    kind: 'rate',
    description: 'Violent victimisations (assaults, robbery) per 1,000 persons aged 12 or more per year (NCVS sense)',
    compute: (m) => per1000(m, crimesOf(m, VIOLENT_TYPES)),
  },
  {
    key: 'fbiViolentVictimisationPer1000',
    label: 'Violent (FBI sense) /1,000/yr',
    unit: PER_12,
    kind: 'rate',
    description: 'Violent victimisations in the FBI sense (aggravated assault and robbery, without simple assault) per 1,000 persons aged 12 or more per year',
    compute: (m) => per1000(m, crimesOf(m, FBI_VIOLENT_TYPES)),
  },
  {
    key: 'propertyVictimisationPer1000',
    label: 'Property victimisation /1,000/yr',
    unit: PER_12,
    kind: 'rate',
    description: 'Burglary and theft victimisations per 1,000 persons aged 12 or more per year',
    compute: (m) => per1000(m, crimesOf(m, PROPERTY_TYPES)),
  },
  {
    key: 'propertyVictimisationPer1000Households',
    label: 'Property victimisation /1,000 households/yr',
    unit: 'per 1,000 households per year',
    kind: 'rate',
    description: 'Burglary and theft victimisations per 1,000 households per year (NCVS unit for property crime; a household belongs to its head\u2019s group)',
    compute: (m) => (m.householdYears > 0 ? (1000 * crimesOf(m, PROPERTY_TYPES)) / m.householdYears : null),
  },
  ...byType(
    'victimisationPer1000',
    { unit: PER_12, kind: 'rate' },
    'Victimisation /1,000/yr',
    'Victimisations per 1,000 persons aged 12 or more per year',
    (m, t) => per1000(m, m.v[C.crimes + t]),
  ),
  {
    key: 'reportedShare',
    label: 'Crimes reported',
    unit: 'share',
    kind: 'share',
    description: 'Share of crimes reported to police (realised)',
    compute: (m) => ratio(reportedOf(m, ALL), crimesOf(m, ALL)),
  },
  {
    key: 'expectedReporting',
    label: 'Expected reporting (noise-free)',
    unit: 'share',
    kind: 'share',
    description:
      'Expected (noise-free) chance of reporting a crime of the run\u2019s mix: the mean over the group\u2019s residents of their reporting probability, snapshots every fourth week',
    compute: (m) => ratio(m.v[C.expectedReportingSum], m.v[C.fullResidents]),
  },
  {
    key: 'violentReportedShare',
    label: 'Violent crimes reported',
    unit: 'share',
    kind: 'share',
    description: 'Share of violent crimes reported to police',
    compute: (m) => ratio(reportedOf(m, VIOLENT_TYPES), crimesOf(m, VIOLENT_TYPES)),
  },
  {
    key: 'propertyReportedShare',
    label: 'Property crimes reported',
    unit: 'share',
    kind: 'share',
    description: 'Share of property crimes reported to police',
    compute: (m) => ratio(reportedOf(m, PROPERTY_TYPES), crimesOf(m, PROPERTY_TYPES)),
  },
  ...byType('reportedShare', { unit: 'share', kind: 'share' }, 'Reported', 'Share reported', (m, t) => ratio(m.v[C.reported + t], m.v[C.crimes + t])),
  {
    key: 'cooperationRate',
    label: 'Witnesses cooperating',
    unit: 'share',
    kind: 'share',
    description: 'Share of witnesses asked who cooperated (by the witness\u2019s group)',
    compute: (m) => ratio(m.v[C.witnessesCooperated], m.v[C.witnessesAsked]),
  },
  {
    key: 'clearanceRate',
    label: 'Reported crimes cleared',
    unit: 'share',
    kind: 'share',
    description: 'Share of reported crimes cleared (by the victim\u2019s group)',
    compute: (m) => ratio(clearedOf(m, ALL), reportedOf(m, ALL)),
  },
  {
    key: 'violentClearanceRate',
    label: 'Violent clearance',
    unit: 'share',
    kind: 'share',
    description: 'Share of reported violent crimes cleared',
    compute: (m) => ratio(clearedOf(m, VIOLENT_TYPES), reportedOf(m, VIOLENT_TYPES)),
  },
  {
    key: 'fbiViolentClearanceRate',
    label: 'Violent clearance (FBI sense)',
    unit: 'share',
    kind: 'share',
    description: 'Share of reported violent crimes in the FBI sense (aggravated assault, robbery) cleared',
    compute: (m) => ratio(clearedOf(m, FBI_VIOLENT_TYPES), reportedOf(m, FBI_VIOLENT_TYPES)),
  },
  {
    key: 'propertyClearanceRate',
    label: 'Property clearance',
    unit: 'share',
    kind: 'share',
    description: 'Share of reported property crimes cleared',
    compute: (m) => ratio(clearedOf(m, PROPERTY_TYPES), reportedOf(m, PROPERTY_TYPES)),
  },
  {
    key: 'meanTrust',
    label: 'Mean trust in police (0–100)',
    unit: 'trust (0–1)',
    kind: 'level',
    description: 'Mean trust in police, weekly snapshots',
    compute: (m) => ratio(m.v[C.trustSum], m.v[C.residents]),
  },
  {
    key: 'meanFear',
    label: 'Mean fear (0–100)',
    unit: 'fear (0–1)',
    kind: 'level',
    description: 'Mean fear of immigration consequences, weekly snapshots',
    compute: (m) => ratio(m.v[C.fearSum], m.v[C.residents]),
  },
  {
    key: 'meanBelief',
    label: 'Belief that police work with ICE',
    unit: 'belief (0–1)',
    kind: 'level',
    description: 'Mean belief that local police work with ICE (perceived entanglement), snapshots every fourth week',
    compute: (m) => ratio(m.v[C.beliefSum], m.v[C.fullResidents]),
  },
  {
    key: 'trustFellShare',
    label: 'Trust fell by over 10 points',
    unit: 'share',
    kind: 'share',
    description: 'Share of the group whose trust is more than 0.1 below its level on the activation day (0 before it), snapshots every fourth week',
    compute: (m) => ratio(m.v[C.trustFell], m.v[C.fullResidents]),
  },
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map(
    (d): MetricDef<`trustDecile.${typeof d}`> => ({
      key: `trustDecile.${d}`,
      label: `Trust, ${d}0th percentile`,
      unit: 'trust (0–1)',
      kind: 'level',
      description: `Trust below which ${d}0% of the group lie (from a histogram of snapshots every fourth week)`,
      compute: (m) => (m.deciles === null ? null : m.deciles[d - 1]),
    }),
  ),
  {
    key: 'stopsPer1000',
    label: 'Patrol stops /1,000/yr',
    unit: 'per 1,000 per year',
    kind: 'rate',
    description: 'Patrol stops per 1,000 residents per year',
    compute: (m) => per1000Residents(m, m.v[C.stops]),
  },
  {
    key: 'stopDisparity',
    label: 'Stop disparity (Latino/other)',
    unit: 'ratio',
    kind: 'ratio',
    description: 'Stop rate of Latino residents aged 12+ over that of non-Latino residents aged 12+ (jurisdiction rows only)',
    compute: (m) => m.stopDisparity,
  },
  {
    key: 'statusQuestioned',
    label: 'Questioned about status',
    unit: 'people',
    kind: 'total',
    description: 'People questioned about immigration status during stops',
    compute: (m) => m.v[C.statusQuestioned],
  },
  {
    key: 'arrests',
    label: 'Arrests',
    unit: 'arrests',
    kind: 'total',
    description: 'Arrests by local police (stops and cleared crimes)',
    compute: (m) => m.v[C.arrests],
  },
  {
    key: 'arrestsPer1000',
    label: 'Arrests /1,000/yr',
    unit: 'per 1,000 per year',
    kind: 'rate',
    description: 'Arrests per 1,000 residents per year',
    compute: (m) => per1000Residents(m, m.v[C.arrests]),
  },
  {
    key: 'bookings',
    label: 'Bookings',
    unit: 'arrests',
    kind: 'total',
    description: 'Arrests booked at the jail, where status checks happen (the other arrests ended in a citation)',
    compute: (m) => m.v[C.bookings],
  },
  {
    key: 'detainers',
    label: 'Detainers',
    unit: 'detainers',
    kind: 'total',
    description: 'Immigration detainers issued',
    compute: (m) => sumOf(m.v, C.detainers, ALL),
  },
  {
    key: 'detainersMinorShare',
    label: 'Detainers on minor charges',
    unit: 'share',
    kind: 'share',
    description: 'Share of detainers whose most serious charge is a traffic offence or a misdemeanour (the rest: a felony, or no criminal charge)',
    compute: (m) => ratio(m.v[C.detainers + CHARGE_TRAFFIC] + m.v[C.detainers + CHARGE_MISDEMEANOUR], sumOf(m.v, C.detainers, ALL)),
  },
  ...CHARGES.map(
    (c, i): MetricDef<`detainers.${Charge}`> => ({
      key: `detainers.${c}`,
      label: `Detainers: ${CHARGE_NAMES[c]}`,
      unit: 'detainers',
      kind: 'total',
      description: `Detainers whose most serious charge is: ${c}`,
      compute: (m) => m.v[C.detainers + i],
    }),
  ),
  {
    key: 'detentions',
    label: 'Immigration detentions',
    unit: 'people',
    kind: 'total',
    description: 'People taken into immigration detention (honoured detainers, Task Force arrests, federal arrests)',
    compute: (m) => m.v[C.detentions],
  },
  {
    key: 'federalArrests',
    label: 'Federal at-large arrests',
    unit: 'arrests',
    kind: 'total',
    description: 'ICE at-large arrests (background federal enforcement)',
    compute: (m) => m.v[C.federalArrests],
  },
  { key: 'removals', label: 'Removals', unit: 'people', kind: 'total', description: 'People removed from the country', compute: (m) => m.v[C.removals] },
  { key: 'crimes', label: 'Crimes', unit: 'crimes', kind: 'total', description: 'Crimes against residents', compute: (m) => crimesOf(m, ALL) },
  {
    key: 'crimesPer1000',
    label: 'Crimes /1,000/yr',
    unit: 'per 1,000 per year',
    kind: 'rate',
    description: 'Crimes against residents per 1,000 per year (true count, reported or not)',
    compute: (m) => per1000Residents(m, crimesOf(m, ALL)),
  },
  {
    key: 'recordedCrimesPer1000',
    label: 'Recorded crime /1,000/yr',
    unit: 'per 1,000 per year',
    kind: 'rate',
    description: 'Crimes reported to police per 1,000 per year (what police statistics see)',
    compute: (m) => per1000Residents(m, reportedOf(m, ALL)),
  },
  {
    key: 'unreportedCrimes',
    label: 'Unreported crimes',
    unit: 'crimes',
    kind: 'total',
    description: 'Crimes never reported (the dark figure)',
    compute: (m) => crimesOf(m, ALL) - reportedOf(m, ALL),
  },
  {
    key: 'unreportedShare',
    label: 'Crimes never reported',
    unit: 'share',
    kind: 'share',
    description: 'Share of crimes never reported',
    compute: (m) => ratio(crimesOf(m, ALL) - reportedOf(m, ALL), crimesOf(m, ALL)),
  },
] as const satisfies readonly MetricDef[];

/** The key of every metric: a typo in a metric's name is a type error, not a missing value at run time. */
export type MetricKey = (typeof METRICS)[number]['key'];
/** One period's metrics for one group: every metric, null where it has nothing to divide by. */
export type MetricValues = Record<MetricKey, number | null>;

const BY_KEY: ReadonlyMap<string, MetricDef<MetricKey>> = new Map(METRICS.map((m) => [m.key, m as MetricDef<MetricKey>]));
/** True when a name read from outside (a file, a flag, a column) is a metric's key. */
export function isMetricKey(s: string): s is MetricKey {
  return BY_KEY.has(s);
}
/** A metric's definition by key. */
export function metricDef(key: MetricKey): MetricDef<MetricKey> {
  return BY_KEY.get(key)!;
}
