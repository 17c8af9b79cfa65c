import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosTurns, exp, log, pow } from '../../../src/engine/portable-math.ts';

/** Distance in units of the last place of b. */
const ulps = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / (Math.abs(b) * 2 ** -52));

/**
 * The engine's own exp, log, pow and cos: as accurate as the platform's (within an ulp for exp and log,
 * a few dozen for pow's e^(y ln x)), and with the special values the engine meets. That they give the
 * same bits in Chromium as in Node is checked by the browser tests that compare a page's run with a
 * Node run of the same seed (test/browser/timeline.test.ts).
 */
describe('portable math', () => {
  it('exp is within one ulp of Math.exp over its whole finite range', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709, noNaN: true }), (x) => {
        expect(ulps(exp(x), Math.exp(x)), String(x)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20000 },
    );
    expect([exp(0), exp(-800), exp(800), exp(Number.NaN)]).toEqual([1, 0, Number.POSITIVE_INFINITY, Number.NaN]);
    expect(ulps(exp(-740), Math.exp(-740))).toBeLessThan(2 ** 30); // subnormal: right to the precision it has
  });

  it('log is within one ulp of Math.log for every positive double, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(ulps(log(x), Math.log(x)), String(x)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20000 },
    );
    expect([log(1), log(0), log(-1), log(Number.POSITIVE_INFINITY)]).toEqual([0, Number.NEGATIVE_INFINITY, Number.NaN, Number.POSITIVE_INFINITY]);
  });

  it('pow is close to Math.pow where the engine uses it, and exact for whole exponents', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e4, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (x, y) => {
        expect(ulps(pow(x, y), Math.pow(x, y)), `${x}^${y}`).toBeLessThanOrEqual(128);
      }),
      { numRuns: 20000 },
    );
    expect(pow(0.75, 7)).toBe(0.75 * 0.75 * 0.75 * 0.75 * 0.75 * 0.75 * 0.75);
    expect([pow(0, 4.1), pow(1, 123.4), pow(2, -1), pow(9, 0.5)]).toEqual([0, 1, 0.5, 3]);
  });

  it('cosTurns(u) is cos(2πu) to within 1e-15', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        expect(Math.abs(cosTurns(u) - Math.cos(2 * Math.PI * u)), String(u)).toBeLessThan(1e-15);
      }),
      { numRuns: 20000 },
    );
    expect([cosTurns(0), cosTurns(0.5), cosTurns(0.25)]).toEqual([1, -1, 0]);
  });
});
