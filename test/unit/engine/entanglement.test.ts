import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHARGE_FELONY,
  CHARGE_MISDEMEANOUR,
  JAILED,
  JAILED_THEN_DETAINED,
  UNDOCUMENTED,
  createWorld,
  runToEnd,
  stepDays,
  summarise,
  type World,
} from '../../../src/engine/index.ts';
import { arrest, BOOKED_WITH_DETAINER } from '../../../src/engine/systems/custody.ts';
import { coverage } from '../../../src/engine/systems/entanglement.ts';
import { beliefOf } from '../../../src/engine/world.ts';
import { FC_SEED } from '../../helpers/fc-seed.ts';
import { smallScenario } from '../../helpers/small.ts';

const meanBelief = (w: World, latino = true) => {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < w.residents.count; r++) {
    if (w.residents.kind[r] >= 8 !== latino) continue;
    sum += beliefOf(w.residents, r);
    n++;
  }
  return sum / n;
};

describe('perceived entanglement follows what enforcement does', () => {
  const s = smallScenario({ run: { years: 3, activationDay: 120, burnInWeeks: 4 } }, { residents: 4000 }, { model: 'jailEnforcement', endDay: 500 });

  it('is zero where no one enforces immigration law, rises at an announcement and fades slowly after the end day', () => {
    const quiet = smallScenario(
      {
        run: { years: 3, activationDay: 120, burnInWeeks: 4 },
        enforcement: { federalArrestsPerYear: 0, federalDetainerProbPriority: 0, federalDetainerProbOther: 0 },
      },
      { residents: 4000 },
      { model: 'jailEnforcement', endDay: 500 },
    );
    const w = createWorld(quiet);
    const level = () => w.jurisdictions.entanglement[0];
    stepDays(w, 4 * 7 + 119);
    expect(level()).toBe(0);
    expect(meanBelief(w)).toBe(0);
    stepDays(w, 30);
    expect(level()).toBeGreaterThan(0.1);
    expect(meanBelief(w)).toBeGreaterThan(0.05);
    stepDays(w, 500 - 150);
    const atEnd = level();
    stepDays(w, 90);
    const later = level();
    expect(later).toBeLessThan(atEnd);
    // Slow decay (a year's half-life by default): most of it is still there three months on.
    expect(later).toBeGreaterThan(0.7 * atEnd);
  });

  it('has a floor above zero with no agreement, from federal enforcement (ICE\u2019s arrests, fingerprints shared at booking)', () => {
    // How high the floor is depends on the fitted coverage curve (small at the shipped half-dose); that it
    // exists, and comes from federal enforcement alone, does not.
    const run = { years: 1, activationDay: 120, burnInWeeks: 26 };
    const w = createWorld(smallScenario({ run }, { residents: 4000 }, { model: 'none' }));
    runToEnd(w);
    const quiet = createWorld(
      smallScenario(
        { run, enforcement: { federalArrestsPerYear: 0, federalDetainerProbPriority: 0, federalDetainerProbOther: 0 } },
        { residents: 4000 },
        { model: 'none' },
      ),
    );
    runToEnd(quiet);
    expect(w.jurisdictions.enforcementRate[0]).toBeGreaterThan(0);
    expect(w.jurisdictions.entanglement[0]).toBeGreaterThan(0);
    expect(meanBelief(w)).toBeGreaterThan(0);
    expect(quiet.jurisdictions.enforcementRate[0]).toBe(0);
    expect(quiet.jurisdictions.entanglement[0]).toBe(0);
    expect(meanBelief(quiet)).toBe(0);
  });

  it('reaches citizens through their own households and networks: Latino U.S.-born residents come to believe it, non-Latino citizens much less', () => {
    const w = createWorld(s);
    stepDays(w, 4 * 7 + 300);
    let latino = 0;
    let nLatino = 0;
    let other = 0;
    let nOther = 0;
    for (let r = 0; r < w.residents.count; r++) {
      const k = w.residents.kind[r];
      if ((k & 3) !== 0 || (k & 4) !== 0) continue;
      if (k >= 8) {
        latino += beliefOf(w.residents, r);
        nLatino++;
      } else {
        other += beliefOf(w.residents, r);
        nOther++;
      }
    }
    expect(latino / nLatino).toBeGreaterThan(0.15);
    expect(latino / nLatino).toBeGreaterThan(4 * (other / nOther));
  });

  it('exposure comes from each resident\u2019s household and ties: a non-Latino citizen with Latino ties is more exposed than one without', () => {
    const w = createWorld(smallScenario({ community: { homophilyNonLatino: 0.7 } }, { residents: 4000 }));
    const res = w.residents;
    const withTie: number[] = [];
    const without: number[] = [];
    for (let r = 0; r < res.count; r++) {
      if (res.kind[r] !== 0) continue; // non-Latino U.S.-born, not in a mixed-status household
      let latinoTies = 0;
      for (let k = 0; k < res.tiesPer; k++) if (res.kind[res.ties[k * res.count + r]] >= 8) latinoTies++;
      (latinoTies > 0 ? withTie : without).push(res.exposure[r]);
    }
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(withTie.length).toBeGreaterThan(50);
    expect(mean(withTie)).toBeGreaterThan(mean(without) + 20);
    expect(Math.min(...without)).toBeLessThan(5);
  });

  it('(d) the no-agreement twin does not move at the activation day: belief, fear, trust and every event are the same whatever day it is', () => {
    const twin = (activationDay: number) => smallScenario({ run: { years: 2, activationDay, burnInWeeks: 8 } }, { residents: 3000 }, { model: 'none' });
    const a = createWorld(twin(100));
    const b = createWorld(twin(500));
    runToEnd(a);
    runToEnd(b);
    expect(b.residents.belief).toEqual(a.residents.belief);
    expect(b.residents.fear).toEqual(a.residents.fear);
    expect(b.residents.trust).toEqual(a.residents.trust);
    expect(b.residents.reports).toEqual(a.residents.reports);
    expect(b.residents.victimisations).toEqual(a.residents.victimisations);
    expect(b.jurisdictions.entanglement).toEqual(a.jurisdictions.entanglement);
  });

  it(`(e) the public level rises with the dose, and never above 1 (property, fast-check seed ${FC_SEED})`, () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 6, noNaN: true }),
        (x, y, half, steepness) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(coverage(lo, half, steepness)).toBeLessThanOrEqual(coverage(hi, half, steepness));
          expect(coverage(hi, half, steepness)).toBeLessThanOrEqual(1);
          expect(coverage(lo, half, steepness)).toBeGreaterThanOrEqual(0);
          expect(coverage(half, half, steepness)).toBeCloseTo(0.5, 12);
        },
      ),
    );
  });

  it(`(e) belief rises with enforcement dose in a running world (property over federal arrest rates, fast-check seed ${FC_SEED})`, () => {
    const run = (federalArrestsPerYear: number) => {
      const w = createWorld(
        smallScenario(
          {
            run: { years: 1, activationDay: 120, burnInWeeks: 4 },
            enforcement: { federalArrestsPerYear, federalDetainerProbPriority: 0, federalDetainerProbOther: 0 },
          },
          { residents: 3000 },
          { model: 'none' },
        ),
      );
      runToEnd(w);
      return meanBelief(w);
    };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.05, noNaN: true }), fc.double({ min: 0.1, max: 0.4, noNaN: true }), (low, high) => {
        expect(run(high)).toBeGreaterThan(run(low));
      }),
      { numRuns: 6 },
    );
  });

  it('(e) a sanctuary policy lowers belief below no agreement when federal enforcement goes on, and holds fewer people for ICE', () => {
    const base = { run: { years: 2, activationDay: 120, burnInWeeks: 26 }, enforcement: { federalDetainerProbOther: 0.5, federalDetainerProbPriority: 0.8 } };
    let lower = 0;
    for (let rep = 0; rep < 3; rep++) {
      const none = createWorld(smallScenario(base, { residents: 4000 }, { model: 'none' }), 7, rep);
      const sanctuary = createWorld(smallScenario(base, { residents: 4000 }, { model: 'none', sanctuary: true }), 7, rep);
      runToEnd(none);
      runToEnd(sanctuary);
      expect(sanctuary.jurisdictions.entanglement[0]).toBeLessThan(none.jurisdictions.entanglement[0]);
      if (meanBelief(sanctuary) < meanBelief(none)) lower++;
    }
    expect(lower).toBe(3);
  });

  it('(e) without its announcement, a sanctuary jail still lowers the enforcement residents see (declined detainers) and holds fewer people for ICE', () => {
    const base = {
      run: { years: 2, activationDay: 120, burnInWeeks: 26 },
      enforcement: { federalDetainerProbOther: 0.5, federalDetainerProbPriority: 0.8 },
      contrasts: { sanctuaryAnnouncement: 0 },
    };
    let dose = 0;
    const held = [0, 0];
    for (let rep = 0; rep < 3; rep++) {
      const none = createWorld(smallScenario(base, { residents: 4000 }, { model: 'none' }), 7, rep);
      const sanctuary = createWorld(smallScenario(base, { residents: 4000 }, { model: 'none', sanctuary: true }), 7, rep);
      runToEnd(none);
      runToEnd(sanctuary);
      if (sanctuary.jurisdictions.enforcementRate[0] < none.jurisdictions.enforcementRate[0]) dose++;
      // Federal at-large arrests are the same draws in both worlds; the difference is the detainers declined.
      held[0] += summarise(none).jurisdictions[0].groups.all.after.detentions ?? 0;
      held[1] += summarise(sanctuary).jurisdictions[0].groups.all.after.detentions ?? 0;
    }
    expect(dose).toBe(3);
    expect(held[1]).toBeLessThan(held[0]);
  });
});

