import type { Scenario } from '../../scenario/schema.ts';
import { FREE, kindIsNoncitizen } from '../../vocabulary/codes.ts';
import { exponential, pick, type Uniform } from '../rng.ts';
import type { JurisdictionState, Offenders, Residents } from '../world.ts';

/** Offenders are recruited among residents of at least this age. */
const MIN_OFFENDER_AGE = 14;

/** Offender slots per jurisdiction, each filled by a recruited resident at the start. */
export function createOffenders(s: Scenario, res: Residents, js: JurisdictionState, u: Uniform): Offenders {
  const counts = s.jurisdictions.map((j) => Math.round(s.crime.offenderShare * j.residents));
  const total = counts.reduce((a, b) => a + b, 0);
  const o: Offenders = {
    count: total,
    resident: new Int32Array(total).fill(-1),
    home: new Int32Array(total).fill(-1),
    rate: new Float32Array(total),
    vacantUntil: new Int32Array(total).fill(-1),
    jur: new Uint8Array(total),
  };
  let i = 0;
  counts.forEach((n, j) => {
    for (let k = 0; k < n; k++, i++) {
      o.jur[i] = j;
      recruit(o, i, res, js, s.crime.noncitizenOffendingRatio, u);
    }
  });
  return o;
}

/**
 * Fills slot i with a free resident of its jurisdiction, aged 14 or more, who is not already an offender, with non-citizens
 * accepted in proportion to their relative offending. Leaves the slot vacant if no one is found quickly.
 * Always makes the same number of draws, so the careers stream stays aligned across scenarios.
 */
export function recruit(o: Offenders, i: number, res: Residents, js: JurisdictionState, noncitizenRatio: number, u: Uniform): void {
  const j = o.jur[i];
  const top = Math.max(1, noncitizenRatio);
  let chosen = -1;
  for (let tries = 0; tries < 16; tries++) {
    const r = js.resStart[j] + pick(u, js.resCount[j]);
    const weight = kindIsNoncitizen(res.kind[r]) ? noncitizenRatio : 1;
    const accept = u() < weight / top;
    if (chosen < 0 && accept && res.custody[r] === FREE && res.offenderSlot[r] < 0 && res.age[r] >= MIN_OFFENDER_AGE) chosen = r;
  }
  const rate = exponential(u, 1);
  o.resident[i] = chosen;
  o.home[i] = chosen >= 0 ? res.cell[chosen] : -1;
  // A slot no one could fill tries again the next day.
  o.vacantUntil[i] = chosen >= 0 ? -1 : 0;
  o.rate[i] = rate;
  if (chosen >= 0) res.offenderSlot[chosen] = i;
}

/** Empties slot i (its offender removed or gone); a replacement comes after a delay. */
export function vacate(o: Offenders, i: number, res: Residents, day: number, replacementDays: number, u: Uniform): void {
  const r = o.resident[i];
  if (r >= 0) res.offenderSlot[r] = -1;
  o.resident[i] = -1;
  o.home[i] = -1;
  o.vacantUntil[i] = day + Math.max(1, Math.round(exponential(u, replacementDays)));
}
