import { estimate, GROUPS, type Estimate, type MetricValues, type RunSummary } from '../engine/index.ts';
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
  /** Null when the target does not apply to this scenario (e.g. a Task Force effect in a jail-model run). */
  simulated: Estimate | null;
  jurisdiction: string | null;
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
  return s.jurisdictions.findIndex((j) => j.policy.model === t.appliesTo);
}

/** The simulated value of one target in one run. */
export function simulatedValue(m: TargetMeasure, summary: RunSummary, j: number): number | null {
  const groups = summary.jurisdictions[j].groups;
  const get = (g: string, p: 'before' | 'after'): number | null => (groups[g as (typeof GROUPS)[number]] as Record<string, MetricValues>)[p][m.key] ?? null;
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

/** Compares replicates of a scenario with every target of a set. */
export function fitReport(set: TargetSet, scenario: Scenario, summaries: RunSummary[]): FitReport {
  const results = set.targets.map((t): TargetResult => {
    const j = targetJurisdiction(t, scenario);
    const simulated = j < 0 ? null : estimate(summaries.map((s) => simulatedValue(t.simulated, s, j)));
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
      simulated,
      jurisdiction: j < 0 ? null : scenario.jurisdictions[j].name,
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
