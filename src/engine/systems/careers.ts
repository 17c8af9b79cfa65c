import { recruit } from '../create/offenders.ts';
import type { World } from '../world.ts';

/**
 * Criminal careers: a filled slot's offender desists with a daily chance (mean career length) and is
 * replaced at once by a newly recruited resident; a slot vacated by removal is refilled on its due day.
 * One desistance draw per slot per day keeps the careers stream aligned across scenarios.
 */
export function careers(w: World): void {
  const o = w.offenders;
  const res = w.residents;
  const u = w.rng.careers;
  const p = w.params.desistPerDay;
  const ratio = w.scenario.crime.noncitizenOffendingRatio;
  for (let i = 0; i < o.count; i++) {
    const desists = u() < p;
    const r = o.resident[i];
    if (r >= 0) {
      if (!desists) continue;
      res.offenderSlot[r] = -1;
      recruit(o, i, res, w.jurisdictions, ratio, u);
    } else if (o.vacantUntil[i] >= 0 && o.vacantUntil[i] <= w.day) {
      recruit(o, i, res, w.jurisdictions, ratio, u);
    }
  }
}
