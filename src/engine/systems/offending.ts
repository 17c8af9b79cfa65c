import { FREE, kindIsLatino } from '../../vocabulary/codes.ts';
import { neighbourCell } from '../create/geometry.ts';
import { residentInCell } from '../create/population.ts';
import type { World } from '../world.ts';
import { handleCrime } from './justice.ts';
import { pow } from '../portable-math.ts';

/** Most candidate victims an offender may weigh (the schema allows up to 8). */
const MAX_CANDIDATES = 8;
const candidates = new Int32Array(MAX_CANDIDATES);
const weights = new Float64Array(MAX_CANDIDATES);

/** Victims are residents of at least this age (the NCVS population). */
const MIN_VICTIM_AGE = 12;

/**
 * Offenders meet opportunities at this many times the base rate, and go through with one with a chance
 * of (learned reporting / reference)^(−elasticity) ÷ this number: so the chance of going through can rise
 * up to this many times its reference level (a victim group whose learned reporting falls to a quarter of
 * the reference at the published elasticity) before it is capped at 1.
 */
export const OFFENDING_HEADROOM = 3;

/**
 * Offending, in the order of routine activity theory. Each day each filled offender slot whose offender is
 * free meets an opportunity with a chance set by the crime rates, the offender's personal rate and the
 * headroom. The place is home or, with the roam share, a neighbouring neighbourhood (possibly across the
 * border); the offender meets a few residents aged 12 or more there and chooses one, the less guarded
 * (fewer household members at home) more often. Only then does the offender decide whether to go through
 * with it: with a chance that falls with how likely offenders have learned a crime against that victim's
 * ethnicity in that neighbourhood is to be reported (the realised elasticity of offending against a
 * victim with respect to that victim's reporting is the published 0.79). Nothing else in the choice
 * depends on reporting, so when one group's reporting falls, crimes against that group rise and crimes
 * against everyone else do not.
 */
export function offend(w: World): void {
  const o = w.offenders;
  const res = w.residents;
  const u = w.rng.offending;
  const v = w.rng.victims;
  const base = w.params.offenderBasePerDay * OFFENDING_HEADROOM;
  const roam = w.scenario.crime.roamShare;
  const K = w.scenario.crime.candidatesPerCrime;
  const completion = w.cells.completion;
  for (let i = 0; i < o.count; i++) {
    // One draw per slot per day, used or not, keeps the offending stream aligned across scenarios.
    const x = u();
    const home = o.home[i];
    const chance = base * o.rate[i];
    // Most offenders meet no opportunity on a given day: decide that from the slot's own arrays first, and
    // read the resident's custody (scattered memory) only for the few who would.
    if (home < 0 || x >= chance) continue;
    const r = o.resident[i];
    if (res.custody[r] !== FREE) continue;
    // Fixed draws per opportunity: place, type, candidates, choice.
    const roamDraw = v();
    const dirDraw = v();
    const typeDraw = v();
    const cell = roamDraw < roam ? neighbourCell(w.geometry, home, Math.floor(dirDraw * 4)) : home;
    for (let k = 0; k < K; k++) candidates[k] = residentInCell(w.cells, cell, v);
    const victim = chooseVictim(w, r, K, v());
    if (victim < 0) continue;
    const g = cell * 2 + (kindIsLatino(res.kind[victim]) ? 1 : 0);
    // Given an opportunity, x / chance is uniform on [0, 1): the same draw decides whether the offender goes through.
    if (x >= chance * completion[g]) continue;
    let type = 0;
    while (typeDraw >= w.params.typeCumShare[type]) type++;
    const reported = handleCrime(w, r, victim, cell, type);
    // Offenders see what became of the crime: it joins what they remember of this group here and in the county.
    w.cells.seenCrimes[g] += 1;
    const jg = w.geometry.cellJur[cell] * 2 + (g & 1);
    w.jurisdictions.seenCrimes[jg] += 1;
    if (reported) {
      w.cells.seenReported[g] += 1;
      w.jurisdictions.seenReported[jg] += 1;
    }
  }
}

/** One of the K candidates, weighted by guardianship alone; -1 when none is a free resident aged 12 or more other than the offender. */
function chooseVictim(w: World, offender: number, K: number, draw: number): number {
  const res = w.residents;
  const guardianship = w.scenario.crime.guardianshipEffect;
  let total = 0;
  for (let k = 0; k < K; k++) {
    const r = candidates[k];
    let wt = 0;
    if (r !== offender && res.custody[r] === FREE && res.age[r] >= MIN_VICTIM_AGE) wt = 1 / (1 + guardianship * presentHouseholdOthers(w, r));
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
 * Weekly: offenders' learned chance that a crime against each ethnicity in each neighbourhood is
 * reported, from what they remember seeing. The county's is its remembered reports over its remembered
 * crimes; a neighbourhood's is its own remembered reports with `placeLearningCrimes` crimes' worth of the
 * county's added, so a place where few crimes were seen leans on the county. From it, the chance of going
 * through with a crime against such a victim: (learned / reference)^(−elasticity), over the headroom,
 * capped at 1. Then every memory fades by the week's share of the learning half-life, so after reporting
 * recovers, what offenders learned follows it at that speed.
 */
export function updateOffenderLearning(w: World): void {
  learnFromMemory(w);
  fadeMemory(w);
}

/** Offenders' learned chances and the chances of going through with a crime, from what they remember now. */
export function learnFromMemory(w: World): void {
  const cells = w.cells;
  const js = w.jurisdictions;
  const e = w.scenario.crime.reportingElasticity;
  const k = w.scenario.crime.placeLearningCrimes;
  const ref = w.params.referenceReporting;
  const county = COUNTY;
  for (let i = 0; i < js.seenCrimes.length; i++) county[i] = js.seenCrimes[i] > 0 ? js.seenReported[i] / js.seenCrimes[i] : ref;
  const cellJur = w.geometry.cellJur;
  for (let c = 0; c < cells.count.length; c++) {
    for (let g = 0; g < 2; g++) {
      const i = c * 2 + g;
      const prior = county[cellJur[c] * 2 + g];
      const n = cells.seenCrimes[i];
      const learned = n + k > 0 ? (cells.seenReported[i] + k * prior) / (n + k) : prior;
      cells.perceived[i] = learned;
      cells.completion[i] = completionChance(learned, ref, e);
    }
  }
}

/** Every remembered crime and report fades by the week's share of the learning half-life. */
function fadeMemory(w: World): void {
  const d = w.params.offenderMemoryWeekly;
  fade(w.cells.seenCrimes, d);
  fade(w.cells.seenReported, d);
  fade(w.jurisdictions.seenCrimes, d);
  fade(w.jurisdictions.seenReported, d);
}

function fade(a: Float64Array, d: number): void {
  for (let i = 0; i < a.length; i++) a[i] *= d;
}

/** Scratch space for the county estimates (at most 8 jurisdictions × 2 ethnicities). */
const COUNTY = new Float64Array(16);

/** The chance of going through with a crime, over the headroom: (learned / reference)^(−elasticity) / headroom, at most 1. */
export function completionChance(learned: number, reference: number, elasticity: number): number {
  // A world where no crime type is ever reported (every reporting base 0) gives offenders nothing to learn:
  // they go through at the reference rate.
  if (!(reference > 0)) return 1 / OFFENDING_HEADROOM;
  const ratio = Math.max(learned, 1e-4) / reference;
  return Math.min(1, pow(ratio, -elasticity) / OFFENDING_HEADROOM);
}
