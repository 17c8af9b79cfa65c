import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRIME_TYPES, CHARGES, GROUPS, METRICS, PERIODS, createWorld, runToEnd, stepDays, summarise, type MetricKey } from '../../src/engine/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';
import { runWorld } from '../helpers/small.ts';
import { smallScenarioInput } from './arbitraries.ts';

const SHARE_METRICS = METRICS.filter((m) => m.unit === 'share').map((m) => m.key);
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe(`engine invariants (fast-check seed ${FC_SEED})`, () => {
  it('determinism: the same scenario and seed give identical summaries', () => {
    fc.assert(
      fc.property(smallScenarioInput, seedArb, (input, seed) => {
        const s = resolveScenario(input);
        expect(summarise(runWorld(s, seed))).toEqual(summarise(runWorld(s, seed)));
      }),
      { numRuns: 15 },
    );
  });

  it('different seeds give different runs', () => {
    fc.assert(
      fc.property(smallScenarioInput, seedArb, seedArb, (input, a, b) => {
        fc.pre(a !== b);
        const s = resolveScenario({ ...input, crime: { offenderShare: 0.05 } });
        const wa = runWorld(s, a);
        const wb = runWorld(s, b);
        expect(Buffer.from(wa.residents.trust.buffer).equals(Buffer.from(wb.residents.trust.buffer))).toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it('conservation: every resident is in the community, in custody or removed; every crime is counted once, reported or not', () => {
    fc.assert(
      fc.property(smallScenarioInput, seedArb, (input, seed) => {
        const s = resolveScenario(input);
        const w = createWorld(s, seed);
        stepDays(w, w.params.burnInDays);
        const victimisationsAtStart = sumBytes(w.residents.victimisations);
        runToEnd(w);
        const sum = summarise(w);
        const p = sum.population;
        expect(p.inCommunity + p.inCustody + p.removed).toBe(p.initial);
        expect(p.initial).toBe(s.jurisdictions.reduce((a, j) => a + j.residents, 0));
        let crimes = 0;
        for (const j of sum.jurisdictions) {
          for (const period of PERIODS) {
            for (const g of GROUPS) {
              const m = j.groups[g][period];
              for (const t of CRIME_TYPES) {
                const share = m[`reportedShare.${t}`];
                if (share !== null) expect(share).toBeLessThanOrEqual(1);
              }
              expect(m.unreportedCrimes!).toBeGreaterThanOrEqual(0);
              expect(CHARGES.reduce((a, c) => a + m[`detainers.${c}`]!, 0)).toBe(m.detainers);
            }
            const groupsTotal = ['latinoCitizen', 'latinoNoncitizen', 'nonLatino'].reduce((a, g) => a + j.groups[g as 'all'][period].crimes!, 0);
            expect(groupsTotal).toBe(j.groups.all[period].crimes);
            crimes += groupsTotal;
          }
        }
        // Each crime adds one to its victim's history: an independent count of the same events.
        expect(crimes).toBe(sumBytes(w.residents.victimisations) - victimisationsAtStart);
      }),
      { numRuns: 15 },
    );
  });

  it('bounds: trust and fear stay in [0, 1], and every share metric too', () => {
    fc.assert(
      fc.property(smallScenarioInput, seedArb, (input, seed) => {
        const w = runWorld(resolveScenario(input), seed);
        for (let r = 0; r < w.residents.count; r++) {
          const t = w.residents.trust[r];
          const f = w.residents.fear[r];
          if (!(t >= 0 && t <= 1 && f >= 0 && f <= 1)) throw new Error(`resident ${r}: trust ${t}, fear ${f}`);
        }
        for (const j of summarise(w).jurisdictions) {
          for (const g of GROUPS) {
            for (const period of PERIODS) {
              for (const key of [...SHARE_METRICS, 'meanTrust', 'meanFear'] as MetricKey[]) {
                const v = j.groups[g][period][key];
                if (v !== null) expect(v, `${g} ${period} ${key}`).toBeGreaterThanOrEqual(0);
                if (v !== null) expect(v, `${g} ${period} ${key}`).toBeLessThanOrEqual(1);
              }
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

function sumBytes(a: Uint8Array): number {
  let n = 0;
  for (const x of a) n += x;
  return n;
}
