import { FREE } from '../codes.ts';
import { neighbourCell } from '../create/geometry.ts';
import { residentInCell } from '../create/population.ts';
import type { World } from '../world.ts';
import { handleCrime } from './justice.ts';

/** Most candidate victims an offender may weigh (the schema allows up to 8). */
const MAX_CANDIDATES = 8;
const candidates = new Int32Array(MAX_CANDIDATES);
const weights = new Float64Array(MAX_CANDIDATES);

/**
 * Offending: each filled offender slot, if its offender is free, commits a crime today with a chance set
 * by the crime rates, the offender's personal rate and the neighbourhood's offending multiplier (the
 * response to expected reporting). The victim is chosen by routine-activity logic among a few candidates
 * met in the neighbourhood: fewer guardians at home and a lower expected chance of reporting make a
 * candidate more attractive.
 */
export function offend(w: World): void {
  const o = w.offenders;
  const res = w.residents;
  const u = w.rng.offending;
  const v = w.rng.victims;
  const base = w.params.offenderBasePerDay;
  const roam = w.scenario.crime.roamShare;
  const K = w.scenario.crime.candidatesPerCrime;
  for (let i = 0; i < o.count; i++) {
    // One draw per slot per day, used or not, keeps the offending stream aligned across scenarios.
    const x = u();
    const r = o.resident[i];
    if (r < 0 || res.custody[r] !== FREE) continue;
    const home = res.cell[r];
    if (x >= base * o.rate[i] * w.cells.offendingMultiplier[home]) continue;
    // Fixed draws per crime: place, type, candidates, choice.
    const roamDraw = v();
    const dirDraw = v();
    const typeDraw = v();
    const cell = roamDraw < roam ? neighbourCell(w.geometry, home, Math.floor(dirDraw * 4)) : home;
    for (let k = 0; k < K; k++) candidates[k] = residentInCell(w.cells, cell, v);
    const victim = chooseVictim(w, r, cell, K, v());
    if (victim < 0) continue;
    let type = 0;
    while (typeDraw >= w.params.typeCumShare[type]) type++;
    handleCrime(w, r, victim, cell, type);
  }
}

function chooseVictim(w: World, offender: number, cell: number, K: number, draw: number): number {
  const res = w.residents;
  const c = w.scenario.crime;
  let total = 0;
  for (let k = 0; k < K; k++) {
    const r = candidates[k];
    let wt = 0;
    if (r !== offender && res.custody[r] === FREE) {
      const guardians = presentHouseholdOthers(w, r);
      const expectReport = w.cells.perceived[cell * 2 + (res.kind[r] >= 8 ? 1 : 0)];
      wt = Math.pow(1 - expectReport, c.victimTargeting) / (1 + c.guardianshipEffect * guardians);
    }
    weights[k] = wt;
    total += wt;
  }
  if (total <= 0) return -1;
  let target = draw * total;
  for (let k = 0; k < K; k++) {
    target -= weights[k];
    if (target < 0 && weights[k] > 0) return candidates[k];
  }
  for (let k = K - 1; k >= 0; k--) if (weights[k] > 0) return candidates[k];
  return -1;
}

function presentHouseholdOthers(w: World, r: number): number {
  const h = w.residents.household[r];
  const start = w.households.start[h];
  let n = 0;
  for (let o = start, end = start + w.households.size[h]; o < end; o++) if (o !== r && w.residents.custody[o] === FREE) n++;
  return n;
}

/**
 * Weekly: each neighbourhood's offending multiplier from the reporting offenders expect there, relative
 * to what they expected at the start, with the published elasticity (a 10% fall in reporting raises
 * offending by about 7.9%).
 */
export function updateOffendingResponse(w: World): void {
  const cells = w.cells;
  const e = w.scenario.crime.reportingElasticity;
  for (let c = 0; c < cells.count.length; c++) {
    const n = cells.count[c];
    if (n === 0) continue;
    const latino = cells.latinoCount[c] / n;
    const expected = (1 - latino) * cells.perceived[c * 2] + latino * cells.perceived[c * 2 + 1];
    const ratio = expected / Math.max(1e-6, cells.perceivedRef[c]);
    cells.offendingMultiplier[c] = Math.min(10, Math.max(0.1, Math.pow(Math.max(ratio, 1e-3), -e)));
  }
}
