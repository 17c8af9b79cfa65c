import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, stepDays, type World } from '../../src/engine/index.ts';
import {
  cooperationLogit,
  cooperationProbability,
  expectedReporting,
  expectedReportingOf,
  reportingProbability,
  reportingShift,
} from '../../src/engine/behaviour.ts';
import { logit } from '../../src/engine/logit.ts';
import { C, COUNTERS, FULL_SNAPSHOT_WEEKS } from '../../src/engine/metrics/accumulate.ts';
import { weeklyAttitudes } from '../../src/engine/systems/attitudes.ts';
import { BELIEF_SCALE, GONE, beliefOf } from '../../src/engine/world.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const effect = fc.double({ min: 0, max: 10, noNaN: true });
const shift = fc.double({ min: -3, max: 3, noNaN: true });

/** A one-jurisdiction world with every coefficient of the two equations set. */
function world(a: {
  base: number;
  coop: number;
  bT: number;
  bF: number;
  bE: number;
  cT: number;
  cF: number;
  ratio: number;
  shift: number;
  latinoShift: number;
  t0: number;
  trustBuilding?: boolean;
  fearCut?: number;
  /** A second jurisdiction with the other trust-building setting, so that a term read from the wrong jurisdiction shows. */
  second?: boolean;
}): World {
  const jurisdiction = (trustBuilding: boolean) => ({ residents: 200, gridWidth: 1, gridHeight: 1, latinoShare: 0.5, policy: { trustBuilding } });
  const s = resolveScenario({
    run: { years: 0.2, activationDay: 0, burnInWeeks: 0 },
    jurisdictions: a.second ? [jurisdiction(a.trustBuilding ?? false), jurisdiction(!(a.trustBuilding ?? false))] : [jurisdiction(a.trustBuilding ?? false)],
    crime: {
      types: {
        simpleAssault: { reportingBase: a.base },
        aggravatedAssault: { reportingBase: a.base },
        robbery: { reportingBase: a.base },
        burglaryTheft: { reportingBase: a.base },
      },
      statusReportingShift: { usBorn: a.shift, naturalised: a.shift / 2, lawfulResident: -a.shift / 3, undocumented: a.shift / 4 },
      latinoReportingShift: a.latinoShift,
    },
    policing: { cooperationBase: a.coop },
    trust: { baseline: a.t0, reportingEffect: a.bT, cooperationEffect: a.cT },
    fear: { reportingEffect: a.bF, cooperationEffect: a.cF },
    entanglement: { reportingEffect: a.bE, cooperationRatio: a.ratio },
    contrasts: { trustBuildingReportingFearReduction: a.fearCut ?? 0.3 },
  });
  return createWorld(s);
}

const coefficients = fc.record({
  base: unit,
  coop: unit,
  bT: effect,
  bF: effect,
  bE: effect,
  cT: effect,
  cF: effect,
  ratio: fc.double({ min: 0, max: 5, noNaN: true }),
  shift,
  latinoShift: shift,
  t0: unit,
});

