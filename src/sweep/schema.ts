import { z } from 'zod';
import { GROUPS, METRICS, PERIODS } from '../engine/index.ts';
import { Seed } from '../scenario/boundaries.ts';
import type { SchemaNode } from '../scenario/index.ts';

/** The most runs a sweep may have (its maxRuns cannot be set higher). */
export const MAX_SWEEP_RUNS = 10_000_000;

const value = z.union([z.number(), z.boolean(), z.string()]);

/** One parameter to vary: a list of values, or a range (grid steps, or sampled by Latin hypercube). */
export const SweepParameter = z
  .strictObject({
    path: z.string().min(1).meta({ description: 'Scenario field, as in error messages: run.years, jurisdictions[0].policy.profilingMultiplier' }),
    values: z.array(value).optional().meta({ description: 'The values to try (grid: each one; Latin hypercube: spread evenly).' }),
    min: z.number().optional(),
    max: z.number().optional(),
    steps: z.int().min(2).max(1000).optional().meta({ description: 'Grid points from min to max inclusive (grid design with a range).' }),
  })
  .meta({ description: 'A parameter to vary.' });

const DEFAULT_OUTPUTS = [
  'reportedShare',
  'violentVictimisationPer1000',
  'cooperationRate',
  'clearanceRate',
  'meanTrust',
  'meanFear',
  'stopDisparity',
  'recordedCrimesPer1000',
  'detainers',
  'removals',
];

/** A sweep file: a base scenario, what to vary, how, and how much work that may be. */
export const Sweep = z
  .strictObject({
    name: z.string().max(120).default('Sweep'),
    base: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .meta({ description: 'The base scenario: a path (relative to the sweep file) or the scenario itself.' }),
    design: z.enum(['grid', 'latinHypercube']).default('grid'),
    samples: z.int().min(1).max(100_000).optional().meta({ description: 'Points to sample (Latin hypercube).' }),
    parameters: z.array(SweepParameter).min(1),
    replicates: z.int().min(1).max(1000).default(3),
    seed: Seed.default(1),
    maxRuns: z.int().min(1).max(MAX_SWEEP_RUNS).default(2000).meta({ description: 'Budget: refuse a sweep of more runs (points × replicates) than this.' }),
    outputs: z
      .array(z.enum(METRICS.map((m) => m.key) as [string, ...string[]]))
      .min(1)
      .default(DEFAULT_OUTPUTS),
    groups: z.array(z.enum(GROUPS)).min(1).default(['all', 'latinoNoncitizen']),
    periods: z.array(z.enum(PERIODS)).min(1).default(['before', 'after']),
  })
  .meta({ description: 'A parameter sweep.' });
export type Sweep = z.infer<typeof Sweep>;
export type SweepParameter = z.infer<typeof SweepParameter>;

let sweepSchema: SchemaNode | undefined;
/** The sweep format as JSON Schema: what error messages read the allowed values from. */
export function sweepJsonSchema(): SchemaNode {
  sweepSchema ??= z.toJSONSchema(Sweep, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  return sweepSchema;
}
