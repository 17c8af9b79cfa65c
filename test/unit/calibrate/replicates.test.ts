import { describe, expect, it } from 'vitest';
import { chooseReplicates } from '../../../src/calibrate/replicates.ts';
import type { TargetSet } from '../../../src/evidence/schema.ts';
import { BUILT_IN_TARGETS } from '../../../src/evidence/registry.ts';
import { runSummary, smallScenario } from '../../helpers/small.ts';

describe('replicates per evaluation', () => {
  const s = smallScenario();
  const pilot = [1, 2, 3, 4].map((seed) => runSummary(s, seed));
  const values = pilot.map((p) => p.jurisdictions[0].groups.all.before.reportedShare!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  const base = BUILT_IN_TARGETS['us-baselines'].targets[0];
  const set = (half: number): TargetSet => ({
    ...BUILT_IN_TARGETS['us-baselines'],
    targets: [{ ...base, id: 'share', band: [mean - half, mean + half], simulated: { kind: 'metric', key: 'reportedShare', group: 'all', period: 'before' } }],
  });

  it('puts the standard error under a third of the half-band: R = ceil((sd / (half / 3))^2), at least 3', () => {
    const half = sd * 1.4; // (sd / (half / 3))^2 = 4.6: 5 replicates
    const c = chooseReplicates([set(half)], s, pilot, undefined);
    expect(c.replicates).toBe(5);
    expect(c.limited).toBe(false);
    expect(c.targets[0].sd).toBeCloseTo(sd, 12);
    expect(c.targets[0].standardError).toBeLessThanOrEqual(half / 3 + 1e-12);
    // A wide band needs no more than the minimum.
    expect(chooseReplicates([set(sd * 100)], s, pilot, undefined).replicates).toBe(3);
  });

  it('says when the most allowed cannot reach the aim', () => {
    const c = chooseReplicates([set(sd / 10)], s, pilot, undefined);
    expect(c.replicates).toBe(32);
    expect(c.limited).toBe(true);
    expect(c.targets[0].standardError).toBeGreaterThan(c.targets[0].halfBand / 3);
  });
});
