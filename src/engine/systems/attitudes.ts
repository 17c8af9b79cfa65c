import { KINDS, UNDOCUMENTED, kindIsMixed, kindStatus, jurKindKind, jurKindJurisdiction, jurKindsCrossGroup, jurKindOf } from '../../vocabulary/codes.ts';
import { C, COUNTERS, FULL_SNAPSHOT_WEEKS, TRUST_BINS } from '../metrics/accumulate.ts';
import { expectedReporting, reportingShift } from '../behaviour.ts';
import { BELIEF_SCALE, GONE, policyActive, type World } from '../world.ts';
import { pow } from '../portable-math.ts';

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
      js.trustTarget[jurKindOf(j, k)] = trustBase;
      js.fearTarget[jurKindOf(j, k)] = fear;
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
 * - belief: moves toward the public entanglement level felt in their neighbourhood (their jurisdiction's,
 *   the neighbours' spillover, and what the neighbourhood's own enforcement adds) times their exposure
 *   (how far it concerns them, from their household and ties);
 * - targets: trust's falls with belief and the neighbourhood's legal cynicism, fear's rises with belief;
 * - drift: trust and fear move toward their targets by the week's share of the gap (trust falls faster
 *   than it recovers);
 * - social influence: one source a week, the same channel for everyone in turn (each tie slot, then the
 *   next member of the household), weighted by the tie's type and group. Belief moves toward the
 *   source's belief; trust and fear move so that the resident's gap from their own target approaches the
 *   source's gap from theirs, so influence spreads changes without erasing differences between statuses;
 * - snapshot: trust and fear sums join the week's metrics (head counts are kept as residents leave).
 * Every FULL_SNAPSHOT_WEEKS weeks the same loop also adds belief, expected reporting (the one reporting
 * equation of behaviour.ts over the crime mix), the trust histogram and the share who lost trust.
 *
 * It walks the neighbourhoods in turn (their residents have consecutive ids) and reads only what it
 * needs, slot by slot: this loop is the engine's bottleneck at county scale, and memory traffic is
 * most of its cost.
 */
export function weeklyAttitudes(w: World): void {
  const week = weekIndex(w);
  const full = week % FULL_SNAPSHOT_WEEKS === FULL_SNAPSHOT_WEEKS - 1;
  passOverResidents(w, week, full);
  addSnapshotToPeriod(w, full);
}

