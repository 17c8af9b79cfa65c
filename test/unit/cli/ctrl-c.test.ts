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
});
