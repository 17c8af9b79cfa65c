import type { ReplicateResult } from '../engine/index.ts';

/** A weekly series across replicates: median and a central band (5th to 95th percentile: 90%). */
export interface Band {
  x: number[];
  lo: (number | null)[];
  mid: (number | null)[];
  hi: (number | null)[];
}

/** Quantile q of sorted values, linearly interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
}

/**
 * The median and 90% band of one weekly metric over replicates, optionally smoothed first with a
 * rolling mean of `smooth` weeks in each replicate.
 */
export function weeklyBand(results: readonly ReplicateResult[], jurisdiction: number, group: string, metric: string, smooth = 1): Band {
  const series = results.map((r) => rollingMean((r.weekly?.jurisdictions[jurisdiction]?.groups[group as 'all']?.[metric] ?? []) as (number | null)[], smooth));
  const weeks = Math.max(0, ...series.map((s) => s.length));
  const x = (results[0]?.weekly?.startDay ?? []).slice(0, weeks).map((d) => d + 3.5);
  const lo: (number | null)[] = [];
  const mid: (number | null)[] = [];
  const hi: (number | null)[] = [];
  for (let w = 0; w < weeks; w++) {
    const v = series
      .map((s) => s[w])
      .filter((y): y is number => y !== null && y !== undefined && Number.isFinite(y))
      .sort((a, b) => a - b);
    lo.push(v.length ? quantile(v, 0.05) : null);
    mid.push(v.length ? quantile(v, 0.5) : null);
    hi.push(v.length ? quantile(v, 0.95) : null);
  }
  return { x, lo, mid, hi };
}

/** Rolling mean over `k` weeks, skipping weeks where the value is undefined (shared with the live charts). */
export function rollingMean(values: readonly (number | null)[], k: number): (number | null)[] {
  if (k <= 1) return values.slice();
  return values.map((_, i) => {
    let s = 0;
    let n = 0;
    for (let j = Math.max(0, i - k + 1); j <= i; j++) {
      const v = values[j];
      if (v !== null && Number.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n ? s / n : null;
  });
}

/** A band with every value multiplied by `k` (levels shown out of 100). */
export function scaleBand(b: Band, k: number): Band {
  if (k === 1) return b;
  const f = (v: number | null) => (v === null ? null : v * k);
  return { x: b.x, lo: b.lo.map(f), mid: b.mid.map(f), hi: b.hi.map(f) };
}
