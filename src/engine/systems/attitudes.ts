import { GROUP_OF_KIND, KINDS, REMOVED, RESIDENT_GROUPS, UNDOCUMENTED, kindIsMixed, kindStatus } from '../codes.ts';
import { C, COUNTERS, TRUST_BINS } from '../metrics/accumulate.ts';
import { expectedReporting } from '../behaviour.ts';
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

/**
 * The weekly pass over every resident, the only loop that touches everyone. For each resident still in
 * the country:
 * - belief: moves toward the public entanglement level they are exposed to;
 * - targets: trust's falls with belief and the neighbourhood's legal cynicism, fear's rises with belief;
 * - drift: trust and fear move toward their targets by the week's share of the gap (trust falls faster
 *   than it recovers);
 * - social influence: one source a week in turn (the household, then each tie), weighted by the tie's
 *   type and group. Belief moves toward the source's belief; trust and fear move so that the resident's
 *   gap from their own target approaches the source's gap from theirs, so influence spreads changes
 *   without erasing differences between statuses;
 * - snapshot: trust, fear, belief, expected reporting and head counts join the week's metrics, and the
 *   expected reporting of each neighbourhood's groups feeds the offenders' estimates.
 */
export function weeklyAttitudes(w: World): void {
  const res = w.residents;
  const { kind, jur, cell, custody, trust, fear, belief, ties, tiesPer: K, kinTies, age, household, trustAtActivation } = res;
  const hhStart = w.households.start;
  const hhSize = w.households.size;
  const js = w.jurisdictions;
  const tt = js.trustTarget;
  const ft = js.fearTarget;
  const felt = js.feltEntanglement;
  const fearWeight = js.reportFearWeight;
  const cyn = w.cells.cynicism;
  const expSum = w.cells.expectedSum;
  const expCount = w.cells.expectedCount;
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
  const exposure = p.exposure;
  const fearSlope = p.fearSlope;
  const bT = sc.trust.reportingEffect;
  const bF = sc.fear.reportingEffect;
  const bE = sc.entanglement.reportingEffect;
  const T0 = sc.trust.baseline;
  const shift = p.statusShift;
  const table = p.expectedReportingTable;
  const sinceActivation = w.day >= p.activationDay;
  // Weeks counted from the start of burn-in, so the index is never negative.
  const week = Math.floor((w.day + p.burnInDays) / 7);
  const sources = K + 1;
  const block = w.metrics.week;
  for (let r = 0; r < res.count; r++) {
    if (custody[r] === REMOVED) continue;
    const k = kind[r];
    const j = jur[r];
    const i = j * KINDS + k;
    const c = cell[r];
    const latino = k >= 8;
    // This week's source of influence: a tie, or (the last turn) another household member.
    const turn = (week + r) % sources;
    let o = -1;
    let wt = 0;
    if (turn < K) {
      o = ties[r * K + turn];
      wt = turn < kinTies ? 1 : wLocal;
    } else {
      const size = hhSize[household[r]];
      if (size > 1) {
        const start = hhStart[household[r]];
        o = start + ((r - start + 1 + (week % (size - 1))) % size);
        wt = wHousehold;
      }
    }
    if (o >= 0 && custody[o] === REMOVED) o = -1;
    if (o >= 0 && kind[o] >= 8 !== latino) wt *= wCross;

    let e = belief[r] + bu * (exposure[k] * felt[j] - belief[r]);
    if (o >= 0) e += se * wt * (belief[o] - e);
    e = e < 0 ? 0 : e > 1 ? 1 : e;
    const targetT = tt[i] - trustEff * e - cynEff * cyn[c];
    const targetF = ft[i] + fearSlope[k] * e;
    let t = trust[r];
    t += (targetT > t ? regain : loss) * (targetT - t);
    let f = fear[r] + fb * (targetF - fear[r]);
    if (o >= 0) {
      const ko = kind[o];
      const io = jur[o] * KINDS + ko;
      const targetTo = tt[io] - trustEff * belief[o] - cynEff * cyn[cell[o]];
      const targetFo = ft[io] + fearSlope[ko] * belief[o];
      t += st * wt * (trust[o] - targetTo - (t - targetT));
      f += sf * wt * (fear[o] - targetFo - (f - targetF));
    }
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    trust[r] = t;
    fear[r] = f;
    belief[r] = e;

    const x = shift[k & 3] + bT * (t - T0) - bF * fearWeight[j] * f - bE * e;
    const expected = expectedReporting(table, x);
    const ci = c * 2 + (latino ? 1 : 0);
    expSum[ci] += expected;
    expCount[ci] += 1;
    const m = (j * RESIDENT_GROUPS + GROUP_OF_KIND[k]) * COUNTERS;
    block[m + C.trustSum] += t;
    block[m + C.fearSum] += f;
    block[m + C.beliefSum] += e;
    block[m + C.expectedReportingSum] += expected;
    block[m + C.residents] += 1;
    if (age[r] >= 12) block[m + C.residents12] += 1;
    if (r === hhStart[household[r]]) block[m + C.households] += 1;
    if (sinceActivation && t < trustAtActivation[r] - 0.1) block[m + C.trustFell] += 1;
    const bin = Math.floor(t * TRUST_BINS);
    block[m + C.trustHist + (bin < TRUST_BINS ? bin : TRUST_BINS - 1)] += 1;
  }
  addSnapshotToPeriod(w);
}

const SNAPSHOT_COUNTERS: number[] = [C.trustSum, C.fearSum, C.beliefSum, C.expectedReportingSum, C.residents, C.residents12, C.households, C.trustFell, C.snapshots];
for (let b = 0; b < TRUST_BINS; b++) SNAPSHOT_COUNTERS.push(C.trustHist + b);

/** Marks the week's snapshot taken and copies its sums into the current period. */
function addSnapshotToPeriod(w: World): void {
  const m = w.metrics;
  const off = m.currentPeriod * m.week.length;
  for (let b = 0; b < m.week.length; b += COUNTERS) {
    m.week[b + C.snapshots] += 1;
    for (const k of SNAPSHOT_COUNTERS) m.period[off + b + k] += m.week[b + k];
  }
}
