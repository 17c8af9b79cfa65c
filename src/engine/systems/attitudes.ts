import { GROUP_OF_KIND, KINDS, REMOVED, UNDOCUMENTED, kindIsLatino, kindIsMixed, kindStatus } from '../codes.ts';
import { C, COUNTERS } from '../metrics/accumulate.ts';
import { policyActive, type World } from '../world.ts';
import { feltSignal } from './signal.ts';

/**
 * Sets each jurisdiction × kind's trust and fear targets: the baselines, moved by the felt enforcement
 * signal (Latino trust down, fear up) and by trust-building measures.
 */
export function refreshTargets(w: World): void {
  const js = w.jurisdictions;
  const t = w.scenario.trust;
  const f = w.scenario.fear;
  const active = policyActive(w);
  const fearBase = w.params.fearBaseline;
  for (let j = 0; j < js.signalRate.length; j++) {
    const s = feltSignal(w, j);
    const trustBase = t.baseline + (active && w.params.trustBuilding[j] ? w.scenario.contrasts.trustBuildingBaselineGain : 0);
    for (let k = 0; k < KINDS; k++) {
      const latino = kindIsLatino(k);
      const status = kindStatus(k);
      let fear = fearBase[status];
      if (kindIsMixed(k) && status !== UNDOCUMENTED) fear = Math.max(fear, f.baselineMixedHousehold);
      if (status >= 2) fear += f.communityEffectNoncitizen * s;
      else if (latino) fear += f.communityEffectCitizen * s;
      js.trustTarget[j * KINDS + k] = clamp01(trustBase - (latino ? t.communityEffect * s : 0));
      js.fearTarget[j * KINDS + k] = clamp01(fear);
    }
  }
}

/**
 * The weekly pass over every resident, the only loop that touches everyone. For each resident still in
 * the country:
 * - drift: trust and fear move toward their targets by the week's share of the gap, 1 − (1 − d)^7 for a
 *   daily drift d (exact for a target held over the week; shocks between passes apply at once);
 * - social influence: they move toward the trust and fear of one of their ties, taking the ties in turn
 *   week by week (one random read per resident, which keeps a county of millions fast);
 * - snapshot: their trust, fear and head count join the week's metrics.
 */
export function weeklyAttitudes(w: World): void {
  const { kind, jur, custody, trust, fear, ties, tiesPer: K, count } = w.residents;
  const tt = w.jurisdictions.trustTarget;
  const ft = w.jurisdictions.fearTarget;
  const a = 1 - Math.pow(1 - w.params.trustDecay, 7);
  const b = 1 - Math.pow(1 - w.params.fearDecay, 7);
  const st = w.scenario.trust.influencePerWeek;
  const sf = w.scenario.fear.influencePerWeek;
  // Weeks counted from the start of burn-in, so the index is never negative.
  const week = Math.floor((w.day + w.params.burnInDays) / 7);
  const block = w.metrics.week;
  for (let r = 0; r < count; r++) {
    if (custody[r] === REMOVED) continue;
    const i = jur[r] * KINDS + kind[r];
    let t = trust[r] + a * (tt[i] - trust[r]);
    let f = fear[r] + b * (ft[i] - fear[r]);
    if (K > 0) {
      const o = ties[r * K + ((week + r) % K)];
      if (custody[o] !== REMOVED) {
        t += st * (trust[o] - t);
        f += sf * (fear[o] - f);
      }
    }
    trust[r] = t;
    fear[r] = f;
    const m = (jur[r] * 3 + GROUP_OF_KIND[kind[r]]) * COUNTERS;
    block[m + C.trustSum] += t;
    block[m + C.fearSum] += f;
    block[m + C.residents] += 1;
  }
  addSnapshotToPeriod(w);
}

const SNAPSHOT_COUNTERS = [C.trustSum, C.fearSum, C.residents, C.snapshots] as const;

/** Marks the week's snapshot taken and copies its sums into the current period. */
function addSnapshotToPeriod(w: World): void {
  const m = w.metrics;
  const off = m.currentPeriod * m.week.length;
  for (let b = 0; b < m.week.length; b += COUNTERS) {
    m.week[b + C.snapshots] += 1;
    for (const k of SNAPSHOT_COUNTERS) m.period[off + b + k] += m.week[b + k];
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
