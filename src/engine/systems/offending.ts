import { FREE } from '../codes.ts';
import { neighbourCell } from '../create/geometry.ts';
import { residentInCell } from '../create/population.ts';
import type { World } from '../world.ts';
import { handleCrime } from './justice.ts';

/** Most candidate victims an offender may weigh (the schema allows up to 8). */
const MAX_CANDIDATES = 8;
const candidates = new Int32Array(MAX_CANDIDATES);
const weights = new Float64Array(MAX_CANDIDATES);

/** Victims are residents of at least this age (the NCVS population). */
const MIN_VICTIM_AGE = 12;

/**
 * Offending: each filled offender slot, if its offender is free, commits a crime today with a chance set
 * by the crime rates, the offender's personal rate and the neighbourhood's offending multiplier (its
 * residents' mix of the two groups' multipliers). The victim is chosen by routine-activity logic among a
 * few candidates aged 12 or more met in the neighbourhood, each weighted by the offending multiplier
 * toward their group there (the response to the reporting expected of that group) and protected by
 * guardians at home. So crimes against a group rise as that group's expected reporting falls.
 */
export function offend(w: World): void {
  const o = w.offenders;
  const res = w.residents;
  const u = w.rng.offending;
  const v = w.rng.victims;
  const base = w.params.offenderBasePerDay;
  const roam = w.scenario.crime.roamShare;
  const K = w.scenario.crime.candidatesPerCrime;
  const multiplier = w.cells.offendingMultiplier;
  for (let i = 0; i < o.count; i++) {
    // One draw per slot per day, used or not, keeps the offending stream aligned across scenarios.
    const x = u();
    const home = o.home[i];
    // Most offenders commit no crime on a given day: decide that from the slot's own arrays first, and
    // read the resident's custody (scattered memory) only for the few who would.
    if (home < 0 || x >= base * o.rate[i] * multiplier[home]) continue;
    const r = o.resident[i];
    if (res.custody[r] !== FREE) continue;
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
  const guardianship = w.scenario.crime.guardianshipEffect;
  const multiplier = w.cells.groupMultiplier;
  let total = 0;
  for (let k = 0; k < K; k++) {
    const r = candidates[k];
    let wt = 0;
    if (r !== offender && res.custody[r] === FREE && res.age[r] >= MIN_VICTIM_AGE) {
      wt = multiplier[cell * 2 + (res.kind[r] >= 8 ? 1 : 0)] / (1 + guardianship * presentHouseholdOthers(w, r));
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
 * Weekly: offenders' estimate of how likely each group's victims in each neighbourhood are to report
 * follows the mean expected reporting of that group there at each full snapshot (every fourth week),
 * with the learning half-life; the
 * offending multiplier toward the group follows from the estimate relative to its level on day 0, with
 * the published elasticity (a 10% fall in reporting raises offending by about 7.9%).
 */
export function updateOffendingResponse(w: World): void {
  const cells = w.cells;
  const e = w.scenario.crime.reportingElasticity;
  const learn = w.params.offenderLearning;
  for (let c = 0; c < cells.count.length; c++) {
    const n = cells.count[c];
    if (n === 0) continue;
    for (let g = 0; g < 2; g++) {
      const i = c * 2 + g;
      if (cells.expectedCount[i] > 0) cells.perceived[i] += learn * (cells.expectedSum[i] / cells.expectedCount[i] - cells.perceived[i]);
      cells.expectedSum[i] = 0;
      cells.expectedCount[i] = 0;
      const ratio = cells.perceived[i] / Math.max(1e-6, cells.perceivedRef[i]);
      cells.groupMultiplier[i] = Math.min(10, Math.max(0.1, Math.pow(Math.max(ratio, 1e-3), -e)));
    }
    const latino = cells.latinoCount[c] / n;
    cells.offendingMultiplier[c] = (1 - latino) * cells.groupMultiplier[c * 2] + latino * cells.groupMultiplier[c * 2 + 1];
  }
}

/** Day 0: offenders' current estimates become the reference the offending response is measured from. */
export function fixOffendingReference(w: World): void {
  w.cells.perceivedRef.set(w.cells.perceived);
}
