import { canonicalJson } from '../scenario/index.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ReplicateResult } from '../engine/index.ts';
import { readOutput } from '../report/outputs.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { cell, quote } from '../report/csv-fields.ts';
import { toJson } from '../report/json.ts';
import { rowCheck } from '../report/row-check.ts';
import { parseSweepResults } from './results-schema.ts';
import type { Sweep } from './schema.ts';
import type { SweepPlan, Value } from './plan.ts';

/** One run of a sweep: which point, which replicate, its parameter values and chosen metrics. */
export interface SweepRow {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  params: Value[];
  metrics: (number | null)[];
}
/** A row as written, with its check: the first 16 hex digits of SHA-256 over the sweep's hash and the row as written. */
export type CheckedRow = SweepRow & { check: string };

/** A sweep's results (or one shard's): enough to check that shards belong together. */
export interface SweepResults {
  format: 'trustfall-sweep';
  /** 2: rows carry checks. */
  version: 2;
  engineVersion: string;
  name: string;
  /** SHA-256 of the resolved sweep definition and base scenario: shards of one sweep share it. */
  sweepHash: string;
  totalRuns: number;
  /** The shard this file holds, or null for the whole sweep. */
  shard: { k: number; n: number } | null;
  parameters: string[];
  columns: string[];
  rows: CheckedRow[];
}

/** The runs a shard K of N takes: every N-th run, starting at K − 1. */
export function runsOfShard(totalRuns: number, shard: { k: number; n: number } | undefined): number[] {
  // Stepped, not filtered from every run: a shard of a large design lists only its own.
  const runs: number[] = [];
  for (let i = shard ? shard.k - 1 : 0; i < totalRuns; i += shard ? shard.n : 1) runs.push(i);
  return runs;
}

/**
 * A row's check, over the values as the file holds them (rounded by toJson, which leaves rounded values
 * alone, so the check of a row read back is the check it was written with). It binds the row to its sweep
 * and run: a value edited by hand, a run renumbered or a row from another sweep is caught by `merge`.
 * It is a checksum against accidents, not a signature: whoever edits a row can recompute it.
 */
function sweepRowCheck(sweepHash: string, r: SweepRow): string {
  return rowCheck(toJson([sweepHash, r.run, r.point, r.replicate, r.seed, r.params, r.metrics]));
}

export function sweepHash(sweep: Sweep, base: Record<string, unknown>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ sweep: { ...sweep, base: undefined }, base }))));
}

/** Metric columns: jurisdiction × group × period × metric, as `j0.all.after.reportedShare`. */
export function metricColumns(sweep: Sweep, jurisdictions: number): string[] {
  const cols: string[] = [];
  for (let j = 0; j < jurisdictions; j++)
    for (const g of sweep.groups) for (const p of sweep.periods) for (const m of sweep.outputs) cols.push(`j${j}.${g}.${p}.${m}`);
  return cols;
}

export function sweepRow(sweep: Sweep, plan: SweepPlan, run: number, result: ReplicateResult, columns: string[]): SweepRow {
  const point = Math.floor(run / sweep.replicates);
  const metrics = columns.map((c) => readOutput(c, [result.summary]));
  return { run, point, replicate: run % sweep.replicates, seed: sweep.seed, params: plan.points[point].values, metrics };
}

export function sweepResults(
  sweep: Sweep,
  base: Record<string, unknown>,
  plan: SweepPlan,
  shard: { k: number; n: number } | undefined,
  columns: string[],
  rows: SweepRow[],
): SweepResults {
  const hash = sweepHash(sweep, base);
  return {
    format: 'trustfall-sweep',
    version: 2,
    engineVersion: ENGINE_VERSION,
    name: sweep.name,
    sweepHash: hash,
    totalRuns: plan.runs,
    shard: shard ?? null,
    parameters: sweep.parameters.map((p) => p.path),
    columns,
    rows: [...rows].sort((a, b) => a.run - b.run).map((r) => ({ ...r, check: sweepRowCheck(hash, r) })),
  };
}

