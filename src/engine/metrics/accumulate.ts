import { RESIDENT_GROUPS } from '../../vocabulary/codes.ts';

/**
 * Counters the systems add to. Each is kept per jurisdiction × resident group, for the current week and
 * for the current period (before or after activation). Indices below name the slots of one block.
 */
export const C = {
  crimes: 0, // + crime type (4 slots)
  reported: 4, // + crime type
  cleared: 8, // + crime type
  witnessesAsked: 12,
  witnessesCooperated: 13,
  stops: 14,
  arrests: 15,
  detainers: 16, // + charge (4 slots)
  removals: 20,
  federalArrests: 21,
  detentions: 22,
  statusQuestioned: 23,
  /** Weekly snapshots: sums over residents still in the country. */
  trustSum: 24,
  fearSum: 25,
  residents: 26,
  /** Number of weekly snapshots added (same in every group's block). */
  snapshots: 27,
  /** Days counted. */
  days: 28,
  beliefSum: 29,
  /** Full snapshots only (every few weeks): belief, expected (noise-free) chance of reporting a crime of the mix. */
  expectedReportingSum: 30,
  /** Residents aged 12 or more (the NCVS population). */
  residents12: 31,
  /** Households, counted by their head (first member). */
  households: 32,
  /** Residents whose trust is more than 0.1 below what it was on the activation day. */
  trustFell: 33,
  /** Residents counted by the full snapshots (every few weeks), and the number of full snapshots. */
  fullResidents: 34,
  fullSnapshots: 35,
  /** Arrests booked at the jail (the rest were cited and released). */
  bookings: 36,
  trustHist: 37, // + bin (TRUST_BINS slots)
} as const;
/** The weekly pass adds the slower statistics (belief, expected reporting, trust histogram) every this many weeks. */
export const FULL_SNAPSHOT_WEEKS = 4;
/** Bins of the trust histogram (width 1 / TRUST_BINS), from which deciles are read. */
export const TRUST_BINS = 40;
export const COUNTERS = 37 + TRUST_BINS;

export interface MetricsState {
  jurisdictions: number;
  /** Counters of the week under way. */
  week: Float64Array;
  /** Counters per period: [before block…, after block…]. */
  period: Float64Array;
  /** Finished weeks, one block after another. */
  weeks: Float64Array;
  weeksDone: number;
  /** Which period the current day counts toward (0 before, 1 after). */
  currentPeriod: number;
}

/** Size of one jurisdiction-by-group block of counters. */
export function blockSize(jurisdictions: number): number {
  return jurisdictions * RESIDENT_GROUPS * COUNTERS;
}

export function createMetrics(jurisdictions: number, days: number): MetricsState {
  const block = blockSize(jurisdictions);
  return {
    jurisdictions,
    week: new Float64Array(block),
    period: new Float64Array(block * 2),
    weeks: new Float64Array(block * Math.ceil(days / 7)),
    weeksDone: 0,
    currentPeriod: 0,
  };
}

/** Adds n to counter `slot` of jurisdiction j and group g, in the week and in the current period. */
export function count(m: MetricsState, j: number, g: number, slot: number, n = 1): void {
  const i = (j * RESIDENT_GROUPS + g) * COUNTERS + slot;
  m.week[i] += n;
  m.period[m.currentPeriod * m.week.length + i] += n;
}

/** Closes the week under way: keeps it in the weekly series and starts a new one. */
export function closeWeek(m: MetricsState): void {
  m.weeks.set(m.week, m.weeksDone * m.week.length);
  m.weeksDone++;
  m.week.fill(0);
}

/**
 * Clears every counter and empties the weekly series (end of burn-in). The finished weeks' slots are
 * not wiped: no week is read before it is written, and a timeline that goes back to day 0 and then
 * forward to a later snapshot finds the weeks before that snapshot still in place.
 */
export function resetMetrics(m: MetricsState): void {
  m.week.fill(0);
  m.period.fill(0);
  m.weeksDone = 0;
}
