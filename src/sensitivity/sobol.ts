import { stream } from '../engine/rng.ts';

/**
 * Sobol' variance-based sensitivity indices with Saltelli's sampling: two independent N × k matrices A
 * and B of points in the unit box, and for each parameter i the matrix A with column i taken from B
 * (ABᵢ). The model runs at N(k + 2) points. First-order index Sᵢ (the share of the output's variance
 * that parameter i explains alone) by Saltelli et al. (2010), total index STᵢ (alone and in every
 * interaction) by Jansen (1999); 95% intervals by bootstrap over the N rows.
 */
export interface SobolDesign {
  k: number;
  n: number;
  /** Every point to run: A's rows, then B's, then AB₀'s, …, AB_{k−1}'s. */
  points: number[][];
}

export function sobolDesign(k: number, n: number, seed: number): SobolDesign {
  const u = stream(seed, 0, 'sensitivity/sobol');
  const a = Array.from({ length: n }, () => Array.from({ length: k }, () => u()));
  const b = Array.from({ length: n }, () => Array.from({ length: k }, () => u()));
  const points = [...a, ...b];
  for (let i = 0; i < k; i++) for (let r = 0; r < n; r++) points.push(a[r].map((v, j) => (j === i ? b[r][i] : v)));
  return { k, n, points };
}

/** An index with its bootstrap 95% interval. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

export interface SobolIndex {
  param: number;
  first: Interval;
  total: Interval;
}

/**
 * Sᵢ and STᵢ for each parameter from the outputs at the design's points (in its order). Rows whose
 * output is undefined at any of their k + 2 points are left out (and counted).
 */
export function sobolIndices(design: SobolDesign, values: (number | null)[], bootstrap = 500, seed = 1): { indices: SobolIndex[]; rows: number } {
  const { k, n } = design;
  const at = (block: number, r: number) => values[block * n + r];
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    let ok = true;
    for (let block = 0; block < k + 2 && ok; block++) ok = at(block, r) !== null && Number.isFinite(at(block, r));
    if (ok) rows.push(r);
  }
  const estimate = (sample: readonly number[]) => {
    const fa = sample.map((r) => at(0, r)!);
    const fb = sample.map((r) => at(1, r)!);
    const all = [...fa, ...fb];
    const mean = all.reduce((x, y) => x + y, 0) / all.length;
    const variance = all.reduce((x, y) => x + (y - mean) ** 2, 0) / (all.length - 1);
    return Array.from({ length: k }, (_, i) => {
      let first = 0;
      let total = 0;
      sample.forEach((r, m) => {
        const fab = at(2 + i, r)!;
        first += fb[m] * (fab - fa[m]);
        total += (fa[m] - fab) ** 2;
      });
      const m = sample.length;
      return variance > 0 ? { first: first / m / variance, total: total / (2 * m) / variance } : { first: 0, total: 0 };
    });
  };
  const point = estimate(rows);
  const u = stream(seed, 0, 'sensitivity/sobol-bootstrap');
  const draws = Array.from({ length: bootstrap }, () => estimate(rows.map(() => rows[Math.floor(u() * rows.length)])));
  const interval = (i: number, which: 'first' | 'total'): Interval => {
    const xs = draws.map((d) => d[i][which]).sort((x, y) => x - y);
    return { estimate: point[i][which], lo: xs[Math.floor(0.025 * (xs.length - 1))] ?? Number.NaN, hi: xs[Math.ceil(0.975 * (xs.length - 1))] ?? Number.NaN };
  };
  return { indices: point.map((_, i) => ({ param: i, first: interval(i, 'first'), total: interval(i, 'total') })), rows: rows.length };
}
