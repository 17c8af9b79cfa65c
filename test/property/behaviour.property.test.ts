import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/engine/index.ts';
import { cooperationProbability, expectedReporting, reportingProbability } from '../../src/engine/behaviour.ts';
import { BELIEF_SCALE, beliefOf } from '../../src/engine/world.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const effect = fc.double({ min: 0, max: 10, noNaN: true });
const shift = fc.double({ min: -3, max: 3, noNaN: true });

describe(`behaviour on the log-odds scale (fast-check seed ${FC_SEED})`, () => {
  it('every reporting and cooperation probability stays in [0, 1] for every value inside the schema\u2019s ranges', () => {
    fc.assert(
      fc.property(
        fc.record({
          base: unit,
          coop: unit,
          bT: effect,
          bF: effect,
          bE: effect,
          cT: effect,
          cF: effect,
          cE: effect,
          shift,
          trust: unit,
          fear: unit,
          belief: unit,
          t0: unit,
          status: fc.integer({ min: 0, max: 3 }),
          type: fc.integer({ min: 0, max: 3 }),
        }),
        (a) => {
          const s = resolveScenario({
            run: { years: 0.1, activationDay: 0, burnInWeeks: 0 },
            jurisdictions: [{ residents: 200, gridWidth: 1, gridHeight: 1 }],
            crime: {
              types: {
                simpleAssault: { reportingBase: a.base },
                aggravatedAssault: { reportingBase: a.base },
                robbery: { reportingBase: a.base },
                burglaryTheft: { reportingBase: a.base },
              },
              statusReportingShift: { usBorn: a.shift, naturalised: a.shift, lawfulResident: a.shift, undocumented: a.shift },
            },
            policing: { cooperationBase: a.coop },
            trust: { baseline: a.t0, reportingEffect: a.bT, cooperationEffect: a.cT },
            fear: { reportingEffect: a.bF, cooperationEffect: a.cF },
            entanglement: { reportingEffect: a.bE, cooperationEffect: a.cE },
          });
          const w = createWorld(s);
          w.residents.kind[0] = (w.residents.kind[0] & ~3) | a.status;
          w.residents.trust[0] = a.trust;
          w.residents.fear[0] = a.fear;
          w.residents.belief[0] = Math.round(a.belief * BELIEF_SCALE);
          for (const p of [reportingProbability(w, 0, a.type), cooperationProbability(w, 0)]) {
            expect(Number.isFinite(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          const x = a.shift + a.bT * (a.trust - a.t0) - a.bF * a.fear - a.bE * beliefOf(w.residents, 0);
          const expected = expectedReporting(w.params.expectedReportingTable, x);
          expect(expected).toBeGreaterThanOrEqual(0);
          expect(expected).toBeLessThanOrEqual(1);
          // The table is the noise-free counterpart of the per-crime probability (all types share the base here).
          expect(Math.abs(expected - reportingProbability(w, 0, a.type))).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 120 },
    );
  });
});
