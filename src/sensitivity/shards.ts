import { z } from 'zod';
import { firstProblem } from '../scenario/boundaries.ts';
import { plannedRuns, tooLarge } from './size.ts';
import { rowCheck } from '../report/row-check.ts';

/**
 * A sensitivity analysis split across machines, as sweeps are: each shard runs the runs r with
 * r mod N = K − 1 of the whole design (point ⌊r / replicates⌋, replicate r mod replicates) and writes
 * each run's value of every output; `sim merge` joins the shards and computes the indices. The values
 * are kept at full precision (not rounded as reports are), so the merged analysis is the unsharded one
 * to the last digit.
 */

/** Everything that fixes an analysis's design and its runs: shards of one analysis have it equal. */
export const SensitivitySettings = z.strictObject({
  method: z.enum(['morris', 'sobol']),
  params: z
    .array(
      z.strictObject({
        path: z.string(),
        min: z.number(),
        max: z.number(),
        integer: z.boolean(),
        levels: z.array(z.union([z.boolean(), z.number(), z.string(), z.null()])).optional(),
      }),
    )
    .min(1),
  outputs: z.array(z.string()).min(1),
  design: z.union([z.strictObject({ trajectories: z.int().min(1), levels: z.int().min(2) }), z.strictObject({ samples: z.int().min(1) })]),
  replicates: z.int().min(1).max(1000),
  seed: z.number(),
  engineVersion: z.string(),
  scenarioHash: z.string(),
});
export type SensitivitySettings = z.infer<typeof SensitivitySettings>;

const SensitivityShard = z.strictObject({
  format: z.literal('trustfall-sensitivity-shard'),
  version: z.literal(1),
  settings: SensitivitySettings.refine((st) => (st.method === 'sobol') === 'samples' in st.design, {
    message: 'the method does not match the design (Morris has trajectories, Sobol samples)',
    path: ['method'],
  }),
  totalRuns: z.int().min(1),
  shard: z.strictObject({ k: z.int().min(1), n: z.int().min(1) }),
  /** Each run's value of every output, in the settings' order (null where a run does not define it). */
  runs: z.array(z.strictObject({ run: z.int().min(0), values: z.array(z.number().nullable()), check: z.string() })),
});
export type SensitivityShard = z.infer<typeof SensitivityShard>;

/** A run's check in a shard: its values bound to its run number and to the analysis's settings. */
export function sensitivityRowCheck(settingsKey: string, run: number, values: readonly (number | null)[]): string {
  return rowCheck(JSON.stringify([settingsKey, run, values]));
}

/** The analysis's settings as one short key (hashed once per shard, not per row). */
export function settingsKey(settings: SensitivitySettings): string {
  return rowCheck(JSON.stringify(settings));
}

/** True when a parsed JSON file is a sensitivity shard (so `merge` knows which kind it joins). */
export function isSensitivityShard(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 'trustfall-sensitivity-shard';
}

/** Each output's value at each design point: the mean over its replicates of the runs that define it. */
export function pointValues(runValues: readonly (readonly (number | null)[] | undefined)[], replicates: number, outputs: number): (number | null)[][] {
  const points = runValues.length / replicates;
  return Array.from({ length: outputs }, (_, o) =>
    Array.from({ length: points }, (_, p) => {
      const defined: number[] = [];
      for (let r = 0; r < replicates; r++) {
        const v = runValues[p * replicates + r]?.[o];
        if (v !== null && v !== undefined) defined.push(v);
      }
      return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
    }),
  );
}

/**
 * Joins shards of one analysis: every run once, from shards with equal settings. Returns each run's
 * values in run order, and the runs no shard holds.
 */
