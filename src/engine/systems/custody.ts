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
  SCREENING_UNIVERSAL,
  UNDOCUMENTED,
  kindStatus,
} from '../../vocabulary/codes.ts';
import { vacate } from '../create/offenders.ts';
import { C, count } from '../metrics/accumulate.ts';
import { GONE, modelInForce, policyActive, raiseBelief, tieOf, type World } from '../world.ts';
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
    // The household and community learnt of the hold when the detainer was lodged at booking.
    else if (state === JAILED_THEN_DETAINED) enterDetention(w, r, false);
    else if (state === DETAINED_FOR_REMOVAL) remove(w, r);
    r = next;
  }
}

/** What an arrest came to: a citation, a booking, or a booking with an immigration detainer. */
export const CITED = 0;
export const BOOKED = 1;
export const BOOKED_WITH_DETAINER = 2;

/**
 * An arrest by jurisdiction j's police on a charge. A felony arrest is always booked, a custodial one
 * (driving without a licence) too; a traffic or misdemeanour arrest is booked with the charge's booking
 * chance, else the person is cited and released. Only a booked person is fingerprinted and jailed, and,
 * if undocumented, may get a detainer:
 * - from ICE, which sees the fingerprints in every scenario (as under Secure Communities) and asks for its
 *   priorities (a felony charge or a criminal record) more often than for anyone else;
 * - from the jail's own 287(g) screening under the Jail Enforcement model: everyone booked under
 *   universal screening, only ICE's priorities under targeted screening.
 * A jail with any 287(g) model in force holds everyone ICE asks for; a sanctuary jail only on a felony;
 * other jails with the honour chance. A felony booking leaves a record.
 */
export function arrest(w: World, r: number, charge: number, j: number, custodial: boolean): number {
  const res = w.residents;
  const g = GROUP_OF_KIND[res.kind[r]];
  count(w.metrics, res.jur[r], g, C.arrests);
  const u = w.rng.detention;
  // Four draws at every arrest, whatever the policy and outcome, keep the stream aligned between twins
  // for as long as their arrests are the same.
  const bookDraw = u();
  const federalDraw = u();
  const screenDraw = u();
  const honourDraw = u();
  if (!custodial && bookDraw >= w.params.bookingProb[charge]) {
    logEvent(w.events, w.day, EV.cited, r, charge, res.trust[r]);
    return CITED;
  }
  logEvent(w.events, w.day, EV.arrested, r, charge, res.trust[r]);
  count(w.metrics, res.jur[r], g, C.bookings);
  res.custody[r] = JAILED;
  schedule(w, r, w.day + Math.max(1, w.params.jailDays[charge]));
  const priority = charge === CHARGE_FELONY || res.record[r] === 1;
  if (charge === CHARGE_FELONY) res.record[r] = 1;
  if (kindStatus(res.kind[r]) !== UNDOCUMENTED) return BOOKED;
  const inForce = modelInForce(w, j);
  const e = w.scenario.enforcement;
  const screened =
    inForce && w.params.screensAtBooking[j] === 1 && (priority || w.params.screening[j] === SCREENING_UNIVERSAL) && screenDraw < w.params.jailScreeningProb[j];
  const federal = federalDraw < (priority ? e.federalDetainerProbPriority : e.federalDetainerProbOther);
  if (!screened && !federal) return BOOKED;
  let honoured: boolean;
  if (inForce && w.params.agreement[j] === 1)
    honoured = true; // a 287(g) jail (any model) holds people for ICE
  else if (policyActive(w) && w.params.sanctuary[j]) honoured = charge === CHARGE_FELONY;
  else honoured = honourDraw < e.detainerHonourProb;
  lodgeDetainer(w, r, charge, honoured);
  if (honoured) res.custody[r] = JAILED_THEN_DETAINED;
  return BOOKED_WITH_DETAINER;
}

/**
 * A detainer lodged against resident r, recorded by its most serious charge (none for an arrest on
 * immigration grounds alone). A detainer the jail honours holds the person for ICE: the household and
 * ties learn of it at once (the hand-over at the end of the jail term adds no second shock) and it counts
 * as enforcement local police take part in. One the jail declines lets the person go home: no shock, and
 * it counts as enforcement ICE attempts alone.
 */
export function lodgeDetainer(w: World, r: number, charge: number, held: boolean): void {
  const res = w.residents;
  count(w.metrics, res.jur[r], GROUP_OF_KIND[res.kind[r]], C.detainers + charge);
  if (!held) {
    noteEnforcement(w, r, w.scenario.entanglement.iceAloneWeight);
    return;
  }
  noteEnforcement(w, r, 1);
  shockAround(w, r, 1);
}

/**
 * Takes resident r into immigration detention and decides removal or release. Unless the detention was
 * already known (a detainer the jail honoured, an arrest at a stop), it shocks the household and ties and
 * counts as visible enforcement, ICE's own (an at-large arrest) at the weight of enforcement ICE carries
 * out alone.
 */
export function enterDetention(w: World, r: number, news: boolean): void {
  const res = w.residents;
  const e = w.scenario.enforcement;
  const remove = w.rng.removal() < e.removalProb;
  res.custody[r] = remove ? DETAINED_FOR_REMOVAL : DETAINED_FOR_RELEASE;
  schedule(w, r, w.day + e.removalDelayDays);
  const j = res.jur[r];
  count(w.metrics, j, GROUP_OF_KIND[res.kind[r]], C.detentions);
  logEvent(w.events, w.day, EV.detained, r, -1, res.trust[r]);
  if (!news) return;
  const weight = w.scenario.entanglement.iceAloneWeight;
  noteEnforcement(w, r, weight);
  shockAround(w, r, weight);
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

/**
 * Vicarious experience of a person held for ICE or detained: every other household member and each of
 * the resident's ties lose trust and gain fear, and their belief that police work with ICE jumps toward
 * full belief, in proportion to how far local police took part (`involvement`, 1 when they did).
 */
function shockAround(w: World, r: number, involvement: number): void {
  const res = w.residents;
  const t = w.scenario.trust;
  const f = w.scenario.fear;
  const e = w.scenario.entanglement;
  const household = e.personalBeliefShock * involvement;
  const tie = e.tieBeliefShock * involvement;
  const h = res.household[r];
  const start = w.households.start[h];
  const end = start + w.households.size[h];
  for (let o = start; o < end; o++) {
    if (o === r) continue;
    shock(res.trust, res.fear, o, t.householdDetentionShock, f.householdDetentionShock);
    raiseBelief(res, o, household);
    logEvent(w.events, w.day, EV.relativeDetained, o, r, res.trust[o]);
  }
  for (let k = 0; k < res.tiesPer; k++) {
    const o = tieOf(res, r, k);
    shock(res.trust, res.fear, o, t.tieDetentionShock, f.tieDetentionShock);
    raiseBelief(res, o, tie);
    logEvent(w.events, w.day, EV.tieDetained, o, r, res.trust[o]);
  }
}

/** Lowers trust and raises fear of resident o, keeping both in [0, 1]. */
export function shock(trust: Float32Array, fear: Float32Array, o: number, trustLoss: number, fearGain: number): void {
  trust[o] = Math.max(0, trust[o] - trustLoss);
  fear[o] = Math.min(1, fear[o] + fearGain);
}
