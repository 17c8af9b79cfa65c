import { describe, expect, it } from 'vitest';
import { buildExpectedReportingTable, expectedReporting } from '../../../src/engine/behaviour.ts';
import { logistic } from '../../../src/engine/logit.ts';

/**
 * The expected-reporting table (what the weekly pass reads for every resident) against the sum it stands
 * for, Σ_t share_t · logistic(logit p_t + x): inside its range by interpolation, beyond it at its ends.
 * Crime types with base log-odds far from zero make the table's ends matter (found by mutation testing).
 */
const logits = new Float64Array([-24, -2, 0.5, 23]);
const shares = new Float64Array([0.1, 0.4, 0.3, 0.2]);
const table = buildExpectedReportingTable(logits, shares);
const direct = (x: number) => logits.reduce((sum, l, t) => sum + shares[t] * logistic(l + x), 0);

describe('the expected-reporting table', () => {
  it('equals the sum it stands for at every shift in its range (within interpolation error)', () => {
    for (let x = -20; x <= 20; x += 0.173) expect(expectedReporting(table, x)).toBeCloseTo(direct(x), 4);
    // On its grid points it is exact, the last one included.
    for (const x of [-20, -5, 0, 7.5, 20]) expect(expectedReporting(table, x)).toBeCloseTo(direct(x), 12);
  });

  it('holds its end values beyond its range, and lets a broken input show as NaN', () => {
    for (const x of [20.01, 25, 1e6, Number.POSITIVE_INFINITY]) expect(expectedReporting(table, x)).toBe(expectedReporting(table, 20));
    for (const x of [-20.01, -25, -1e6, Number.NEGATIVE_INFINITY]) expect(expectedReporting(table, x)).toBe(expectedReporting(table, -20));
    expect(expectedReporting(table, 20)).toBeCloseTo(direct(20), 12);
    expect(expectedReporting(table, Number.NaN)).toBeNaN();
  });
});
