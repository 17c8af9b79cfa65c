/**
 * Nelder–Mead simplex search for a minimum, written here because no maintained JavaScript library
 * offers it (npm's `fmin` was last published in 2017). Standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½), as in Lagarias et al., SIAM J. Optim. 9(1), 1998. Works on a box: points are
 * clamped to [0, 1] in every dimension (the calibration maps parameter ranges onto it).
 *
 * The search is a state machine (`nelderMeadStep`) so that a calibration can save its state after each
 * step and resume it later.
 */
export interface SimplexState {
  /** dim + 1 vertices and their values, best first after each step. */
  points: number[][];
  values: number[];
  iterations: number;
  evaluations: number;
}

export type Objective = (x: number[]) => Promise<number> | number;

const clamp = (x: number[]) => x.map((v) => Math.min(1, Math.max(0, v)));

/** The starting simplex: x0 and one vertex moved by `step` along each axis (inward at the box edge). */
export async function initialSimplex(f: Objective, x0: number[], step = 0.15): Promise<SimplexState> {
  const points = [clamp(x0)];
  for (let i = 0; i < x0.length; i++) {
    const p = [...points[0]];
    p[i] = p[i] + step <= 1 ? p[i] + step : p[i] - step;
    points.push(clamp(p));
  }
  const values: number[] = [];
  for (const p of points) values.push(await f(p));
  return sort({ points, values, iterations: 0, evaluations: points.length });
}

/** One iteration of the method. */
export async function nelderMeadStep(f: Objective, s: SimplexState): Promise<SimplexState> {
  const n = s.points.length - 1;
  const points = s.points.map((p) => [...p]);
  const values = [...s.values];
  let evaluations = s.evaluations;
  const evalAt = async (x: number[]) => {
    evaluations++;
    return f(x);
  };
  const centroid = points[0].map((_, d) => points.slice(0, n).reduce((a, p) => a + p[d], 0) / n);
  const along = (t: number) => clamp(centroid.map((c, d) => c + t * (points[n][d] - c)));
  const xr = along(-1);
  const fr = await evalAt(xr);
  if (fr < values[0]) {
    const xe = along(-2);
    const fe = await evalAt(xe);
    [points[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
  } else if (fr < values[n - 1]) {
    [points[n], values[n]] = [xr, fr];
  } else {
    const outside = fr < values[n];
    const xc = along(outside ? -0.5 : 0.5);
    const fc = await evalAt(xc);
    if (fc < (outside ? fr : values[n])) {
      [points[n], values[n]] = [xc, fc];
    } else {
      for (let i = 1; i <= n; i++) {
        points[i] = clamp(points[0].map((b, d) => b + 0.5 * (points[i][d] - b)));
        values[i] = await evalAt(points[i]);
      }
    }
  }
  return sort({ points, values, iterations: s.iterations + 1, evaluations });
}

/** True when the simplex has shrunk below `xTol` or its values agree within `fTol`. */
export function converged(s: SimplexState, xTol = 1e-3, fTol = 1e-6): boolean {
  const spread = Math.max(...s.points.slice(1).map((p) => Math.max(...p.map((v, d) => Math.abs(v - s.points[0][d])))));
  return spread < xTol || Math.abs(s.values[s.values.length - 1] - s.values[0]) < fTol;
}

function sort(s: SimplexState): SimplexState {
  const order = s.values.map((_v, i) => i).sort((a, b) => s.values[a] - s.values[b]);
  return { ...s, points: order.map((i) => s.points[i]), values: order.map((i) => s.values[i]) };
}
