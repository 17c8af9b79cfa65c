import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MetricKey, runTask } from '../../../src/engine/index.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/** A town small enough to run hundreds of times in a test, with no agreement (before = after). */
const TOWN = {
  name: 'Recovery town',
  run: { years: 1, activationDay: 180, burnInWeeks: 26, seed: 5 },
  jurisdictions: [{ residents: 12000, gridWidth: 4, gridHeight: 4, policy: { model: 'none' } }],
};
/** The known values the synthetic targets are made at. */
const TRUTH = { rate: 25, reporting: 0.55 };
const PARAMS = 'crime.types.simpleAssault.ratePer1000:5:40,crime.types.simpleAssault.reportingBase:0.2:0.9';
/** Replicates the synthetic data are made on: far from any the sampler runs (0 upward). */
const VALIDATION = Array.from({ length: 8 }, (_, k) => 1_000_000 + k);

describe('ABC calibration recovers parameters from targets the model made at known values', () => {
  it('puts each true value inside its 90% posterior interval, and the data narrow each interval to about a third of its prior range', () => {
    const at = structuredClone(TOWN) as Record<string, unknown> & typeof TOWN;
    (at as Record<string, unknown>).crime = { types: { simpleAssault: { ratePer1000: TRUTH.rate, reportingBase: TRUTH.reporting } } };
    const scenario = resolveScenario(at);
    const runs = VALIDATION.map((replicate) => runTask({ scenario, seed: 5, replicate }).summary);
    const mean = (key: MetricKey) => runs.reduce((a, r) => a + (r.jurisdictions[0].groups.all.after[key] ?? 0), 0) / runs.length;
    const rate = mean('victimisationPer1000.simpleAssault');
    const share = mean('reportedShare.simpleAssault');
    const target = (id: string, key: MetricKey, value: number, half: number) => ({
      id,
      measure: id,
      value,
      band: [value - half, value + half],
      unit: 'synthetic',
      population: 'the recovery town',
      simulated: { kind: 'metric', key, group: 'all', period: 'after' },
      citation: 'made by the model at known parameter values',
      url: 'https://example.org/synthetic',
    });
    const { dir, file } = scratchFolder('trustfall-abc-');
    const targets = file(
      'synthetic.json',
      JSON.stringify({
        schemaVersion: 1,
        id: 'synthetic',
        title: 'Synthetic targets',
        version: '1',
        description: 'Made by the model at known values on replicates the sampler never runs.',
        targets: [
          target('simple-assault-rate', 'victimisationPer1000.simpleAssault', rate, 0.1 * rate),
          target('simple-assault-reported', 'reportedShare.simpleAssault', share, 0.05),
        ],
      }),
    );
    const town = file('town.json', JSON.stringify(TOWN));
    const out = join(dir, 'posterior.json');
    const r = sim(
      'calibrate',
      town,
      '--method',
      'abc',
      '--params',
      PARAMS,
      '--targets',
      targets,
      '--particles',
      '40',
      '--generations',
      '5',
      '--replicates',
      '2',
      '--out',
      out,
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const [ratePost, reportingPost] = report.parameters.map((p: { posterior: { lo: number; hi: number } }) => p.posterior);
    expect(ratePost.lo).toBeLessThanOrEqual(TRUTH.rate);
    expect(ratePost.hi).toBeGreaterThanOrEqual(TRUTH.rate);
    expect(reportingPost.lo).toBeLessThanOrEqual(TRUTH.reporting);
    expect(reportingPost.hi).toBeGreaterThanOrEqual(TRUTH.reporting);
    // Informative, not just wide: each interval spans about a third of its prior range or less.
    expect(ratePost.hi - ratePost.lo).toBeLessThan(0.35 * (40 - 5));
    expect(reportingPost.hi - reportingPost.lo).toBeLessThan(0.35 * (0.9 - 0.2));
    // The report has what a researcher needs: correlations and the posterior predictive of each target.
    expect(report.correlation).toHaveLength(2);
    expect(report.predictive.find((p: { stat: string }) => p.stat === 'synthetic/simple-assault-rate').target.value).toBeCloseTo(rate, 2);
    expect(readFileSync(join(dir, 'posterior.md'), 'utf8')).toMatch(/## Correlations/);
  }, 600_000);
});
