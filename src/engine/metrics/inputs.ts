import { GROUP_MEMBERS, NON_LATINO_CELL, RESIDENT_GROUPS } from '../../vocabulary/codes.ts';
import { C, COUNTERS, TRUST_BINS } from './accumulate.ts';

/**
 * What every metric's compute function reads: one group's counters (the disjoint resident groups it
 * covers, added up) and the denominators several metrics share, worked out once.
 */
export interface MetricInputs {
  /** The group's counters, indexed by C. */
  v: Float64Array;
  days: number;
  /** Mean residents over the snapshots, or null with none. */
  residents: number | null;
  /** Person-years aged 12+ (the NCVS population), household-years and resident-years in the period. */
  personYears: number;
  householdYears: number;
  residentYears: number;
  /** The nine trust deciles, or null with no one counted. */
  deciles: number[] | null;
  /** The stop disparity when the group is everyone (it is defined for no smaller group), else null. */
  stopDisparity: number | null;
}

/** Reads one group's inputs from a block of RESIDENT_GROUPS × COUNTERS counters. */
export function metricInputs(block: Float64Array, offset: number, group: number, into: Float64Array = new Float64Array(COUNTERS)): MetricInputs {
  const v = into.fill(0);
  const groups = GROUP_MEMBERS[group];
  for (const g of groups) for (let k = 0; k < COUNTERS; k++) v[k] += block[offset + g * COUNTERS + k];
  // Days and snapshots are the same in every group's block: take them once.
  const days = block[offset + C.days];
  const snapshots = block[offset + C.snapshots];
  const residents = snapshots > 0 ? v[C.residents] / snapshots : null;
  return {
    v,
    days,
    residents,
    personYears: snapshots > 0 ? (v[C.residents12] / snapshots) * (days / 365) : 0,
    householdYears: snapshots > 0 ? (v[C.households] / snapshots) * (days / 365) : 0,
    residentYears: residents !== null ? (residents * days) / 365 : 0,
    deciles: trustDeciles(v),
    stopDisparity: groups.length === RESIDENT_GROUPS ? stopDisparity(block, offset) : null,
  };
}

/** a / b, or null when there is nothing to divide by. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The sum of a counter over some crime types (or charges): slots base + t. */
export function sumOf(v: Float64Array, base: number, types: readonly number[]): number {
  let s = 0;
  for (const t of types) s += v[base + t];
  return s;
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
