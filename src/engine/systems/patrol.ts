import {
  CHARGE_MISDEMEANOUR,
  CHARGE_NONE,
  CHARGE_TRAFFIC,
  FREE,
  GROUP_OF_KIND,
  JAILED_THEN_DETAINED,
  UNDOCUMENTED,
  kindIsLatino,
  kindStatus,
  kindIsNoncitizen,
} from '../../vocabulary/codes.ts';
import { residentInCell } from '../create/population.ts';
import { C, count } from '../metrics/accumulate.ts';
import { pick, poisson } from '../rng.ts';
import { modelInForce, policyActive, raiseBelief, type World } from '../world.ts';
import { noteEnforcement } from './entanglement.ts';
import { BOOKED, BOOKED_WITH_DETAINER, CITED, arrest, enterDetention, lodgeDetainer, shock } from './custody.ts';
import { EV, logEvent } from '../view/event-log.ts';

/** Tries to find a stop target before an officer gives up for that stop. */
const MAX_TRIES = 16;
/** Patrol stops are of drivers and pedestrians of at least this age (the NCVS population, as victimisation). */
const MIN_STOP_AGE = 12;
/** Drivers: only they can be arrested for driving without a licence. */
const DRIVING_AGE = 16;

/**
 * Patrol: each officer works a neighbourhood chosen in proportion to its population and stops residents
 * aged 12 or more. Under every policy, a stopped undocumented driver may be arrested for driving without
 * a licence. Under a Task Force agreement in force, Latino residents are chosen for stops more often
 * (profiling multiplier), stops of Latino residents end in arrest more often, and deputised officers
 * question people about status, which can lead to immigration arrest without any criminal charge (its
 * detainer is recorded under no criminal charge). An arrest is booked or cited by its charge (custody.ts).
 */
export function patrol(w: World): void {
  const o = w.officers;
  const res = w.residents;
  const u = w.rng.patrol;
  const perDay = w.scenario.policing.stopsPerOfficerDay;
  for (let i = 0; i < o.count; i++) {
    const j = o.jur[i];
    const js = w.jurisdictions;
    const cell = res.cell[js.resStart[j] + pick(u, js.resCount[j])];
    o.cell[i] = cell;
    const patrolEnforcement = modelInForce(w, j) && w.params.questionsOnPatrol[j] === 1;
    const multiplier = patrolEnforcement ? w.scenario.jurisdictions[j].policy.profilingMultiplier : 1;
    const stops = poisson(u, perDay);
    for (let s = 0; s < stops; s++) {
      let target = -1;
      for (let t = 0; t < MAX_TRIES && target < 0; t++) {
        const r = residentInCell(w.cells, cell, u);
        if (res.custody[r] !== FREE || res.age[r] < MIN_STOP_AGE) continue;
        // Rejection sampling: a non-Latino candidate is kept with probability 1 / multiplier.
        if (!kindIsLatino(res.kind[r]) && multiplier > 1 && u() * multiplier >= 1) continue;
        target = r;
      }
      if (target >= 0) stop(w, target, j, patrolEnforcement && o.deputised[i] === 1);
    }
  }
}

function stop(w: World, r: number, j: number, deputised: boolean): void {
  const res = w.residents;
  const p = w.scenario.policing;
  const policy = w.scenario.jurisdictions[j].policy;
  const u = w.rng.stopOutcome;
  const g = GROUP_OF_KIND[res.kind[r]];
  const latino = kindIsLatino(res.kind[r]);
  const patrolEnforcement = modelInForce(w, j) && w.params.questionsOnPatrol[j] === 1;
  count(w.metrics, res.jur[r], g, C.stops);
  const trustBuilding = policyActive(w) && w.params.trustBuilding[j] === 1;
  const stopShock = w.scenario.trust.stopShock * (trustBuilding ? 1 - w.scenario.contrasts.trustBuildingStopShockReduction : 1);
  res.trust[r] = Math.max(0, res.trust[r] - stopShock);
  logEvent(w.events, w.day, EV.stopped, r, j, res.trust[r]);
  // Fixed number of draws per stop keeps the stream aligned.
  const arrestDraw = u();
  const chargeDraw = u();
  const questionDraw = u();
  const licenceDraw = u();
  const undocumented = kindStatus(res.kind[r]) === UNDOCUMENTED;
  const odds = patrolEnforcement && latino ? policy.arrestBiasMultiplier : 1;
  const base = p.arrestPerStop;
  const arrestP = (base * odds) / (1 - base + base * odds);
  const unlicensed = undocumented && res.age[r] >= DRIVING_AGE && licenceDraw < p.unlicensedArrestProb;
  const arrested = arrestDraw < arrestP || unlicensed;
  // The stop's charge: what an arrest is for, and what a detainer from status questioning records.
  const charge = arrestDraw >= arrestP || chargeDraw < p.trafficShareOfStopArrests ? CHARGE_TRAFFIC : CHARGE_MISDEMEANOUR;
  const questioned = deputised && questionDraw < policy.statusQuestioningProb;
  if (questioned) questionAboutStatus(w, r, g);
  const outcome = arrested ? arrest(w, r, charge, j, unlicensed) : CITED;
  // A deputised officer who finds the person undocumented arrests them on immigration grounds.
  // A 287(g) jail holds everyone ICE asks for, so a detainer at booking already holds them.
  if (!(questioned && undocumented) || outcome === BOOKED_WITH_DETAINER) return;
  // The detainer records the arrest's charge, or none for an arrest on immigration grounds alone.
  lodgeDetainer(w, r, arrested ? charge : CHARGE_NONE, true);
  if (outcome === BOOKED) res.custody[r] = JAILED_THEN_DETAINED;
  // Known already through the detainer: no second shock.
  else enterDetention(w, r, false);
}

/**
 * A status question by a local officer, the most visible enforcement local police take part in: trust
 * falls; belief that police work with ICE jumps toward full belief; a non-citizen's fear rises, and their
 * household's by half as much.
 */
function questionAboutStatus(w: World, r: number, g: number): void {
  const res = w.residents;
  count(w.metrics, res.jur[r], g, C.statusQuestioned);
  noteEnforcement(w, r, 1);
  const fearGain = kindIsNoncitizen(res.kind[r]) ? w.scenario.fear.questioningShock : 0;
  shock(res.trust, res.fear, r, w.scenario.trust.questioningShock, fearGain);
  raiseBelief(res, r, w.scenario.entanglement.personalBeliefShock);
  logEvent(w.events, w.day, EV.questioned, r, -1, res.trust[r]);
  if (fearGain === 0) return;
  const h = res.household[r];
  const start = w.households.start[h];
  for (let o = start, end = start + w.households.size[h]; o < end; o++) if (o !== r) shock(res.trust, res.fear, o, 0, fearGain / 2);
}
