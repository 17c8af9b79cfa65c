import {
  differenceInDifferences,
  estimate,
  recordedRate,
  type DidEstimate,
  type Estimate,
  type Measured,
  type ReplicateResult,
  type RunSummary,
} from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { ComparedScenario } from './compare.ts';

/** The published designs' estimate of one outcome for one scenario, over its replicates. */
export interface DidSummary {
  scenario: number;
  treated: number;
  comparison: number;
  outcome: string;
  source: 'recorded crime' | 'survey';
  /** The estimate's mean over replicates and the 95% interval of that mean (the model's answer). */
  estimate: Estimate;
  /** The share of replicates in which a single study's 95% interval excludes zero. */
  detectedShare: number;
  /** Each replicate's estimate, as one study would report it. */
  perReplicate: DidEstimate[];
}

/** The treated jurisdiction (first with a policy) and the comparison (first with none), if both exist. */
function treatedAndComparison(s: Scenario): { treated: number; comparison: number } | null {
  const policy = (j: Scenario['jurisdictions'][number]) => j.policy.model !== 'none' || j.policy.sanctuary || j.policy.trustBuilding;
  const treated = s.jurisdictions.findIndex(policy);
  const comparison = s.jurisdictions.findIndex((j) => !policy(j));
  return treated >= 0 && comparison >= 0 ? { treated, comparison } : null;
}

function recorded(summary: RunSummary, j: number, period: 'before' | 'after'): Measured {
  const m = summary.jurisdictions[j].groups.all[period];
  return recordedRate((m.crimes ?? 0) - (m.unreportedCrimes ?? 0), m.residents ?? 0, m.days ?? 0);
}

/**
 * Difference-in-differences estimates between the treated and comparison jurisdictions, before and
 * after activation: from police-recorded crime always, and from the simulated survey when it ran.
 */
export function didEstimates(c: ComparedScenario, k: number): DidSummary[] {
  const pair = treatedAndComparison(c.scenario);
  if (!pair || c.results.length === 0) return [];
  const { treated: t, comparison: cj } = pair;
  const outcomes: { outcome: string; source: DidSummary['source']; measure: (r: ReplicateResult, j: number, p: 'before' | 'after') => Measured | null }[] = [
    { outcome: 'recordedCrimesPer1000', source: 'recorded crime', measure: (r, j, p) => recorded(r.summary, j, p) },
  ];
  if (c.results[0].survey) {
    for (const g of ['latino', 'all'] as const) {
      outcomes.push({ outcome: `victimisationPer1000.${g}`, source: 'survey', measure: (r, j, p) => r.survey!.jurisdictions[j][p][g].victimisationPer1000 });
      outcomes.push({ outcome: `reportedShare.${g}`, source: 'survey', measure: (r, j, p) => r.survey!.jurisdictions[j][p][g].reportedShare });
    }
  }
  return outcomes.map((o) => {
    const perReplicate = c.results.map((r) =>
      differenceInDifferences(o.measure(r, t, 'before')!, o.measure(r, t, 'after')!, o.measure(r, cj, 'before')!, o.measure(r, cj, 'after')!),
    );
    return {
      scenario: k,
      treated: t,
      comparison: cj,
      outcome: o.outcome,
      source: o.source,
      estimate: estimate(perReplicate.map((d) => d.estimate)),
      detectedShare: perReplicate.filter((d) => d.significant).length / perReplicate.length,
      perReplicate,
    };
  });
}
