import seedrandom from 'seedrandom';
import type { StreamState, Uniform } from '../engine/rng.ts';

/** Draws of the proposal kernel before giving up on finding a point inside the unit cube. */
const MAX_PROPOSAL_DRAWS = 1_000_000;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: the population Monte Carlo sampler of
 * Beaumont, Cornuet, Marin & Robert (2009, Biometrika 96:983), with each generation's tolerance set to
 * a quantile of the previous generation's distances (Del Moral, Doucet & Jasra 2012) and a Gaussian
 * perturbation kernel with twice the previous population's weighted covariance, so that parameters that
 * trade off against each other are proposed along their ridge (Filippi et al. 2013). The prior is
 * uniform on the unit box (each parameter across its search range). npm has no maintained ABC library,
 * so the sampler is written here; it is tested on a model whose posterior is known.
 *
 * Deterministic for a seed: proposals are drawn in order from one seeded stream, evaluated in batches
 * whose size depends only on how many have been accepted, and accepted in proposal order, so the
 * number of Workers does not change the result; the stream's state is saved with each generation, so a
 * resumed run continues exactly as an unbroken one.
 */

/** One accepted parameter set: its point in the unit box, its distance, weight and what it simulated. */
export interface AbcParticle {
  x: number[];
  distance: number;
  weight: number;
  /** Simulated statistics (each target's mean, other outputs) at this point, for the posterior predictive. */
  stats: Record<string, number | null>;
}

export interface AbcGeneration {
  /** Tolerance: every particle of the generation is at most this far from the targets (Infinity for the prior's). */
  epsilon: number;
  particles: AbcParticle[];
  /** Parameter sets simulated to fill the generation (its acceptance rate is particles / proposals). */
  proposals: number;
}

/** A proposal's distance from the targets and the statistics it simulated. */
export interface AbcResult {
  distance: number;
  stats: Record<string, number | null>;
}

/**
 * The distance of each point from the targets and its statistics; `indices` number the points among all
 * proposals (for their seeds). A result may be missing (undefined) only when replaying shards' results:
 * the sampler then stops with AbcMissingProposal if it needs it.
 */
export type AbcEvaluate = (points: number[][], indices: readonly number[]) => Promise<(AbcResult | undefined)[]>;

/** Replaying shards, the sampler needed a proposal no shard evaluated (the shards drew too few). */
export class AbcMissingProposal extends Error {
  constructor(readonly index: number) {
    super(`proposal ${index} was not evaluated`);
  }
}

/** The sampler's position after a generation: its generations, its random stream and how many points it proposed. */
export interface AbcProgress {
  generations: AbcGeneration[];
  rng: StreamState;
  proposed: number;
}

export interface AbcOptions {
  /** Parameters (dimensions of the unit box). */
  k: number;
  /** Particles per generation. */
  population: number;
  /** Generations after the prior's (each with a smaller tolerance). */
  generations: number;
  /** The next tolerance is this quantile of the current generation's distances (0.5 halves the population's spread of fits). */
  quantile: number;
  seed: number;
  evaluate: AbcEvaluate;
  /** Where a saved run stopped: the sampler continues after its last generation. */
  resume?: AbcProgress;
  /** Most proposals in one generation before it gives up (acceptance has collapsed); default 20 × population. */
  maxProposals?: number;
  /** Stop once a generation's tolerance is at or below this (default 0: run every generation). */
  stopAt?: number;
  onProposals?: (generation: number, accepted: number, proposals: number) => void;
  /** After each generation: what a saved state needs to continue. */
  onGeneration?: (progress: AbcProgress) => void | Promise<void>;
  shouldStop?: () => boolean;
}

