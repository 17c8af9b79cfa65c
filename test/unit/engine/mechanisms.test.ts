import { describe, expect, it } from 'vitest';
import {
  CHARGE_FELONY,
  CHARGE_MISDEMEANOUR,
  DETAINED_FOR_REMOVAL,
  JAILED,
  JAILED_THEN_DETAINED,
  REMOVED,
  UNDOCUMENTED,
  createWorld,
  stepDays,
} from '../../../src/engine/index.ts';
import { arrest, enterDetention } from '../../../src/engine/systems/custody.ts';
import { runSummary, smallScenario } from '../../helpers/small.ts';

const busyStops = { policing: { stopsPerOfficerDay: 5 } };

describe('twin worlds', () => {
  it('before activation, a different policy leaves every metric identical (streams split by mechanism)', () => {
    const none = runSummary(smallScenario({}, {}, { model: 'none' }));
    for (const model of ['taskForce', 'jailEnforcement', 'warrantService'] as const) {
      const other = runSummary(smallScenario({}, {}, { model }));
      for (const g of ['latinoCitizen', 'latinoNoncitizen', 'nonLatino', 'all'] as const) {
        expect(other.jurisdictions[0].groups[g].before, `${model} ${g}`).toEqual(none.jurisdictions[0].groups[g].before);
      }
      expect(other.jurisdictions[0].groups.all.after).not.toEqual(none.jurisdictions[0].groups.all.after);
    }
  });
});

describe('Task Force stops', () => {
  it('with a profiling multiplier of 1, Latino and non-Latino residents are stopped at the same rate', () => {
    const s = runSummary(smallScenario(busyStops, { residents: 6000 }, { model: 'taskForce', profilingMultiplier: 1 }));
    const d = s.jurisdictions[0].groups.all.after.stopDisparity!;
    expect(d).toBeGreaterThan(0.88);
    expect(d).toBeLessThan(1.12);
  });

  it('with a multiplier of 4, Latino residents are stopped about four times as often', () => {
    const s = runSummary(smallScenario(busyStops, { residents: 6000 }, { model: 'taskForce', profilingMultiplier: 4 }));
    expect(s.jurisdictions[0].groups.all.before.stopDisparity!).toBeLessThan(1.15);
    const d = s.jurisdictions[0].groups.all.after.stopDisparity!;
    expect(d).toBeGreaterThan(3.2);
    expect(d).toBeLessThan(4.8);
  });

  it('questions people about status only after activation; an arrest on immigration grounds alone records no criminal charge', () => {
    const s = runSummary(smallScenario(busyStops, {}, { model: 'taskForce', deputisedShare: 0.5 }));
    const all = s.jurisdictions[0].groups.all;
    expect(all.before.statusQuestioned).toBe(0);
    expect(all.after.statusQuestioned!).toBeGreaterThan(0);
    expect(all.after['detainers.traffic']!).toBeGreaterThan(0);
    expect(all.after['detainers.none']!).toBeGreaterThan(0);
    expect(all.before['detainers.none']).toBe(0);
  });
});

