import { logistic } from './logit.ts';
import { beliefOf, type World } from './world.ts';

/**
 * Behaviour on the log-odds scale: a victim reports, a witness cooperates, with
 *   logit p = logit p_base + shift(status) + β_trust·(T − T₀) − β_fear·F − β_belief·E,
 * so every probability stays in (0, 1) and each effect reads as an odds ratio.
 */

/** Chance that resident r reports a crime of the given type today. */
export function reportingProbability(w: World, r: number, type: number): number {
  const res = w.residents;
  const s = w.scenario;
  const x =
    w.params.reportingLogit[type] +
    w.params.statusShift[res.kind[r] & 3] +
    s.trust.reportingEffect * (res.trust[r] - s.trust.baseline) -
    s.fear.reportingEffect * w.jurisdictions.reportFearWeight[res.jur[r]] * res.fear[r] -
    s.entanglement.reportingEffect * beliefOf(res, r);
  return logistic(x);
}

/** Resident r's expected chance of reporting a crime of the run's mix (what the weekly pass sums), from the table. */
export function expectedReportingOf(w: World, r: number): number {
  const res = w.residents;
  const s = w.scenario;
  const x =
    w.params.statusShift[res.kind[r] & 3] +
    s.trust.reportingEffect * (res.trust[r] - s.trust.baseline) -
    s.fear.reportingEffect * w.jurisdictions.reportFearWeight[res.jur[r]] * res.fear[r] -
    s.entanglement.reportingEffect * beliefOf(res, r);
  return expectedReporting(w.params.expectedReportingTable, x);
}

/** Chance that resident r, asked as a witness, cooperates with an investigation. */
export function cooperationProbability(w: World, r: number): number {
  const res = w.residents;
  const s = w.scenario;
  const x =
    w.params.cooperationLogit +
    s.trust.cooperationEffect * (res.trust[r] - s.trust.baseline) -
    s.fear.cooperationEffect * res.fear[r] -
    s.entanglement.cooperationEffect * beliefOf(res, r);
  return logistic(x);
}

/** The range of log-odds shifts the expected-reporting table covers, and its steps per unit. */
export const TABLE_MIN = -20;
const TABLE_MAX = 20;
export const TABLE_STEPS = 64;

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
  let pos = (x - TABLE_MIN) * TABLE_STEPS;
  if (pos <= 0) return table[0];
  const last = table.length - 1;
  if (pos >= last) return table[last];
  const i = Math.floor(pos);
  pos -= i;
  return table[i] + pos * (table[i + 1] - table[i]);
}
