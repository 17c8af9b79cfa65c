import { FREE, GROUPS, PERIODS, REMOVED, RESIDENT_GROUPS, type Group, type Period } from '../../vocabulary/codes.ts';
import type { World } from '../world.ts';
import { COUNTERS, blockSize } from './accumulate.ts';
import { computeMetrics } from './compute.ts';
import { METRICS, type MetricValues, type MetricKey } from './definitions.ts';
import type { QuarterlySeries } from './quarters.ts';
import type { SurveyResult } from '../lenses/survey.ts';

/** One jurisdiction's results, by group and then by period. */
export interface JurisdictionResult<V> {
  name: string;
  model: string;
  sanctuary: boolean;
  trustBuilding: boolean;
  groups: Record<Group, Record<Period, V>>;
}

/** Head counts at the end of a run: every initial resident is in exactly one of the last three. */
export interface PopulationCount {
  initial: number;
  inCommunity: number;
  inCustody: number;
  removed: number;
}

/** The summary of one run. */
export interface RunSummary {
  jurisdictions: JurisdictionResult<MetricValues>[];
  population: PopulationCount;
  /** Each quarter around activation, when the task asked for it (event-study targets). */
  quarters?: QuarterlySeries;
  /** The simulated survey, when the task asked for it (stated-intention targets). */
  survey?: SurveyResult;
}

/** Weekly series: for each jurisdiction and group, one array per metric (one value per week). */
export interface WeeklySeries<V = number | null> {
  weeks: number;
  /** First day of each week. */
  startDay: number[];
  jurisdictions: { name: string; groups: Record<Group, Record<string, V[]>> }[];
}

/** Summarises a run (finished or not) by jurisdiction, group and period. */
export function summarise(w: World): RunSummary {
  const m = w.metrics;
  const block = blockSize(m.jurisdictions);
  const jurisdictions = w.scenario.jurisdictions.map((sj, j) => {
    const groups = {} as Record<Group, Record<Period, MetricValues>>;
    GROUPS.forEach((g, gi) => {
      groups[g] = {} as Record<Period, MetricValues>;
      PERIODS.forEach((p, pi) => (groups[g][p] = computeMetrics(m.period, pi * block + j * RESIDENT_GROUPS * COUNTERS, gi)));
    });
    return { name: sj.name, model: sj.policy.model, sanctuary: sj.policy.sanctuary, trustBuilding: sj.policy.trustBuilding, groups };
  });
  return { jurisdictions, population: countPopulation(w) };
}

/** Which groups and metrics a weekly series carries (all by default). */
export interface SeriesSelection {
  groups: readonly Group[];
  metrics: readonly MetricKey[];
}

/** The weekly series of the weeks finished so far, from week `from` on, of every group and metric or of a selection. */
export function weeklySeries(w: World, from = 0, select?: SeriesSelection): WeeklySeries {
  const m = w.metrics;
  const block = blockSize(m.jurisdictions);
  const n = Math.max(0, m.weeksDone - from);
  const startDay = Array.from({ length: n }, (_, i) => (from + i) * 7);
  const jurisdictions = w.scenario.jurisdictions.map((sj, j) => {
    const groups = {} as Record<Group, Record<string, (number | null)[]>>;
    const keys = select?.metrics ?? METRICS.map((d) => d.key);
    GROUPS.forEach((g, gi) => {
      if (select && !select.groups.includes(g)) return;
      const cols: Record<string, (number | null)[]> = {};
      for (const key of keys) cols[key] = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const values = computeMetrics(m.weeks, (from + i) * block + j * RESIDENT_GROUPS * COUNTERS, gi);
        for (const key of keys) cols[key][i] = values[key];
      }
      groups[g] = cols;
    });
    return { name: sj.name, groups };
  });
  return { weeks: n, startDay, jurisdictions };
}

function countPopulation(w: World): PopulationCount {
  const c = w.residents.custody;
  let free = 0;
  let removed = 0;
  for (let r = 0; r < c.length; r++) {
    if (c[r] === FREE) free++;
    else if (c[r] === REMOVED) removed++;
  }
  return { initial: c.length, inCommunity: free, inCustody: c.length - free - removed, removed };
}
