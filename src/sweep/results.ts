import { canonicalJson } from '../scenario/index.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isMetricKey, type ReplicateResult } from '../engine/index.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { cell, quote } from '../report/replicates-csv.ts';
import { MAX_SWEEP_RUNS, type Sweep } from './schema.ts';
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

/** A sweep's results (or one shard's): enough to check that shards belong together. */
export interface SweepResults {
  format: 'trustfall-sweep';
  version: 1;
  engineVersion: string;
  name: string;
  /** SHA-256 of the resolved sweep definition and base scenario: shards of one sweep share it. */
  sweepHash: string;
  totalRuns: number;
  /** The shard this file holds, or null for the whole sweep. */
  shard: { k: number; n: number } | null;
  parameters: string[];
  columns: string[];
  rows: SweepRow[];
}

/** The runs a shard K of N takes: every N-th run, starting at K − 1. */
export function runsOfShard(totalRuns: number, shard: { k: number; n: number } | undefined): number[] {
  const all = Array.from({ length: totalRuns }, (_, i) => i);
  return shard ? all.filter((i) => i % shard.n === shard.k - 1) : all;
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
  const metrics = columns.map((c) => {
    const [j, g, p, ...m] = c.split('.');
    const key = m.join('.');
    const v = isMetricKey(key) ? result.summary.jurisdictions[Number(j.slice(1))]?.groups[g as 'all'][p as 'after'][key] : undefined;
    return v === undefined ? null : v;
  });
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
  return {
    format: 'trustfall-sweep',
    version: 1,
    engineVersion: ENGINE_VERSION,
    name: sweep.name,
    sweepHash: sweepHash(sweep, base),
    totalRuns: plan.runs,
    shard: shard ?? null,
    parameters: sweep.parameters.map((p) => p.path),
    columns,
    rows: [...rows].sort((a, b) => a.run - b.run),
  };
}

/**
 * Joins shard files into the whole sweep's results. Refuses files from different sweeps or engine
 * versions, and runs that appear twice; reports runs that are missing.
 */
export function mergeShards(parts: SweepResults[]): { merged: SweepResults; missing: number[] } {
  if (parts.length === 0) throw new Error('nothing to merge');
  const first = parts[0];
  for (const p of parts) {
    if (!p || typeof p !== 'object' || p.format !== 'trustfall-sweep') throw new Error('a file is not a Trustfall sweep result');
    if (!Number.isInteger(p.totalRuns) || p.totalRuns < 1 || p.totalRuns > MAX_SWEEP_RUNS)
      throw new Error(`a shard says the sweep has ${JSON.stringify(p.totalRuns)} runs; a sweep has a whole number from 1 to ${MAX_SWEEP_RUNS}`);
    if (!Array.isArray(p.rows) || p.rows.some((r) => !r || !Number.isInteger(r.run) || r.run < 0 || r.run >= p.totalRuns))
      throw new Error('a shard has rows that are not runs of its sweep (edited or damaged?)');
    if (p.sweepHash !== first.sweepHash) throw new Error(`shards come from different sweeps (${first.sweepHash.slice(0, 12)} and ${p.sweepHash.slice(0, 12)})`);
    if (p.engineVersion !== first.engineVersion) throw new Error(`shards come from different engine versions (${first.engineVersion} and ${p.engineVersion})`);
  }
  const byRun = new Map<number, SweepRow>();
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
  const lines = [head.map(quote).join(',')];
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
