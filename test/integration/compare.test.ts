import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/cli/pool/pool.ts';
import { compareScenarios } from '../../src/compare/compare.ts';
import { differenceInDifferences, runTask, type ReplicateTask } from '../../src/engine/index.ts';
import { planSweep, type SweepError } from '../../src/sweep/plan.ts';
import { Sweep } from '../../src/sweep/schema.ts';
import { twinScenario } from '../../src/evidence/twin.ts';
import { smallScenario } from '../helpers/small.ts';

const small = smallScenario({}, { residents: 2500 }, { model: 'taskForce' });
const tasks = (n: number): ReplicateTask[] => Array.from({ length: n }, (_, replicate) => ({ scenario: small, seed: 9, replicate }));

describe('replicates in parallel', () => {
  it('give the same results whatever the number of workers', async () => {
    const one = await runPool(tasks(4), { workers: 1 });
    const two = await runPool(tasks(4), { workers: 2 });
    expect(one.cancelled).toBe(false);
    expect(two.results).toEqual(one.results);
    expect(one.results[2]).toEqual(runTask(tasks(4)[2]));
  });

  it('keep the replicates already finished when cancelled', async () => {
    const abort = new AbortController();
    const outcome = await runPool(tasks(6), { workers: 1, signal: abort.signal, onResult: (_i, done) => done === 2 && abort.abort() });
    expect(outcome.cancelled).toBe(true);
    const finished = outcome.results.filter((r) => r !== undefined);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(6);
    expect(finished[0]).toEqual(runTask(tasks(6)[0]));
  });
});

describe('twin worlds', () => {
  it('with different policies differ by exactly zero before activation and not after, in the comparison report', () => {
    const twin = twinScenario(small);
    const a = [0, 1, 2].map((r) => runTask({ scenario: small, seed: 3, replicate: r }));
    const b = [0, 1, 2].map((r) => runTask({ scenario: twin, seed: 3, replicate: r }));
    const report = compareScenarios(
      [
        { scenario: small, results: a },
        { scenario: twin, results: b },
      ],
      3,
      3,
    );
    const defined = report.differences.filter((d) => d.estimate.mean !== null);
    const before = defined.filter((d) => d.period === 'before');
    const after = defined.filter((d) => d.period === 'after');
    expect(before.length).toBeGreaterThan(100);
    for (const d of before) expect([d.estimate.mean, d.estimate.lo, d.estimate.hi], `${d.group} ${d.metric}`).toEqual([0, 0, 0]);
    // The policy does something after activation: detentions and status questions at least.
    expect(after.filter((d) => d.estimate.mean !== 0).length).toBeGreaterThan(10);
  });
});

describe('study lenses', () => {
  it('a survey of every household finds the true reporting share; a sample has sampling error', () => {
    const s = smallScenario({ jurisdictions: [{ residents: 3000, policy: { model: 'taskForce' } }, { residents: 3000 }] });
    const all = runTask({ scenario: s, seed: 2, replicate: 0, surveyHouseholds: 1e9 });
    const g = all.summary.jurisdictions[0].groups.all.after;
    expect(all.survey!.jurisdictions[0].after.all.reportedShare.value).toBeCloseTo(g.reportedShare!, 10);
    const some = runTask({ scenario: s, seed: 2, replicate: 0, surveyHouseholds: 150 });
    expect(some.survey!.jurisdictions[0].after.all.reportedShare.se!).toBeGreaterThan(0);
    // The run is the same whatever the survey's size; only the survey attached to its summary differs.
    const { survey: surveySome, ...runSome } = some.summary;
    const { survey: surveyAll, ...runAll } = all.summary;
    expect(runSome).toEqual(runAll);
    expect(surveySome).toEqual(some.survey);
    expect(surveyAll).toEqual(all.survey);
  });

  it('difference in differences subtracts the comparison trend and flags intervals that exclude zero', () => {
    const m = (value: number, se: number) => ({ value, se });
    const d = differenceInDifferences(m(0.4, 0.01), m(0.3, 0.01), m(0.4, 0.01), m(0.38, 0.01));
    expect(d.estimate).toBeCloseTo(-0.08, 12);
    expect(d.se).toBeCloseTo(0.02, 12);
    expect(d.significant).toBe(true);
    expect(differenceInDifferences(m(0.4, 0.1), m(0.3, 0.1), m(0.4, 0.1), m(0.38, 0.1)).significant).toBe(false);
  });
});

