import { KINDS, UNDOCUMENTED, kindIsMixed, kindStatus } from '../codes.ts';
import { C, COUNTERS, FULL_SNAPSHOT_WEEKS, TRUST_BINS } from '../metrics/accumulate.ts';
import { TABLE_MIN, TABLE_STEPS } from '../behaviour.ts';
import { policyActive, type World } from '../world.ts';


/**
 * Sets each jurisdiction × kind's trust and fear targets at zero belief and zero cynicism (the baselines
 * and trust-building), and how much fear weighs on reporting there (victim-visa outreach lightens it).
 */
export function refreshTargets(w: World): void {
  const js = w.jurisdictions;
  const t = w.scenario.trust;
  const f = w.scenario.fear;
  const active = policyActive(w);
  const fearBase = w.params.fearBaseline;
  for (let j = 0; j < js.entanglement.length; j++) {
    const building = active && w.params.trustBuilding[j] === 1;
    const trustBase = t.baseline + (building ? w.scenario.contrasts.trustBuildingBaselineGain : 0);
    js.reportFearWeight[j] = building ? 1 - w.scenario.contrasts.trustBuildingReportingFearReduction : 1;
    for (let k = 0; k < KINDS; k++) {
      const status = kindStatus(k);
      let fear = fearBase[status];
      if (kindIsMixed(k) && status !== UNDOCUMENTED) fear = Math.max(fear, f.baselineMixedHousehold);
      js.trustTarget[j * KINDS + k] = trustBase;
      js.fearTarget[j * KINDS + k] = fear;
    }
  }
}

/** Weeks counted from the start of burn-in (never negative). */
function weekIndex(w: World): number {
  return Math.floor((w.day + w.params.burnInDays) / 7);
}

/**
 * The weekly pass over every resident, the only loop that touches everyone. For each resident still in
 * the country:
 * - belief: moves toward the public entanglement level they are exposed to;
 * - targets: trust's falls with belief and the neighbourhood's legal cynicism, fear's rises with belief;
 * - drift: trust and fear move toward their targets by the week's share of the gap (trust falls faster
 *   than it recovers);
 * - social influence: one source a week in turn (each tie, then the next member of the household),
 *   weighted by the tie's type and group. Belief moves toward the source's belief; trust and fear move
 *   so that the resident's gap from their own target approaches the source's gap from theirs, so
 *   influence spreads changes without erasing differences between statuses;
 * - snapshot: trust and fear sums join the week's metrics (head counts are kept as residents leave).
 * Every FULL_SNAPSHOT_WEEKS weeks a second loop adds belief, expected reporting, the trust histogram
 * and the share who lost trust, and feeds each neighbourhood's expected reporting by group to the
 * offenders' estimates.
 */
export function weeklyAttitudes(w: World): void {
  const week = weekIndex(w);
  updateResidents(w, week);
  const full = week % FULL_SNAPSHOT_WEEKS === FULL_SNAPSHOT_WEEKS - 1;
  if (full) fullSnapshot(w);
  addSnapshotToPeriod(w, full);
}

/** True when this week's pass takes a full snapshot (and offenders update their estimates). */
export function isFullSnapshotWeek(w: World): boolean {
  return weekIndex(w) % FULL_SNAPSHOT_WEEKS === FULL_SNAPSHOT_WEEKS - 1;
}

/** Belief, drift and influence for every resident, and the week's trust and fear sums. */
function updateResidents(w: World, week: number): void {
  const res = w.residents;
  const { jurKind, custody, trust, fear, belief, ties, tiesPer: K, kinTies, cell, household, trustGap, fearGap } = res;
  const hhStart = w.households.start;
  const hhSize = w.households.size;
  const js = w.jurisdictions;
  const tt = js.trustTarget;
  const ft = js.fearTarget;
  const exposure = js.exposureLevel;
  const cyn = w.cells.cynicism;
  const p = w.params;
  const sc = w.scenario;
  const regain = 1 - Math.pow(1 - p.trustRegain, 7);
  const loss = 1 - Math.pow(1 - p.trustLoss, 7);
  const fb = 1 - Math.pow(1 - p.fearDecay, 7);
  const st = sc.trust.influencePerWeek;
  const sf = sc.fear.influencePerWeek;
  const se = sc.entanglement.influencePerWeek;
  const bu = sc.entanglement.beliefUpdatePerWeek;
  const trustEff = sc.entanglement.trustEffect;
  const cynEff = sc.trust.cynicismEffect;
  const wHousehold = sc.community.householdInfluence;
  const wLocal = sc.community.localTieInfluence;
  const wCross = sc.community.crossGroupInfluence;
  const fearSlope = p.fearSlopeByJurKind;
  const groupOf = p.groupOfJurKind;
  const stride = COUNTERS;
  const cTrust = C.trustSum;
  const cFear = C.fearSum;
  const block = w.metrics.week;
  const removed = 5;
  const sources = K + 1;
  let turn = week % sources;
  for (let r = 0, n = res.count; r < n; r++, turn = turn + 1 === sources ? 0 : turn + 1) {
    if (custody[r] === removed) continue;
    const i = jurKind[r];
    // This week's source of influence: a tie, or (the last turn) the next member of the household.
    let o = -1;
    let wt = 0;
    if (turn < K) {
      o = ties[r * K + turn];
      wt = turn < kinTies ? 1 : wLocal;
    } else {
      const h = household[r];
      if (hhSize[h] > 1) {
        o = r + 1 < hhStart[h] + hhSize[h] ? r + 1 : hhStart[h];
        wt = wHousehold;
      }
    }
    let e = belief[r];
    e += bu * (exposure[i] - e);
    if (o >= 0) {
      if (custody[o] === removed) o = -1;
      else {
        if ((jurKind[o] & 8) !== (i & 8)) wt *= wCross;
        e += se * wt * (belief[o] - e);
      }
    }
    e = e < 0 ? 0 : e > 1 ? 1 : e;
    const targetT = tt[i] - trustEff * e - cynEff * cyn[cell[r]];
    const targetF = ft[i] + fearSlope[i] * e;
    let t = trust[r];
    // Toward the target at the loss rate, and at the regain rate when rising (without a branch).
    const gap = targetT - t;
    t += loss * gap + (regain - loss) * Math.max(gap, 0);
    let f = fear[r];
    f += fb * (targetF - f);
    // The source's gaps from its targets as of its own last pass (this week or last).
    if (o >= 0) {
      t += st * wt * (trustGap[o] - (t - targetT));
      f += sf * wt * (fearGap[o] - (f - targetF));
    }
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    trust[r] = t;
    fear[r] = f;
    belief[r] = e;
    trustGap[r] = t - targetT;
    fearGap[r] = f - targetF;
    const m = groupOf[i] * stride;
    block[m + cTrust] += t;
    block[m + cFear] += f;
  }
}

