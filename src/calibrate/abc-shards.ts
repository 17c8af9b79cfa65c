import { type AbcEvaluate, type AbcProgress, type AbcResult, AbcMissingProposal, abcSmc } from './abc.ts';

/**
 * ABC across machines, one generation at a time: each shard draws the next generation's first P
 * proposals (the points an unbroken run would draw, in its order), evaluates those whose index is
 * K − 1 mod N, and writes their distances and statistics with the state it started from. Merging
 * replays the generation over the shards' results: the sampler accepts in proposal order exactly as an
 * unbroken run does, so the new state, and every generation after it, is the unbroken run's. Only the
 * count of runs differs (shards evaluate all P proposals; an unbroken run stops at the batch that fills
 * the generation).
 */

/** One evaluated proposal, as a shard writes it (an infinite distance as null, which JSON can hold). */
export interface ShardResult {
  index: number;
  distance: number | null;
  stats: Record<string, number | null>;
}

/** What merging found: the state after the generation, or which proposal was missing. */
export type AbcMerge = { progress: AbcProgress } | { missing: number };

/**
 * The sampler's next generation over the shards' results. `previous` is the state the shards started
 * from (undefined: the prior's generation); `particles` and `quantile` as in the run.
 */
export async function replayGeneration(o: {
  k: number;
  seed: number;
  quantile: number;
  particles: number;
  previous?: AbcProgress;
  results: readonly ShardResult[];
  maxProposals?: number;
}): Promise<AbcMerge | { collapsed: true }> {
  const byIndex = new Map<number, AbcResult>();
  for (const r of o.results) byIndex.set(r.index, { distance: r.distance ?? Number.POSITIVE_INFINITY, stats: r.stats });
  const evaluate: AbcEvaluate = async (_points, indices) => indices.map((i) => byIndex.get(i));
  let progress: AbcProgress | undefined;
  try {
    const { stopped } = await abcSmc({
      k: o.k,
      population: o.particles,
      // Exactly one generation after those the shards started from.
      generations: o.previous?.generations.length ?? 0,
      quantile: o.quantile,
      seed: o.seed,
      evaluate,
      resume: o.previous,
      maxProposals: o.maxProposals,
      onGeneration: (p) => {
        progress = structuredClone(p);
      },
    });
    if (stopped === 'collapsed') return { collapsed: true };
  } catch (e) {
    if (e instanceof AbcMissingProposal) return { missing: e.index };
    throw e;
  }
  return { progress: progress! };
}
