import type { MetricKey } from '../engine/index.ts';

/**
 * What the live charts show, as data below the page and its Workers: each chart's weekly metric (in
 * order) with the least y span it shows, and the groups drawn as its lines. The engine Worker sends
 * these series with every tick (workers/contract.ts); the page gives them titles, colours and dashes
 * (src/ui/charts/chart-specs.ts).
 */
export const CHART_SPANS: readonly [MetricKey, number][] = [
  ['meanTrust', 0.2],
  ['reportedShare', 1],
  ['cooperationRate', 1],
  ['violentVictimisationPer1000', 20],
  ['clearanceRate', 1],
  ['stopsPer1000', 100],
];

/** Lines of each chart: everyone, then the three groups. */
export const LINE_GROUPS = ['all', 'latinoCitizen', 'latinoNoncitizen', 'nonLatino'] as const;
