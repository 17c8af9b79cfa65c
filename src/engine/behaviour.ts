import { logistic } from './logit.ts';
import { beliefOf, type World } from './world.ts';

/**
 * Behaviour on the log-odds scale, written once. A victim reports a crime of type τ, a witness cooperates,
 * with
 *   logit p = logit p_base,τ + shift(kind) + β_trust·(T − T₀) − β_fear·w·F − β_belief·E,
 *   logit q = logit q_base + γ_trust·(T − T₀) − γ_fear·F − γ_belief·E,
 * so every probability stays in (0, 1) and each effect reads as an odds ratio. `shift(kind)` is the
 * status's shift plus the Latino shift for a Latino resident; w is the weight fear keeps on reporting
 * (less than 1 under victim-visa outreach). Every caller (each crime, the weekly pass, world creation,
 * the offenders' starting expectations) computes the log-odds through `reportingShift` and
 * `cooperationLogit`; a test fails if any term goes missing.
 */

/** Coefficients of the reporting equation, unpacked once from the scenario (params.ts). */
export interface ReportingCoefficients {
  /** Log-odds shift by kind (0–15): the status's shift, plus the Latino shift for a Latino kind. */
  shiftByKind: Float64Array;
  trustEffect: number;
  trustBaseline: number;
  fearEffect: number;
  beliefEffect: number;
}

/** Coefficients of the cooperation equation. */
export interface CooperationCoefficients {
  /** Log-odds of cooperating at baseline trust, no fear and no belief. */
  base: number;
  trustEffect: number;
  trustBaseline: number;
  fearEffect: number;
  beliefEffect: number;
}

/**
 * A resident's own shift of the log-odds of reporting, the same for every crime type: the crime type's
 * baseline log-odds is added to it for one crime, and the expected-reporting table averages it over the
 * crime mix.
 */
export function reportingShift(c: ReportingCoefficients, kind: number, trust: number, fear: number, fearWeight: number, belief: number): number {
  return c.shiftByKind[kind] + c.trustEffect * (trust - c.trustBaseline) - c.fearEffect * fearWeight * fear - c.beliefEffect * belief;
}

/** The log-odds that a witness cooperates. */
export function cooperationLogit(c: CooperationCoefficients, trust: number, fear: number, belief: number): number {
  return c.base + c.trustEffect * (trust - c.trustBaseline) - c.fearEffect * fear - c.beliefEffect * belief;
}

/** Resident r's reporting shift as things stand today. */
function residentReportingShift(w: World, r: number): number {
  const res = w.residents;
  return reportingShift(w.params.reporting, res.kind[r], res.trust[r], res.fear[r], w.jurisdictions.reportFearWeight[res.jur[r]], beliefOf(res, r));
}

/** Chance that resident r reports a crime of the given type today. */
export function reportingProbability(w: World, r: number, type: number): number {
  return logistic(w.params.reportingLogit[type] + residentReportingShift(w, r));
}

/** Resident r's expected chance of reporting a crime of the run's mix (what the weekly pass sums), from the table. */
export function expectedReportingOf(w: World, r: number): number {
  return expectedReporting(w.params.expectedReportingTable, residentReportingShift(w, r));
}

/** Chance that resident r, asked as a witness, cooperates with an investigation. */
export function cooperationProbability(w: World, r: number): number {
  const res = w.residents;
  return logistic(cooperationLogit(w.params.cooperation, res.trust[r], res.fear[r], beliefOf(res, r)));
}

/** The range of log-odds shifts the expected-reporting table covers, and its steps per unit. */
const TABLE_MIN = -20;
const TABLE_MAX = 20;
const TABLE_STEPS = 64;

/**
 * A table of the expected chance of reporting a crime of the run's mix of types, as a function of a
 * resident's own shift x of the log-odds: Σ_t share_t · logistic(logit p_base,t + x). The weekly pass reads
 * it for every resident, which is faster than four exponentials each.
 */
export function buildExpectedReportingTable(reportingLogit: Float64Array, typeShare: Float64Array): Float64Array {
  const n = (TABLE_MAX - TABLE_MIN) * TABLE_STEPS + 1;
  const table = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = TABLE_MIN + i / TABLE_STEPS;
    let p = 0;
    for (let t = 0; t < reportingLogit.length; t++) p += typeShare[t] * logistic(reportingLogit[t] + x);
    table[i] = p;
  }
  return table;
}

/** The expected chance of reporting for a log-odds shift x, interpolated in the table. */
export function expectedReporting(table: Float64Array, x: number): number {
  if (Number.isNaN(x)) return Number.NaN; // let a broken input show, not read as the table's first entry
  let pos = (x - TABLE_MIN) * TABLE_STEPS;
  const last = table.length - 1;
  pos = pos > 0 ? (pos < last ? pos : last) : 0;
  const i = pos | 0;
  return i < last ? table[i] + (pos - i) * (table[i + 1] - table[i]) : table[last];
}
