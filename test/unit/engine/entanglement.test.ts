import { describe, expect, it } from 'vitest';
import { CHARGE_MISDEMEANOUR, JAILED_THEN_DETAINED, UNDOCUMENTED, createWorld, stepDays } from '../../../src/engine/index.ts';
import { arrestAndBook } from '../../../src/engine/systems/custody.ts';
import { BELIEF_SCALE, beliefOf } from '../../../src/engine/world.ts';
import { smallScenario } from '../../helpers/small.ts';

describe('perceived entanglement', () => {
  const s = smallScenario({ run: { years: 3, activationDay: 120, burnInWeeks: 4 } }, { residents: 4000 }, { model: 'jailEnforcement', endDay: 500 });

  it('is zero without an agreement, rises at the announcement and fades slowly after the end day', () => {
    const w = createWorld(s);
    const level = () => w.jurisdictions.entanglement[0];
    const meanBelief = () => w.residents.belief.reduce((a, b) => a + b, 0) / BELIEF_SCALE / w.residents.count;
    stepDays(w, 4 * 7 + 119);
    expect(level()).toBe(0);
    expect(meanBelief()).toBe(0);
    stepDays(w, 30);
    const risen = level();
    expect(risen).toBeGreaterThan(0.3);
    expect(meanBelief()).toBeGreaterThan(0.05);
    stepDays(w, 500 - 150);
    const atEnd = level();
    expect(atEnd).toBeGreaterThan(0.3);
    stepDays(w, 90);
    const later = level();
    expect(later).toBeLessThan(atEnd);
    // Slow decay (a year's half-life by default): most of it is still there three months on.
    expect(later).toBeGreaterThan(0.7 * atEnd);
  });

  it('reaches citizens: Latino U.S.-born residents come to believe it, non-Latino citizens much less', () => {
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
    expect(latino / nLatino).toBeGreaterThan(0.2);
    expect(latino / nLatino).toBeGreaterThan(3 * (other / nOther));
  });
});

describe('the jail model\u2019s detainers', () => {
  it('a detainer lodged at booking shocks the household that day', () => {
    const sc = smallScenario(
      { enforcement: { federalBookingDetainerProb: 0 }, run: { years: 1, activationDay: 10, burnInWeeks: 0 } },
      { residents: 4000 },
      { model: 'jailEnforcement', jailScreeningProb: 1 },
    );
    const w = createWorld(sc);
    stepDays(w, 20);
    const { kind, household, trust, custody } = w.residents;
    let r = -1;
    for (let i = 0; i < w.residents.count && r < 0; i++)
      if (kind[i] >= 8 && (kind[i] & 3) === UNDOCUMENTED && w.households.size[household[i]] > 1 && custody[i] === 0) r = i;
    expect(r).toBeGreaterThanOrEqual(0);
    const start = w.households.start[household[r]];
    const other = start === r ? start + 1 : start;
    const before = trust[other];
    const detainer = arrestAndBook(w, r, CHARGE_MISDEMEANOUR, w.residents.jur[r]);
    expect(detainer).toBe(true);
    expect(custody[r]).toBe(JAILED_THEN_DETAINED);
    expect(trust[other]).toBeCloseTo(Math.max(0, before - sc.trust.householdDetentionShock), 6);
    expect(w.jurisdictions.enforcementToday[w.residents.jur[r]]).toBeGreaterThan(0);
  });
});
