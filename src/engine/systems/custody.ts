import {
  CHARGE_FELONY,
  DETAINED_FOR_RELEASE,
  DETAINED_FOR_REMOVAL,
  FREE,
  GROUP_OF_KIND,
  JAILED,
  JAILED_THEN_DETAINED,
  REMOVED,
  RESIDENT_GROUPS,
  UNDOCUMENTED,
} from '../codes.ts';
import { vacate } from '../create/offenders.ts';
import { C, count } from '../metrics/accumulate.ts';
import { MODEL_JAIL, MODEL_NONE } from '../params.ts';
import { GONE, modelInForce, policyActive, tieOf, type World } from '../world.ts';
import { noteEnforcement } from './entanglement.ts';
import { EV, logEvent } from '../view/event-log.ts';

/**
 * Custody: arrests and booking, the immigration check at booking under each 287(g) model, immigration
 * detention, removal and release. Each resident in custody waits in the event list of the day their
 * state next changes (a linked list through `nextEvent`), so only the day's events are visited.
 */

/** Puts resident r in the event list of `day` (dropped when past the end of the run). */
export function schedule(w: World, r: number, day: number): void {
  const slot = day + w.params.burnInDays;
  if (slot >= w.eventHead.length) return;
  w.residents.nextEvent[r] = w.eventHead[slot];
  w.eventHead[slot] = r;
}

/** Applies the custody changes due today: releases, hand-overs to ICE, removals. */
export function processCustodyEvents(w: World): void {
  const res = w.residents;
  const slot = w.day + w.params.burnInDays;
  let r = w.eventHead[slot];
  w.eventHead[slot] = -1;
  while (r >= 0) {
    const next = res.nextEvent[r];
    res.nextEvent[r] = -1;
    const state = res.custody[r];
    if (state === JAILED || state === DETAINED_FOR_RELEASE) {
      res.custody[r] = FREE;
      logEvent(w.events, w.day, EV.released, r, -1, res.trust[r]);
    }
    // The household and community learnt of the detainer when it was lodged at booking.
    else if (state === JAILED_THEN_DETAINED) enterDetention(w, r, false);
    else if (state === DETAINED_FOR_REMOVAL) remove(w, r);
    r = next;
  }
}

/**
 * An arrest by jurisdiction j's police on a charge: the resident is booked and jailed, and if
 * undocumented, checked for immigration status as the model in force says. A detainer lodged at booking
 * is known at once: it shocks the household and ties and counts as local enforcement (the hand-over to
 * ICE at the end of the jail term adds no second shock). Returns true if a detainer was issued.
 */
export function arrestAndBook(w: World, r: number, charge: number, j: number): boolean {
  const res = w.residents;
  const g = GROUP_OF_KIND[res.kind[r]];
  count(w.metrics, res.jur[r], g, C.arrests);
  logEvent(w.events, w.day, EV.arrested, r, charge, res.trust[r]);
  const days = Math.max(1, w.params.jailDays[charge]);
  res.custody[r] = JAILED;
  schedule(w, r, w.day + days);
  const u = w.rng.detention;
  // Both draws are made for everyone, so the stream stays aligned whatever the policy.
  const federalFlag = u() < w.scenario.enforcement.federalBookingDetainerProb;
  const screened = u() < w.scenario.jurisdictions[j].policy.jailScreeningProb;
  const honourDraw = u();
  if ((res.kind[r] & 3) !== UNDOCUMENTED) return false;
  const active = policyActive(w);
  const model = modelInForce(w, j);
  const detainer = federalFlag || (model === MODEL_JAIL && screened);
  if (!detainer) return false;
  lodgeDetainer(w, r, charge);
  let honoured: boolean;
  if (model !== MODEL_NONE)
    honoured = true; // a 287(g) jail (any model) holds people for ICE
  else if (active && w.params.sanctuary[j]) honoured = charge === CHARGE_FELONY;
  else honoured = honourDraw < w.scenario.enforcement.detainerHonourProb;
  if (honoured) res.custody[r] = JAILED_THEN_DETAINED;
  return true;
}

/**
 * A detainer lodged against resident r, recorded by its most serious charge. It is known at once: the
 * household and ties are shocked and it counts as local enforcement.
 */
export function lodgeDetainer(w: World, r: number, charge: number): void {
  const res = w.residents;
  count(w.metrics, res.jur[r], GROUP_OF_KIND[res.kind[r]], C.detainers + charge);
  noteEnforcement(w, r);
  shockAround(w, r);
}

/**
 * Takes resident r into immigration detention and decides removal or release. Unless the detention was
 * already known (a detainer lodged at booking), it shocks the household and ties (their trust falls,
 * their fear rises) and counts as local enforcement.
 */
export function enterDetention(w: World, r: number, news: boolean): void {
  const res = w.residents;
  const e = w.scenario.enforcement;
  const remove = w.rng.detention() < e.removalProb;
  res.custody[r] = remove ? DETAINED_FOR_REMOVAL : DETAINED_FOR_RELEASE;
  schedule(w, r, w.day + e.removalDelayDays);
  const j = res.jur[r];
  count(w.metrics, j, GROUP_OF_KIND[res.kind[r]], C.detentions);
  logEvent(w.events, w.day, EV.detained, r, -1, res.trust[r]);
  if (!news) return;
  noteEnforcement(w, r);
  shockAround(w, r);
}

function remove(w: World, r: number): void {
  const res = w.residents;
  res.custody[r] = REMOVED;
  // The weekly pass reads only jurKind: the mark tells it this resident has left.
  res.jurKind[r] = GONE;
  // Head counts of residents in the country, which the weekly snapshot reads.
  const present = (res.jur[r] * RESIDENT_GROUPS + GROUP_OF_KIND[res.kind[r]]) * 3;
  w.jurisdictions.present[present] -= 1;
  if (res.age[r] >= 12) w.jurisdictions.present[present + 1] -= 1;
  if (w.households.start[res.household[r]] === r) w.jurisdictions.present[present + 2] -= 1;
  count(w.metrics, res.jur[r], GROUP_OF_KIND[res.kind[r]], C.removals);
  logEvent(w.events, w.day, EV.removed, r, -1, res.trust[r]);
  const slot = res.offenderSlot[r];
  // Removing an active offender ends that offender's crimes here; a replacement may come later.
  if (slot >= 0) vacate(w.offenders, slot, res, w.day, w.scenario.crime.replacementDays, w.rng.careers);
}

/** Vicarious experience of a detainer or detention: every other household member, and the resident's ties. */
function shockAround(w: World, r: number): void {
  const res = w.residents;
  const t = w.scenario.trust;
  const f = w.scenario.fear;
  const h = res.household[r];
  const start = w.households.start[h];
  const end = start + w.households.size[h];
  for (let o = start; o < end; o++) {
    if (o === r) continue;
    shock(res.trust, res.fear, o, t.householdDetentionShock, f.householdDetentionShock);
    logEvent(w.events, w.day, EV.relativeDetained, o, r, res.trust[o]);
  }
  for (let k = 0; k < res.tiesPer; k++) {
    const o = tieOf(res, r, k);
    shock(res.trust, res.fear, o, t.tieDetentionShock, f.tieDetentionShock);
    logEvent(w.events, w.day, EV.tieDetained, o, r, res.trust[o]);
  }
}

/** Lowers trust and raises fear of resident o, keeping both in [0, 1]. */
export function shock(trust: Float32Array, fear: Float32Array, o: number, trustLoss: number, fearGain: number): void {
  trust[o] = Math.max(0, trust[o] - trustLoss);
  fear[o] = Math.min(1, fear[o] + fearGain);
}