/**
 * The slower statistics, for every resident still in the country: belief, expected (noise-free)
 * reporting, the trust histogram and who lost more than 0.1 trust since activation; and each
 * neighbourhood's expected reporting by ethnicity for the offenders' estimates.
 */
function fullSnapshot(w: World): void {
  const res = w.residents;
  const { jurKind, custody, trust, fear, belief, cell, trustAtActivation } = res;
  const p = w.params;
  const sc = w.scenario;
  const fearWeight = w.jurisdictions.reportFearWeight;
  const expSum = w.cells.expectedSum;
  const expCount = w.cells.expectedCount;
  const groupOf = p.groupOfJurKind;
  const bT = sc.trust.reportingEffect;
  const bF = sc.fear.reportingEffect;
  const bE = sc.entanglement.reportingEffect;
  const T0 = sc.trust.baseline;
  const shift = p.statusShift;
  const table = p.expectedReportingTable;
  const tableLast = table.length - 1;
  const sinceActivation = w.day >= p.activationDay;
  const block = w.metrics.week;
  for (let r = 0, n = res.count; r < n; r++) {
    if (custody[r] === 5) continue;
    const i = jurKind[r];
    const t = trust[r];
    const e = belief[r];
    const x = shift[i & 3] + bT * (t - T0) - bF * fearWeight[i >> 4] * fear[r] - bE * e;
    // The table lookup of behaviour.ts `expectedReporting`, inlined.
    let pos = (x - TABLE_MIN) * TABLE_STEPS;
    pos = pos > 0 ? (pos < tableLast ? pos : tableLast) : 0;
    const i0 = pos | 0;
    const expected = i0 < tableLast ? table[i0] + (pos - i0) * (table[i0 + 1] - table[i0]) : table[tableLast];
    const ci = cell[r] * 2 + ((i >> 3) & 1);
    expSum[ci] += expected;
    expCount[ci] += 1;
    const m = groupOf[i] * COUNTERS;
    block[m + C.beliefSum] += e;
    block[m + C.expectedReportingSum] += expected;
    block[m + C.fullResidents] += 1;
    if (sinceActivation && t < trustAtActivation[r] - 0.1) block[m + C.trustFell] += 1;
    const bin = (t * TRUST_BINS) | 0;
    block[m + C.trustHist + (bin < TRUST_BINS ? bin : TRUST_BINS - 1)] += 1;
  }
}

const SNAPSHOT_COUNTERS: number[] = [C.trustSum, C.fearSum, C.residents, C.residents12, C.households, C.snapshots];
const FULL_COUNTERS: number[] = [C.beliefSum, C.expectedReportingSum, C.fullResidents, C.trustFell, C.fullSnapshots];
for (let b = 0; b < TRUST_BINS; b++) FULL_COUNTERS.push(C.trustHist + b);

/**
 * Adds the head counts of residents in the country (kept as residents leave), marks the week's snapshot
 * taken, and copies its sums into the current period.
 */
function addSnapshotToPeriod(w: World, full: boolean): void {
  const m = w.metrics;
  const present = w.jurisdictions.present;
  const off = m.currentPeriod * m.week.length;
  for (let g = 0, b = 0; b < m.week.length; g++, b += COUNTERS) {
    m.week[b + C.residents] += present[g * 3];
    m.week[b + C.residents12] += present[g * 3 + 1];
    m.week[b + C.households] += present[g * 3 + 2];
    m.week[b + C.snapshots] += 1;
    for (const k of SNAPSHOT_COUNTERS) m.period[off + b + k] += m.week[b + k];
    if (!full) continue;
    m.week[b + C.fullSnapshots] += 1;
    for (const k of FULL_COUNTERS) m.period[off + b + k] += m.week[b + k];
  }
}
