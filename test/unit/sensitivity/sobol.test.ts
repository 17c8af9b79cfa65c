import { describe, expect, it } from 'vitest';
import { sobolDesign, sobolIndices } from '../../../src/sensitivity/sobol.ts';

/** Ishigami's function (a = 7, b = 0.1) on [−π, π]³, whose Sobol' indices are known exactly. */
const A = 7;
const B = 0.1;
const ishigami = (x: number[]) => {
  const [x1, x2, x3] = x.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};
const pi4 = Math.PI ** 4;
const pi8 = Math.PI ** 8;
const V = A ** 2 / 8 + (B * pi4) / 5 + (B ** 2 * pi8) / 18 + 0.5;
const ISHIGAMI = {
  first: [(0.5 * (1 + (B * pi4) / 5) ** 2) / V, A ** 2 / 8 / V, 0, 0],
  total: [(0.5 * (1 + (B * pi4) / 5) ** 2 + (8 * B ** 2 * pi8) / 225) / V, A ** 2 / 8 / V, (8 * B ** 2 * pi8) / 225 / V, 0],
};
/** A second output: 4 x₁ + 2 x₂ + x₃ (x uniform), additive, so Sᵢ = STᵢ = cᵢ² / Σc². */
const linear = (x: number[]) => 4 * x[0] + 2 * x[1] + x[2];
const LINEAR = [16 / 21, 4 / 21, 1 / 21, 0];

describe('Sobol indices (Saltelli sampling)', () => {
  // Four parameters (the fourth moves nothing), two outputs, N = 8192 rows: 8192 × 6 points.
  const design = sobolDesign(4, 8192, 11);
  const outputs = { ishigami: design.points.map(ishigami), linear: design.points.map(linear) };

  it('recover Ishigami\u2019s analytic first-order and total indices within 0.05', () => {
    const { indices, rows } = sobolIndices(design, outputs.ishigami, 200);
    expect(rows).toBe(8192);
    indices.forEach((s, i) => {
      expect(Math.abs(s.first.estimate - ISHIGAMI.first[i]), `S${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(s.total.estimate - ISHIGAMI.total[i]), `ST${i + 1}`).toBeLessThan(0.05);
      expect(s.first.lo).toBeLessThanOrEqual(s.first.estimate);
      expect(s.first.hi).toBeGreaterThanOrEqual(s.first.estimate);
    });
    // x₃ acts only through its interaction with x₁: no first-order effect, a clear total one.
    expect(indices[2].total.estimate - indices[2].first.estimate).toBeGreaterThan(0.15);
  });

  it('recover an additive function\u2019s indices (first-order equal to total) within 0.05', () => {
    const { indices } = sobolIndices(design, outputs.linear, 100);
    indices.forEach((s, i) => {
      expect(Math.abs(s.first.estimate - LINEAR[i])).toBeLessThan(0.05);
      expect(Math.abs(s.total.estimate - LINEAR[i])).toBeLessThan(0.05);
    });
  });

  it('leave out rows with an undefined output, and say how many remain', () => {
    const values: (number | null)[] = [...outputs.linear];
    values[3] = null;
    values[8192 * 3 + 10] = null;
    expect(sobolIndices(design, values, 10).rows).toBe(8190);
  });
});
