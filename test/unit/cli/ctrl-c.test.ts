import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * Ctrl-C keeps what is done (issue 20, finding 10): a sensitivity analysis stopped part-way writes the
 * runs that finished as a shard of the analysis, says where, and exits 130; merge then lists what is
 * missing. The signal is sent once the progress line shows the analysis under way (after 5 s).
 */
const { dir, file } = scratchFolder('trustfall-ctrl-c-');
const county = file(
  'county.json',
  JSON.stringify({ name: 'county', run: { years: 3, activationDay: 365, burnInWeeks: 8 }, jurisdictions: [{ residents: 50000 }] }),
);

describe('Ctrl-C', () => {
  it('stops a sensitivity analysis and keeps the finished runs as a shard', async () => {
    const out = join(dir, 'stopped.json');
    const args = ['sensitivity', county, '--params', 'crime.offenderShare,fear.reportingEffect', '--trajectories', '10', '--replicates', '2', '--workers', '1'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--shard', '1/1', '--out', out], {
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let err = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/sensitivity .*\d+%/.test(err) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, err).toBe(130);
    const m = /stopped: (\d+) of (\d+) runs finished, kept in (.+?) \(/.exec(err);
    expect(m, err).not.toBeNull();
    const [finished, total] = [Number(m![1]), Number(m![2])];
    expect(total).toBe(60);
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThan(total);
    const shard = JSON.parse(readFileSync(out, 'utf8'));
    expect(shard.runs).toHaveLength(finished);
    const merged = sim('merge', out);
    expect(merged.code, merged.err).toBe(3);
    expect(merged.err).toMatch(new RegExp(`incomplete: ${total - finished} of ${total} runs missing`));
  }, 120_000);

  it('stops a comparison part-way and compares the replicates that finished, paired, instead of dropping them', async () => {
    // A county large enough that 40 runs take a while (the first progress line comes after 5 s),
    // and the same county under another agreement: compare runs the two scenarios' replicates in turn.
    const run = { years: 3, activationDay: 365, burnInWeeks: 8 };
    const big = file('big.json', JSON.stringify({ name: 'big', run, jurisdictions: [{ residents: 150000 }] }));
    const twin = file('twin.json', JSON.stringify({ name: 'twin', run, jurisdictions: [{ residents: 150000, policy: { model: 'jailEnforcement' } }] }));
    const csv = join(dir, 'stopped-compare.csv');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'compare', big, twin, '--replicates', '20', '--workers', '2', '--csv', csv], {
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let err = '';
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        // Once a tenth is done (both scenarios' first replicates, which run side by side on the two
        // workers), well before half: the first scenario's replicates alone would be all that
        // finished if they ran first.
        const shares = [...err.matchAll(/compare \(40 runs\): +(\d+)%/g)].map((m) => Number(m[1]));
        if (shares.some((s) => s >= 10) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, err).toBe(130);
    expect(err).not.toMatch(/nothing to compare/);
    const finished = /CANCELLED: finished replicates per scenario: (\d+), (\d+)/.exec(out);
    expect(finished, out).not.toBeNull();
    const [a, b] = [Number(finished![1]), Number(finished![2])];
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(a + b).toBeLessThan(40);
    // The CSV holds both scenarios' finished replicates, with replicates in common to pair.
    const rows = readFileSync(csv, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1);
    const replicatesOf = (name: string) => new Set(rows.filter((l) => l.startsWith(`${name},`)).map((l) => l.split(',')[2]));
    expect(replicatesOf('big').size).toBe(a);
    expect(replicatesOf('twin').size).toBe(b);
    expect([...replicatesOf('big')].some((r) => replicatesOf('twin').has(r))).toBe(true);
  }, 180_000);
});
