import { CHARGE_FELONY, CHARGE_MISDEMEANOUR, FREE } from '../../vocabulary/codes.ts';
import { pick, poisson } from '../rng.ts';
import type { World } from '../world.ts';
import { arrest } from './custody.ts';

/** Tries to find a free arrestee before giving up on one arrest. */
const TRIES = 8;
/** Arrests at random fall on adults. */
const ADULT = 18;

/**
 * Arrests outside patrol stops and solved crimes (warrants, drink-driving, drugs, disorder), at a rate per
 * resident, a share of them on active offenders. Each is booked or cited by its charge; a booking goes
 * through the immigration check of the model in force: under the Jail Enforcement model this is most of
 * the model's reach.
 */
export function otherArrests(w: World): void {
  const js = w.jurisdictions;
  const o = w.offenders;
  const res = w.residents;
  const p = w.scenario.policing;
  const u = w.rng.arrests;
  const perDay = p.otherArrestsPer1000 / 1000 / 365;
  for (let j = 0; j < js.resCount.length; j++) {
    const n = poisson(u, perDay * js.resCount[j]);
    for (let a = 0; a < n; a++) {
      const offender = u() < p.otherArrestOffenderShare;
      const charge = u() < p.otherArrestFelonyShare ? CHARGE_FELONY : CHARGE_MISDEMEANOUR;
      let who = -1;
      for (let t = 0; t < TRIES && who < 0; t++) {
        if (offender && o.count > 0) {
          const slot = pick(u, o.count);
          const r = o.resident[slot];
          if (o.jur[slot] === j && r >= 0 && res.custody[r] === FREE) who = r;
        } else {
          const r = js.resStart[j] + pick(u, js.resCount[j]);
          if (res.custody[r] === FREE && res.age[r] >= ADULT) who = r;
        }
      }
      if (who >= 0) arrest(w, who, charge, j, false);
    }
  }
}
