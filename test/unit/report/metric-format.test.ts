import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, type MetricKey } from '../../../src/engine/index.ts';
import { formatEstimate, LEVEL_SCALE } from '../../../src/report/metric-format.ts';

const est = (mean: number, lo: number, hi: number, n = 10) => ({ mean, lo, hi, n });
const levels = METRICS.filter((m) => m.kind === 'level').map((m) => m.key as MetricKey);

describe('one scale for trust, fear and belief (issue 21)', () => {
  it('every level is shown out of 100, as the story says it, and its label says so', () => {
    expect(LEVEL_SCALE).toBe(100);
    expect(formatEstimate('meanTrust', est(0.5523, 0.54, 0.561))).toBe('55.2 (54.0 to 56.1)');
    expect(formatEstimate('meanTrust', est(-0.032, -0.04, -0.021), { signed: true })).toBe('-3.2 pt (-4.0 to -2.1)');
    expect(formatEstimate('meanBelief', est(0.3, 0.3, 0.3, 1), { locale: 'es' })).toBe('30,0');
    for (const key of levels) {
      const label = METRICS.find((m) => m.key === key)!.label;
      expect(label, key).not.toMatch(/0–1\)/);
    }
  });

  it('keeps shares as percentages and leaves rates and ratios as they are', () => {
    expect(formatEstimate('reportedShare', est(0.4, 0.39, 0.41))).toBe('40.0% (39.0 to 41.0)');
    expect(formatEstimate('stopsPer1000', est(96.12, 90, 100))).toBe('96.1 (90.0 to 100.0)');
  });

  it('shows any level in [0, 1] as a number from 0 to 100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...levels), fc.double({ min: 0, max: 1, noNaN: true }), (key, v) => {
        const shown = Number(formatEstimate(key, est(v, v, v, 1)));
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(shown).toBeLessThanOrEqual(100);
        expect(Math.abs(shown - v * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
