import type { Scenario } from '../scenario/schema.ts';
import { buildExpectedReportingTable, type CooperationCoefficients, expectedReporting, type ReportingCoefficients } from './behaviour.ts';
import { logit } from './logit.ts';
import { CHARGES, CRIME_TYPES, GROUP_OF_KIND, KINDS, MODELS, RESIDENT_GROUPS, SCREENINGS, kindIsLatino, kindStatus, jurKindOf } from '../vocabulary/codes.ts';
import { pow } from './portable-math.ts';
import { POLICY_MODELS } from '../vocabulary/policy-models.ts';

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
  /**
   * Per jurisdiction, what its 287(g) model does from the activation day (1 or 0; from the table in
   * vocabulary/policy-models.ts): an agreement at all, screening at booking, questioning on patrol.
   */
  agreement: Uint8Array;
  screensAtBooking: Uint8Array;
  questionsOnPatrol: Uint8Array;
  /** Per jurisdiction, the first day the agreement is no longer in force (past the run when it never ends). */
  endDay: Int32Array;
  sanctuary: Uint8Array;
  trustBuilding: Uint8Array;
  /** Per jurisdiction, whom a Jail Enforcement jail screens (codes.ts SCREENING_*). */
  screening: Uint8Array;
  /** Per jurisdiction, the chance a booking the screening covers is screened. */
  jailScreeningProb: Float64Array;
  /** Per crime type. */
  ratePerResidentYear: Float64Array;
  typeCumShare: Float64Array;
  reportingBase: Float64Array;
  /** Log-odds of reporting per crime type at baseline trust, no fear, no belief and no shift. */
  reportingLogit: Float64Array;
  /** The one reporting equation's coefficients (behaviour.ts). */
  reporting: ReportingCoefficients;
  /** The one cooperation equation's coefficients (behaviour.ts). */
  cooperation: CooperationCoefficients;
  clearanceBase: Float64Array;
  clearancePerWitness: Float64Array;
  charge: Uint8Array;
  /** Jail days per charge code. */
  jailDays: Int32Array;
  /** Chance that an arrest on each charge code ends in booking rather than a citation. */
  bookingProb: Float64Array;
  /** Chance per day that an offender desists. */
  desistPerDay: number;
  /** Crimes per offender per day at the reference reporting, before the personal rate. */
  offenderBasePerDay: number;
  /**
   * Expected chance of reporting a crime of the mix for a resident at baseline trust with no fear, belief
   * or shift: offenders go through with crimes at the base rate against victims they expect to report this much.
   */
  referenceReporting: number;
  /** Weekly factor by which offenders' remembered crimes and reports fade. */
  offenderMemoryWeekly: number;
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
  /** Weekly decay factor of the neighbourhoods' moving average of visible enforcement. */
  enforcementWeeklyDecay: number;
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
  // One array per attribute, filled from the jurisdictions (and below, the crime types) in order.
  const policies = s.jurisdictions.map((j) => j.policy);
  const models = policies.map((policy) => POLICY_MODELS[MODELS.indexOf(policy.model)]);
  const bit = (on: boolean) => (on ? 1 : 0);
  const types = CRIME_TYPES.map((name) => s.crime.types[name]);
  const T = types.length;
  const rate = Float64Array.from(types, (c) => c.ratePer1000 / 1000);
  const total = rate.reduce((sum, r) => sum + r, 0);
  const cum = new Float64Array(T);
  const reportingBase = Float64Array.from(types, (c) => c.reportingBase);
  let acc = 0;
  for (let t = 0; t < T; t++) {
    acc += total > 0 ? rate[t] / total : 1 / T;
    cum[t] = acc;
  }
  cum[T - 1] = 1;
  const p = s.policing;
  const e = s.entanglement;
  const fearSlope = new Float64Array(KINDS);
  const shiftByKind = new Float64Array(KINDS);
  const statusShift = [
    s.crime.statusReportingShift.usBorn,
    s.crime.statusReportingShift.naturalised,
    s.crime.statusReportingShift.lawfulResident,
    s.crime.statusReportingShift.undocumented,
  ];
  for (let k = 0; k < KINDS; k++) {
    const noncitizen = kindStatus(k) >= 2;
    fearSlope[k] = noncitizen ? e.fearEffectNoncitizen : e.fearEffectCitizen;
    shiftByKind[k] = statusShift[kindStatus(k)] + (kindIsLatino(k) ? s.crime.latinoReportingShift : 0);
  }
  const fearSlopeByJurKind = new Float64Array(J * KINDS);
  const groupOfJurKind = new Int32Array(J * KINDS);
  for (let j = 0; j < J; j++) {
    for (let k = 0; k < KINDS; k++) {
      fearSlopeByJurKind[jurKindOf(j, k)] = fearSlope[k];
      groupOfJurKind[jurKindOf(j, k)] = j * RESIDENT_GROUPS + GROUP_OF_KIND[k];
    }
  }
  const reportingLogit = reportingBase.map(logit);
  const typeShare = cum.map((c, t) => c - (t > 0 ? cum[t - 1] : 0));
  const expectedReportingTable = buildExpectedReportingTable(reportingLogit, typeShare);
  return {
    days,
    burnInDays: s.run.burnInWeeks * 7,
    activationDay: s.run.activationDay,
    agreement: Uint8Array.from(models, (m) => bit(m.agreement)),
    screensAtBooking: Uint8Array.from(models, (m) => bit(m.screensAtBooking)),
    questionsOnPatrol: Uint8Array.from(models, (m) => bit(m.questionsOnPatrol)),
    endDay: Int32Array.from(policies, (policy) => policy.endDay ?? days + 1),
    sanctuary: Uint8Array.from(policies, (policy) => bit(policy.sanctuary)),
    trustBuilding: Uint8Array.from(policies, (policy) => bit(policy.trustBuilding)),
    screening: Uint8Array.from(policies, (policy) => SCREENINGS.indexOf(policy.screening)),
    jailScreeningProb: Float64Array.from(policies, (policy) => policy.jailScreeningProb),
    ratePerResidentYear: rate,
    typeCumShare: cum,
    reportingBase,
    reportingLogit,
    reporting: {
      shiftByKind,
      trustEffect: s.trust.reportingEffect,
      trustBaseline: s.trust.baseline,
      fearEffect: s.fear.reportingEffect,
      beliefEffect: e.reportingEffect,
    },
    cooperation: {
      base: logit(p.cooperationBase),
      trustEffect: s.trust.cooperationEffect,
      trustBaseline: s.trust.baseline,
      fearEffect: s.fear.cooperationEffect,
      beliefEffect: e.reportingEffect * e.cooperationRatio,
    },
    clearanceBase: Float64Array.from(types, (c) => c.clearanceBase),
    clearancePerWitness: Float64Array.from(types, (c) => c.clearancePerWitness),
    charge: Uint8Array.from(types, (c) => CHARGES.indexOf(c.charge)),
    jailDays: Int32Array.from([0, p.jailDaysTraffic, p.jailDaysMisdemeanour, p.jailDaysFelony]),
    bookingProb: Float64Array.from([1, p.trafficBookingProb, p.misdemeanourBookingProb, 1]),
    desistPerDay: 1 / (s.crime.careerYears * 365),
    offenderBasePerDay: s.crime.offenderShare > 0 ? total / s.crime.offenderShare / 365 : 0,
    referenceReporting: expectedReporting(expectedReportingTable, 0),
    offenderMemoryWeekly: pow(halfLifeFactor(s.crime.learningHalfLifeDays), 7),
    fearBaseline: Float64Array.from([s.fear.baselineUsBorn, s.fear.baselineNaturalised, s.fear.baselineLawful, s.fear.baselineUndocumented]),
    trustRegain: s.trust.driftPerDay,
    trustLoss: s.trust.lossPerDay,
    fearDecay: s.fear.driftPerDay,
    enforcementDecay: halfLifeFactor(e.enforcementHalfLifeDays),
    pulseDecay: halfLifeFactor(e.pulseHalfLifeDays),
    entanglementRise: 1 - halfLifeFactor(e.riseHalfLifeDays),
    entanglementFall: 1 - halfLifeFactor(e.fallHalfLifeDays),
    cynicismWeeklyDecay: pow(halfLifeFactor(s.trust.cynicismHalfLifeDays), 7),
    enforcementWeeklyDecay: pow(halfLifeFactor(e.enforcementHalfLifeDays), 7),
    fearSlope,
    fearSlopeByJurKind,
    groupOfJurKind,
    expectedReportingTable,
  };
}

/** The daily factor by which something with this half-life (days) decays. */
function halfLifeFactor(days: number): number {
  return pow(0.5, 1 / days);
}