describe('detainers by model', () => {
  const noFederal = { enforcement: { federalDetainerProbPriority: 0, federalDetainerProbOther: 0, federalArrestsPerYear: 0 } };
  it('with no agreement and no federal background, no detainers are issued and no one is questioned', () => {
    const all = runSummary(smallScenario({ ...noFederal, ...busyStops }, {}, { model: 'none' })).jurisdictions[0].groups.all;
    for (const p of ['before', 'after'] as const) {
      expect(all[p].detainers).toBe(0);
      expect(all[p].statusQuestioned).toBe(0);
      expect(all[p].removals).toBe(0);
    }
  });

  it('with no agreement, detainers come only from the federal background and never without a charge', () => {
    const all = runSummary(smallScenario({ enforcement: { federalDetainerProbPriority: 1, federalDetainerProbOther: 1 }, ...busyStops }, {}, { model: 'none' }))
      .jurisdictions[0].groups.all;
    expect(all.after.detainers!).toBeGreaterThan(0);
    expect(all.after['detainers.none']).toBe(0);
  });

  it('the Jail Enforcement Model screens bookings; the Warrant Service model adds no detainers of its own', () => {
    const jail = runSummary(smallScenario({ ...noFederal, ...busyStops }, {}, { model: 'jailEnforcement' })).jurisdictions[0].groups.all;
    expect(jail.before.detainers).toBe(0);
    expect(jail.after.detainers!).toBeGreaterThan(0);
    expect(jail.after['detainers.traffic']! + jail.after['detainers.misdemeanour']!).toBeGreaterThan(0);
    const wso = runSummary(smallScenario({ ...noFederal, ...busyStops }, {}, { model: 'warrantService' })).jurisdictions[0].groups.all;
    expect(wso.after.detainers).toBe(0);
  });

  it('a sanctuary jail holds people for ICE only on felony charges; a 287(g) jail holds everyone ICE asks for', () => {
    const check = (policy: Record<string, unknown>, charge: number, expected: number) => {
      const s = smallScenario({ enforcement: { federalDetainerProbPriority: 1, federalDetainerProbOther: 1, detainerHonourProb: 0 } }, {}, policy);
      const w = createWorld(s);
      stepDays(w, w.params.burnInDays + s.run.activationDay + 1);
      let r = 0;
      while (w.residents.kind[r] % 4 !== UNDOCUMENTED || w.residents.custody[r] !== 0) r++;
      arrest(w, r, charge, 0, true);
      expect(w.residents.custody[r], JSON.stringify({ policy, charge })).toBe(expected);
    };
    check({ model: 'none', sanctuary: true }, CHARGE_MISDEMEANOUR, JAILED);
    check({ model: 'none', sanctuary: true }, CHARGE_FELONY, JAILED_THEN_DETAINED);
    check({ model: 'none' }, CHARGE_FELONY, JAILED);
    check({ model: 'warrantService' }, CHARGE_MISDEMEANOUR, JAILED_THEN_DETAINED);
  });
});

describe('removal of offenders', () => {
  it('ends the removed offender\u2019s crimes: the slot is vacated and refilled by someone else', () => {
    const s = smallScenario({ enforcement: { removalProb: 1, removalDelayDays: 5 }, crime: { replacementDays: 30 } });
    const w = createWorld(s);
    const slot = 0;
    const r = w.offenders.resident[slot];
    expect(r).toBeGreaterThanOrEqual(0);
    enterDetention(w, r, true);
    expect(w.residents.custody[r]).toBe(DETAINED_FOR_REMOVAL);
    stepDays(w, 6);
    expect(w.residents.custody[r]).toBe(REMOVED);
    expect(w.residents.offenderSlot[r]).toBe(-1);
    expect(w.offenders.resident[slot]).not.toBe(r);
    stepDays(w, 400);
    expect(w.offenders.resident[slot]).not.toBe(r);
    expect(w.offenders.resident[slot]).toBeGreaterThanOrEqual(0);
  });
});

describe('trust and fear', () => {
  it('a Task Force raises Latino non-citizens\u2019 fear and lowers Latino trust against no agreement', () => {
    const none = runSummary(smallScenario(busyStops, {}, { model: 'none' })).jurisdictions[0].groups;
    const tf = runSummary(smallScenario(busyStops, {}, { model: 'taskForce' })).jurisdictions[0].groups;
    expect(tf.latinoNoncitizen.after.meanFear!).toBeGreaterThan(none.latinoNoncitizen.after.meanFear!);
    expect(tf.latinoCitizen.after.meanTrust!).toBeLessThan(none.latinoCitizen.after.meanTrust!);
  });

  it('trust-building leaves trust higher than the same Task Force without it', () => {
    const tf = runSummary(smallScenario(busyStops, {}, { model: 'taskForce' })).jurisdictions[0].groups.all;
    const tb = runSummary(smallScenario(busyStops, {}, { model: 'taskForce', trustBuilding: true })).jurisdictions[0].groups.all;
    expect(tb.after.meanTrust!).toBeGreaterThan(tf.after.meanTrust!);
    expect(tb.before).toEqual(tf.before);
  });
});
