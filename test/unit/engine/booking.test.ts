import { describe, expect, it } from 'vitest';
import {
  CHARGE_FELONY,
  CHARGE_TRAFFIC,
  FREE,
  JAILED,
  JAILED_THEN_DETAINED,
  UNDOCUMENTED,
  createWorld,
  runToEnd,
  stepDays,
  summarise,
  type World,
} from '../../../src/engine/index.ts';
import { arrest, BOOKED, BOOKED_WITH_DETAINER, CITED } from '../../../src/engine/systems/custody.ts';
import { smallScenario } from '../../helpers/small.ts';

/** A free undocumented adult of the first jurisdiction, from `from` on. */
function undocumented(w: World, from = 0): number {
  const res = w.residents;
  for (let r = from; r < res.count; r++) if ((res.kind[r] & 3) === UNDOCUMENTED && res.custody[r] === FREE && res.age[r] >= 18) return r;
  return -1;
}

describe('booking and citation by charge', () => {
  const quietIce = { enforcement: { federalDetainerProbPriority: 0, federalDetainerProbOther: 0 } };

  it('a felony arrest is always booked and leaves a record; a traffic arrest with no booking chance is a citation', () => {
    const w = createWorld(smallScenario({ ...quietIce, policing: { trafficBookingProb: 0 } }, {}, { model: 'none' }));
    stepDays(w, 10);
    const r = undocumented(w);
    expect(arrest(w, r, CHARGE_TRAFFIC, 0, false)).toBe(CITED);
    expect(w.residents.custody[r]).toBe(FREE);
    expect(w.residents.record[r]).toBe(0);
    expect(arrest(w, r, CHARGE_FELONY, 0, false)).toBe(BOOKED);
    expect(w.residents.custody[r]).toBe(JAILED);
    expect(w.residents.record[r]).toBe(1);
    // Driving without a licence is a custodial arrest: booked whatever the traffic booking chance.
    const other = undocumented(w, r + 1);
    expect(arrest(w, other, CHARGE_TRAFFIC, 0, true)).toBe(BOOKED);
  });

  it('targeted screening checks only ICE\u2019s priorities (a felony or a record); universal screening checks everyone booked', () => {
    const setUp = (screening: string) => {
      const w = createWorld(
        smallScenario({ ...quietIce, run: { years: 1, activationDay: 5, burnInWeeks: 0 } }, {}, { model: 'jailEnforcement', jailScreeningProb: 1, screening }),
      );
      stepDays(w, 10);
      return w;
    };
    const targeted = setUp('targeted');
    const minor = undocumented(targeted);
    expect(arrest(targeted, minor, CHARGE_TRAFFIC, 0, true)).toBe(BOOKED);
    const serious = undocumented(targeted, minor + 1);
    expect(arrest(targeted, serious, CHARGE_FELONY, 0, true)).toBe(BOOKED_WITH_DETAINER);
    expect(targeted.residents.custody[serious]).toBe(JAILED_THEN_DETAINED);
    // A record makes a later traffic booking a priority.
    const withRecord = undocumented(targeted, serious + 1);
    targeted.residents.record[withRecord] = 1;
    expect(arrest(targeted, withRecord, CHARGE_TRAFFIC, 0, true)).toBe(BOOKED_WITH_DETAINER);
    const universal = setUp('universal');
    expect(arrest(universal, undocumented(universal), CHARGE_TRAFFIC, 0, true)).toBe(BOOKED_WITH_DETAINER);
  });

  it('(f) universal screening puts a larger share of detainers on traffic and misdemeanour charges than targeted screening', () => {
    const share = (screening: string) => {
      let minor = 0;
      let all = 0;
      for (let rep = 0; rep < 4; rep++) {
        const w = createWorld(
          smallScenario({ run: { years: 2, activationDay: 60, burnInWeeks: 26 } }, { residents: 20000 }, { model: 'jailEnforcement', screening }),
          4,
          rep,
        );
        runToEnd(w);
        const after = summarise(w).jurisdictions[0].groups.all.after;
        minor += after['detainers.traffic']! + after['detainers.misdemeanour']!;
        all += after.detainers!;
      }
      expect(all).toBeGreaterThan(15);
      return minor / all;
    };
    const universal = share('universal');
    const targeted = share('targeted');
    expect(universal).toBeGreaterThan(targeted + 0.15);
  });
});