export async function abcSmc(o: AbcOptions): Promise<{ generations: AbcGeneration[]; stopped: 'done' | 'stopped' | 'collapsed' | 'tolerance' }> {
  const generations = [...(o.resume?.generations ?? [])];
  const u = seedrandom.alea(`trustfall/${o.seed}/abc`, { state: o.resume?.rng ?? true }) as seedrandom.StatefulPRNG<StreamState>;
  let proposed = o.resume?.proposed ?? 0;
  const maxProposals = o.maxProposals ?? 20 * o.population;
  for (let g = generations.length; g <= o.generations; g++) {
    if (o.shouldStop?.()) return { generations, stopped: 'stopped' };
    const previous = generations[g - 1];
    const { epsilon, kernel } = generationSetup(previous, o.k, o.quantile);
    const accepted: AbcParticle[] = [];
    let proposals = 0;
    while (accepted.length < o.population && proposals < maxProposals) {
      // Batches as large as the particles still missing (at least 4, so the Workers stay busy).
      const size = Math.min(Math.max(4, o.population - accepted.length), maxProposals - proposals);
      const points = Array.from({ length: size }, () => (kernel ? kernel.propose(u) : Array.from({ length: o.k }, () => u())));
      const results = await o.evaluate(
        points,
        points.map((_, i) => proposed + i),
      );
      const first = proposed;
      proposed += size;
      for (let i = 0; i < size && accepted.length < o.population; i++) {
        proposals++;
        const r = results[i];
        if (!r) throw new AbcMissingProposal(first + i);
        if (Number.isFinite(r.distance) && r.distance <= epsilon) accepted.push({ x: points[i], distance: r.distance, weight: 1, stats: r.stats });
      }
      o.onProposals?.(g, accepted.length, proposals);
      // A stop mid-generation drops the generation: a saved state always ends at a whole one. A
      // generation this batch completed is kept (and saved) first; the stop is taken before the next.
      if (accepted.length < o.population && o.shouldStop?.()) return { generations, stopped: 'stopped' };
    }
    if (accepted.length < o.population) return { generations, stopped: 'collapsed' };
    if (kernel) for (const p of accepted) p.weight = 1 / kernel.mixtureDensity(p.x);
    normalise(accepted);
    generations.push({ epsilon, particles: accepted, proposals });
    await o.onGeneration?.({ generations, rng: u.state(), proposed });
    if (o.stopAt !== undefined && epsilon <= o.stopAt) return { generations, stopped: 'tolerance' };
  }
  return { generations, stopped: 'done' };
}

/** A generation's tolerance and proposal kernel, from the generation before (none: the prior's, which accepts every finite distance). */
function generationSetup(previous: AbcGeneration | undefined, k: number, quantile: number) {
  return {
    epsilon: previous
      ? quantileOf(
          previous.particles.map((p) => p.distance),
          quantile,
        )
      : Number.POSITIVE_INFINITY,
    kernel: previous ? perturbationKernel(previous.particles, k) : undefined,
  };
}

/**
 * The first `count` points the sampler will propose for its next generation, from where `resume` left
 * it (nothing: the prior's generation): the same points in the same order an unbroken run draws, so
 * shards can evaluate them apart and a replay of their results (`abcSmc` with an evaluate that looks
 * them up) continues exactly as an unbroken run. Their indices start at `first`.
 */
export function nextProposals(o: { k: number; seed: number; quantile: number; resume?: AbcProgress; count: number }): { first: number; points: number[][] } {
  const u = seedrandom.alea(`trustfall/${o.seed}/abc`, { state: o.resume?.rng ?? true }) as seedrandom.StatefulPRNG<StreamState>;
  const { kernel } = generationSetup(o.resume?.generations.at(-1), o.k, o.quantile);
  const points = Array.from({ length: o.count }, () => (kernel ? kernel.propose(u) : Array.from({ length: o.k }, () => u())));
  return { first: o.resume?.proposed ?? 0, points };
}

function normalise(ps: AbcParticle[]): void {
  const total = ps.reduce((a, p) => a + p.weight, 0);
  for (const p of ps) p.weight /= total;
}

/** The q-quantile of values (linear interpolation). */
function quantileOf(values: readonly number[], q: number): number {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const pos = q * (xs.length - 1);
  const lo = Math.floor(pos);
  return lo + 1 < xs.length ? xs[lo] + (pos - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

/** Weighted mean and covariance of particles. */
function weightedMoments(ps: readonly AbcParticle[], k: number): { mean: number[]; cov: number[][] } {
  const mean = Array.from({ length: k }, (_, i) => ps.reduce((a, p) => a + p.weight * p.x[i], 0));
  const cov = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => ps.reduce((a, p) => a + p.weight * (p.x[i] - mean[i]) * (p.x[j] - mean[j]), 0)),
  );
  return { mean, cov };
}

