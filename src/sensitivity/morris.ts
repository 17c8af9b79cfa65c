import { stream } from '../engine/rng.ts';

/**
 * Morris elementary effects (Morris 1991, with μ* from Campolongo, Cariboni & Saltelli 2007): a screening
 * of which parameters move an output. Each of r trajectories starts at a random point of a p-level grid
 * on the unit box and changes one parameter at a time by Δ = p / (2(p − 1)), in random order.
 */
export interface MorrisDesign {
  /** Points in the unit box, trajectory after trajectory (k + 1 points each). */
  points: number[][];
  /** For each step: trajectory, the parameter changed, the signed change. */
  steps: { from: number; to: number; param: number; delta: number }[];
}

export function morrisDesign(k: number, trajectories: number, levels: number, seed: number): MorrisDesign {
  const u = stream(seed, 0, 'sensitivity/morris');
  const delta = levels / (2 * (levels - 1));
  const grid = Array.from({ length: Math.floor(levels / 2) }, (_, i) => i / (levels - 1));
  const points: number[][] = [];
  const steps: MorrisDesign['steps'] = [];
  for (let t = 0; t < trajectories; t++) {
    let x = Array.from({ length: k }, () => grid[Math.floor(u() * grid.length)]);
    // Start at the low or the high end of each axis at random, so steps go up or down.
    const up = Array.from({ length: k }, () => u() < 0.5);
    x = x.map((v, i) => (up[i] ? v : v + delta));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(u() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    points.push([...x]);
    for (const i of order) {
      const d = up[i] ? delta : -delta;
      x = [...x];
      x[i] += d;
      steps.push({ from: points.length - 1, to: points.length, param: i, delta: d });
      points.push(x);
    }
  }
  return { points, steps };
}

/** Elementary-effect statistics of one parameter on one output. */
export interface MorrisEffect {
  param: number;
  /** Mean of absolute effects: overall importance. */
  muStar: number;
  /** Mean effect: its direction (effects of opposite sign cancel here). */
  mu: number;
  /** Spread of effects: non-linearity or interaction with other parameters. */
  sigma: number;
  /** Effects that could be computed (outputs undefined at a point are skipped). */
  n: number;
}

/** μ*, μ and σ of each parameter, from each design point's output value. */
export function morrisEffects(design: MorrisDesign, values: (number | null)[], k: number): MorrisEffect[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (const s of design.steps) {
    const a = values[s.from];
    const b = values[s.to];
    if (a === null || b === null) continue;
    effects[s.param].push((b - a) / s.delta);
  }
  return effects.map((e, param) => {
    const n = e.length;
    const mu = n ? e.reduce((x, y) => x + y, 0) / n : 0;
    const muStar = n ? e.reduce((x, y) => x + Math.abs(y), 0) / n : 0;
    const sigma = n > 1 ? Math.sqrt(e.reduce((x, y) => x + (y - mu) ** 2, 0) / (n - 1)) : 0;
    return { param, muStar, mu, sigma, n };
  });
}
