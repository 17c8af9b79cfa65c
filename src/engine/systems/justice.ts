import { FREE, GROUP_OF_KIND } from '../codes.ts';
import { residentInCell } from '../create/population.ts';
import { C, count } from '../metrics/accumulate.ts';
import { policyActive, type World } from '../world.ts';
import { arrestAndBook } from './custody.ts';
import { EV, logEvent } from '../view/event-log.ts';

/**
 * After a crime: the victim reports or not (trust raises the chance, fear of immigration consequences
 * lowers it); offenders learn from the outcome; a reported crime is investigated with the help of the
 * witnesses who cooperate, and a cleared case puts the offender in jail (incapacitation) through booking,
 * where the immigration check of the jurisdiction's policy applies.
 */
export function handleCrime(w: World, offender: number, victim: number, cell: number, type: number): void {
  const res = w.residents;
  const p = w.params;
  const s = w.scenario;
  const j = res.jur[victim];
  const g = GROUP_OF_KIND[res.kind[victim]];
  const latino = res.kind[victim] >= 8 ? 1 : 0;
  count(w.metrics, j, g, C.crimes + type);
  if (res.victimisations[victim] < 255) res.victimisations[victim]++;

  const active = policyActive(w);
  const fearWeight = active && p.trustBuilding[j] ? 1 - s.contrasts.trustBuildingReportingFearReduction : 1;
  const reportP = p.reportingBase[type] * (1 + s.trust.reportingEffect * (res.trust[victim] - s.trust.baseline)) * (1 - s.fear.reportingEffect * res.fear[victim] * fearWeight);
  const reported = w.rng.reporting() < reportP;
  const pi = cell * 2 + latino;
  w.cells.perceived[pi] += s.crime.learningRate * ((reported ? 1 : 0) - w.cells.perceived[pi]);
  if (!reported) {
    logEvent(w.events, w.day, EV.victimUnreported, victim, type, res.trust[victim]);
    return;
  }
  logEvent(w.events, w.day, EV.victimReported, victim, type, res.trust[victim]);
  if (res.reports[victim] < 255) res.reports[victim]++;
  count(w.metrics, j, g, C.reported + type);

  const cooperating = investigate(w, cell);
  const clearP = p.clearanceBase[type] + p.clearancePerWitness[type] * cooperating;
  const cleared = w.rng.clearance() < clearP;
  if (cleared) {
    count(w.metrics, j, g, C.cleared + type);
    res.trust[victim] = Math.min(1, res.trust[victim] + s.trust.clearedGain);
    logEvent(w.events, w.day, EV.caseCleared, victim, type, res.trust[victim]);
    arrestAndBook(w, offender, p.charge[type], w.geometry.cellJur[cell]);
  } else {
    res.trust[victim] = Math.max(0, res.trust[victim] - s.trust.unclearedLoss);
    logEvent(w.events, w.day, EV.caseUnsolved, victim, type, res.trust[victim]);
  }
}

/** Asks the crime's neighbours to help; returns how many cooperate. */
function investigate(w: World, cell: number): number {
  const res = w.residents;
  const s = w.scenario;
  const u = w.rng.cooperation;
  let cooperating = 0;
  for (let k = 0; k < s.policing.witnessesPerCrime; k++) {
    const r = residentInCell(w.cells, cell, u);
    const draw = u();
    if (res.custody[r] !== FREE) continue;
    const p = s.policing.cooperationBase * (1 + s.trust.cooperationEffect * (res.trust[r] - s.trust.baseline)) * (1 - s.fear.cooperationEffect * res.fear[r]);
    const coop = draw < p;
    const g = GROUP_OF_KIND[res.kind[r]];
    count(w.metrics, res.jur[r], g, C.witnessesAsked);
    if (coop) {
      cooperating++;
      count(w.metrics, res.jur[r], g, C.witnessesCooperated);
    }
  }
  return cooperating;
}