/** Lower-triangular L with L Lᵀ = a (a small ridge keeps a degenerate population proposing). */
function cholesky(a: number[][]): number[][] {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
    }
  }
  return l;
}

/**
 * The perturbation kernel: from a particle drawn by weight, a Gaussian step with covariance twice the
 * population's. A point outside the unit box (prior density 0) is drawn again, particle and step, so
 * the proposal density is the weighted mixture truncated to the box and renormalised by one constant,
 * which cancels when the weights are normalised.
 */
function perturbationKernel(ps: readonly AbcParticle[], k: number) {
  const { cov } = weightedMoments(ps, k);
  const sigma = cov.map((row, i) => row.map((v, j) => 2 * v + (i === j ? 1e-8 : 0)));
  const l = cholesky(sigma);
  const logDet = 2 * l.reduce((a, row, i) => a + Math.log(row[i]), 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of ps) {
    sum += p.weight;
    cumulative.push(sum);
  }
  const normal = (u: Uniform) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return {
    propose(u: Uniform): number[] {
      // Points outside the unit cube are drawn again. From particles inside it this ends after a few
      // draws; a bound turns a damaged state (which could make every draw miss) into an error, not a hang.
      for (let attempt = 0; attempt < MAX_PROPOSAL_DRAWS; attempt++) {
        const r = u() * cumulative[cumulative.length - 1];
        let i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= r) i++;
        const z = Array.from({ length: k }, () => normal(u));
        const x = ps[i].x.map((v, a) => v + l[a].reduce((s, la, b) => s + (b <= a ? la * z[b] : 0), 0));
        if (x.every((v) => v >= 0 && v <= 1)) return x;
      }
      throw new Error(`no proposal inside the parameters' ranges in ${MAX_PROPOSAL_DRAWS} draws: the particles or the random state are damaged`);
    },
    /** Σⱼ wⱼ K(x | xⱼ): the density x was proposed with, up to the truncation's constant. */
    mixtureDensity(x: number[]): number {
      let total = 0;
      for (const p of ps) total += p.weight * Math.exp(-0.5 * mahalanobis(l, x, p.x) - 0.5 * logDet);
      return total;
    },
  };
}

/** (x − y)ᵀ Σ⁻¹ (x − y) with Σ = L Lᵀ, by forward substitution. */
function mahalanobis(l: number[][], x: number[], y: number[]): number {
  const k = x.length;
  const z = new Array<number>(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    let v = x[i] - y[i];
    for (let m = 0; m < i; m++) v -= l[i][m] * z[m];
    z[i] = v / l[i][i];
    s += z[i] * z[i];
  }
  return s;
}

/** What a posterior says about one parameter (on its own scale): weighted mean, median and 90% interval. */
export interface Marginal {
  mean: number;
  median: number;
  lo: number;
  hi: number;
}

/** The weighted q-quantile of values. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const i of order) {
    acc += weights[i] / total;
    if (acc >= q) return values[i];
  }
  return values[order[order.length - 1]];
}

/** Marginals of each parameter and the weighted correlation matrix of the last generation. */
export function posteriorSummary(g: AbcGeneration, scale: (i: number, x: number) => number): { marginals: Marginal[]; correlation: number[][] } {
  const k = g.particles[0]?.x.length ?? 0;
  const w = g.particles.map((p) => p.weight);
  const marginals = Array.from({ length: k }, (_, i) => {
    const v = g.particles.map((p) => scale(i, p.x[i]));
    return {
      mean: v.reduce((a, x, m) => a + w[m] * x, 0) / w.reduce((a, b) => a + b, 0),
      median: weightedQuantile(v, w, 0.5),
      lo: weightedQuantile(v, w, 0.05),
      hi: weightedQuantile(v, w, 0.95),
    };
  });
  const { cov } = weightedMoments(g.particles, k);
  const correlation = cov.map((row, i) => row.map((c, j) => (i === j ? 1 : c / Math.sqrt(Math.max(cov[i][i] * cov[j][j], 1e-300)))));
  return { marginals, correlation };
}
