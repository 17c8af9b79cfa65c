import type { Scenario } from '../scenario/schema.ts';
import { CHARGES, CRIME_TYPES, MODELS } from './codes.ts';

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
  sanctuary: Uint8Array;
  trustBuilding: Uint8Array;
  /** Per crime type. */
  ratePerResidentYear: Float64Array;
  typeCumShare: Float64Array;
  reportingBase: Float64Array;
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
  trustDecay: number;
  fearDecay: number;
  signalDecay: number;
}

export function deriveParams(s: Scenario): Params {
  const days = Math.round(s.run.years * 365);
  const J = s.jurisdictions.length;
  const model = new Uint8Array(J);
  const sanctuary = new Uint8Array(J);
  const trustBuilding = new Uint8Array(J);
  s.jurisdictions.forEach((j, i) => {
    model[i] = MODELS.indexOf(j.policy.model);
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
  return {
    days,
    burnInDays: s.run.burnInWeeks * 7,
    activationDay: s.run.activationDay,
    model,
    sanctuary,
    trustBuilding,
    ratePerResidentYear: rate,
    typeCumShare: cum,
    reportingBase,
    clearanceBase,
    clearancePerWitness,
    charge,
    jailDays: Int32Array.from([0, p.jailDaysTraffic, p.jailDaysMisdemeanour, p.jailDaysFelony]),
    desistPerDay: 1 / (s.crime.careerYears * 365),
    offenderBasePerDay: s.crime.offenderShare > 0 ? total / s.crime.offenderShare / 365 : 0,
    fearBaseline: Float64Array.from([s.fear.baselineUsBorn, s.fear.baselineNaturalised, s.fear.baselineLawful, s.fear.baselineUndocumented]),
    trustDecay: s.trust.driftPerDay,
    fearDecay: s.fear.driftPerDay,
    signalDecay: Math.pow(0.5, 1 / s.enforcement.signalHalfLifeDays),
  };
}
