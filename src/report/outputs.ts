import { isMetricKey, type RunSummary } from '../engine/index.ts';

/**
 * The outputs sensitivity analyses and calibration reports read by name (below both, so neither
 * imports the other for it). An output named as `j0.latino.after.reportedShare` (jurisdiction, group, period, metric) or
 * `change.j0.latino.reportedShare` (after / before − 1), read from replicate summaries (mean).
 */
export function readOutput(name: string, summaries: RunSummary[]): number | null {
  const change = name.startsWith('change.');
  const parts = (change ? name.slice(7) : name).split('.');
  const j = Number(parts[0].slice(1));
  const group = parts[1] as 'all';
  const values = summaries.map((s) => {
    const g = s.jurisdictions[j]?.groups[group];
    if (!g) return null;
    if (change) {
      const metric = parts.slice(2).join('.');
      if (!isMetricKey(metric)) return null;
      const b = g.before[metric];
      const a = g.after[metric];
      return a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b - 1;
    }
    const metric = parts.slice(3).join('.');
    if (!isMetricKey(metric)) return null;
    const v = g[parts[2] as 'after']?.[metric];
    return v === undefined ? null : v;
  });
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}
