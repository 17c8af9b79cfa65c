import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalibrationState } from '../../src/calibrate/state-schema.ts';
import { type RunFlags, UsageError } from '../../src/cli/args.ts';
import { AbcState } from '../../src/cli/commands/abc-state.ts';
import { mergeAbc } from '../../src/cli/commands/calibrate-abc-shard.ts';
import { readParamSpecs } from '../../src/cli/param-specs.ts';
import { keptRuns, mergeSensitivityShards, sensitivityRowCheck, settingsKey, type SensitivitySettings } from '../../src/sensitivity/shards.ts';
import { plannedRuns } from '../../src/sensitivity/size.ts';
import { scratchFolder, sim } from '../helpers/cli.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';
import { fuzzCounts } from '../helpers/fuzz-counts.ts';

/**
 * Fuzzing the files the long commands read back (issue 20): Nelder–Mead and ABC states, sensitivity
 * shards and --params lists. Each input is refused with a message, or accepted only when what it says
 * holds together (points inside the unit cube, weights that can be drawn from, a run count its design
 * makes); nothing else may be thrown. The counts are printed (with fuzz-boundaries, over 20,000 a run).
 */
const count = fuzzCounts('state files and shards');

const param = { path: 'crime.offenderShare', min: 0.01, max: 0.05, integer: false };
const nmState = {
  format: 'trustfall-calibration',
  version: 1,
  params: [param],
  targetSets: ['us-baselines'],
  replicates: 2,
  seed: 11,
  scenarioHash: 'a'.repeat(64),
  simplex: { points: [[0.5], [0.6]], values: [1, 2], iterations: 1, evaluations: 2 },
  history: [
    { x: [0.5], loss: 1 },
    { x: [0.6], loss: 2 },
  ],
};
const abcState = {
  format: 'trustfall-abc',
  version: 1,
  params: [param],
  targetSets: ['us-baselines'],
  seed: 11,
  replicates: 1,
  particles: 8,
  runs: 16,
  progress: {
    generations: [
      { epsilon: null, proposals: 8, particles: Array.from({ length: 8 }, (_, i) => ({ x: [i / 8], distance: 0.5, weight: 0.125, stats: { a: 1 } })) },
    ],
    rng: { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 },
    proposed: 8,
  },
};
const settings: SensitivitySettings = {
  method: 'morris',
  params: [param],
  outputs: ['j0.all.after.crimes'],
  design: { trajectories: 2, levels: 2 },
  replicates: 1,
  seed: 1,
  engineVersion: '0.5.0',
  scenarioHash: 'b'.repeat(64),
};
const key = settingsKey(settings);
const shard = {
  format: 'trustfall-sensitivity-shard',
  version: 1,
  settings,
  totalRuns: 4,
  shard: { k: 1, n: 1 },
  runs: [0, 1, 2, 3].map((run) => ({ run, values: [run], check: sensitivityRowCheck(key, run, [run]) })),
};

const value = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 0.5, 1, 1.5, 2 ** 31, 1e9, 1e308, -0, null, true, [], {}, '', 'x', [0.5], [2]) },
);
const keys = fc.oneof(
  fc.constantFrom(
    'params',
    'targetSets',
    'replicates',
    'seed',
    'simplex',
    'points',
    'values',
    'history',
    'x',
    'loss',
    'progress',
    'generations',
    'particles',
    'weight',
    'distance',
    'epsilon',
    'rng',
    'c',
    's0',
    'proposed',
    'runs',
    'totalRuns',
    'settings',
    'design',
    'samples',
    'trajectories',
    'levels',
    'method',
    'run',
    'check',
    'min',
    'max',
    'path',
    'shard',
    'k',
    'n',
    '__proto__',
  ),
  fc.nat(8),
);
const pathArb = fc.array(keys, { minLength: 1, maxLength: 5 });

/** The object with one value replaced somewhere (creating what is missing on the way). */
function mutate<T>(base: T, path: (string | number)[], v: unknown): T {
  const root = structuredClone(base) as Record<string | number, unknown>;
  let at = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    const next = Object.hasOwn(at, k) ? at[k] : undefined;
    if (!next || typeof next !== 'object') Object.defineProperty(at, k, { value: {}, enumerable: true, writable: true, configurable: true });
    at = at[k] as Record<string | number, unknown>;
  }
  Object.defineProperty(at, path[path.length - 1], { value: v, enumerable: true, writable: true, configurable: true });
  return root as T;
}
const mutated = <T>(base: T) => fc.tuple(pathArb, value, fc.nat(3)).map(([p, v, times]) => (times === 0 ? base : mutate(base, p, v)));

