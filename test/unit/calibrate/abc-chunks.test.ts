import { describe, expect, it } from 'vitest';
import { modelDistance, type RunTask } from '../../../src/calibrate/abc-model.ts';
import { type RunSummary, runTask } from '../../../src/engine/index.ts';
import { BUILT_IN_TARGETS } from '../../../src/evidence/registry.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

/**
 * A batch of ABC proposals × replicates too large to hold at once (issue 20, finding 5: 100,000
 * particles × 1,000 replicates filled 4 GB) runs in chunks whose summaries are reduced to distances
 * before the next, and the distances are the ones one batch would give, in the proposals' order.
 */
const base = { name: 'chunks', run: { years: 0.25, activationDay: 30, burnInWeeks: 2, seed: 3 }, jurisdictions: [{ residents: 300 }] };
const params = [{ path: 'crime.offenderShare', min: 0.01, max: 0.05, integer: false }];
const targets = [BUILT_IN_TARGETS['us-baselines']];

describe('ABC distances of a large batch', () => {
  // Three real runs stand in for every replicate: a proposal's replicates all come from one of them,
  // chosen by the proposal's index, so each proposal's distance tells which it was given.
  const scenario = resolveScenario(base);
  const samples: RunSummary[] = [0, 1, 2].map((replicate) => runTask({ scenario, seed: 3, replicate }).summary);
  const fake = (R: number, seen: { size: number; before: number; total: number }[]) => async (tasks: RunTask[], at: { before: number; total: number }) => {
    seen.push({ size: tasks.length, ...at });
    return tasks.map((t) => samples[Math.floor(t.replicate / R) % 3]);
  };

  it('never holds more than 4,096 runs at once, and gives each proposal the distance of its own replicates', async () => {
    const R = 1000;
    const seen: { size: number; before: number; total: number }[] = [];
    const points = Array.from({ length: 10 }, () => [0.5]);
    const indices = points.map((_, i) => i);
    const chunked = await modelDistance({ base, params, targets, seed: 3, replicates: R, run: fake(R, seen) })(points, indices);
    expect(seen.length).toBeGreaterThan(1);
    expect(Math.max(...seen.map((s) => s.size))).toBeLessThanOrEqual(4096);
    // The chunks cover the batch once, in order, for progress.
    expect(seen.map((s) => s.before)).toEqual(seen.map((_, i) => seen.slice(0, i).reduce((a, s) => a + s.size, 0)));
    expect(seen.every((s) => s.total === 10 * R)).toBe(true);
    // The same proposals with one replicate each, made from the same run, give the same distances.
    const one = await modelDistance({ base, params, targets, seed: 3, replicates: 1, run: fake(1, []) })(
      points,
      indices.map((i) => i % 3),
    );
    // (A mean of 1,000 equal values may differ from the value in the last digit.)
    chunked.forEach((d, i) => expect(d?.distance).toBeCloseTo(one[i]?.distance ?? Number.NaN, 10));
    expect(new Set(chunked.map((d) => d?.distance)).size).toBe(3);
  });
});
