import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { AbcProgress } from '../../calibrate/abc.ts';
import type { CalibrationParam } from '../../calibrate/calibrate.ts';
import { firstProblem, Seed } from '../../scenario/boundaries.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { readInputJson } from '../files.ts';
import { checkResume } from './resume-check.ts';

export const DEFAULT_PARTICLES = 64;
export const DEFAULT_GENERATIONS = 6;
export const DEFAULT_REPLICATES = 2;
/** Each generation's tolerance: this quantile of the previous generation's distances. */
export const QUANTILE = 0.5;

/** A point of the unit cube: each parameter as a share of its range. */
const UnitPoint = z.array(z.number().min(0).max(1));

/** A saved ABC run: the settings it was started with and where it stands. */
export const AbcStateShape = z.strictObject({
  format: z.literal('trustfall-abc'),
  version: z.literal(1),
  params: z
    .array(z.strictObject({ path: z.string(), min: z.number(), max: z.number(), integer: z.boolean() }))
    .min(1)
    .max(64),
  targetSets: z.array(z.string()),
  seed: Seed,
  replicates: z.int().min(1).max(1000),
  particles: z.int().min(8).max(100_000),
  /** The scenario the run is on (absent in states saved before it was recorded). */
  scenarioHash: z.string().optional(),
  /** Runs made so far, across every session of this calibration. */
  runs: z.int().min(0),
  progress: z.strictObject({
    generations: z
      .array(
        z.strictObject({
          epsilon: z.number().min(0).nullable(),
          proposals: z.int().min(0),
          particles: z.array(
            z.strictObject({
              x: UnitPoint,
              distance: z.number().min(0),
              weight: z.number().min(0),
              stats: z.record(z.string(), z.number().nullable()),
            }),
          ),
        }),
      )
      .max(1000),
    // seedrandom's Alea state: an integer carry and three fractions in [0, 1).
    rng: z.strictObject({
      c: z.int().min(0).max(2091639),
      s0: z.number().min(0).lt(1),
      s1: z.number().min(0).lt(1),
      s2: z.number().min(0).lt(1),
    }),
    proposed: z.int().min(0),
  }),
});

/**
 * The same, with what the numbers must mean together: every point has one value per parameter, no
 * generation has more particles than the run keeps, and each generation's weights sum to more than 0
 * (all zero would leave the sampler nothing to draw from).
 */
export const AbcState = AbcStateShape.superRefine((s, ctx) => {
  s.progress.generations.forEach((g, i) => {
    if (g.particles.length > s.particles)
      ctx.addIssue({
        code: 'custom',
        path: ['progress', 'generations', i, 'particles'],
        message: `${g.particles.length} particles, more than the run's ${s.particles}`,
      });
    if (g.particles.some((p) => p.x.length !== s.params.length))
      ctx.addIssue({
        code: 'custom',
        path: ['progress', 'generations', i, 'particles'],
        message: `a particle has not one value per parameter (${s.params.length})`,
      });
    if (g.particles.length > 0 && !(g.particles.reduce((a, p) => a + p.weight, 0) > 0))
      ctx.addIssue({ code: 'custom', path: ['progress', 'generations', i, 'particles'], message: 'the weights sum to 0' });
  });
});

export type AbcStateFile = z.infer<typeof AbcState>;

/** The saved state at a generation's end, as the file holds it (a tolerance of Infinity as null). */
export function abcStateOf(settings: Omit<AbcStateFile, 'format' | 'version' | 'progress'>, p: AbcProgress): AbcStateFile {
  return {
    format: 'trustfall-abc',
    version: 1,
    ...settings,
    progress: { ...p, generations: p.generations.map((g) => ({ ...g, epsilon: Number.isFinite(g.epsilon) ? g.epsilon : null })) },
  };
}

/** The sampler's position in a saved state. */
export function progressOf(state: AbcStateFile): AbcProgress {
  return { ...state.progress, generations: state.progress.generations.map((g) => ({ ...g, epsilon: g.epsilon ?? Number.POSITIVE_INFINITY })) };
}

/**
 * Reads a saved state to continue, checking it was made with the same settings (resume-check.ts):
 * this run's parameters, targets and scenario, and the --seed, --replicates and --particles given.
 */
export function readAbcState(
  statePath: string,
  run: { params: CalibrationParam[]; targets: TargetSet[]; scenarioHash: string },
  flags: Pick<RunFlags, 'seed' | 'replicates' | 'particles'>,
): AbcStateFile {
  if (!existsSync(statePath)) throw new UsageError(`--resume: no saved state at ${statePath}`);
  const parsed = AbcState.safeParse(readInputJson(statePath, 'ABC state'));
  if (!parsed.success) throw new UsageError(`--resume: ${statePath} is not a usable ABC state (${firstProblem(parsed.error)})`);
  const state = parsed.data;
  checkResume(statePath, state, {
    params: run.params,
    targetSets: run.targets.map((t) => t.id),
    scenarioHash: run.scenarioHash,
    seed: flags.seed,
    replicates: flags.replicates,
    particles: flags.particles,
  });
  return state;
}
