import { COUNTERS } from './accumulate.ts';
import { METRICS, type MetricValues } from './definitions.ts';
import { metricInputs } from './inputs.ts';

const scratch = new Float64Array(COUNTERS);

/**
 * Turns the counters of one jurisdiction (a block of RESIDENT_GROUPS × COUNTERS) into the metrics of
 * one of GROUPS (by index), adding up the disjoint groups it covers: each metric's own compute function
 * from the table in definitions.ts.
 */
export function computeMetrics(block: Float64Array, offset: number, group: number): MetricValues {
  const inputs = metricInputs(block, offset, group, scratch);
  const out = {} as Record<string, number | null>;
  for (const def of METRICS) out[def.key] = def.compute(inputs);
  return out as MetricValues;
}
