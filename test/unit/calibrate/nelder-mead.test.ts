import { describe, expect, it } from 'vitest';
import { converged, initialSimplex, nelderMeadStep } from '../../../src/calibrate/nelder-mead.ts';

async function minimise(f: (x: number[]) => number, x0: number[], maxIter = 2000) {
  let s = await initialSimplex(f, x0);
  while (!converged(s, 1e-7, 1e-14) && s.iterations < maxIter) s = await nelderMeadStep(f, s);
  return s;
}

describe('Nelder–Mead', () => {
  it('finds the minimum of a shifted quadratic inside the box', async () => {
    const s = await minimise((x) => (x[0] - 0.3) ** 2 + 2 * (x[1] - 0.7) ** 2 + (x[2] - 0.5) ** 2, [0.9, 0.1, 0.9]);
    expect(s.points[0][0]).toBeCloseTo(0.3, 3);
    expect(s.points[0][1]).toBeCloseTo(0.7, 3);
    expect(s.points[0][2]).toBeCloseTo(0.5, 3);
  });

  it('finds Rosenbrock\u2019s valley minimum (scaled into the unit box)', async () => {
    const rosen = (x: number[]) => {
      const a = 4 * x[0] - 2;
      const b = 4 * x[1] - 2;
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const s = await minimise(rosen, [0.1, 0.9]);
    expect(4 * s.points[0][0] - 2).toBeCloseTo(1, 2);
    expect(4 * s.points[0][1] - 2).toBeCloseTo(1, 2);
  });

  it('stays in the box when the minimum lies outside it', async () => {
    const s = await minimise((x) => (x[0] - 2) ** 2 + (x[1] + 1) ** 2, [0.5, 0.5]);
    expect(s.points[0][0]).toBeCloseTo(1, 6);
    expect(s.points[0][1]).toBeCloseTo(0, 6);
  });
});
