import type { ReplicateTask } from '../../engine/index.ts';
import { countyResult, mergeNationReports, nationPlan, nationReport, type NationReport } from '../../counties/nation.ts';
import { toJson } from '../../report/json.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { writeOutput } from '../files.ts';
import { asUsage, readCountyFile } from '../county-file.ts';
import { terminalSafe } from '../format/terminal.ts';
import { runPool } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';

const DEFAULT_SCALE = 100;
const DEFAULT_REPLICATES = 4;

/**
 * `sim nation`: every county with an agreement in force on the day, beside its no-agreement twin, on
 * a pool of worker threads; the report (--out, or --json on stdout) and a short table. Ctrl-C stops it
 * with nothing written: a shard is the unit to rerun.
 */
export async function nationCommand(flags: RunFlags): Promise<number> {
  const file = readCountyFile(flags.out);
  const asOf = flags['as-of'] ?? file.listDate;
  if (asOf > file.listDate) throw new UsageError(`--as-of ${asOf} is after the date of ICE's list (${file.listDate}); the data know nothing later`);
  const options = {
    scale: flags.scale ?? DEFAULT_SCALE,
    asOf,
    seed: flags.seed ?? 1,
    replicates: flags.replicates ?? DEFAULT_REPLICATES,
    states: flags.states,
    shard: flags.shard,
  };
  if (options.replicates < 2) throw new UsageError('nation needs --replicates 2 or more: its intervals are over replicates');
  const plan = asUsage(() => nationPlan(file, options), RangeError);
  // Each county's policy run and its twin, replicate by replicate, side by side so a cancelled run stops evenly.
  const tasks: ReplicateTask[] = plan.treated.flatMap((p) =>
    Array.from({ length: options.replicates }, (_, r) => [
      { scenario: p.scenario, seed: options.seed, replicate: r },
      { scenario: p.twin, seed: options.seed, replicate: r },
    ]).flat(),
  );
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = createProgress(`nation (${plan.treated.length} counties, ${tasks.length} runs)`, !flags.quiet);
  const outcome = await runPool(tasks, { workers: flags.workers, signal: abort.signal, onResult: (_i, done, total) => progress.update(done, total) });
  process.off('SIGINT', onSigint);
  progress.finish();
  if (outcome.cancelled) {
    process.stderr.write('cancelled: nothing written (run the states in shards with --shard to keep finished parts)\n');
    return 130;
  }
  const per = 2 * options.replicates;
  const results = plan.treated.map((p, i) => {
    const runs = outcome.results.slice(i * per, (i + 1) * per);
    return countyResult(
      p,
      runs.filter((_, k) => k % 2 === 0).map((r) => r!),
      runs.filter((_, k) => k % 2 === 1).map((r) => r!),
    );
  });
  const report = nationReport(
    {
      listDate: file.listDate,
      asOf,
      scale: options.scale,
      seed: options.seed,
      replicates: options.replicates,
      states: plan.states,
      shard: options.shard ?? null,
      untreatedCounties: plan.untreatedCounties,
      untreatedLatinoPeople: plan.untreatedLatinoPeople,
    },
    results,
  );
  writeReport(report, flags);
  return 0;
}

/** `sim merge` of nation shards: the report of the whole, equal to the unsharded run's. */
export function mergeNation(parts: unknown[], flags: RunFlags): number {
  let merged: NationReport;
  try {
    merged = mergeNationReports(parts as NationReport[]);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  writeReport(merged, flags);
  return 0;
}

/** Whether a file read by merge is a nation report (or shard). */
export function isNationReport(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'trustfall-nation';
}

function writeReport(report: NationReport, flags: RunFlags): void {
  const json = toJson(report) + '\n';
  if (flags.out) writeOutput(flags.out, json);
  if (flags.json) process.stdout.write(json);
  else process.stdout.write(terminalSafe(nationTable(report)));
}

/** The totals, and the counties with the most Latino residents (a small county's change is mostly noise), as text. */
function nationTable(r: NationReport): string {
  const pp = (e: { mean: number | null; lo: number | null; hi: number | null }) =>
    e.mean === null ? '—' : `${(e.mean * 100).toFixed(1)} points (95% interval ${(e.lo! * 100).toFixed(1)} to ${(e.hi! * 100).toFixed(1)})`;
  const num = (e: { mean: number | null; lo: number | null; hi: number | null }, digits = 0) =>
    e.mean === null ? '—' : `${e.mean.toFixed(digits)} (95% interval ${e.lo!.toFixed(digits)} to ${e.hi!.toFixed(digits)})`;
  const lines = [
    `287(g) agreements in force on ${r.asOf} (ICE list of ${r.listDate}), each county against its no-agreement twin`,
    `${r.counties.length} counties with an agreement run at 1:${r.scale}, ${r.replicates} replicates each, seed ${r.seed}; ${r.untreatedCounties} without one (no change by construction); states: ${r.states.join(' ')}`,
    '',
    `Latino reporting, every Latino resident:        ${pp(r.totals.reportingAll)}`,
    `Latino reporting, counties with an agreement:   ${pp(r.totals.reportingTreated)}`,
    `Latino victimisation /1,000/yr, every resident: ${num(r.totals.victimisationAll, 2)}`,
    `Added removals a year (real people):            ${num(r.totals.removals)}`,
    '',
    'The 10 counties with an agreement and the most Latino residents (Latino reporting, points, policy minus twin):',
    ...[...r.counties]
      .sort((a, b) => b.latinoPeople - a.latinoPeople)
      .slice(0, 10)
      .map((c) => `  ${`${c.name}, ${c.state}`.padEnd(34)} ${c.model.padEnd(16)} ${pp(c.estimates.reporting)}`),
    '',
  ];
  return lines.join('\n');
}
