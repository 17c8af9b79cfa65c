import {
  aggregateSummaries,
  estimate,
  GROUPS,
  PERIODS,
  type Estimate,
  type JurisdictionResult,
  type MetricEstimates,
  type ReplicateResult,
  SURVEY_GROUPS,
  type SurveyGroup,
} from '../engine/index.ts';
import { scenarioHash, type Scenario } from '../scenario/index.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { didEstimates, type DidSummary } from './did-lens.ts';

/** One scenario of a comparison, with its replicates' results in replicate order. */
export interface ComparedScenario {
  scenario: Scenario;
  results: ReplicateResult[];
}

/** A paired difference from the first scenario: same seeds, so the difference is the policy's. */
export interface Difference {
  scenario: number;
  jurisdiction: number;
  group: string;
  period: string;
  metric: string;
  estimate: Estimate;
}

export interface ComparisonReport {
  engineVersion: string;
  seed: number;
  /** Replicates asked for, and finished per scenario (fewer when a run was cancelled). */
  replicates: number;
  finished: number[];
  cancelled: boolean;
  scenarios: { name: string; scenarioHash: string; jurisdictions: JurisdictionResult<MetricEstimates>[] }[];
  /** Differences from the first scenario, paired by replicate. */
  differences: Difference[];
  /** Difference-in-differences estimates, where a scenario has a treated and a comparison jurisdiction. */
  did: DidSummary[];
  /** Stated intentions from the simulated survey (when it ran), by scenario, jurisdiction and group. */
  stated: StatedIntention[];
}

/**
 * What a group's survey respondents say after activation, beside what the group did: the share who say
 * they are less likely to contact the police and to volunteer information (the survey's response model),
 * and the measured relative change in the group's realised reporting against the first scenario (paired
 * by replicate; absent for the first). The two answer different questions: how many say they would
 * change, and how much reporting moved.
 */
export interface StatedIntention {
  scenario: number;
  jurisdiction: number;
  group: SurveyGroup;
  lessLikelyToReport: Estimate;
  lessLikelyToVolunteer: Estimate;
  reportingChange: Estimate | null;
}

/** Metrics whose differences the report lists (all of them are in the per-scenario summaries). */
const DIFFERENCE_METRICS = [
  'reportedShare',
  'expectedReporting',
  'meanBelief',
  'trustFellShare',
  'violentReportedShare',
  'cooperationRate',
  'clearanceRate',
  'meanTrust',
  'meanFear',
  'violentVictimisationPer1000',
  'victimisationPer1000',
  'recordedCrimesPer1000',
  'stopsPer1000',
  'stopDisparity',
  'arrestsPer1000',
  'detainers',
  'removals',
  'unreportedCrimes',
] as const;

/**
 * Compares scenarios run with the same seed and replicate numbers (twin worlds): each scenario's
 * summary over replicates, its paired difference from the first scenario, and the published study
 * designs' estimates where the scenario has a treated and a comparison jurisdiction.
 */
export function compareScenarios(compared: ComparedScenario[], seed: number, replicates: number, cancelled = false): ComparisonReport {
  const first = compared[0];
  const differences: Difference[] = [];
  compared.forEach((c, k) => {
    if (k === 0 || c.results.length === 0) return;
    const paired = c.results.map((r) => [first.results.find((f) => f.replicate === r.replicate), r] as const).filter(([f]) => f !== undefined);
    const J = Math.min(first.scenario.jurisdictions.length, c.scenario.jurisdictions.length);
    for (let j = 0; j < J; j++) {
      for (const group of GROUPS) {
        for (const period of PERIODS) {
          for (const metric of DIFFERENCE_METRICS) {
            const d = paired.map(([f, r]) => {
              const a = r.summary.jurisdictions[j].groups[group][period][metric];
              const b = f!.summary.jurisdictions[j].groups[group][period][metric];
              return a === null || b === null || a === undefined || b === undefined ? null : a - b;
            });
            differences.push({ scenario: k, jurisdiction: j, group, period, metric, estimate: estimate(d) });
          }
        }
      }
    }
  });
  return {
    engineVersion: ENGINE_VERSION,
    seed,
    replicates,
    finished: compared.map((c) => c.results.length),
    cancelled,
    scenarios: compared.map((c) => ({
      name: c.scenario.name,
      scenarioHash: scenarioHash(c.scenario),
      jurisdictions: c.results.length ? aggregateSummaries(c.results.map((r) => r.summary)) : [],
    })),
    differences,
    did: compared.flatMap((c, k) => didEstimates(c, k)),
    stated: statedIntentions(compared),
  };
}

function statedIntentions(compared: ComparedScenario[]): StatedIntention[] {
  const first = compared[0];
  const out: StatedIntention[] = [];
  compared.forEach((c, k) => {
    const surveyed = c.results.filter((r) => r.survey);
    if (surveyed.length === 0) return;
    c.scenario.jurisdictions.forEach((_, j) => {
      for (const group of SURVEY_GROUPS) {
        const answers = surveyed.map((r) => r.survey!.jurisdictions[j].after[group]);
        const change =
          k === 0 || j >= first.scenario.jurisdictions.length
            ? null
            : estimate(
                surveyed.map((r) => {
                  const f = first.results.find((x) => x.replicate === r.replicate);
                  const a = r.summary.jurisdictions[j].groups[group].after.reportedShare;
                  const b = f?.summary.jurisdictions[j].groups[group].after.reportedShare;
                  return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b - 1;
                }),
              );
        out.push({
          scenario: k,
          jurisdiction: j,
          group,
          lessLikelyToReport: estimate(answers.map((a) => a.lessLikelyToReport.value)),
          lessLikelyToVolunteer: estimate(answers.map((a) => a.lessLikelyToVolunteer.value)),
          reportingChange: change,
        });
      }
    });
  });
  return out;
}
