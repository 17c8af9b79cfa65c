import type { Scenario } from '../../scenario/schema.ts';
import { kindIsLatino, kindStatus } from '../../vocabulary/codes.ts';
import { type Residents, tieOf } from '../world.ts';

/** Whom immigration enforcement targets: Latino residents (profiling) and non-citizens (screening). */
function targeted(kind: number): number {
  return kindIsLatino(kind) || kindStatus(kind) >= 2 ? 1 : 0;
}

/**
 * Each resident's exposure to the public level of perceived entanglement: how far news of police working
 * with ICE concerns them, read from their own network rather than their group. It is the share, among the
 * people they talk with, of those enforcement targets (Latino or non-citizen): themselves (weight 1),
 * their household (the others together weigh `householdInfluence`) and their ties (1 for kin and friends,
 * `localTieInfluence` for neighbourhood ties), as in social influence. So a Latino citizen in a Latino
 * household and network hears it fully, a non-Latino citizen without such ties not at all, and one with a
 * Latino friend in part. Stored in 1/255 units; fixed for the run (ties do not change).
 */
export function assignExposure(s: Scenario, res: Residents, householdSize: (r: number) => number): void {
  const wh = s.community.householdInfluence;
  const wl = s.community.localTieInfluence;
  for (let r = 0; r < res.count; r++) {
    let total = 1;
    let hit = targeted(res.kind[r]);
    const others = householdSize(r) - 1;
    if (others > 0) {
      let n = 0;
      for (let o = r + res.householdNext[r]; o !== r; o += res.householdNext[o]) n += targeted(res.kind[o]);
      total += wh;
      hit += (wh * n) / others;
    }
    for (let k = 0; k < res.tiesPer; k++) {
      const wt = k < res.kinTies ? 1 : wl;
      total += wt;
      hit += wt * targeted(res.kind[tieOf(res, r, k)]);
    }
    res.exposure[r] = Math.round((255 * hit) / total);
  }
}
