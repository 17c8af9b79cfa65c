import { describe, expect, it } from 'vitest';
import {
  CHARGE_FELONY,
  CHARGE_MISDEMEANOUR,
  CHARGE_TRAFFIC,
  EV,
  FREE,
  JAILED_THEN_DETAINED,
  UNDOCUMENTED,
  US_BORN,
  createWorld,
  inspectResident,
  kindStatus,
  stepDays,
  type World,
} from '../../../src/engine/index.ts';
import { arrest, BOOKED, BOOKED_WITH_DETAINER, CITED } from '../../../src/engine/systems/custody.ts';
import { tieOf } from '../../../src/engine/world.ts';
import type { ScenarioInput } from '../../../src/scenario/index.ts';
import { smallScenario } from '../../helpers/small.ts';

/**
 * Edges of custody found by mutation testing: chances of 0 at a draw of exactly 0, the criminal record
 * that makes a later arrest an ICE priority, and what the event log records. Arrests are made by calling
 * `arrest` on a world whose policy is in force from day 0.
 */

const world = (over: ScenarioInput = {}, policy: Record<string, unknown> = {}) =>
  createWorld(smallScenario({ ...over, run: { years: 1, activationDay: 0, burnInWeeks: 0 } }, { residents: 1500, gridWidth: 3, gridHeight: 2 }, policy));

/** The first (or `after`-th) free resident aged 18 or more of this status. */
function resident(w: World, status: number, after = 0): number {
  const res = w.residents;
  let seen = 0;
  for (let r = 0; r < res.count; r++) if (kindStatus(res.kind[r]) === status && res.custody[r] === FREE && res.age[r] >= 18 && seen++ === after) return r;
  throw new Error('no such resident');
}

describe('custody at its edges', () => {
  it('chances of 0 stay 0 at a draw of exactly 0: no booking, no screening at the jail, no detainer from ICE', () => {
    // Guards the strict comparisons of the four detention draws (alea can draw exactly 0).
    const w = world(
      { policing: { trafficBookingProb: 0 }, enforcement: { federalDetainerProbPriority: 0, federalDetainerProbOther: 0 } },
      { model: 'jailEnforcement', jailScreeningProb: 0 },
    );
    w.rng.detention = () => 0;
    expect(arrest(w, resident(w, UNDOCUMENTED), CHARGE_TRAFFIC, 0, false)).toBe(CITED);
    // A felony is always booked, and is an ICE priority: still no detainer when neither can ask for one.
    expect(arrest(w, resident(w, UNDOCUMENTED, 1), CHARGE_FELONY, 0, false)).toBe(BOOKED);
  });

  it('a felony booking leaves a record, and the record makes a later misdemeanour arrest an ICE priority', () => {
    // Guards priority = felony charge or record, and that a felony booking sets the record.
    const w = world({
      policing: { jailDaysFelony: 1, misdemeanourBookingProb: 1 },
      enforcement: { federalDetainerProbPriority: 1, federalDetainerProbOther: 0, detainerHonourProb: 0 },
    });
    const r = resident(w, UNDOCUMENTED);
    const clean = resident(w, UNDOCUMENTED, 1);
    expect(w.residents.record[r]).toBe(0);
    // ICE asks for every priority; this jail declines, so the person goes home when the term ends.
    expect(arrest(w, r, CHARGE_FELONY, 0, false)).toBe(BOOKED_WITH_DETAINER);
    expect(w.residents.record[r]).toBe(1);
    stepDays(w, 2);
    expect(w.residents.custody[r]).toBe(FREE);
    expect(arrest(w, r, CHARGE_MISDEMEANOUR, 0, false)).toBe(BOOKED_WITH_DETAINER);
    expect(arrest(w, clean, CHARGE_MISDEMEANOUR, 0, false)).toBe(BOOKED);
  });

  it('a release is logged with no other resident named', () => {
    // Guards the inspector's timeline: "other" is -1 on a release, not some resident's id.
    const w = world({ policing: { jailDaysMisdemeanour: 1 } });
    const r = resident(w, US_BORN);
    expect(arrest(w, r, CHARGE_MISDEMEANOUR, 0, true)).toBe(BOOKED);
    stepDays(w, 2);
    const released = inspectResident(w, r).timeline.filter((e) => e.kind === 'released');
    expect(released).toHaveLength(1);
    expect(released[0].other).toBe(-1);
  });

  it('a person held for ICE shocks each of their ties once, and no one else', () => {
    // Guards the loop over tie slots: exactly tiesPer ties are told, each logged naming the person held.
    const w = world({ enforcement: { federalDetainerProbPriority: 0, federalDetainerProbOther: 0 } }, { model: 'jailEnforcement', jailScreeningProb: 1 });
    const r = resident(w, UNDOCUMENTED);
    const from = w.events.written;
    expect(arrest(w, r, CHARGE_FELONY, 0, false)).toBe(BOOKED_WITH_DETAINER);
    expect(w.residents.custody[r]).toBe(JAILED_THEN_DETAINED);
    const told: number[] = [];
    for (let n = from; n < w.events.written; n++) if (w.events.kind[n] === EV.tieDetained && w.events.other[n] === r) told.push(w.events.resident[n]);
    const ties = Array.from({ length: w.residents.tiesPer }, (_, k) => tieOf(w.residents, r, k));
    expect(ties.length).toBeGreaterThan(0);
    expect(told).toEqual(ties);
  });
});
