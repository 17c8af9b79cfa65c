/**
 * Small integer codes shared by the engine's typed arrays, the metrics and the scenario schema.
 * Each list's order is its code: changing the order changes results and the golden run.
 */

/** Immigration status of a resident (`status` array). */
export const STATUSES = ['usBorn', 'naturalised', 'lawfulResident', 'undocumented'] as const;
export type Status = (typeof STATUSES)[number];
export const US_BORN = 0;
export const NATURALISED = 1;
export const LAWFUL_RESIDENT = 2;
export const UNDOCUMENTED = 3;

/**
 * Groups that every metric is broken down by. The first five are the groups the app and tables show
 * first: Latino citizens and non-citizens, non-Latino residents, all Latino residents together (as
 * surveys report "Hispanic"), and everyone. The last four split the Latino group by immigration status.
 */
export const GROUPS = [
  'latinoCitizen',
  'latinoNoncitizen',
  'nonLatino',
  'latino',
  'all',
  'latinoUsBorn',
  'latinoNaturalised',
  'latinoLawful',
  'latinoUndocumented',
] as const;
export type Group = (typeof GROUPS)[number];
/**
 * The disjoint cells the counters are kept in: the four Latino status groups and non-Latino residents.
 * Every group of GROUPS is a sum of these.
 */
export const RESIDENT_GROUPS = 5;
export const NON_LATINO_CELL = 4;
/** Which of the disjoint cells each of GROUPS adds up. */
export const GROUP_MEMBERS: readonly (readonly number[])[] = [[0, 1], [2, 3], [4], [0, 1, 2, 3], [0, 1, 2, 3, 4], [0], [1], [2], [3]];

/** Crime types; the first three are violent, the last is property crime. */
export const CRIME_TYPES = ['simpleAssault', 'aggravatedAssault', 'robbery', 'burglaryTheft'] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];
export const VIOLENT_TYPES = [0, 1, 2] as const;
export const PROPERTY_TYPES = [3] as const;
/** Violent crime in the FBI's sense (Uniform Crime Reports): without simple assault. */
export const FBI_VIOLENT_TYPES = [1, 2] as const;

/** The most serious charge behind an arrest or a detainer. */
export const CHARGES = ['none', 'traffic', 'misdemeanour', 'felony'] as const;
export type Charge = (typeof CHARGES)[number];
export const CHARGE_NONE = 0;
export const CHARGE_TRAFFIC = 1;
export const CHARGE_MISDEMEANOUR = 2;
export const CHARGE_FELONY = 3;

/** 287(g) models a jurisdiction can run: their table is policy-models.ts. */
export { MODELS, type Model } from './policy-models.ts';

/** Whom a Jail Enforcement jail screens at booking: everyone booked, or (targeted, code 1) only ICE's priorities (felony charge or record). */
export const SCREENINGS = ['universal', 'targeted'] as const;
export type Screening = (typeof SCREENINGS)[number];
export const SCREENING_UNIVERSAL = 0;

/** Periods of a run: before and after the agreement's activation day. */
export const PERIODS = ['before', 'after'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * Custody state of a resident (`custody` array). A resident in any state but FREE is out of the
 * community: not a victim, witness, offender or stop target.
 */
export const FREE = 0;
/** In the local jail; released when the term ends. */
export const JAILED = 1;
/** In the local jail with an honoured detainer; handed to immigration detention when the term ends. */
export const JAILED_THEN_DETAINED = 2;
/** In immigration detention; will be removed from the country. */
export const DETAINED_FOR_REMOVAL = 3;
/** In immigration detention; will be released back home. */
export const DETAINED_FOR_RELEASE = 4;
/** Removed from the country: gone for the rest of the run. */
export const REMOVED = 5;

/**
 * A resident's kind packs ethnicity, mixed-status household and status into one byte:
 * kind = latino * 8 + mixedHousehold * 4 + status. Tables indexed by kind replace branches in hot loops.
 */
export const KINDS = 16;
export function kindOf(latino: boolean, mixedHousehold: boolean, status: number): number {
  return (latino ? 8 : 0) + (mixedHousehold ? 4 : 0) + status;
}
export function kindIsLatino(kind: number): boolean {
  return kind >= 8;
}
export function kindStatus(kind: number): number {
  return kind & 3;
}
export function kindIsMixed(kind: number): boolean {
  return (kind & 4) !== 0;
}
/** A lawful resident or undocumented (not US-born or naturalised). */
export function kindIsNoncitizen(kind: number): boolean {
  return kindStatus(kind) >= LAWFUL_RESIDENT;
}

/**
 * The weekly pass reads one byte per resident for jurisdiction and kind together:
 * jurKind = jurisdiction * KINDS + kind (at most 15 jurisdictions, so it fits; GONE marks a removed resident).
 */
export function jurKindOf(jurisdiction: number, kind: number): number {
  return jurisdiction * KINDS + kind;
}
export function jurKindKind(jurKind: number): number {
  return jurKind & (KINDS - 1);
}
export function jurKindJurisdiction(jurKind: number): number {
  return jurKind >> 4;
}
/** 1 when two jurKinds are of different ethnicity (the Latino bit differs), else 0: a table index, not a branch. */
export function jurKindsCrossGroup(a: number, b: number): number {
  return ((a ^ b) >> 3) & 1;
}
/** The display group of a kind (0 Latino citizen, 1 Latino non-citizen, 2 non-Latino): shapes and labels. */
export function kindGroup(kind: number): number {
  if (!kindIsLatino(kind)) return 2;
  return kindStatus(kind) <= NATURALISED ? 0 : 1;
}

/** The counters' cell (0..4) of a kind: a Latino resident's status, or 4 for non-Latino residents. */
function kindCell(kind: number): number {
  return kindIsLatino(kind) ? kindStatus(kind) : NON_LATINO_CELL;
}

/** Counters' cell of each kind, as a table for hot loops. */
export const GROUP_OF_KIND = Uint8Array.from({ length: KINDS }, (_, k) => kindCell(k));
