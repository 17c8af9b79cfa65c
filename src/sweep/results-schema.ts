import { z } from 'zod';
import { Seed } from '../scenario/boundaries.ts';
import { MAX_SWEEP_RUNS } from './schema.ts';
import type { SweepResults } from './results.ts';

const Row = z.object({
  run: z.int().min(0).max(MAX_SWEEP_RUNS),
  point: z.int().min(0).max(MAX_SWEEP_RUNS),
  replicate: z.int().min(0).max(MAX_SWEEP_RUNS),
  seed: Seed,
  params: z.array(z.union([z.number(), z.boolean(), z.string()])),
  metrics: z.array(z.number().nullable()),
  check: z.string().regex(/^[0-9a-f]{16}$/, 'a row check is 16 hexadecimal digits'),
});

/**
 * A sweep result file (a shard or the whole), as read back by `merge`: it may have been edited, cut
 * short or come from an older Trustfall, so its shape is checked before rows are joined. Whether the
 * rows' values are the ones the sweep wrote is checked by their row checks (results.ts).
 */
const SweepResultsFile = z
  .object({
    format: z.literal('trustfall-sweep', { error: 'not a Trustfall sweep result' }),
    version: z.literal(2, { error: 'written by an older Trustfall (sweep result version 1 has no row checks): run the sweep again' }),
    engineVersion: z.string(),
    name: z.string(),
    sweepHash: z.string().regex(/^[0-9a-f]{64}$/, 'a sweep hash is 64 hexadecimal digits'),
    totalRuns: z.int().min(1).max(MAX_SWEEP_RUNS, `a sweep has a whole number of runs from 1 to ${MAX_SWEEP_RUNS}`),
    shard: z.object({ k: z.int().min(1), n: z.int().min(1) }).nullable(),
    parameters: z.array(z.string()),
    columns: z.array(z.string()),
    rows: z.array(Row),
  })
  .superRefine((f, ctx) => {
    f.rows.forEach((r, i) => {
      if (r.run >= f.totalRuns) ctx.addIssue({ code: 'custom', path: ['rows', i, 'run'], message: `run ${r.run} is not a run of a sweep of ${f.totalRuns}` });
      if (r.params.length !== f.parameters.length || r.metrics.length !== f.columns.length)
        ctx.addIssue({ code: 'custom', path: ['rows', i], message: 'has not one value per parameter and column' });
    });
  });

/** A sweep result file, or its first problem (naming the field). */
export function parseSweepResults(raw: unknown): { results: SweepResults } | { problem: string } {
  const r = SweepResultsFile.safeParse(raw);
  if (r.success) return { results: r.data };
  const i = r.error.issues[0];
  return { problem: `${i.path.join('.') || '(top level)'}: ${i.message}` };
}
