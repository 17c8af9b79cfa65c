import type { MetricKey } from '../engine/index.ts';

/** The rows of a comparison's table (after activation, each scenario and its paired difference), in the app and the CLI alike. */
export const COMPARISON_ROWS: readonly MetricKey[] = [
  'reportedShare',
  'expectedReporting',
  'meanBelief',
  'cooperationRate',
  'clearanceRate',
  'meanTrust',
  'meanFear',
  'violentVictimisationPer1000',
  'recordedCrimesPer1000',
  'stopDisparity',
  'detainers',
  'removals',
];
