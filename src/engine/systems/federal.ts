import { FREE, GROUP_OF_KIND } from '../../vocabulary/codes.ts';
import { C, count } from '../metrics/accumulate.ts';
import { pick, poisson } from '../rng.ts';
import type { World } from '../world.ts';
import { enterDetention } from './custody.ts';
import { EV, logEvent } from '../view/event-log.ts';

/**
 * ICE's own at-large arrests of undocumented residents, at the same background rate under every policy:
 * "no agreement" is not zero enforcement. Uses its own stream, untouched by local policy.
 */
export function federalEnforcement(w: World): void {
  const js = w.jurisdictions;
  const u = w.rng.federal;
  const rate = w.scenario.enforcement.federalArrestsPerYear / 365;
  for (let j = 0; j < js.resCount.length; j++) {
    const start = js.undocumentedStart[j];
    const n = js.undocumentedStart[j + 1] - start;
    if (n === 0) continue;
    const arrests = poisson(u, rate * n);
    for (let a = 0; a < arrests; a++) {
      const r = js.undocumented[start + pick(u, n)];
      if (w.residents.custody[r] !== FREE) continue;
      count(w.metrics, j, GROUP_OF_KIND[w.residents.kind[r]], C.federalArrests);
      logEvent(w.events, w.day, EV.federalArrest, r, -1, w.residents.trust[r]);
      enterDetention(w, r, true);
    }
  }
}
