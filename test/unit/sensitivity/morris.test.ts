import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisEffects } from '../../../src/sensitivity/morris.ts';

describe('Morris elementary effects', () => {
  const k = 3;
  const design = morrisDesign(k, 12, 4, 7);

  it('builds trajectories of k + 1 points that change one parameter at a time by ±Δ, inside the box', () => {
    expect(design.points).toHaveLength(12 * (k + 1));
    expect(design.steps).toHaveLength(12 * k);
    for (const s of design.steps) {
      const a = design.points[s.from];
      const b = design.points[s.to];
      const changed = a.map((v, i) => (v !== b[i] ? i : -1)).filter((i) => i >= 0);
      expect(changed).toEqual([s.param]);
      expect(b[s.param] - a[s.param]).toBeCloseTo(s.delta, 12);
      expect(Math.abs(s.delta)).toBeCloseTo(4 / 6, 12);
      for (const v of b) expect(v >= -1e-12 && v <= 1 + 1e-12).toBe(true);
    }
  });

  it('gives each parameter its own effect and none to the others', () => {
    for (let i = 0; i < k; i++) {
      const effects = morrisEffects(
        design,
        design.points.map((x) => x[i]),
        k,
      );
      effects.forEach((e, j) => expect(e.muStar, `${i} on ${j}`).toBeCloseTo(i === j ? 1 : 0, 12));
    }
  });

  it('recovers the slopes of a known function: linear, absent, and non-linear terms', () => {
    const f = (x: number[]) => 3 * x[0] - 0 * x[1] + 2 * x[2] * x[2];
    const effects = morrisEffects(design, design.points.map(f), k);
    expect(effects[0].muStar).toBeCloseTo(3, 10);
    expect(effects[0].sigma).toBeCloseTo(0, 10);
    expect(effects[1].muStar).toBe(0);
    expect(effects[2].muStar).toBeGreaterThan(0);
    expect(effects[2].sigma).toBeGreaterThan(0);
  });
});