/**
 * Joins shard files (as read, unchecked) into the whole sweep's results. Refuses files that are not
 * sweep results, from different sweeps or engine versions, rows whose check fails (edited by hand, or
 * damaged) and runs that appear twice; reports runs that are missing.
 */
export function mergeShards(files: unknown[]): { merged: SweepResults; missing: number[] } {
  if (files.length === 0) throw new Error('nothing to merge');
  const parts = files.map((raw, i) => {
    const r = parseSweepResults(raw);
    if ('problem' in r) throw new Error(`shard ${i + 1} is not a usable sweep result: ${r.problem}`);
    return r.results;
  });
  const first = parts[0];
  for (const [i, p] of parts.entries()) {
    if (p.sweepHash !== first.sweepHash) throw new Error(`shards come from different sweeps (${first.sweepHash.slice(0, 12)} and ${p.sweepHash.slice(0, 12)})`);
    if (p.engineVersion !== first.engineVersion) throw new Error(`shards come from different engine versions (${first.engineVersion} and ${p.engineVersion})`);
    const bad = p.rows.find((r) => r.check !== sweepRowCheck(p.sweepHash, r));
    if (bad) throw new Error(`shard ${i + 1}: the row of run ${bad.run} does not match its check (edited or damaged); run that shard again`);
  }
  const byRun = new Map<number, CheckedRow>();
  for (const p of parts) {
    for (const r of p.rows) {
      if (byRun.has(r.run)) throw new Error(`run ${r.run} appears in more than one shard`);
      byRun.set(r.run, r);
    }
  }
  const missing = Array.from({ length: first.totalRuns }, (_, i) => i).filter((i) => !byRun.has(i));
  const rows = [...byRun.values()].sort((a, b) => a.run - b.run);
  return { merged: { ...first, shard: null, rows }, missing };
}

/** The results as CSV: one row per run, parameters then metrics. */
export function sweepCsv(r: SweepResults): string {
  const head = ['run', 'point', 'replicate', 'seed', ...r.parameters, ...r.columns];
  // The sweep's own engine version (the file may come from another build than this one's).
  const lines = [
    `# Trustfall sweep "${r.name.replace(/[\r\n"]+/g, ' ')}": engine ${r.engineVersion}; sweep ${r.sweepHash}; ${r.totalRuns} runs`,
    head.map(quote).join(','),
  ];
  for (const row of r.rows)
    lines.push(
      [
        row.run,
        row.point,
        row.replicate,
        row.seed,
        ...row.params.map((v) => (typeof v === 'number' ? cell(v) : quote(String(v)))),
        ...row.metrics.map(cell),
      ].join(','),
    );
  return lines.join('\n') + '\n';
}

/**
 * The rows a stopped sweep (or shard) kept, read back to be continued: the file must be this sweep's
 * (same definition, base scenario and engine) and this slice's, each row must check and be a run of
 * the slice. Returns the rows without their checks (written again with the rest); otherwise an error
 * that names what differs.
 */
export function keptSweepRows(raw: unknown, expected: { sweepHash: string; shard: { k: number; n: number } | undefined }): SweepRow[] {
  const { merged } = mergeShards([raw]);
  const file = (raw as SweepResults).shard;
  if (merged.sweepHash !== expected.sweepHash)
    throw new Error('it holds another sweep (its definition or base scenario differs); give the sweep it was stopped in');
  if (merged.engineVersion !== ENGINE_VERSION) throw new Error(`it was run by engine ${merged.engineVersion}, not ${ENGINE_VERSION}; run the sweep again`);
  const slice = (s: { k: number; n: number } | null | undefined) => (s ? `slice ${s.k}/${s.n}` : 'the whole sweep');
  if (slice(file) !== slice(expected.shard)) throw new Error(`it holds ${slice(file)}, not ${slice(expected.shard)}; give the --shard it was run with`);
  const n = expected.shard?.n ?? 1;
  const k = expected.shard?.k ?? 1;
  const stray = merged.rows.find((r) => r.run % n !== k - 1);
  if (stray) throw new Error(`run ${stray.run} is not a run of ${slice(expected.shard)}`);
  return merged.rows.map(({ check: _check, ...row }) => row);
}
