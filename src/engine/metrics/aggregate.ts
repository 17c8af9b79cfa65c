import { GROUPS, PERIODS, type Group, type Period } from '../../vocabulary/codes.ts';
import type { MetricKey, MetricValues } from './definitions.ts';
import type { JurisdictionResult, RunSummary, WeeklySeries } from './summary.ts';

/** A metric over replicates: the mean and a 95% confidence interval of the mean (t distribution). */
export interface Estimate {
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** Replicates in which the metric was defined. */
  n: number;
}
export type MetricEstimates = Record<MetricKey, Estimate>;

/** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Mean and 95% interval of the defined values; with one value the interval is that value. */
export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const n = xs.length;
  if (n === 0) return { mean: null, lo: null, hi: null, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, lo: mean, hi: mean, n };
  const variance = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1);
  const t = n - 1 <= T95.length ? T95[n - 2] : 1.96 + 2.4 / (n - 1);
  const half = t * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** Combines replicate summaries of the same scenario metric by metric. */
export function aggregateSummaries(runs: readonly RunSummary[]): JurisdictionResult<MetricEstimates>[] {
  return runs[0].jurisdictions.map((first, j) => {
    const groups = {} as Record<Group, Record<Period, MetricEstimates>>;
    for (const g of GROUPS) {
      groups[g] = {} as Record<Period, MetricEstimates>;
      for (const p of PERIODS) {
        const out: Partial<MetricEstimates> = {};
        for (const key of Object.keys(first.groups[g][p]) as MetricKey[]) out[key] = estimate(runs.map((r) => r.jurisdictions[j].groups[g][p][key]));
        groups[g][p] = out as MetricEstimates;
      }
    }
    const { name, model, sanctuary, trustBuilding } = first;
    return { name, model, sanctuary, trustBuilding, groups };
  });
}

/** Mean of weekly series over replicates, point by point (null where no replicate defines it). */
export function averageWeekly(series: readonly WeeklySeries[]): WeeklySeries {
  const first = series[0];
  return {
    weeks: first.weeks,
    startDay: first.startDay,
    jurisdictions: first.jurisdictions.map((jr, j) => {
      const groups = {} as Record<Group, Record<string, (number | null)[]>>;
      for (const g of GROUPS) {
        groups[g] = {};
        for (const key of Object.keys(jr.groups[g])) {
          groups[g][key] = jr.groups[g][key].map((_, week) => estimate(series.map((s) => s.jurisdictions[j].groups[g][key][week])).mean);
        }
      }
      return { name: jr.name, groups };
    }),
  };
}

export type { MetricValues };