export function mergeSensitivityShards(files: unknown[]): { settings: SensitivitySettings; runValues: ((number | null)[] | undefined)[]; missing: number[] } {
  const parts = files.map((raw, i) => {
    const parsed = SensitivityShard.safeParse(raw);
    if (!parsed.success) throw new Error(`shard ${i + 1} is not a usable sensitivity shard (${firstProblem(parsed.error)})`);
    return parsed.data;
  });
  const first = parts[0];
  // The run count must be the one the settings make, and within bounds, before an array of it is made.
  const planned = plannedRuns(first.settings.params.length, first.settings.design, first.settings.replicates);
  const problem = tooLarge(planned);
  if (problem) throw new Error(`shard 1 describes ${problem}`);
  if (first.totalRuns !== planned) throw new Error(`shard 1 says ${first.totalRuns} runs, but its design makes ${planned}: the file was edited or is damaged`);
  const key = JSON.stringify(first.settings);
  const skey = settingsKey(first.settings);
  const runValues: ((number | null)[] | undefined)[] = new Array(first.totalRuns).fill(undefined);
  for (const [i, p] of parts.entries()) {
    if (JSON.stringify(p.settings) !== key || p.totalRuns !== first.totalRuns)
      throw new Error(`shard ${i + 1} belongs to another analysis than shard 1 (its method, parameters, outputs, design, seed, scenario or engine differ)`);
    for (const r of p.runs) {
      if (r.check !== sensitivityRowCheck(skey, r.run, r.values))
        throw new Error(`shard ${i + 1}: run ${r.run}'s values do not match their check: the file was edited or damaged`);
      if (r.run >= first.totalRuns) throw new Error(`shard ${i + 1}: run ${r.run} is outside the analysis's ${first.totalRuns} runs`);
      if (r.values.length !== first.settings.outputs.length)
        throw new Error(`shard ${i + 1}: run ${r.run} has ${r.values.length} values for ${first.settings.outputs.length} outputs`);
      if (runValues[r.run]) throw new Error(`run ${r.run} appears in more than one shard`);
      runValues[r.run] = r.values;
    }
  }
  const missing = runValues.flatMap((v, i) => (v ? [] : [i]));
  return { settings: first.settings, runValues, missing };
}

/**
 * The runs a stopped analysis kept (Ctrl-C writes them as a shard), read back to be continued: the
 * shard must be of these very settings and this slice, and every run in it must check, belong to the
 * slice and appear once. Returns each kept run's values by run number; otherwise an error that names
 * what differs.
 */
export function keptRuns(raw: unknown, settings: SensitivitySettings, slice: { k: number; n: number }, totalRuns: number): Map<number, (number | null)[]> {
  const parsed = SensitivityShard.safeParse(raw);
  if (!parsed.success) throw new Error(`not a usable sensitivity shard (${firstProblem(parsed.error)})`);
  const kept = parsed.data;
  const differs = (Object.keys(settings) as (keyof SensitivitySettings)[]).filter((k) => JSON.stringify(kept.settings[k]) !== JSON.stringify(settings[k]));
  if (differs.length) throw new Error(`it was made with other settings (${differs.join(', ')} differ); give the same command it was stopped in`);
  if (kept.totalRuns !== totalRuns) throw new Error(`it says ${kept.totalRuns} runs, but the design makes ${totalRuns}: the file was edited or damaged`);
  if (kept.shard.k !== slice.k || kept.shard.n !== slice.n)
    throw new Error(`it holds slice ${kept.shard.k}/${kept.shard.n} of the analysis, not ${slice.k}/${slice.n}; give the --shard it was run with`);
  const key = settingsKey(settings);
  const runs = new Map<number, (number | null)[]>();
  for (const r of kept.runs) {
    if (r.check !== sensitivityRowCheck(key, r.run, r.values))
      throw new Error(`run ${r.run}'s values do not match their check: the file was edited or damaged`);
    if (r.run >= totalRuns || r.run % slice.n !== slice.k - 1) throw new Error(`run ${r.run} is not a run of slice ${slice.k}/${slice.n}`);
    if (r.values.length !== settings.outputs.length) throw new Error(`run ${r.run} has ${r.values.length} values for ${settings.outputs.length} outputs`);
    if (runs.has(r.run)) throw new Error(`run ${r.run} appears twice`);
    runs.set(r.run, r.values);
  }
  return runs;
}
