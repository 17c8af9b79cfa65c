import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

const { dir } = scratchFolder('trustfall-nation-');
const out = (name: string) => join(dir, name);
// Three small states at 1:1000 (every county at the 100-resident floor), so the test is quick; the shards split them 2 + 1.
const RUN = ['--states', 'WY,NH,ME', '--scale', '1:1000', '--replicates', '2', '--quiet'];

describe('sim nation', () => {
  it('runs each county with an agreement against its twin, and its state shards merge into the unsharded report', () => {
    const whole = sim('nation', ...RUN, '--out', out('whole.json'));
    expect(whole.code, whole.err).toBe(0);
    const report = JSON.parse(readFileSync(out('whole.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'trustfall-nation', states: ['ME', 'NH', 'WY'], scale: 1000, replicates: 2, shard: null });
    // Every county of those states is either run or counted as without an agreement.
    expect(report.counties.length + report.untreatedCounties).toBe(16 + 10 + 23);
    expect(report.counties.map((c: { state: string }) => c.state)).toContain('WY');
    for (const c of report.counties) expect(c.reporting).toHaveLength(2);
    expect(whole.out).toMatch(/Latino reporting, every Latino resident/);

    for (const k of [1, 2]) expect(sim('nation', ...RUN, '--shard', `${k}/2`, '--out', out(`shard${k}.json`)).code).toBe(0);
    expect(JSON.parse(readFileSync(out('shard1.json'), 'utf8')).states).toEqual(['ME', 'WY']);
    const merged = sim('merge', out('shard2.json'), out('shard1.json'), '--out', out('merged.json'), '--quiet');
    expect(merged.code, merged.err).toBe(0);
    expect(readFileSync(out('merged.json'), 'utf8')).toBe(readFileSync(out('whole.json'), 'utf8'));
  });

  it('refuses the same state in two shards, a missing shard, a state that does not exist and a single replicate', () => {
    expect(sim('merge', out('shard1.json'), out('shard1.json')).err).toMatch(/ME is in more than one shard/);
    expect(sim('merge', out('shard1.json')).err).toMatch(/shard 2\/2 is missing/);
    expect(sim('nation', '--states', 'ZZ').err).toMatch(/"ZZ" is not the postal code/);
    expect(sim('nation', '--replicates', '1').err).toMatch(/--replicates 2 or more/);
  });
});