function passOverResidents(w: World, week: number, full: boolean): void {
  const res = w.residents;
  const { jurKind, trust, fear, belief, exposure, ties, tiesPer: K, kinTies, householdNext, cell, trustAtActivation } = res;
  const n = res.count;
  const { trustTarget: tt, fearTarget: ft, feltEntanglement: felt, reportFearWeight: fearWeight } = w.jurisdictions;
  const cells = w.cells;
  const { cynicism: cyn, seenLevel: seen } = cells;
  const p = w.params;
  const sc = w.scenario;
  const regain = 1 - pow(1 - p.trustRegain, 7);
  const loss = 1 - pow(1 - p.trustLoss, 7);
  const fb = 1 - pow(1 - p.fearDecay, 7);
  const se = sc.entanglement.influencePerWeek;
  const bu = sc.entanglement.beliefUpdatePerWeek;
  const trustEff = sc.entanglement.trustEffect;
  const cynEff = sc.trust.cynicismEffect;
  const fearSlope = p.fearSlopeByJurKind;
  const groupOf = p.groupOfJurKind;
  const block = w.metrics.week;
  const toBelief = 1 / BELIEF_SCALE;
  const toExposure = 1 / 255;
  const cellJur = w.geometry.cellJur;
  // This week's channel: tie slot `turn`, or the household when turn === K.
  const turn = week % (K + 1);
  const household = turn === K;
  const kin = turn < kinTies;
  const slot = household ? 0 : turn * n;
  const weight = household ? sc.community.householdInfluence : kin ? 1 : sc.community.localTieInfluence;
  const st = sc.trust.influencePerWeek * weight;
  const sf = sc.fear.influencePerWeek * weight;
  const crossTable = CROSS;
  crossTable[1] = sc.community.crossGroupInfluence;
  const hasSource = K > 0 || household;
  // Full snapshots only.
  const coefficients = p.reporting;
  const table = p.expectedReportingTable;
  const sinceActivation = w.day >= p.activationDay;
  // Counter slots as locals: this loop is the engine's hot loop.
  const { trustSum: cTrust, fearSum: cFear, beliefSum: cBelief, expectedReportingSum: cExpected, trustFell: cFell, trustHist: cHist } = C;
  const bins = TRUST_BINS;
  const lastBin = TRUST_BINS - 1;
  const stride = COUNTERS;
  for (let c = 0, nCells = cells.count.length; c < nCells; c++) {
    const cynHere = cynEff * cyn[c];
    const levelHere = Math.min(1, felt[cellJur[c]] + seen[c]) * toExposure;
    const first = cells.start[c];
    const end = first + cells.count[c];
    for (let r = first; r < end; r++) {
      const i = jurKind[r];
      if (i === GONE) continue;
      let o = -1;
      if (hasSource) o = household ? (householdNext[r] !== 0 ? r + householdNext[r] : -1) : ties[slot + r];
      let io = GONE;
      if (o >= 0) io = jurKind[o];
      // 1 for a source of the resident's own group, crossGroupInfluence otherwise (a lookup, not a branch).
      const cross = crossTable[jurKindsCrossGroup(io, i)];
      let e = belief[r] * toBelief;
      e += bu * (exposure[r] * levelHere - e);
      let eo = 0;
      if (io !== GONE) {
        eo = belief[o] * toBelief;
        e += se * weight * cross * (eo - e);
      }
      e = e < 0 ? 0 : e > 1 ? 1 : e;
      // Stored rounded to 1 / BELIEF_SCALE; e carries on unrounded this week.
      belief[r] = (e * BELIEF_SCALE + 0.5) | 0;
      const targetT = tt[i] - trustEff * e - cynHere;
      const targetF = ft[i] + fearSlope[i] * e;
      let t = trust[r];
      // Toward the target at the loss rate, and at the regain rate when rising.
      const gap = targetT - t;
      // (gap + |gap|) / 2 is max(gap, 0) exactly, without a branch the processor cannot predict.
      t += loss * gap + (regain - loss) * ((gap + Math.abs(gap)) * 0.5);
      let f = fear[r];
      f += fb * (targetF - f);
      if (io !== GONE) {
        // The source's gaps from its own targets (its neighbourhood's cynicism: a kin tie may live elsewhere).
        const cynThere = kin ? cynEff * cyn[cell[o]] : cynHere;
        t += st * cross * (trust[o] - (tt[io] - trustEff * eo - cynThere) - (t - targetT));
        f += sf * cross * (fear[o] - (ft[io] + fearSlope[io] * eo) - (f - targetF));
      }
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      f = f < 0 ? 0 : f > 1 ? 1 : f;
      trust[r] = t;
      fear[r] = f;
      const m = groupOf[i] * stride;
      block[m + cTrust] += t;
      block[m + cFear] += f;
      if (!full) continue;
      const expected = expectedReporting(table, reportingShift(coefficients, jurKindKind(i), t, f, fearWeight[jurKindJurisdiction(i)], e));
      block[m + cBelief] += e;
      block[m + cExpected] += expected;
      if (sinceActivation && t < trustAtActivation[r] - 0.1) block[m + cFell] += 1;
      const bin = (t * bins) | 0;
      block[m + cHist + (bin < bins ? bin : lastBin)] += 1;
    }
  }
}

/** Influence weight by whether the source is of another group (index 1 set each week). */
const CROSS = new Float64Array([1, 1]);

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
    // Everyone in the country is in the full snapshot: its head count is the week's.
    m.week[b + C.fullResidents] += present[g * 3];
    m.week[b + C.fullSnapshots] += 1;
    for (const k of FULL_COUNTERS) m.period[off + b + k] += m.week[b + k];
  }
}
