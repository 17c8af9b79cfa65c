import { z } from 'zod';
import { nextProposals } from '../../calibrate/abc.ts';
import { abcTooLarge } from '../../calibrate/abc-size.ts';
import { replayGeneration, type ShardResult } from '../../calibrate/abc-shards.ts';
import type { CalibrationParam } from '../../calibrate/calibrate.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { firstProblem } from '../../scenario/boundaries.ts';
import { scenarioHash, type Scenario } from '../../scenario/index.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, writeOutput } from '../files.ts';
import { ThreadPool } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { pooledDistance } from './abc-pool.ts';
import { AbcState, AbcStateShape, abcStateOf, DEFAULT_PARTICLES, DEFAULT_REPLICATES, progressOf, QUANTILE, readAbcState } from './abc-state.ts';
import { rowCheck } from '../../report/row-check.ts';

/** One shard's share of a generation: the state it started from, the proposals drawn, its results. */
const AbcShard = z.strictObject({
  format: z.literal('trustfall-abc-shard'),
  version: z.literal(1),
  engineVersion: z.string(),
  scenarioHash: z.string(),
  /** The calibration's settings and where it stood (no progress: the prior's generation comes next). */
  from: z.strictObject({ ...AbcStateShape.shape, progress: AbcStateShape.shape.progress.nullable() }),
  proposals: z.int().min(1),
  shard: z.strictObject({ k: z.int().min(1), n: z.int().min(1) }),
  runs: z.int().min(0),
  results: z
    .array(
      z.strictObject({ index: z.int().min(0), distance: z.number().min(0).nullable(), stats: z.record(z.string(), z.number().nullable()), check: z.string() }),
    )
    .refine((rs) => new Set(rs.map((r) => r.index)).size === rs.length, 'a proposal appears twice'),
});

/**
 * `sim calibrate --method abc --shard K/N --proposals P [--resume --state S] [--out FILE]`: evaluates
 * this shard's slice of the next generation's first P proposals and writes them; `sim merge` of the N
 * shards writes the state after the generation (see abc-shards.ts).
 */
export async function abcShard(
  file: string,
  flags: RunFlags,
  o: { scenario: Scenario; base: Record<string, unknown>; params: CalibrationParam[]; targets: TargetSet[] },
): Promise<number> {
  const shard = flags.shard!;
  if (flags.generations !== undefined) throw new UsageError('--generations: a shard evaluates one generation, the one after its --state (or the prior\u2019s)');
  if (flags.resume && !flags.state) throw new UsageError('--resume with --shard needs --state: the state the generation starts from');
  if (flags.out) checkOutputs({ '--out': flags.out }, [file, ...(flags.state ? [flags.state] : [])]);
  const hash = scenarioHash(o.scenario);
  const resume = flags.resume ? readAbcState(flags.state!, { params: o.params, targets: o.targets, scenarioHash: hash }, flags) : undefined;
  const particles = resume?.particles ?? flags.particles ?? DEFAULT_PARTICLES;
  const proposals = flags.proposals ?? 4 * particles;
  const replicates = resume?.replicates ?? flags.replicates ?? DEFAULT_REPLICATES;
  const seed = resume?.seed ?? o.scenario.run.seed;
  const problem = abcTooLarge({ proposals, replicates });
  if (problem) throw new UsageError(problem);
  const progress = resume && progressOf(resume);
  const { first, points } = nextProposals({ k: o.params.length, seed, quantile: QUANTILE, resume: progress, count: proposals });
  const mine = points.map((x, i) => ({ x, index: first + i })).filter((p) => p.index % shard.n === shard.k - 1);
  const pool = new ThreadPool(flags.workers);
  const bar = createProgress(`ABC generation ${progress?.generations.length ?? 0}, shard ${shard.k}/${shard.n} (${mine.length} proposals)`, !flags.quiet);
  let runs = 0;
  let results: ShardResult[];
  try {
    const evaluate = pooledDistance(
      pool,
      { base: o.base, params: o.params, targets: o.targets, seed, replicates },
      (n) => (runs += n),
      (done, total) => bar.update(done, total),
    );
    const out = await evaluate(
      mine.map((p) => p.x),
      mine.map((p) => p.index),
    );
    results = out.map((r, i) => {
      const row = { index: mine[i].index, distance: Number.isFinite(r!.distance) ? r!.distance : null, stats: r!.stats };
      return { ...row, check: abcRowCheck(row) };
    });
  } finally {
    pool.close();
    bar.finish();
  }
  const settings = { params: o.params, targetSets: o.targets.map((t) => t.id), seed, replicates, particles, scenarioHash: hash, runs: resume?.runs ?? 0 };
  const from = progress ? abcStateOf(settings, progress) : { format: 'trustfall-abc' as const, version: 1 as const, ...settings, progress: null };
  const text = `${JSON.stringify({ format: 'trustfall-abc-shard', version: 1, engineVersion: ENGINE_VERSION, scenarioHash: hash, from, proposals, shard, runs, results })}\n`;
  if (flags.out) writeOutput(flags.out, text);
  else process.stdout.write(text);
  return 0;
}

