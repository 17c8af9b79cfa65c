import { describe, expect, it } from 'vitest';
import { type AbcEvaluate, type AbcProgress, abcSmc, nextProposals, posteriorSummary } from '../../../src/calibrate/abc.ts';
import { replayGeneration } from '../../../src/calibrate/abc-shards.ts';
import { stream } from '../../../src/engine/rng.ts';

/** A standard normal draw from a stream (Box–Muller). */
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/**
 * A noisy simulator with a known posterior: the statistic is f(θ) + 0.05 × N(0, 1), each proposal with
 * its own noise (seeded by its number, as the model's replicates are), observed at 0.3. With a uniform
 * prior the exact posterior of f(θ) is N(0.3, 0.05²) (truncated far in its tails).
 */
function simulator(f: (x: number[]) => number): AbcEvaluate {
  return async (points, indices) =>
    points.map((x, i) => {
      const y = f(x) + 0.05 * normal(stream(7, indices[i], 'toy'));
      return { distance: Math.abs(y - 0.3) / 0.05, stats: { y } };
    });
}

const run = (f: (x: number[]) => number, k: number, extra: Partial<Parameters<typeof abcSmc>[0]> = {}) =>
  abcSmc({ k, population: 300, generations: 6, quantile: 0.5, seed: 11, evaluate: simulator(f), ...extra });

describe('ABC by sequential Monte Carlo', () => {
  it('recovers a known posterior: its mean and 90% interval, and a parameter that does nothing stays spread over its range', async () => {
    const { generations, stopped } = await run((x) => x[0], 2);
    expect(stopped).toBe('done');
    expect(generations).toHaveLength(7);
    // Tolerances fall generation after generation.
    for (let g = 2; g < generations.length; g++) expect(generations[g].epsilon).toBeLessThan(generations[g - 1].epsilon);
    const last = generations.at(-1)!;
    expect(last.particles.every((p) => p.distance <= last.epsilon)).toBe(true);
    expect(last.particles.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1, 9);
    const { marginals } = posteriorSummary(last, (_i, x) => x);
    // Exact: mean 0.3, 90% interval 0.218 to 0.382; ABC's tolerance widens it a little.
    expect(marginals[0].mean).toBeGreaterThan(0.27);
    expect(marginals[0].mean).toBeLessThan(0.33);
    expect(marginals[0].lo).toBeGreaterThan(0.17);
    expect(marginals[0].lo).toBeLessThan(0.24);
    expect(marginals[0].hi).toBeGreaterThan(0.36);
    expect(marginals[0].hi).toBeLessThan(0.43);
    // The inert parameter: its posterior is its prior, uniform on [0, 1].
    expect(marginals[1].lo).toBeLessThan(0.12);
    expect(marginals[1].hi).toBeGreaterThan(0.88);
  });

  it('shows two parameters that trade off: only their sum is identified, and their correlation says so', async () => {
    const { generations } = await run((x) => (x[0] + x[1]) / 2, 2);
    const { marginals, correlation } = posteriorSummary(generations.at(-1)!, (_i, x) => x);
    expect(correlation[0][1]).toBeLessThan(-0.8);
    // Each alone is poorly pinned down: wide intervals.
    expect(marginals[0].hi - marginals[0].lo).toBeGreaterThan(0.4);
  });

  it('is deterministic for a seed, and a run resumed from a saved generation ends exactly where an unbroken run ends', async () => {
    const f = (x: number[]) => x[0];
    const whole = await run(f, 2, { population: 60, generations: 4 });
    const again = await run(f, 2, { population: 60, generations: 4 });
    expect(again).toEqual(whole);
    let saved: AbcProgress | undefined;
    let stop = false;
    await run(f, 2, {
      population: 60,
      generations: 4,
      onGeneration: (p) => {
        if (p.generations.length === 2) {
          saved = structuredClone(p);
          stop = true;
        }
      },
      shouldStop: () => stop,
    });
    expect(saved?.generations).toHaveLength(2);
    const resumed = await run(f, 2, { population: 60, generations: 4, resume: saved });
    expect(resumed).toEqual(whole);
  });

  it('a stop that comes as a batch completes a generation keeps that generation and saves it', async () => {
    // The prior's generation of 8 particles is filled by its first batch (every finite distance is
    // accepted); Ctrl-C during that batch once dropped it with its runs.
    const saved: number[] = [];
    const { generations, stopped } = await run((x) => x[0], 2, {
      population: 8,
      generations: 3,
      onGeneration: (p) => {
        saved.push(p.generations.length);
      },
      shouldStop: () => true,
    });
    expect(stopped).toBe('stopped');
    expect(generations).toHaveLength(0);
    let asked = 0;
    const kept = await run((x) => x[0], 2, {
      population: 8,
      generations: 3,
      onGeneration: (p) => {
        saved.push(p.generations.length);
      },
      // Not before the first batch; from its end on.
      shouldStop: () => ++asked > 1,
    });
    expect(kept.stopped).toBe('stopped');
    expect(kept.generations).toHaveLength(1);
    expect(saved).toEqual([1]);
  });

  it('sharded generation by generation, then merged by replaying the shards\u2019 results, ends exactly where an unbroken run ends', async () => {
    const f = (x: number[]) => x[0];
    const opts = { k: 2, seed: 11, quantile: 0.5 };
    const whole = await run(f, 2, { population: 40, generations: 3 });
    const evaluate = simulator(f);
    let state: AbcProgress | undefined;
    for (let g = 0; g <= 3; g++) {
      const { first, points } = nextProposals({ ...opts, resume: state, count: 400 });
      // Three shards, each its slice of the proposals, in no particular order.
      const results = [];
      for (const k of [2, 0, 1]) {
        const mine = points.map((x, i) => ({ x, index: first + i })).filter((p) => p.index % 3 === k);
        const out = await evaluate(
          mine.map((p) => p.x),
          mine.map((p) => p.index),
        );
        results.push(...out.map((r, i) => ({ index: mine[i].index, distance: r!.distance, stats: r!.stats })));
      }
      const merged = await replayGeneration({ ...opts, particles: 40, previous: state, results });
      if (!('progress' in merged)) throw new Error(`generation ${g}: ${JSON.stringify(merged)}`);
      state = merged.progress;
    }
    expect(state!.generations).toEqual(whole.generations);
    // Too few proposals drawn: the merge names the first one it needed and no shard evaluated.
    const few = nextProposals({ ...opts, count: 10 });
    const out = await evaluate(
      few.points,
      few.points.map((_, i) => i),
    );
    const short = await replayGeneration({
      ...opts,
      particles: 40,
      results: out.map((r, i) => ({ index: i, distance: r!.distance, stats: r!.stats })),
    });
    expect(short).toEqual({ missing: 10 });
  });

  it('says when acceptance collapses instead of running for ever', async () => {
    // A statistic that never comes near the observation: after the prior's generation no proposal can
    // beat the median distance by more than noise allows, within the proposal limit.
    const { stopped, generations } = await abcSmc({
      k: 1,
      population: 20,
      generations: 30,
      quantile: 0.05,
      seed: 1,
      maxProposals: 100,
      evaluate: simulator(() => 5),
    });
    expect(stopped).toBe('collapsed');
    expect(generations.length).toBeLessThan(30);
  });
});
