import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * A stopped sensitivity analysis goes on (issue 20: every long command saves what finished and can
 * resume): Ctrl-C keeps the finished runs as a shard (ctrl-c.test.ts); the same command with
 * --resume --out that file runs only the missing ones and ends exactly where an unbroken run ends.
 * A stopped file here is an unbroken run's file with runs taken out, which is what Ctrl-C leaves.
 */
const { dir, file } = scratchFolder('trustfall-sensitivity-resume-');
const tiny = file('tiny.json', JSON.stringify({ name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] }));
const analysis = [tiny, '--params', 'crime.offenderShare,fear.reportingEffect', '--trajectories', '2', '--replicates', '2', '--quiet'];

/** The file with only every third run kept, as a stopped analysis would leave it. */
function stopped(from: string, to: string): number {
  const shard = JSON.parse(readFileSync(from, 'utf8')) as { runs: unknown[] };
  shard.runs = shard.runs.filter((_, i) => i % 3 === 0);
  writeFileSync(to, JSON.stringify(shard));
  return shard.runs.length;
}

describe('resuming a stopped sensitivity analysis', () => {
  it('runs only the missing runs of a shard and writes the very file an unbroken run writes', () => {
    const whole = join(dir, 'whole.json');
    expect(sim('sensitivity', ...analysis, '--shard', '1/2', '--out', whole).code).toBe(0);
    const part = join(dir, 'part.json');
    const kept = stopped(whole, part);
    const r = sim('sensitivity', ...analysis.filter((a) => a !== '--quiet'), '--shard', '1/2', '--resume', '--out', part);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`resuming: ${kept} of 6 runs kept, ${6 - kept} to run`));
    expect(readFileSync(part, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('finishes an unsharded analysis: the report an unbroken run prints, and the file made whole', () => {
    const plain = sim('sensitivity', ...analysis, '--json');
    expect(plain.code, plain.err).toBe(0);
    const whole = join(dir, 'unsharded.json');
    expect(sim('sensitivity', ...analysis, '--shard', '1/1', '--out', whole).code).toBe(0);
    const part = join(dir, 'unsharded-part.json');
    stopped(whole, part);
    const r = sim('sensitivity', ...analysis, '--json', '--resume', '--out', part);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(plain.out);
    expect(readFileSync(part, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('refuses a file of other settings or another slice, naming what differs, and leaves it as it was', () => {
    const whole = join(dir, 'refuse.json');
    expect(sim('sensitivity', ...analysis, '--shard', '1/2', '--out', whole).code).toBe(0);
    const before = readFileSync(whole, 'utf8');
    const other = sim('sensitivity', ...analysis.map((a, i) => (analysis[i - 1] === '--replicates' ? '3' : a)), '--shard', '1/2', '--resume', '--out', whole);
    expect(other.code, other.err).toBe(2);
    expect(other.err).toMatch(/other settings \(replicates differ\)/);
    const slice = sim('sensitivity', ...analysis, '--shard', '2/2', '--resume', '--out', whole);
    expect(slice.code, slice.err).toBe(2);
    expect(slice.err).toMatch(/holds slice 1\/2 of the analysis, not 2\/2/);
    const none = sim('sensitivity', ...analysis, '--resume');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--resume needs --out/);
    expect(readFileSync(whole, 'utf8')).toBe(before);
  });
});