describe('sweeps', () => {
  const base = { run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 1500, policy: { model: 'taskForce' } }] };
  const sweep = (over: Record<string, unknown>) =>
    Sweep.parse({ base, parameters: [{ path: 'jurisdictions[0].policy.profilingMultiplier', values: [1, 4] }], ...over });
  const problems = (s: ReturnType<typeof sweep>) => {
    try {
      planSweep(s, base);
    } catch (e) {
      return (e as SweepError).problems;
    }
    return [];
  };

  it('refuses an unknown parameter path, an empty range and too many runs, before running anything', () => {
    expect(problems(sweep({ parameters: [{ path: 'crime.offenderShar', values: [0.01] }] }))[0]).toMatch(/crime\.offenderShar\): unknown parameter path/);
    expect(problems(sweep({ parameters: [{ path: 'crime.offenderShare', values: [] }] }))[0]).toMatch(/empty list of values/);
    expect(problems(sweep({ parameters: [{ path: 'crime.offenderShare', min: 0.05, max: 0.01, steps: 3 }] }))[0]).toMatch(
      /empty range \(min 0\.05 is not below max 0\.01\)/,
    );
    expect(problems(sweep({ parameters: [{ path: 'crime.offenderShare', min: 0.5, max: 2, steps: 3 }] }))[0]).toMatch(
      /leaves the allowed a number from 0 to 1/,
    );
    expect(problems(sweep({ replicates: 30, maxRuns: 50 }))[0]).toMatch(/2 points × 30 replicates = 60 runs, more than maxRuns \(50\)/);
    expect(problems(sweep({ parameters: [{ path: 'jurisdictions[0].policy.model', values: ['taskforce'] }] }))[0]).toMatch(
      /point 0 .*"taskforce" is not allowed/,
    );
  });

  it('a Latin hypercube uses each stratum of each range once', () => {
    const plan = planSweep(sweep({ design: 'latinHypercube', samples: 10, parameters: [{ path: 'crime.offenderShare', min: 0, max: 0.1 }] }), base);
    const strata = plan.points.map((p) => Math.floor((p.values[0] as number) / 0.01)).sort((a, b) => a - b);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('shards merged equal the unsharded sweep, row for row (through the CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustfall-sweep-'));
    const file = join(dir, 'sweep.json');
    writeFileSync(
      file,
      JSON.stringify({
        base,
        parameters: [
          { path: 'jurisdictions[0].policy.profilingMultiplier', values: [1, 4] },
          { path: 'crime.offenderShare', values: [0.01, 0.03] },
        ],
        replicates: 2,
      }),
    );
    const sim = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--quiet'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r;
    };
    sim('sweep', file, '--out', join(dir, 'all.json'), '--workers', '2');
    for (const k of [1, 2, 3]) sim('sweep', file, '--shard', `${k}/3`, '--out', join(dir, `s${k}.json`), '--workers', '1');
    sim('merge', join(dir, 's3.json'), join(dir, 's1.json'), join(dir, 's2.json'), '--out', join(dir, 'merged.json'), '--csv', join(dir, 'merged.csv'));
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8'));
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(all.rows).toHaveLength(8);
    expect(merged).toEqual(all);
    const mergedCsv = readFileSync(join(dir, 'merged.csv'), 'utf8').trim().split('\n');
    // The sweep's provenance, the header, eight runs.
    expect(mergedCsv[0]).toBe(`# Trustfall sweep "${all.name}": engine ${all.engineVersion}; sweep ${all.sweepHash}; 8 runs`);
    expect(mergedCsv).toHaveLength(10);
    const s1 = JSON.parse(readFileSync(join(dir, 's1.json'), 'utf8'));
    expect(s1.rows.map((r: { run: number }) => r.run)).toEqual([0, 3, 6]);
    const incomplete = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'merge', join(dir, 's1.json'), '--out', join(dir, 'part.json')], {
      encoding: 'utf8',
    });
    expect(incomplete.status).toBe(3);
    expect(incomplete.stderr).toMatch(/incomplete: 5 of 8 runs missing/);
    // A value edited inside a row, or a row renumbered to fill a gap, is caught by the row's check.
    const refusedMerge = (edit: (rows: { run: number; metrics: (number | null)[] }[]) => void) => {
      const s2 = JSON.parse(readFileSync(join(dir, 's2.json'), 'utf8'));
      edit(s2.rows);
      writeFileSync(join(dir, 's2-edited.json'), JSON.stringify(s2));
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'merge', join(dir, 's1.json'), join(dir, 's2-edited.json'), join(dir, 's3.json')],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(2);
      return r.stderr;
    };
    expect(refusedMerge((rows) => (rows[0].metrics[0] = (rows[0].metrics[0] ?? 0) + 0.01))).toMatch(/shard 2: the row of run 1 does not match its check/);
    expect(refusedMerge((rows) => (rows[1].run = 2))).toMatch(/the row of run 2 does not match its check/);
  });
});
