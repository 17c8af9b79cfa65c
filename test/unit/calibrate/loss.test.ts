import { describe, expect, it } from 'vitest';
import { loss } from '../../../src/calibrate/calibrate.ts';
import type { FitReport, TargetResult } from '../../../src/evidence/fit.ts';

/** A fit report of one target with the given simulated mean, band [−0.44, 0] and value −0.44. */
function report(mean: number, bound: boolean): FitReport {
  const result: TargetResult = {
    id: 'task-force-fall-within-stated',
    measure: 'fall',
    unit: 'relative change',
    value: -0.44,
    band: [-0.44, 0],
    citation: 'Theodore 2013',
    secondary: true,
    estimand: 'paired',
    simulated: { mean, lo: mean, hi: mean, n: 1 },
    jurisdiction: 'County',
    ...(bound ? { bound: true as const } : {}),
    met: mean >= -0.44 && mean <= 0,
    distance: 0,
  };
  return { targetSet: { id: 'x', title: 'x', version: '1' }, results: [result], score: { applicable: 1, met: result.met ? 1 : 0, distance: 0 } };
}

describe('calibration loss', () => {
  it('pulls an estimate toward its value, even inside its band', () => {
    expect(loss([report(-0.44, false)])).toBe(0);
    expect(loss([report(-0.22, false)])).toBeCloseTo(1, 12);
    expect(loss([report(-0.66, false)])).toBeCloseTo(1, 12);
  });

  it('leaves a bound indifferent inside its band and counts only the overshoot beyond it', () => {
    expect(loss([report(-0.22, true)])).toBe(0);
    expect(loss([report(-0.01, true)])).toBe(0);
    // 22 points beyond the −44% edge, half the band being 22 points: a loss of 1.
    expect(loss([report(-0.66, true)])).toBeCloseTo(1, 12);
    expect(loss([report(0.11, true)])).toBeCloseTo(0.25, 12);
  });
});
