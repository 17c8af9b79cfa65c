import type { Scenario } from '../scenario/schema.ts';
import { buildExpectedReportingTable } from './behaviour.ts';
import { logit } from './logit.ts';
import { CHARGES, CRIME_TYPES, GROUP_OF_KIND, KINDS, MODELS, RESIDENT_GROUPS, kindIsLatino, kindIsMixed, kindStatus } from './codes.ts';
import { FULL_SNAPSHOT_WEEKS } from './metrics/accumulate.ts';

export const MODEL_NONE = 0;
export const MODEL_JAIL = 1;
export const MODEL_WARRANT = 2;
export const MODEL_TASK_FORCE = 3;

/**
 * Numbers the systems read every day, unpacked once from the scenario into flat arrays so hot loops
 * index arrays instead of walking nested objects and strings.
 */
export interface Params {
  /** Measured days; the run covers days −burnInDays … days − 1. */
  days: number;
  /** Days simulated before day 0 and left out of the metrics (a whole number of weeks). */
  burnInDays: number;
  activationDay: number;
  /** Per jurisdiction, the policy that applies from the activation day. */
  model: Uint8Array;
  /** Per jurisdiction, the first day the agreement is no longer in force (past the run when it never ends). */
  endDay: Int32Array;
  sanctuary: Uint8Array;
  trustBuilding: Uint8Array;
  /** Per crime type. */
  ratePerResidentYear: Float64Array;
  typeCumShare: Float64Array;
  reportingBase: Float64Array;
  /** Log-odds of reporting per crime type at baseline trust, no fear and no belief. */
  reportingLogit: Float64Array;
  /** Log-odds shift of reporting by status code. */
  statusShift: Float64Array;
  /** Log-odds of a witness cooperating at baseline trust, no fear and no belief. */
  cooperationLogit: number;
  clearanceBase: Float64Array;
  clearancePerWitness: Float64Array;
  charge: Uint8Array;
  /** Jail days per charge code. */
  jailDays: Int32Array;
  /** Chance per day that an offender desists. */
  desistPerDay: number;
  /** Crimes per offender per day, before personal rate and the reporting response. */
  offenderBasePerDay: number;
  /** Baseline fear by status code. */
  fearBaseline: Float64Array;
  /** Daily share of the gap closed when trust rises toward its target (regain) and when it falls. */
  trustRegain: number;
  trustLoss: number;
  fearDecay: number;
  /** Daily decay factors of the entanglement state. */
  enforcementDecay: number;
  pulseDecay: number;
  entanglementRise: number;
  entanglementFall: number;
  /** Weekly decay factor of the neighbourhoods' legal-cynicism stock. */
  cynicismWeeklyDecay: number;
  /** Public entanglement level sustained while each model (by code) is in force. */
  inForceLevel: Float64Array;
  /** Share of the gap closed by offenders' estimates of expected reporting at each full snapshot. */
  offenderLearning: number;
  /** Per kind: how far a resident's belief follows the public entanglement level. */
  exposure: Float64Array;
  /** Per kind: rise in the fear target per unit of belief. */
  fearSlope: Float64Array;
  /** The same per jurisdiction × kind (index jur × 16 + kind), for the weekly pass. */
  fearSlopeByJurKind: Float64Array;
  /** First counter of each jurisdiction × kind's block (index jur × 16 + kind). */
  groupOfJurKind: Int32Array;
  /** Expected chance of reporting a crime of the mix, by log-odds shift (see behaviour.ts). */
  expectedReportingTable: Float64Array;
}

