import { estimate, type GROUPS, type Estimate, type MetricValues, type RunSummary } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { Target, TargetMeasure, TargetSet } from './schema.ts';

/** How one target fares in a set of replicates. */
export interface TargetResult {
  id: string;
  measure: string;
  unit: string;
  value: number;
  band: [number, number];
  citation: string;
  secondary: boolean;
  /** How the simulated value is read (metric, gap, relativeChange, paired). */
  estimand: TargetMeasure['kind'];
  /** Null when the target does not apply to this scenario (e.g. a Task Force effect in a jail-model run). */
  simulated: Estimate | null;
  /** An event study's coefficient in every quarter from −8 to +8 (its target is their mean over the quarters it names). */
  profile?: { quarter: number; simulated: Estimate }[];
  /**
   * For a target on the realised reporting share: the same estimand on the expected (noise-free)
   * reporting probability, reported apart (not scored). It shows the mechanism without the noise of
   * which crimes happened to be reported; a target file fits it by naming the key expectedReporting.
   */
  noiseFree?: { key: 'expectedReporting'; simulated: Estimate };
  jurisdiction: string | null;
  /** The figure is a bound: inside the band every value fits equally (the calibration loss is 0 there). */
  bound?: true;
  /** Whether the mean over replicates lies in the band. */
  met: boolean | null;
  /** How far outside the band the mean lies, in band widths (0 inside). */
  distance: number | null;
}

export interface FitReport {
  targetSet: { id: string; title: string; version: string };
  results: TargetResult[];
  /** Targets that applied, how many were met, and the summed distance outside the bands. */
  score: { applicable: number; met: number; distance: number };
}

/** The jurisdiction a target is read from, or -1 when none fits it. */
export function targetJurisdiction(t: Target, s: Scenario): number {
  if (t.appliesTo === 'baseline') return 0;
  return s.jurisdictions.findIndex((j) => j.policy.model === t.appliesTo && (!t.screening || j.policy.screening === t.screening));
}

/** True when a target is read against the scenario's no-agreement twin. */
export function needsTwin(set: TargetSet, scenario?: Scenario): boolean {
  return set.targets.some(
    (t) =>
      t.simulated.kind === 'paired' ||
      ((t.simulated.kind === 'did' || t.simulated.kind === 'eventStudy') && (!scenario || didComparison(scenario, targetJurisdiction(t, scenario)) < 0)),
  );
}

/** True when a set's targets read each quarter around activation: its runs must ask for them (`quarterly` in the task). */
export function needsQuarters(set: TargetSet): boolean {
  return set.targets.some((t) => t.simulated.kind === 'eventStudy');
}

/** Households the simulated survey interviews per jurisdiction and period for stated-intention targets (about Theodore's 2,004 respondents' worth). */
const STATED_SURVEY_HOUSEHOLDS = 2000;

/**
 * What the runs of a set of targets must keep beyond their summary, as fields of the replicate task:
 * the quarters around activation (event-study targets) and the simulated survey (stated-intention targets).
 */
export function runNeeds(sets: readonly TargetSet[]): { quarterly: boolean; surveyHouseholds: number } {
  return {
    quarterly: sets.some(needsQuarters),
    surveyHouseholds: sets.some((s) => s.targets.some((t) => t.simulated.kind === 'stated')) ? STATED_SURVEY_HOUSEHOLDS : 0,
  };
}

type EventStudy = Extract<TargetMeasure, { kind: 'eventStudy' }>;

/**
 * An event study's coefficients, quarter by quarter (−8 to +8), in one run: treated minus comparison,
 * less the same in quarter −1; null where a quarter (or the reference) was not simulated whole, or the
 * run did not keep its quarters.
 */
export function eventStudyCoefficients(m: EventStudy, summary: RunSummary, j: number, other: RunSummary | undefined, at: number): (number | null)[] {
  const treated = summary.quarters?.jurisdictions[j]?.groups[m.group];
  const comparison = other?.quarters?.jurisdictions[at]?.groups[m.group];
  const quarters = summary.quarters?.quarters ?? [];
  if (!treated || !comparison) return quarters.map(() => null);
  const difference = (i: number): number | null => {
    const t = treated[i]?.[m.key] ?? null;
    const c = comparison[i]?.[m.key] ?? null;
    if (t === null || c === null) return null;
    if (m.scale === 'difference') return t - c;
    return c === 0 ? null : (t - c) / c;
  };
  const reference = difference(quarters.indexOf(-1));
  return quarters.map((_, i) => {
    const d = difference(i);
    return d === null || reference === null ? null : d - reference;
  });
}

/**
 * The comparison jurisdiction of a difference in differences: the first other jurisdiction with no
 * agreement, no sanctuary policy and no trust-building; -1 when there is none (the twin stands in).
 */
export function didComparison(s: Scenario, treated: number): number {
  return s.jurisdictions.findIndex((j, k) => k !== treated && j.policy.model === 'none' && !j.policy.sanctuary && !j.policy.trustBuilding);
}

/**
 * The simulated value of one target in one run; `twin` is the same replicate of the no-agreement twin,
 * needed by paired targets (null without it).
 */
