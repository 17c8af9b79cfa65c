import type { Scenario } from '../scenario/schema.ts';
import { scenarioHash } from '../scenario/load.ts';
import { createWorld } from './create/create-world.ts';
import { aggregateSummaries, averageWeekly, type MetricEstimates } from './metrics/aggregate.ts';
import { summarise, weeklySeries, type JurisdictionResult, type PopulationCount, type RunSummary, type WeeklySeries } from './metrics/summary.ts';
import { stepInChunks } from './pipeline.ts';
import { ENGINE_VERSION } from './version.ts';

/** Everything a headless run reports: what ran, and its results over replicates. */
export interface RunReport {
  engineVersion: string;
  scenarioName: string;
  /** SHA-256 of the resolved scenario without seed and replicate count. */
  scenarioHash: string;
  seed: number;
  replicates: number;
  days: number;
  activationDay: number;
  /** Summary by jurisdiction, group and period: mean and 95% interval over replicates. */
  jurisdictions: JurisdictionResult<MetricEstimates>[];
  /** Head counts at the end of each replicate. */
  population: PopulationCount[];
  /** Weekly series, mean over replicates. */
  weekly: WeeklySeries;
}

export interface RunOptions {
  /** Called now and then with the days done so far over all replicates and the total. */
  onProgress?: (daysDone: number, daysTotal: number) => void;
}

/** Runs a single replicate to its end and returns the world's summary and weekly series. */
function runReplicate(
  scenario: Scenario,
  seed: number,
  replicate: number,
  opts: RunOptions = {},
  daysBefore = 0,
  daysTotal = 0,
): { summary: RunSummary; weekly: WeeklySeries } {
  const w = createWorld(scenario, seed, replicate);
  const { days, burnInDays } = w.params;
  stepInChunks(w, days, 30, () => opts.onProgress?.(daysBefore + w.day + burnInDays, daysTotal || days + burnInDays));
  return { summary: summarise(w), weekly: weeklySeries(w) };
}

/** Runs `scenario.run.replicates` replicates of the scenario with `scenario.run.seed`. */
export function runScenario(scenario: Scenario, opts: RunOptions = {}): RunReport {
  const { seed, replicates } = scenario.run;
  const days = Math.round(scenario.run.years * 365);
  const simulated = days + scenario.run.burnInWeeks * 7;
  const runs: RunSummary[] = [];
  const weekly: WeeklySeries[] = [];
  for (let rep = 0; rep < replicates; rep++) {
    const out = runReplicate(scenario, seed, rep, opts, rep * simulated, replicates * simulated);
    runs.push(out.summary);
    weekly.push(out.weekly);
  }
  opts.onProgress?.(replicates * simulated, replicates * simulated);
  return {
    engineVersion: ENGINE_VERSION,
    scenarioName: scenario.name,
    scenarioHash: scenarioHash(scenario),
    seed,
    replicates,
    days,
    activationDay: scenario.run.activationDay,
    jurisdictions: aggregateSummaries(runs),
    population: runs.map((r) => r.population),
    weekly: averageWeekly(weekly),
  };
}