describe('detainers at booking', () => {
  /** Another member of resident r's household, and where their trust, belief and the day's dose stand now. */
  const householdOf = (w: World, r: number) => {
    const start = w.households.start[w.residents.household[r]];
    const other = start === r ? start + 1 : start;
    return { other, trust: w.residents.trust[other], belief: w.residents.belief[other], today: w.jurisdictions.enforcementToday[0] };
  };
  const find = (w: World) => {
    const { kind, household, custody } = w.residents;
    for (let i = 0; i < w.residents.count; i++)
      if (kind[i] >= 8 && (kind[i] & 3) === UNDOCUMENTED && w.households.size[household[i]] > 1 && custody[i] === 0) return i;
    return -1;
  };

  it('a detainer the jail honours holds the person and shocks the household that day', () => {
    const sc = smallScenario(
      { enforcement: { federalDetainerProbPriority: 0, federalDetainerProbOther: 0 }, run: { years: 1, activationDay: 10, burnInWeeks: 0 } },
      { residents: 4000 },
      { model: 'jailEnforcement', jailScreeningProb: 1 },
    );
    const w = createWorld(sc);
    stepDays(w, 20);
    const r = find(w);
    expect(r).toBeGreaterThanOrEqual(0);
    const { trust, custody, belief } = w.residents;
    const { other, trust: before, belief: beliefBefore, today } = householdOf(w, r);
    // A felony is always booked, so the detainer is certain.
    expect(arrest(w, r, CHARGE_FELONY, w.residents.jur[r], false)).toBe(BOOKED_WITH_DETAINER);
    expect(custody[r]).toBe(JAILED_THEN_DETAINED);
    expect(trust[other]).toBeCloseTo(Math.max(0, before - sc.trust.householdDetentionShock), 6);
    expect(belief[other]).toBeGreaterThan(beliefBefore);
    expect(w.jurisdictions.enforcementToday[0] - today).toBe(1);
  });

  it('a detainer a sanctuary jail declines lets the person go home: no shock to the household, and it weighs as ICE acting alone', () => {
    const sc = smallScenario(
      {
        enforcement: { federalDetainerProbPriority: 1, federalDetainerProbOther: 1 },
        policing: { misdemeanourBookingProb: 1 },
        run: { years: 1, activationDay: 10, burnInWeeks: 0 },
      },
      { residents: 4000 },
      { model: 'none', sanctuary: true },
    );
    const w = createWorld(sc);
    stepDays(w, 20);
    const r = find(w);
    const { trust, custody, belief } = w.residents;
    const { other, trust: before, belief: beliefBefore, today } = householdOf(w, r);
    expect(arrest(w, r, CHARGE_MISDEMEANOUR, 0, false)).toBe(BOOKED_WITH_DETAINER);
    expect(custody[r]).toBe(JAILED);
    expect(trust[other]).toBe(before);
    expect(belief[other]).toBe(beliefBefore);
    expect(w.jurisdictions.enforcementToday[0] - today).toBeCloseTo(sc.entanglement.iceAloneWeight, 9);
  });
});

describe('the coverage curve (a gap found by mutation testing)', () => {
  it('is the Hill curve dose^n / (dose^n + half^n) for each half dose and steepness asked, one changed at a time', () => {
    const hill = (d: number, h: number, n: number) => d ** n / (d ** n + h ** n);
    // A half dose or a steepness that differs from the last call's alone must not reuse its power.
    for (const [h, n] of [
      [4, 2],
      [9, 2],
      [9, 3],
      [4, 3],
      [4, 2],
    ])
      for (const d of [0.5, 4, 9, 30]) expect(coverage(d, h, n)).toBeCloseTo(hill(d, h, n), 12);
    expect(coverage(7, 7, 1.7)).toBeCloseTo(0.5, 12);
    expect(coverage(0, 7, 1.7)).toBe(0);
  });
});
