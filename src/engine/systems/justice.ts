import { FREE, GROUP_OF_KIND } from '../../vocabulary/codes.ts';
import { residentInCell } from '../create/population.ts';
import { C, count } from '../metrics/accumulate.ts';
import { cooperationProbability, reportingProbability } from '../behaviour.ts';
import type { World } from '../world.ts';
import { arrest } from './custody.ts';
import { EV, logEvent } from '../view/event-log.ts';

/**
 * After a crime: the victim reports or not (on the log-odds scale: trust raises the chance, fear of
 * immigration consequences and belief that police work with ICE lower it; see behaviour.ts); a reported crime is investigated with the help of the
 * witnesses who cooperate, and a cleared case puts the offender in jail (incapacitation) through booking,
 * where the immigration check of the jurisdiction's policy applies. Returns whether the victim reported it.
 */
export function handleCrime(w: World, offender: number, victim: number, cell: number, type: number): boolean {
  const res = w.residents;
  const p = w.params;
  const s = w.scenario;
  const j = res.jur[victim];
  const g = GROUP_OF_KIND[res.kind[victim]];
  count(w.metrics, j, g, C.crimes + type);
  if (res.victimisations[victim] < 255) res.victimisations[victim]++;

  const reported = w.rng.reporting() < reportingProbability(w, victim, type);
  if (!reported) {
    logEvent(w.events, w.day, EV.victimUnreported, victim, type, res.trust[victim]);
    return false;
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
    arrest(w, offender, p.charge[type], w.geometry.cellJur[cell], false);
  } else {
    res.trust[victim] = Math.max(0, res.trust[victim] - s.trust.unclearedLoss);
    logEvent(w.events, w.day, EV.caseUnsolved, victim, type, res.trust[victim]);
  }
  return true;
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
    const coop = draw < cooperationProbability(w, r);
    const g = GROUP_OF_KIND[res.kind[r]];
    count(w.metrics, res.jur[r], g, C.witnessesAsked);
    if (coop) {
      cooperating++;
      count(w.metrics, res.jur[r], g, C.witnessesCooperated);
    }
  }
  return cooperating;
}
