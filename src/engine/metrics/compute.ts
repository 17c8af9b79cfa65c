import { CHARGES, CRIME_TYPES, FBI_VIOLENT_TYPES, GROUP_MEMBERS, NON_LATINO_CELL, PROPERTY_TYPES, RESIDENT_GROUPS, VIOLENT_TYPES } from '../codes.ts';
import { C, COUNTERS, TRUST_BINS } from './accumulate.ts';
import type { MetricKey, MetricValues } from './definitions.ts';

/**
 * Turns the counters of one jurisdiction (a block of RESIDENT_GROUPS × COUNTERS) into the metrics of
 * one of GROUPS (by index), adding up the disjoint groups it covers. Rates with nothing to divide by
 * are null; the stop disparity is defined for everyone only.
 */
export function computeMetrics(block: Float64Array, offset: number, group: number): MetricValues {
  const v = new Float64Array(COUNTERS);
  const groups = GROUP_MEMBERS[group];
  for (const g of groups) for (let k = 0; k < COUNTERS; k++) v[k] += block[offset + g * COUNTERS + k];
  // Days and snapshots are the same in every group's block: take them once.
  const days = block[offset + C.days];
  const snapshots = block[offset + C.snapshots];
  const residents = snapshots > 0 ? v[C.residents] / snapshots : null;
  // Rates per 1,000 persons aged 12+ (NCVS), and property crime also per 1,000 households.
  const personYears = snapshots > 0 ? (v[C.residents12] / snapshots) * (days / 365) : 0;
  const householdYears = snapshots > 0 ? (v[C.households] / snapshots) * (days / 365) : 0;
  const residentYears = residents !== null ? (residents * days) / 365 : 0;
  const per1000 = (x: number) => (personYears > 0 ? (1000 * x) / personYears : null);
  const per1000Residents = (x: number) => (residentYears > 0 ? (1000 * x) / residentYears : null);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const sum = (base: number, types: readonly number[]) => types.reduce((a, t) => a + v[base + t], 0);
  const all = [0, 1, 2, 3];
  const crimes = sum(C.crimes, all);
  const reported = sum(C.reported, all);
  // Built field by field below; every metric is set (a test checks each key is present).
  const out: Partial<MetricValues> = {
    days,
    residents,
    victimisationPer1000: per1000(crimes),
    violentVictimisationPer1000: per1000(sum(C.crimes, VIOLENT_TYPES)),
    fbiViolentVictimisationPer1000: per1000(sum(C.crimes, FBI_VIOLENT_TYPES)),
    propertyVictimisationPer1000: per1000(sum(C.crimes, PROPERTY_TYPES)),
    propertyVictimisationPer1000Households: householdYears > 0 ? (1000 * sum(C.crimes, PROPERTY_TYPES)) / householdYears : null,
  };
  CRIME_TYPES.forEach((t, i) => (out[`victimisationPer1000.${t}`] = per1000(v[C.crimes + i])));
  out.reportedShare = ratio(reported, crimes);
  out.expectedReporting = ratio(v[C.expectedReportingSum], v[C.fullResidents]);
  out.violentReportedShare = ratio(sum(C.reported, VIOLENT_TYPES), sum(C.crimes, VIOLENT_TYPES));
  out.propertyReportedShare = ratio(sum(C.reported, PROPERTY_TYPES), sum(C.crimes, PROPERTY_TYPES));
  CRIME_TYPES.forEach((t, i) => (out[`reportedShare.${t}`] = ratio(v[C.reported + i], v[C.crimes + i])));
  out.cooperationRate = ratio(v[C.witnessesCooperated], v[C.witnessesAsked]);
  out.clearanceRate = ratio(sum(C.cleared, all), reported);
  out.violentClearanceRate = ratio(sum(C.cleared, VIOLENT_TYPES), sum(C.reported, VIOLENT_TYPES));
  out.fbiViolentClearanceRate = ratio(sum(C.cleared, FBI_VIOLENT_TYPES), sum(C.reported, FBI_VIOLENT_TYPES));
  out.propertyClearanceRate = ratio(sum(C.cleared, PROPERTY_TYPES), sum(C.reported, PROPERTY_TYPES));
  out.meanTrust = ratio(v[C.trustSum], v[C.residents]);
  out.meanFear = ratio(v[C.fearSum], v[C.residents]);
  out.meanBelief = ratio(v[C.beliefSum], v[C.fullResidents]);
  out.trustFellShare = ratio(v[C.trustFell], v[C.fullResidents]);
  const deciles = trustDeciles(v);
  for (let d = 1; d <= 9; d++) out[`trustDecile.${d}` as MetricKey] = deciles === null ? null : deciles[d - 1];
  out.stopsPer1000 = per1000Residents(v[C.stops]);
  out.stopDisparity = groups.length === RESIDENT_GROUPS ? stopDisparity(block, offset) : null;
  out.statusQuestioned = v[C.statusQuestioned];
  out.arrests = v[C.arrests];
  out.arrestsPer1000 = per1000Residents(v[C.arrests]);
  out.detainers = sum(C.detainers, all);
  CHARGES.forEach((c, i) => (out[`detainers.${c}`] = v[C.detainers + i]));
  out.detentions = v[C.detentions];
  out.federalArrests = v[C.federalArrests];
  out.removals = v[C.removals];
  out.crimes = crimes;
  out.crimesPer1000 = per1000Residents(crimes);
  out.recordedCrimesPer1000 = per1000Residents(reported);
  out.unreportedCrimes = crimes - reported;
  out.unreportedShare = ratio(crimes - reported, crimes);
  return out as MetricValues;
}

/** The nine deciles of trust, interpolated in the histogram of weekly snapshots; null with no one counted. */
function trustDeciles(v: Float64Array): number[] | null {
  let total = 0;
  for (let b = 0; b < TRUST_BINS; b++) total += v[C.trustHist + b];
  if (total <= 0) return null;
  const out: number[] = [];
  let below = 0;
  let b = 0;
  for (let d = 1; d <= 9; d++) {
    const want = (d / 10) * total;
    while (b < TRUST_BINS - 1 && below + v[C.trustHist + b] < want) below += v[C.trustHist + b++];
    const inBin = v[C.trustHist + b];
    const frac = inBin > 0 ? Math.min(1, Math.max(0, (want - below) / inBin)) : 0;
    out.push((b + frac) / TRUST_BINS);
  }
  return out;
}

/** Latino stops per Latino resident over non-Latino stops per non-Latino resident. */
function stopDisparity(block: Float64Array, offset: number): number | null {
  const at = (g: number, k: number) => block[offset + g * COUNTERS + k];
  let latinoStops = 0;
  let latinoResidents = 0;
  for (let g = 0; g < NON_LATINO_CELL; g++) {
    latinoStops += at(g, C.stops);
    latinoResidents += at(g, C.residents12);
  }
  // Per resident aged 12+, the people patrol stops: Latino households have more young children.
  const latinoRate = latinoStops / latinoResidents;
  const otherRate = at(NON_LATINO_CELL, C.stops) / at(NON_LATINO_CELL, C.residents12);
  if (!(otherRate > 0) || !Number.isFinite(latinoRate)) return null;
  return latinoRate / otherRate;
}
