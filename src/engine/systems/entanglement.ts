import type { World } from '../world.ts';
import { pow } from '../portable-math.ts';

/**
 * The public level of perceived entanglement per jurisdiction: how strongly news and talk say that local
 * police work with ICE. It follows what enforcement does. The dose is the visible immigration enforcement
 * there (weighted events per 1,000 residents a year, a moving average): detainers, status questions,
 * immigration arrests and detentions, each weighted 1 when local police take part and `iceAloneWeight`
 * when ICE acts alone. Federal enforcement goes on in every county, so the level is above 0 with no
 * agreement. Coverage grows with the dose along an S-shaped curve (`coverage`). An agreement's announcement
 * adds a pulse that fades; a sanctuary policy's announcement takes one away. The level rises toward its
 * target quickly and falls slowly. Residents feel their own jurisdiction's level mixed with the
 * neighbours' (regional news); their own belief follows it in the weekly pass as far as it concerns them
 * (systems/attitudes.ts). Nothing here reads the activation day except the announcements, so a world with
 * no policy runs the same whatever its activation day.
 */
export function updateEntanglement(w: World): void {
  const js = w.jurisdictions;
  const p = w.params;
  const e = w.scenario.entanglement;
  const J = js.entanglement.length;
  for (let j = 0; j < J; j++) {
    const today = (js.enforcementToday[j] / Math.max(1, js.resCount[j])) * 1000 * 365;
    js.enforcementRate[j] = p.enforcementDecay * js.enforcementRate[j] + (1 - p.enforcementDecay) * today;
    js.enforcementToday[j] = 0;
    if (w.day === p.activationDay) {
      if (p.agreement[j] === 1) js.pulse[j] += e.announcementPulse;
      if (p.sanctuary[j]) js.pulse[j] -= w.scenario.contrasts.sanctuaryAnnouncement;
    }
    js.pulse[j] *= p.pulseDecay;
    const target = Math.min(1, Math.max(0, coverage(js.enforcementRate[j], e.coverageHalfDose, e.coverageSteepness) + js.pulse[j]));
    const level = js.entanglement[j];
    js.entanglement[j] = level + (target > level ? p.entanglementRise : p.entanglementFall) * (target - level);
  }
  // Regional news mixes the two sides of a border: a county beside counties like itself feels its own level.
  for (let j = 0; j < J; j++) {
    let felt = js.entanglement[j];
    let weight = 1;
    if (j > 0) {
      felt += e.spillover * js.entanglement[j - 1];
      weight += e.spillover;
    }
    if (j + 1 < J) {
      felt += e.spillover * js.entanglement[j + 1];
      weight += e.spillover;
    }
    js.feltEntanglement[j] = felt / weight;
  }
}

/**
 * The dose–response of perceived entanglement to visible enforcement, a Hill curve in [0, 1):
 * dose^n ÷ (dose^n + half dose^n). With a steepness n above 1 it is S-shaped: a few arrests a year pass
 * almost unnoticed, a steady stream makes news, and coverage saturates.
 */
export function coverage(dose: number, halfDose: number, steepness: number): number {
  if (dose <= 0) return 0;
  const d = pow(dose, steepness);
  return d / (d + halfDosePower(halfDose, steepness));
}

// half dose^n is the same all run: worked out once, not for every neighbourhood every week.
let lastHalfDose = Number.NaN;
let lastSteepness = Number.NaN;
let lastPower = Number.NaN;
function halfDosePower(halfDose: number, steepness: number): number {
  if (halfDose !== lastHalfDose || steepness !== lastSteepness) {
    lastPower = pow(halfDose, steepness);
    lastHalfDose = halfDose;
    lastSteepness = steepness;
  }
  return lastPower;
}

/**
 * Notes a visible immigration enforcement event against resident r (a detainer, a status question, an
 * immigration arrest or detention) with its weight (1 when local police take part, less when ICE acts
 * alone): it counts toward the jurisdiction's dose and toward r's neighbourhood's, which feeds both the
 * neighbourhood's legal cynicism and what residents there see.
 */
export function noteEnforcement(w: World, r: number, weight: number): void {
  const res = w.residents;
  w.jurisdictions.enforcementToday[res.jur[r]] += weight;
  w.cells.enforcementEvents[res.cell[r]] += weight;
}

/**
 * Weekly, per neighbourhood: the legal-cynicism stock decays slowly and grows with the week's visible
 * enforcement there; the moving average of that enforcement (per 1,000 residents a year) gives what the
 * neighbourhood's own enforcement adds to the public level residents there feel.
 */
export function updateNeighbourhoods(w: World): void {
  const cells = w.cells;
  const gain = w.scenario.trust.cynicismPerEvent;
  const decay = w.params.cynicismWeeklyDecay;
  const d = w.params.enforcementWeeklyDecay;
  const e = w.scenario.entanglement;
  for (let c = 0; c < cells.cynicism.length; c++) {
    const n = cells.count[c];
    const events = cells.enforcementEvents[c];
    const per100 = n > 0 ? (100 * events) / n : 0;
    cells.cynicism[c] = Math.min(1, decay * cells.cynicism[c] + gain * per100);
    cells.enforcementRate[c] = d * cells.enforcementRate[c] + (1 - d) * per100 * 10 * (365 / 7);
    cells.seenLevel[c] = e.neighbourhoodWeight * coverage(cells.enforcementRate[c], e.coverageHalfDose, e.coverageSteepness);
    cells.enforcementEvents[c] = 0;
  }
}