describe(`behaviour on the log-odds scale (fast-check seed ${FC_SEED})`, () => {
  it('every reporting and cooperation probability stays in [0, 1] for every value inside the schema\u2019s ranges', () => {
    fc.assert(
      fc.property(coefficients, unit, unit, unit, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 3 }), (a, trust, fear, belief, kind, type) => {
        const w = world(a);
        w.residents.kind[0] = kind;
        w.residents.trust[0] = trust;
        w.residents.fear[0] = fear;
        w.residents.belief[0] = Math.round(belief * BELIEF_SCALE);
        for (const p of [reportingProbability(w, 0, type), cooperationProbability(w, 0), expectedReportingOf(w, 0)]) {
          expect(Number.isFinite(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        // The table is the noise-free counterpart of the per-crime probability (all types share the base here).
        expect(Math.abs(expectedReportingOf(w, 0) - reportingProbability(w, 0, type))).toBeLessThan(1e-3);
      }),
      { numRuns: 120 },
    );
  });

  it('each term moves the log-odds by its coefficient: trust, fear (with the trust-building weight), belief, status and Latino shifts', () => {
    // Where the logistic is not flat, so a missing term shows in the probability.
    const moderate = fc.record({
      base: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
      coop: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
      bT: fc.double({ min: 0.2, max: 3, noNaN: true }),
      bF: fc.double({ min: 0.2, max: 3, noNaN: true }),
      bE: fc.double({ min: 0.2, max: 3, noNaN: true }),
      cT: fc.double({ min: 0.2, max: 3, noNaN: true }),
      cF: fc.double({ min: 0.2, max: 3, noNaN: true }),
      ratio: fc.double({ min: 0.5, max: 2, noNaN: true }),
      shift: fc.double({ min: -1, max: 1, noNaN: true }),
      latinoShift: fc.double({ min: -1, max: 1, noNaN: true }),
      t0: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
      fearCut: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
    });
    fc.assert(
      fc.property(moderate, fc.integer({ min: 0, max: 15 }), (a, kind) => {
        const w = world({ ...a, trustBuilding: true });
        stepDays(w, 1); // trust-building in force from day 0: fear weighs less on reporting
        const res = w.residents;
        res.kind[0] = kind;
        const set = (t: number, f: number, e: number) => {
          res.trust[0] = t;
          res.fear[0] = f;
          res.belief[0] = Math.round(e * BELIEF_SCALE);
        };
        const report = () => logit(reportingProbability(w, 0, 0));
        const coop = () => logit(cooperationProbability(w, 0));
        set(0.5, 0.3, 0.4);
        const r0 = report();
        const q0 = coop();
        const e0 = beliefOf(res, 0);
        set(0.6, 0.3, 0.4);
        expect(report() - r0).toBeCloseTo(0.1 * a.bT, 5);
        expect(coop() - q0).toBeCloseTo(0.1 * a.cT, 5);
        set(0.5, 0.5, 0.4);
        expect(report() - r0).toBeCloseTo(-0.2 * a.bF * (1 - a.fearCut), 5);
        expect(coop() - q0).toBeCloseTo(-0.2 * a.cF, 5);
        set(0.5, 0.3, 0.9);
        const de = beliefOf(res, 0) - e0;
        expect(report() - r0).toBeCloseTo(-de * a.bE, 4);
        expect(coop() - q0).toBeCloseTo(-de * a.bE * a.ratio, 4);
        set(0.5, 0.3, 0.4);
        const statusShift = [a.shift, a.shift / 2, -a.shift / 3, a.shift / 4][kind & 3] + (kind >= 8 ? a.latinoShift : 0);
        expect(r0 - logit(a.base) - (0.5 - a.t0) * a.bT + 0.3 * a.bF * (1 - a.fearCut) + e0 * a.bE).toBeCloseTo(statusShift, 5);
      }),
      { numRuns: 60 },
    );
  });

  it('the weekly pass\u2019s expected reporting of every resident is the one equation\u2019s, for any coefficients and attitudes', () => {
    // Coefficients away from zero and attitudes inside (0, 1), so that every term moves the result.
    const away = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    const inputs = fc.record({
      a: fc.record({
        base: away(0.2, 0.8),
        coop: away(0.1, 0.9),
        bT: away(0.3, 4),
        bF: away(0.3, 4),
        bE: away(0.3, 4),
        cT: away(0.3, 4),
        cF: away(0.3, 4),
        ratio: away(0.5, 3),
        shift: away(-1, 1),
        latinoShift: away(-1, 1),
        t0: away(0.2, 0.8),
        fearCut: away(0.2, 0.8),
      }),
      trustBuilding: fc.boolean(),
      attitudes: fc.array(fc.tuple(away(0.05, 0.95), away(0.05, 0.95), away(0.05, 0.95)), { minLength: 400, maxLength: 400 }),
    });
    fc.assert(
      fc.property(inputs, ({ a, trustBuilding, attitudes }) => {
        const w = world({ ...a, trustBuilding, second: true });
        const res = w.residents;
        expect(res.count).toBe(attitudes.length);
        // Run up to the last day of a week whose pass takes the full snapshot.
        stepDays(w, FULL_SNAPSHOT_WEEKS * 7 - 1);
        attitudes.forEach(([t, f, e], r) => {
          res.trust[r] = t;
          res.fear[r] = f;
          res.belief[r] = Math.round(e * BELIEF_SCALE);
        });
        // One resident at a time in the pass (the others marked gone), so each one's value is read alone.
        const jurKind = res.jurKind.slice();
        const block = w.metrics.week;
        const checked = [0, 0];
        for (let r = 0; r < res.count; r += 7) {
          const saved = { t: res.trust[r], f: res.fear[r], b: res.belief[r] };
          res.jurKind.fill(GONE);
          res.jurKind[r] = jurKind[r];
          block.fill(0);
          weeklyAttitudes(w);
          let passed = 0;
          for (let b = 0; b < block.length; b += COUNTERS) passed += block[b + C.expectedReportingSum];
          const x = reportingShift(w.params.reporting, res.kind[r], res.trust[r], res.fear[r], w.jurisdictions.reportFearWeight[res.jur[r]], beliefOf(res, r));
          const direct = expectedReporting(w.params.expectedReportingTable, x);
          // Away from the flat ends of the logistic, where a dropped term would show.
          if (direct > 0.02 && direct < 0.98) {
            expect(passed).toBeCloseTo(direct, 4);
            checked[res.jur[r]]++;
          }
          res.trust[r] = saved.t;
          res.fear[r] = saved.f;
          res.belief[r] = saved.b;
        }
        res.jurKind.set(jurKind);
        // Residents of both jurisdictions (one with trust-building, one without) were checked.
        expect(Math.min(...checked)).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('cooperation and reporting read the same coefficients the scenario sets', () => {
    const w = world({ base: 0.4, coop: 0.6, bT: 1.7, bF: 1.5, bE: 0.8, cT: 2.5, cF: 2.4, ratio: 1.42, shift: 0, latinoShift: 0, t0: 0.6 });
    expect(cooperationLogit(w.params.cooperation, 0.6, 0, 1)).toBeCloseTo(logit(0.6) - 0.8 * 1.42, 9);
    expect(reportingShift(w.params.reporting, 0, 0.6, 0, 1, 1)).toBeCloseTo(-0.8, 9);
  });
});
