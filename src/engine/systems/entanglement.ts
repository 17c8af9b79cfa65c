import { MODEL_NONE } from '../params.ts';
import { modelInForce, policyActive, type World } from '../world.ts';

/**
 * Enforcement rates (per 1,000 Latino residents a year) below this count as this, so the log ratio of a
 * town with almost no enforcement before the agreement stays finite.
 */
const RATE_FLOOR = 1;

/**
 * Perceived entanglement, the public level per jurisdiction: how strongly residents hear that local police
 * work with ICE. Its target is the level an agreement sustains while in force (coverage), plus what is
 * left of the announcement pulse, plus a weight times the log ratio of local immigration enforcement now
 * against its level on the activation day. The level rises toward a higher target quickly and fades
 * toward a lower one slowly (after an agreement ends). A sanctuary policy damps it. Residents feel their
 * own jurisdiction's level plus a share of the neighbours' (regional news); their own belief follows it
 * in the weekly pass (systems/attitudes.ts).
 */
export function updateEntanglement(w: World): void {
  const js = w.jurisdictions;
  const p = w.params;
  const e = w.scenario.entanglement;
  const active = policyActive(w);
  const J = js.entanglement.length;
  for (let j = 0; j < J; j++) {
    const latino = Math.max(1, js.latinoResidents[j]);
    const today = (js.enforcementToday[j] / latino) * 1000 * 365;
    js.enforcementRate[j] = p.enforcementDecay * js.enforcementRate[j] + (1 - p.enforcementDecay) * today;
    js.enforcementToday[j] = 0;
    if (w.day === p.activationDay) {
      js.enforcementBase[j] = js.enforcementRate[j];
      if (p.model[j] !== MODEL_NONE) js.pulse[j] += e.announcementPulse;
    }
    js.pulse[j] *= p.pulseDecay;
    let target = js.pulse[j] + p.inForceLevel[modelInForce(w, j)];
    if (active) {
      const ratio = Math.max(RATE_FLOOR, js.enforcementRate[j]) / Math.max(RATE_FLOOR, js.enforcementBase[j]);
      target += e.enforcementWeight * Math.max(0, Math.log(ratio));
      if (p.sanctuary[j]) target *= 1 - w.scenario.contrasts.sanctuaryFearReduction;
    }
    target = Math.min(1, target);
    const level = js.entanglement[j];
    js.entanglement[j] = level + (target > level ? p.entanglementRise : p.entanglementFall) * (target - level);
  }
  for (let j = 0; j < J; j++) {
    let felt = js.entanglement[j];
    if (j > 0) felt += e.spillover * js.entanglement[j - 1];
    if (j < J - 1) felt += e.spillover * js.entanglement[j + 1];
    js.feltEntanglement[j] = Math.min(1, felt);
    for (let k = 0; k < 16; k++) js.exposureLevel[j * 16 + k] = p.exposure[k] * js.feltEntanglement[j];
    if (js.feltEntanglement[j] > 0) js.beliefStarted = true;
  }
}

/**
 * Notes a local immigration enforcement event against resident r (a detainer lodged, a status question,
 * an immigration arrest): it counts toward the jurisdiction's enforcement rate when r is Latino and toward
 * r's neighbourhood's legal cynicism in any case.
 */
export function noteEnforcement(w: World, r: number): void {
  const res = w.residents;
  if (res.kind[r] >= 8) w.jurisdictions.enforcementToday[res.jur[r]]++;
  w.cells.enforcementEvents[res.cell[r]]++;
}

/** Weekly: each neighbourhood's legal-cynicism stock decays slowly and grows with the week's enforcement there. */
export function updateCynicism(w: World): void {
  const cells = w.cells;
  const gain = w.scenario.trust.cynicismPerEvent;
  const decay = w.params.cynicismWeeklyDecay;
  for (let c = 0; c < cells.cynicism.length; c++) {
    const n = cells.count[c];
    const per100 = n > 0 ? (100 * cells.enforcementEvents[c]) / n : 0;
    cells.cynicism[c] = Math.min(1, decay * cells.cynicism[c] + gain * per100);
    cells.enforcementEvents[c] = 0;
  }
}