export function deriveParams(s: Scenario): Params {
  const days = Math.round(s.run.years * 365);
  const J = s.jurisdictions.length;
  const model = new Uint8Array(J);
  const endDay = new Int32Array(J);
  const sanctuary = new Uint8Array(J);
  const trustBuilding = new Uint8Array(J);
  s.jurisdictions.forEach((j, i) => {
    model[i] = MODELS.indexOf(j.policy.model);
    endDay[i] = j.policy.endDay ?? days + 1;
    sanctuary[i] = j.policy.sanctuary ? 1 : 0;
    trustBuilding[i] = j.policy.trustBuilding ? 1 : 0;
  });
  const T = CRIME_TYPES.length;
  const rate = new Float64Array(T);
  const cum = new Float64Array(T);
  const reportingBase = new Float64Array(T);
  const clearanceBase = new Float64Array(T);
  const clearancePerWitness = new Float64Array(T);
  const charge = new Uint8Array(T);
  let total = 0;
  CRIME_TYPES.forEach((name, t) => {
    const c = s.crime.types[name];
    rate[t] = c.ratePer1000 / 1000;
    total += rate[t];
    reportingBase[t] = c.reportingBase;
    clearanceBase[t] = c.clearanceBase;
    clearancePerWitness[t] = c.clearancePerWitness;
    charge[t] = CHARGES.indexOf(c.charge);
  });
  let acc = 0;
  for (let t = 0; t < T; t++) {
    acc += total > 0 ? rate[t] / total : 1 / T;
    cum[t] = acc;
  }
  cum[T - 1] = 1;
  const p = s.policing;
  const e = s.entanglement;
  const exposure = new Float64Array(KINDS);
  const fearSlope = new Float64Array(KINDS);
  for (let k = 0; k < KINDS; k++) {
    const noncitizen = kindStatus(k) >= 2;
    exposure[k] = noncitizen || kindIsMixed(k) ? 1 : kindIsLatino(k) ? e.latinoCitizenExposure : e.nonLatinoExposure;
    fearSlope[k] = noncitizen ? e.fearEffectNoncitizen : e.fearEffectCitizen;
  }
  const fearSlopeByJurKind = new Float64Array(J * KINDS);
  const groupOfJurKind = new Int32Array(J * KINDS);
  for (let j = 0; j < J; j++) {
    for (let k = 0; k < KINDS; k++) {
      fearSlopeByJurKind[j * KINDS + k] = fearSlope[k];
      groupOfJurKind[j * KINDS + k] = j * RESIDENT_GROUPS + GROUP_OF_KIND[k];
    }
  }
  const reportingLogit = reportingBase.map(logit);
  const typeShare = cum.map((c, t) => c - (t > 0 ? cum[t - 1] : 0));
  return {
    days,
    burnInDays: s.run.burnInWeeks * 7,
    activationDay: s.run.activationDay,
    model,
    endDay,
    sanctuary,
    trustBuilding,
    ratePerResidentYear: rate,
    typeCumShare: cum,
    reportingBase,
    reportingLogit,
    statusShift: Float64Array.from([
      s.crime.statusReportingShift.usBorn,
      s.crime.statusReportingShift.naturalised,
      s.crime.statusReportingShift.lawfulResident,
      s.crime.statusReportingShift.undocumented,
    ]),
    cooperationLogit: logit(p.cooperationBase),
    clearanceBase,
    clearancePerWitness,
    charge,
    jailDays: Int32Array.from([0, p.jailDaysTraffic, p.jailDaysMisdemeanour, p.jailDaysFelony]),
    desistPerDay: 1 / (s.crime.careerYears * 365),
    offenderBasePerDay: s.crime.offenderShare > 0 ? total / s.crime.offenderShare / 365 : 0,
    fearBaseline: Float64Array.from([s.fear.baselineUsBorn, s.fear.baselineNaturalised, s.fear.baselineLawful, s.fear.baselineUndocumented]),
    trustRegain: s.trust.driftPerDay,
    trustLoss: s.trust.lossPerDay,
    fearDecay: s.fear.driftPerDay,
    enforcementDecay: halfLifeFactor(e.enforcementHalfLifeDays),
    pulseDecay: halfLifeFactor(e.pulseHalfLifeDays),
    entanglementRise: 1 - halfLifeFactor(e.riseHalfLifeDays),
    entanglementFall: 1 - halfLifeFactor(e.fallHalfLifeDays),
    cynicismWeeklyDecay: Math.pow(halfLifeFactor(s.trust.cynicismHalfLifeDays), 7),
    inForceLevel: Float64Array.from([0, e.inForceJail, e.inForceWarrant, e.inForceTaskForce]),
    offenderLearning: 1 - Math.pow(halfLifeFactor(s.crime.learningHalfLifeDays), 7 * FULL_SNAPSHOT_WEEKS),
    exposure,
    fearSlope,
    fearSlopeByJurKind,
    groupOfJurKind,
    expectedReportingTable: buildExpectedReportingTable(reportingLogit, typeShare),
  };
}

/** The daily factor by which something with this half-life (days) decays. */
function halfLifeFactor(days: number): number {
  return Math.pow(0.5, 1 / days);
}