/** True when a parsed JSON file is an ABC shard. */
export function isAbcShard(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 'trustfall-abc-shard';
}

/**
 * `sim merge` of ABC shards: replays the generation over their results and writes the state after it
 * to --out (continue with more shards, `--resume --state` it, or write the report by resuming with
 * --generations reached). Exit 3 when a proposal the generation needs was not evaluated.
 */
export async function mergeAbc(parts: unknown[], flags: RunFlags): Promise<number> {
  if (!flags.out) throw new UsageError('merge of ABC shards needs --out: the state file to write (then --resume --state it)');
  if (flags.csv) throw new UsageError('--csv: merging ABC shards writes a state; the report (JSON and Markdown) comes from calibrate --resume');
  const shards = parts.map((raw, i) => {
    const parsed = AbcShard.safeParse(raw);
    if (!parsed.success) throw new UsageError(`shard ${i + 1} is not a usable ABC shard (${firstProblem(parsed.error)})`);
    return parsed.data;
  });
  const first = shards[0];
  const same = (s: (typeof shards)[number]) =>
    JSON.stringify([s.engineVersion, s.scenarioHash, s.from, s.proposals, s.shard.n]) ===
    JSON.stringify([first.engineVersion, first.scenarioHash, first.from, first.proposals, first.shard.n]);
  shards.forEach((s, i) => {
    if (!same(s))
      throw new UsageError(`shard ${i + 1} belongs to another generation or calibration than shard 1 (state, settings, scenario, engine or proposals differ)`);
  });
  const tooLarge = abcTooLarge({ proposals: first.proposals, replicates: first.from.replicates });
  if (tooLarge) throw new UsageError(`the shards claim a generation of ${tooLarge.replace(/; use.*$/, '')}: the files were edited or damaged`);
  shards.forEach((s, i) => {
    const bad = s.results.find((r) => r.check !== abcRowCheck(r));
    if (bad) throw new UsageError(`shard ${i + 1}: proposal ${bad.index}'s result does not match its check: the file was edited or damaged`);
  });
  const slices = new Set(shards.map((s) => s.shard.k));
  if (slices.size !== shards.length) throw new UsageError('two shards are the same slice (K/N) of the generation');
  const from = first.from;
  if (from.progress) {
    const checked = AbcState.safeParse(from);
    if (!checked.success) throw new UsageError(`shard 1's state is not usable (${firstProblem(checked.error)})`);
  }
  const previous = from.progress ? progressOf({ ...from, progress: from.progress }) : undefined;
  const merged = await replayGeneration({
    k: from.params.length,
    seed: from.seed,
    quantile: QUANTILE,
    particles: from.particles,
    previous,
    results: shards.flatMap((s) => s.results.map(({ check: _check, ...r }) => r)),
  });
  const generation = previous?.generations.length ?? 0;
  if ('missing' in merged) {
    const lacking = [...Array(first.shard.n).keys()].map((k) => k + 1).filter((k) => !slices.has(k));
    process.stderr.write(
      merged.missing < (previous?.proposed ?? 0) + first.proposals
        ? `incomplete: generation ${generation} needs proposal ${merged.missing}, which shard ${(merged.missing % first.shard.n) + 1}/${first.shard.n} evaluates; missing shards: ${lacking.join(', ')}\n`
        : `incomplete: generation ${generation} needed more than the ${first.proposals} proposals the shards drew; run them again with a larger --proposals (e.g. ${2 * first.proposals})\n`,
    );
    return 3;
  }
  if ('collapsed' in merged) {
    process.stderr.write(`collapsed: generation ${generation} accepted too few of its proposals; the state stays as it was\n`);
    return 3;
  }
  const runs = from.runs + shards.reduce((a, s) => a + s.runs, 0);
  const { format: _f, version: _v, progress: _p, ...settings } = from;
  writeOutput(flags.out, JSON.stringify(abcStateOf({ ...settings, runs }, merged.progress)));
  const last = merged.progress.generations.at(-1)!;
  process.stderr.write(
    `generation ${generation} merged: ${last.particles.length} particles from ${last.proposals} proposals, tolerance ${Number.isFinite(last.epsilon) ? last.epsilon.toFixed(3) : 'none (prior)'}; wrote ${flags.out}\n`,
  );
  return 0;
}

/** A proposal's check in a shard: its index, distance and statistics as written (the shard's settings are compared whole). */
function abcRowCheck(r: { index: number; distance: number | null; stats: Record<string, number | null> }): string {
  return rowCheck(JSON.stringify([r.index, r.distance, r.stats]));
}
