import { dirname, resolve } from 'node:path';
import { describeIssues } from '../../scenario/errors.ts';
import { toJson } from '../../report/json.ts';
import { planSweep, SweepError } from '../../sweep/plan.ts';
import {
  keptSweepRows,
  mergeShards,
  metricColumns,
  runsOfShard,
  sweepCsv,
  sweepHash,
  sweepResults,
  sweepRow,
  type SweepResults,
  type SweepRow,
} from '../../sweep/results.ts';
import { Sweep, sweepJsonSchema } from '../../sweep/schema.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, readInputJson, writeOutput } from '../files.ts';
import { isNationReport, mergeNation } from './nation.ts';
import { runPool } from '../pool/pool.ts';
import { isSensitivityShard } from '../../sensitivity/shards.ts';
import { mergeSensitivity } from './sensitivity.ts';
import { isAbcShard, mergeAbc } from './calibrate-abc-shard.ts';
import { createProgress } from '../progress.ts';

/** Reads and validates a sweep file and its base scenario; every problem is named before anything runs. */
function readSweep(file: string): { sweep: Sweep; base: Record<string, unknown>; basePath?: string } {
  const raw = readInputJson(file, 'sweep');
  const parsed = Sweep.safeParse(raw);
  if (!parsed.success) throw new SweepError(describeIssues(parsed.error.issues, raw, sweepJsonSchema()));
  const sweep = parsed.data;
  let base: Record<string, unknown>;
  let basePath: string | undefined;
  if (typeof sweep.base === 'string') {
    basePath = resolve(dirname(file), sweep.base);
    let read: unknown;
    try {
      read = readInputJson(basePath, 'scenario');
    } catch (e) {
      throw new SweepError([`base: ${(e as Error).message}`]);
    }
    if (!read || typeof read !== 'object' || Array.isArray(read)) throw new SweepError([`base: ${sweep.base} does not hold a scenario object`]);
    base = read as Record<string, unknown>;
  } else base = sweep.base;
  delete base.$schema;
  return { sweep, base, basePath };
}

/** `sim sweep <sweep.json> [--shard K/N]`: runs the sweep (or one slice) on worker threads. */
export async function sweepCommand(file: string | undefined, flags: RunFlags): Promise<number> {
  if (!file) throw new UsageError('missing the sweep file');
  if (flags.resume && !flags.out) throw new UsageError('--resume needs --out: the file a stopped sweep wrote its finished runs to');
  checkOutputs({ '--out': flags.out, '--csv': flags.csv }, [file]);
  const { sweep, base, basePath } = readSweep(file);
  checkOutputs({ '--out': flags.out, '--csv': flags.csv }, [file, basePath]);
  const plan = planSweep(sweep, base);
  const runs = runsOfShard(plan.runs, flags.shard);
  // A stopped sweep goes on from the rows it kept (the file is then written again, whole or not).
  const kept = flags.resume ? resumeFrom(flags.out, sweepHash(sweep, base), flags.shard) : [];
  const done = new Set(kept.map((r) => r.run));
  const todo = runs.filter((run) => !done.has(run));
  if (flags.resume && !flags.quiet) process.stderr.write(`resuming: ${kept.length} of ${runs.length} runs kept, ${todo.length} to run\n`);
  const tasks = todo.map((run) => ({
    scenario: plan.points[Math.floor(run / sweep.replicates)].scenario,
    seed: sweep.seed,
    replicate: run % sweep.replicates,
  }));
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = createProgress(`sweep ${flags.shard ? `shard ${flags.shard.k}/${flags.shard.n} ` : ''}(${tasks.length} runs)`, !flags.quiet);
  const outcome = await runPool(tasks, { workers: flags.workers, signal: abort.signal, onResult: (_i, done, total) => progress.update(done, total) });
  process.off('SIGINT', onSigint);
  progress.finish();
  const columns = metricColumns(sweep, Math.max(...plan.points.map((p) => p.scenario.jurisdictions.length)));
  const rows = [...kept, ...todo.flatMap((run, i) => (outcome.results[i] ? [sweepRow(sweep, plan, run, outcome.results[i]!, columns)] : []))];
  const results = sweepResults(sweep, base, plan, flags.shard, columns, rows);
  write(results, flags);
  if (outcome.cancelled)
    process.stderr.write(
      `cancelled: ${rows.length} of ${runs.length} runs finished and were written${flags.out ? `; the same command with --resume goes on from ${flags.out}` : ''}\n`,
    );
  return outcome.cancelled ? 130 : 0;
}

/** `sim merge a.json b.json ...`: joins the shards of one sweep (or of one sensitivity analysis, one ABC generation or one national run) into the whole. */
export async function mergeCommand(files: string[], flags: RunFlags): Promise<number> {
  if (files.length === 0) throw new UsageError('merge takes the shard files to join');
  checkOutputs({ '--out': flags.out, '--csv': flags.csv }, files);
  const parts = files.map((f) => readInputJson(f, 'shard'));
  if (isSensitivityShard(parts[0])) return mergeSensitivity(parts, flags);
  if (isAbcShard(parts[0])) return mergeAbc(parts, flags);
  if (isNationReport(parts[0])) return mergeNation(parts, flags);
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(parts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  write(merged.merged, flags);
  if (merged.missing.length) {
    process.stderr.write(
      `incomplete: ${merged.missing.length} of ${merged.merged.totalRuns} runs missing (first: ${merged.missing.slice(0, 10).join(', ')})\n`,
    );
    return 3;
  }
  return 0;
}

/** The rows a stopped sweep kept in `path`, or a UsageError naming why they cannot be continued. */
function resumeFrom(path: string | undefined, hash: string, shard: { k: number; n: number } | undefined): SweepRow[] {
  const raw = readInputJson(path!, 'stopped sweep');
  try {
    return keptSweepRows(raw, { sweepHash: hash, shard });
  } catch (e) {
    throw new UsageError(`--resume --out ${path}: ${(e as Error).message}`);
  }
}

function write(r: SweepResults, flags: RunFlags): void {
  const json = toJson(r) + '\n';
  if (flags.out) writeOutput(flags.out, json);
  else process.stdout.write(json);
  if (flags.csv) writeOutput(flags.csv, sweepCsv(r));
}
