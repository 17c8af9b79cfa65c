import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * A stopped sweep goes on (issue 20: every long command saves what finished and can resume): Ctrl-C
 * writes the finished runs to --out; the same command with --resume runs only the rest and ends with
 * the very file an unbroken sweep writes. A stopped file here is an unbroken one with rows taken out,
 * which is what Ctrl-C leaves (its rows keep their checks).
 */
const { dir, file } = scratchFolder('trustfall-sweep-resume-');
file('base.json', JSON.stringify({ name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] }));
const grid = (values: number[]) =>
  JSON.stringify({
    name: 'grid',
    base: 'base.json',
    design: 'grid',
    parameters: [{ path: 'jurisdictions[0].policy.deputisedShare', values }],
    replicates: 2,
    seed: 3,
  });
const sweep = file('sweep.json', grid([0.1, 0.2, 0.3]));
const other = file('other.json', grid([0.1, 0.2, 0.4]));

function stopped(from: string, to: string): number {
  const r = JSON.parse(readFileSync(from, 'utf8')) as { rows: unknown[] };
  r.rows = r.rows.filter((_, i) => i % 2 === 0);
  writeFileSync(to, JSON.stringify(r));
  return r.rows.length;
}

describe('resuming a stopped sweep', () => {
  it('runs only the missing runs, whole sweep or shard, and writes the very file an unbroken run writes', () => {
    for (const shard of [[], ['--shard', '2/2']]) {
      const whole = join(dir, `whole${shard.length}.json`);
      expect(sim('sweep', sweep, ...shard, '--quiet', '--out', whole).code).toBe(0);
      const part = join(dir, `part${shard.length}.json`);
      const kept = stopped(whole, part);
      const total = shard.length ? 3 : 6;
      const r = sim('sweep', sweep, ...shard, '--resume', '--out', part, '--csv', join(dir, `part${shard.length}.csv`));
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(new RegExp(`resuming: ${kept} of ${total} runs kept, ${total - kept} to run`));
      expect(readFileSync(part, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    }
  });

  it('refuses a file of another sweep or slice, or without --out, and leaves it as it was', () => {
    const whole = join(dir, 'refuse.json');
    expect(sim('sweep', sweep, '--quiet', '--out', whole).code).toBe(0);
    const before = readFileSync(whole, 'utf8');
    const another = sim('sweep', other, '--resume', '--out', whole);
    expect(another.code).toBe(2);
    expect(another.err).toMatch(/--resume --out .*: it holds another sweep/);
    const slice = sim('sweep', sweep, '--shard', '1/2', '--resume', '--out', whole);
    expect(slice.code).toBe(2);
    expect(slice.err).toMatch(/it holds the whole sweep, not slice 1\/2/);
    expect(sim('sweep', sweep, '--resume').err).toMatch(/--resume needs --out/);
    expect(readFileSync(whole, 'utf8')).toBe(before);
  });
});
