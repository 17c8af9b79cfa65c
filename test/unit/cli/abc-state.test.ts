import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * An ABC state or shard edited by hand, damaged or from elsewhere (issue 20, finding 5): refused with a
 * message naming the field, where before some looped for ever and others gave a wrong posterior silently.
 */
const { dir, file } = scratchFolder('trustfall-abc-state-');
const tiny = file('tiny.json', JSON.stringify({ name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] }));
const abc = ['--method', 'abc', '--params', 'crime.offenderShare:0.01:0.05', '--targets', 'us-baselines', '--particles', '8', '--replicates', '1', '--quiet'];

type State = {
  seed: number;
  particles: number;
  progress: { generations: { epsilon: number | null; particles: { x: number[]; distance: number; weight: number }[] }[]; rng: { s0: number } };
};

describe('damaged ABC states', () => {
  const out = join(dir, 'abc.json');
  const first = sim('calibrate', tiny, ...abc, '--generations', '1', '--out', out);
  const good = readFileSync(join(dir, 'abc.state.json'), 'utf8');
  const cases: [string, (s: State) => void, RegExp][] = [
    ['a particle outside the unit cube', (s) => (s.progress.generations[0].particles[0].x[0] = 1.5), /particles.*x/],
    ['a negative weight', (s) => (s.progress.generations[0].particles[0].weight = -1), /weight/],
    ['weights that sum to 0', (s) => s.progress.generations[0].particles.forEach((p) => (p.weight = 0)), /weights sum to 0/],
    ['a negative tolerance', (s) => (s.progress.generations.at(-1)!.epsilon = -1), /epsilon/],
    ['a negative distance', (s) => (s.progress.generations[0].particles[0].distance = -0.5), /distance/],
    ['a negative seed', (s) => (s.seed = -7), /seed/],
    ['an edited random state', (s) => (s.progress.rng.s0 = 5), /rng/],
    ['more particles than the run keeps', (s) => (s.particles = 4), /particles/],
  ];
  for (const [what, edit, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(first.code, first.err).toBe(0);
      const state = JSON.parse(good) as State;
      edit(state);
      const f = join(dir, `${what.replace(/\W+/g, '-')}.state.json`);
      writeFileSync(f, JSON.stringify(state));
      const r = sim('calibrate', tiny, ...abc, '--generations', '2', '--resume', '--state', f, '--out', join(dir, 'never.json'));
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/not a usable ABC state/);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('refuses to merge a shard whose result was edited', () => {
    const shard = join(dir, 'shard-edited.json');
    const r = sim('calibrate', tiny, ...abc, '--shard', '1/1', '--proposals', '16', '--out', shard);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(shard, 'utf8'));
    s.results[0].distance = 0;
    writeFileSync(shard, JSON.stringify(s));
    const m = sim('merge', shard, '--out', join(dir, 'merged-edited.json'));
    expect(m.code, m.err).toBe(2);
    expect(m.err).toMatch(/proposal \d+'s result does not match its check/);
  });

  it('refuses to merge a shard that lists a proposal twice', () => {
    const shard = join(dir, 'shard-1.json');
    const r = sim('calibrate', tiny, ...abc, '--shard', '1/1', '--proposals', '16', '--out', shard);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(shard, 'utf8'));
    s.results.push(s.results[0]);
    writeFileSync(shard, JSON.stringify(s));
    const m = sim('merge', shard, '--out', join(dir, 'merged.json'));
    expect(m.code, m.err).toBe(2);
    expect(m.err).toMatch(/a proposal appears twice/);
  });

  it('refuses a calibration too large to run before drawing anything, and a shard claiming one', () => {
    const mine = ['--particles', '--replicates'];
    const few = abc.filter((a, i) => !mine.includes(a) && !mine.includes(abc[i - 1]));
    const huge = sim('calibrate', tiny, ...few, '--particles', '100000', '--generations', '100', '--replicates', '1000', '--out', join(dir, 'huge.json'));
    expect(huge.code, huge.err).toBe(2);
    expect(huge.err).toMatch(/100000 particles × 101 generations × 1000 replicates is at least 10,100,000,000 runs/);
    const shardHuge = sim('calibrate', tiny, ...abc, '--shard', '1/2', '--proposals', '2000000', '--out', join(dir, 'huge-shard.json'));
    expect(shardHuge.code, shardHuge.err).toBe(2);
    expect(shardHuge.err).toMatch(/2000000 proposals × 1 replicates/);
    const shard = join(dir, 'shard-claims.json');
    const r = sim('calibrate', tiny, ...abc, '--shard', '1/1', '--proposals', '16', '--out', shard);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(shard, 'utf8'));
    s.proposals = 1e9;
    writeFileSync(shard, JSON.stringify(s));
    const m = sim('merge', shard, '--out', join(dir, 'merged-claims.json'));
    expect(m.code, m.err).toBe(2);
    expect(m.err).toMatch(/the shards claim a generation of 1000000000 proposals/);
  });
});
