import { GROUPS, RESIDENT_GROUPS, type Group } from '../../vocabulary/codes.ts';
import type { World } from '../world.ts';
import { COUNTERS, blockSize } from './accumulate.ts';
import { computeMetrics } from './compute.ts';
import type { MetricValues } from './definitions.ts';

/** Quarters an event study reads around activation: −8 to +8, quarter 0 the first after activation. */
export const EVENT_QUARTERS = 8;
/** A quarter is 13 weeks. */
const QUARTER_WEEKS = 13;

/**
 * Metrics of each quarter around activation, by jurisdiction and group: quarter q (−8 to +8) covers the
 * 13 weeks from the week activation falls in plus 13q. Each is computed from the quarter's summed
 * counters (a share is reported over crimes of the whole quarter, not a mean of weekly shares), and is
 * null for a quarter the run did not simulate whole (before the burn-in ended, or after the last day).
 */
export interface QuarterlySeries {
  /** The quarters, −8 to +8. */
  quarters: number[];
  jurisdictions: { groups: Record<Group, (MetricValues | null)[]> }[];
}

export function quarterlySeries(w: World): QuarterlySeries {
  const m = w.metrics;
  const block = blockSize(m.jurisdictions);
  const sum = new Float64Array(block);
  const activationWeek = Math.floor(w.scenario.run.activationDay / 7);
  const quarters = Array.from({ length: 2 * EVENT_QUARTERS + 1 }, (_, i) => i - EVENT_QUARTERS);
  const jurisdictions = w.scenario.jurisdictions.map(() => ({ groups: {} as Record<Group, (MetricValues | null)[]> }));
  for (const g of GROUPS) for (const jr of jurisdictions) jr.groups[g] = [];
  for (const q of quarters) {
    const first = activationWeek + q * QUARTER_WEEKS;
    const whole = first >= 0 && first + QUARTER_WEEKS <= m.weeksDone;
    if (whole) {
      sum.fill(0);
      for (let week = first; week < first + QUARTER_WEEKS; week++) {
        const at = week * block;
        for (let i = 0; i < block; i++) sum[i] += m.weeks[at + i];
      }
    }
    jurisdictions.forEach((jr, j) => {
      GROUPS.forEach((g, gi) => jr.groups[g].push(whole ? computeMetrics(sum, j * RESIDENT_GROUPS * COUNTERS, gi) : null));
    });
  }
  return { quarters, jurisdictions };
}