export function simulatedValue(m: TargetMeasure, summary: RunSummary, j: number, twin?: RunSummary, comparison = -1): number | null {
  if (m.kind === 'stated') {
    const answer = summary.survey?.jurisdictions[j]?.after[m.group];
    return (m.question === 'report' ? answer?.lessLikelyToReport.value : answer?.lessLikelyToVolunteer.value) ?? null;
  }
  const readAt = (s: RunSummary, at: number, g: string, p: 'before' | 'after'): number | null =>
    (s.jurisdictions[at].groups[g as (typeof GROUPS)[number]] as Record<string, MetricValues>)[p][m.key] ?? null;
  const read = (s: RunSummary, g: string, p: 'before' | 'after') => readAt(s, j, g, p);
  const get = (g: string, p: 'before' | 'after') => read(summary, g, p);
  if (m.kind === 'did') {
    // The comparison: another jurisdiction of the same run, or the same one in the twin.
    const other = comparison >= 0 ? summary : twin;
    if (!other) return null;
    const at = comparison >= 0 ? comparison : j;
    const [tb, ta, cb, ca] = [get(m.group, 'before'), get(m.group, 'after'), readAt(other, at, m.group, 'before'), readAt(other, at, m.group, 'after')];
    if (tb === null || ta === null || cb === null || ca === null) return null;
    const did = ta - tb - (ca - cb);
    return m.scale === 'relative' ? (tb === 0 ? null : did / tb) : did;
  }
  if (m.kind === 'eventStudy') {
    const other = comparison >= 0 ? summary : twin;
    const coefficients = eventStudyCoefficients(m, summary, j, other, comparison >= 0 ? comparison : j);
    const quarters = summary.quarters?.quarters ?? [];
    const chosen = coefficients.filter((_, i) => quarters[i] >= m.quarters[0] && quarters[i] <= m.quarters[1]);
    // Every quarter named must be there: a mean over the quarters that happen to exist would be another target.
    if (chosen.length === 0 || chosen.some((c) => c === null)) return null;
    return (chosen as number[]).reduce((a, b) => a + b, 0) / chosen.length;
  }
  if (m.kind === 'paired') {
    if (!twin) return null;
    const policy = get(m.group, 'after');
    const base = read(twin, m.group, 'after');
    return policy === null || base === null || base === 0 ? null : policy / base - 1;
  }
  if (m.kind === 'metric') return get(m.group, m.period);
  if (m.kind === 'gap') {
    const a = get(m.groups[0], m.period);
    const b = get(m.groups[1], m.period);
    return a === null || b === null ? null : a - b;
  }
  const before = get(m.group, 'before');
  const after = get(m.group, 'after');
  return before === null || after === null || before === 0 ? null : after / before - 1;
}

/**
 * Compares replicates of a scenario with every target of a set. `twins[i]` is replicate i of the
 * scenario's no-agreement twin, for paired targets; without twins those targets are left unmet (null).
 */
export function fitReport(set: TargetSet, scenario: Scenario, summaries: RunSummary[], twins?: RunSummary[]): FitReport {
  const results = set.targets.map((t): TargetResult => {
    const j = targetJurisdiction(t, scenario);
    const m = t.simulated;
    const comparison = (m.kind === 'did' || m.kind === 'eventStudy') && j >= 0 ? didComparison(scenario, j) : -1;
    const paired = m.kind === 'paired' || ((m.kind === 'did' || m.kind === 'eventStudy') && comparison < 0);
    const applies = j >= 0 && !(paired && !twins);
    const simulated = applies ? estimate(summaries.map((s, i) => simulatedValue(m, s, j, twins?.[i], comparison))) : null;
    const profile = applies && m.kind === 'eventStudy' ? eventStudyProfile(m, summaries, j, comparison >= 0 ? undefined : twins, comparison) : undefined;
    const expected = { ...m, key: 'expectedReporting' } as TargetMeasure;
    const noiseFree =
      applies && m.kind !== 'stated' && m.key === 'reportedShare'
        ? { key: 'expectedReporting' as const, simulated: estimate(summaries.map((s, i) => simulatedValue(expected, s, j, twins?.[i], comparison))) }
        : undefined;
    const mean = simulated?.mean ?? null;
    const [lo, hi] = t.band;
    const width = Math.max(hi - lo, 1e-9);
    return {
      id: t.id,
      measure: t.measure,
      unit: t.unit,
      value: t.value,
      band: [lo, hi],
      citation: t.citation,
      secondary: t.secondary,
      estimand: t.simulated.kind,
      simulated,
      ...(profile ? { profile } : {}),
      ...(noiseFree ? { noiseFree } : {}),
      jurisdiction: j < 0 ? null : scenario.jurisdictions[j].name,
      ...(t.bound ? { bound: true as const } : {}),
      met: mean === null ? null : mean >= lo && mean <= hi,
      distance: mean === null ? null : mean < lo ? (lo - mean) / width : mean > hi ? (mean - hi) / width : 0,
    };
  });
  const applicable = results.filter((r) => r.met !== null);
  return {
    targetSet: { id: set.id, title: set.title, version: set.version },
    results,
    score: { applicable: applicable.length, met: applicable.filter((r) => r.met).length, distance: applicable.reduce((a, r) => a + (r.distance ?? 0), 0) },
  };
}

/** Every quarter's coefficient of an event study, as a mean with its interval over the replicates. */
function eventStudyProfile(m: EventStudy, summaries: RunSummary[], j: number, twins: RunSummary[] | undefined, comparison: number) {
  const per = summaries.map((s, i) => eventStudyCoefficients(m, s, j, comparison >= 0 ? s : twins?.[i], comparison >= 0 ? comparison : j));
  const quarters = summaries[0]?.quarters?.quarters ?? [];
  return quarters.map((quarter, q) => ({ quarter, simulated: estimate(per.map((c) => c[q])) }));
}