describe(`fuzzing state files and shards (fast-check seed ${FC_SEED})`, () => {
  it('Nelder–Mead states: refused with named problems, or a simplex of unit points, one more than the parameters', () => {
    fc.assert(
      fc.property(mutated(nmState), (raw) => {
        const r = parseCalibrationState(raw);
        if ('problems' in r) {
          expect(r.problems.length).toBeGreaterThan(0);
          return count('calibration state', false);
        }
        const s = r.state;
        expect(s.simplex.points).toHaveLength(s.params.length + 1);
        for (const p of s.simplex.points) for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
        count('calibration state', true);
      }),
      { seed: FC_SEED, numRuns: 3000 },
    );
  });

  it('ABC states: refused, or particles inside the cube with weights to draw from and a valid random state', () => {
    fc.assert(
      fc.property(mutated(abcState), (raw) => {
        const r = AbcState.safeParse(raw);
        if (!r.success) return count('ABC state', false);
        const s = r.data;
        for (const g of s.progress.generations) {
          expect(g.particles.length).toBeLessThanOrEqual(s.particles);
          if (g.particles.length) expect(g.particles.reduce((a, p) => a + p.weight, 0)).toBeGreaterThan(0);
          for (const p of g.particles) for (const v of p.x) expect(v >= 0 && v <= 1).toBe(true);
        }
        expect(s.progress.rng.s0 >= 0 && s.progress.rng.s0 < 1).toBe(true);
        count('ABC state', true);
      }),
      { seed: FC_SEED, numRuns: 3000 },
    );
  });

  it('sensitivity shards: merged only when every row checks and the run count is the design’s; otherwise an error with a message', () => {
    fc.assert(
      fc.property(mutated(shard), (raw) => {
        try {
          const m = mergeSensitivityShards([raw]);
          expect(m.runValues.length).toBe(plannedRuns(m.settings.params.length, m.settings.design, m.settings.replicates));
          count('sensitivity shard', true);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).constructor).toBe(Error);
          expect((e as Error).message.length).toBeGreaterThan(10);
          count('sensitivity shard', false);
        }
      }),
      { seed: FC_SEED, numRuns: 2500 },
    );
  });

  it('--params lists: parsed to canonical, distinct paths, or refused with a usage message', () => {
    const item = fc.oneof(
      fc.constantFrom('crime.offenderShare', 'jurisdictions[0].residents', 'jurisdictions[00].residents', 'run.seed', 'a..b', '[0]', '__proto__.x', ''),
      fc.string({ maxLength: 12 }),
    );
    const bound = fc.oneof(fc.constantFrom('', '0', '0.5', '1e3', '-1', '0x10', 'NaN', 'Infinity', ' 2', 'switch'), fc.string({ maxLength: 4 }));
    const spec = fc
      .array(
        fc.tuple(item, fc.array(bound, { maxLength: 3 })).map(([p, b]) => [p, ...b].join(':')),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => parts.join(','));
    fc.assert(
      fc.property(spec, (text) => {
        try {
          const specs = readParamSpecs(text);
          expect(new Set(specs.map((s) => s.path)).size).toBe(specs.length);
          for (const s of specs) expect(s.path).not.toMatch(/\[0\d/);
          count('--params list', true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          count('--params list', false);
        }
      }),
      { seed: FC_SEED, numRuns: 2000 },
    );
  });

  it('a stopped sensitivity analysis to resume: its kept runs, each checked and of its slice, or an error naming what is wrong', () => {
    fc.assert(
      fc.property(mutated(shard), (raw) => {
        try {
          const kept = keptRuns(raw, settings, { k: 1, n: 1 }, 4);
          for (const [run, values] of kept) {
            expect(run >= 0 && run < 4).toBe(true);
            expect(values).toHaveLength(settings.outputs.length);
          }
          count('sensitivity resume', true);
        } catch (e) {
          expect((e as Error).constructor).toBe(Error);
          expect((e as Error).message.length).toBeGreaterThan(10);
          count('sensitivity resume', false);
        }
      }),
      { seed: FC_SEED, numRuns: 1500 },
    );
  });

  it('ABC shards: merged into a state a resume can read, reported incomplete, or refused with a usage message', async () => {
    const { dir, file } = scratchFolder('trustfall-fuzz-abc-shard-');
    const tiny = file(
      'tiny.json',
      JSON.stringify({ name: 'tiny', run: { years: 0.25, activationDay: 30, burnInWeeks: 2 }, jurisdictions: [{ residents: 300 }] }),
    );
    const made = join(dir, 'shard.json');
    const r = sim(
      'calibrate',
      tiny,
      ...'--method abc --params crime.offenderShare:0.01:0.05 --targets us-baselines --particles 8 --replicates 1 --shard 1/1 --proposals 12 --quiet'.split(
        ' ',
      ),
      '--out',
      made,
    );
    expect(r.code, r.err).toBe(0);
    const real = JSON.parse(readFileSync(made, 'utf8'));
    const out = join(dir, 'merged.json');
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await fc.assert(
        fc.asyncProperty(mutated(real), async (raw) => {
          try {
            const code = await mergeAbc([raw], { out } as RunFlags);
            expect([0, 3]).toContain(code);
            if (code === 0) expect(AbcState.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
            count('ABC shard', code === 0);
          } catch (e) {
            expect(e).toBeInstanceOf(UsageError);
            count('ABC shard', false);
          }
        }),
        { seed: FC_SEED, numRuns: 1000 },
      );
    } finally {
      process.stderr.write = write;
    }
  }, 120_000);
});
